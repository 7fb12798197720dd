#include "calendaraccessible.h"

#include "domain/clock.h"
#include "itemmodels/shiftrangemodel.h"
#include "monthview.h"
#include "timelineview.h"

#include <QLocale>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

// Not say(): inside the accessible classes that name means QAccessibleActionInterface::tr.
QString say(const char *text)
{
    return QCoreApplication::translate("Tandem::CalendarAccessible", text);
}

/// Registers a child with QAccessible (which then owns it) and remembers its id.
template <typename Key>
QAccessibleInterface *remembered(QHash<Key, QAccessible::Id> &ids, const Key &key,
                                 const std::function<QAccessibleInterface *()> &make)
{
    auto it = ids.constFind(key);
    if (it != ids.constEnd()) {
        if (QAccessibleInterface *iface = QAccessible::accessibleInterface(*it)) {
            return iface;
        }
    }
    QAccessibleInterface *iface = make();
    ids.insert(key, QAccessible::registerAccessibleInterface(iface));
    return iface;
}

/// Deletes the children whose key `stale` says are gone, and forgets them.
template <typename Key, typename Stale> void forgetIf(QHash<Key, QAccessible::Id> &ids, Stale stale)
{
    for (auto it = ids.begin(); it != ids.end();) {
        if (stale(it.key())) {
            if (QAccessible::accessibleInterface(it.value())) {
                QAccessible::deleteAccessibleInterface(it.value());
            }
            it = ids.erase(it);
        } else {
            ++it;
        }
    }
}

template <typename Key> void forgetAll(QHash<Key, QAccessible::Id> &ids)
{
    forgetIf(ids, [](const Key &) { return true; });
}

QString dayWords(QDate day)
{
    return QLocale().toString(day, u"ddd d MMM"_s);
}

} // namespace

// --- The factory ------------------------------------------------------------------------------

QAccessibleInterface *CalendarAccessible::factory(const QString &className, QObject *object)
{
    if (!object || !object->isWidgetType()) {
        return nullptr;
    }
    if (className == u"Tandem::MonthView"_s) {
        return new MonthViewAccessible(static_cast<MonthView *>(object));
    }
    if (className == u"Tandem::TimelineView"_s) {
        return new TimelineAccessible(static_cast<TimelineView *>(object));
    }
    return nullptr;
}

void CalendarAccessible::notify(QWidget *view, bool layout)
{
    if (!QAccessible::isActive()) {
        return;
    }
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    auto *month = dynamic_cast<MonthViewAccessible *>(iface);
    auto *timeline = dynamic_cast<TimelineAccessible *>(iface);
    if (!month && !timeline) {
        return;
    }
    if (layout) {
        month ? month->forgetStale() : timeline->forgetStale();
        QAccessibleEvent event(view, QAccessible::ObjectReorder);
        QAccessible::updateAccessibility(&event);
    } else if (view->hasFocus()) {
        // The day or shift the arrow keys moved to, as the focus: a screen reader says it.
        if (QAccessibleInterface *child = iface->focusChild()) {
            QAccessibleEvent event(child, QAccessible::Focus);
            QAccessible::updateAccessibility(&event);
        }
    }
}

void CalendarAccessible::install()
{
    static bool installed = false;
    if (!installed) {
        installed = true;
        QAccessible::installFactory(&CalendarAccessible::factory);
    }
}

// --- A shift ----------------------------------------------------------------------------------

ShiftAccessible::ShiftAccessible(QAccessibleInterface *parent, QWidget *view, ShiftRangeModel *model, ShiftId id)
    : m_parent(parent), m_view(view), m_model(model), m_id(id)
{}

int ShiftAccessible::row() const
{
    return m_model ? m_model->indexOf(m_id).row() : -1;
}

bool ShiftAccessible::isValid() const
{
    return m_view && row() >= 0;
}

QWindow *ShiftAccessible::window() const
{
    return m_parent ? m_parent->window() : nullptr;
}

QString ShiftAccessible::text(QAccessible::Text t) const
{
    const int r = row();
    if (r < 0) {
        return {};
    }
    const QModelIndex idx = m_model->index(r);
    const Shift &s = m_model->shiftAt(r);
    const QTimeZone zone = m_model->viewerTimeZone();
    const QString dev =
        s.dev.isNull() ? say("nobody in the developer seat") : idx.data(ShiftRangeModel::DevNameRole).toString();
    const QString ops =
        s.ops.isNull() ? say("nobody in the ops seat") : idx.data(ShiftRangeModel::OpsNameRole).toString();
    const QString problems = idx.data(ShiftRangeModel::ProblemTextRole).toString();
    switch (t) {
    case QAccessible::Name: {
        QString name = say("%1, %2, %3 and %4")
                           .arg(dayWords(s.start.toTimeZone(zone).date()),
                                idx.data(ShiftRangeModel::RotationNameRole).toString(), dev, ops);
        if (!problems.isEmpty()) {
            name += say(", conflict: %1").arg(problems);
        }
        return name;
    }
    case QAccessible::Description: {
        const QLocale locale;
        QStringList parts;
        parts << say("from %1 to %2 (%3)")
                     .arg(locale.toString(s.start.toTimeZone(zone), u"ddd d MMM HH:mm"_s),
                          locale.toString(s.end.toTimeZone(zone), u"ddd d MMM HH:mm"_s), QString::fromUtf8(zone.id()));
        parts << say("developer: %1").arg(s.dev.isNull() ? say("empty seat") : dev);
        parts << say("ops engineer: %1").arg(s.ops.isNull() ? say("empty seat") : ops);
        if (const int state = idx.data(ShiftRangeModel::StateRole).toInt(); state != int(ShiftState::Planned)) {
            parts << shiftStateToString(ShiftState(state));
        }
        if (const QString note = idx.data(ShiftRangeModel::NoteRole).toString(); !note.isEmpty()) {
            parts << say("handoff note: %1").arg(note);
        }
        if (idx.data(ShiftRangeModel::HighlightRole).toBool()) {
            parts << say("highlighted");
        }
        return parts.join(u"; "_s);
    }
    case QAccessible::Help:
        return say("Return opens the details; the menu key swaps, assigns, clears, locks or moves the handoff.");
    default:
        return {};
    }
}

QRect ShiftAccessible::rect() const
{
    if (!m_view || row() < 0) {
        return {};
    }
    QRect local;
    if (auto *month = qobject_cast<MonthView *>(m_view)) {
        local = month->shiftRect(m_id);
        if (!local.isValid()) {
            // Behind "+N more": the day it belongs to.
            local = month->dayRect(static_cast<MonthDayAccessible *>(m_parent)->day());
        }
        return QRect(month->mapToGlobal(local.topLeft()), local.size());
    }
    if (auto *timeline = qobject_cast<TimelineView *>(m_view)) {
        local = timeline->shiftRect(m_id);
        return local.isValid() ? QRect(timeline->viewport()->mapToGlobal(local.topLeft()), local.size()) : QRect();
    }
    return {};
}

QAccessible::State ShiftAccessible::state() const
{
    QAccessible::State s;
    s.focusable = true;
    s.selectable = true;
    if (!m_view) {
        s.invalid = true;
        return s;
    }
    ShiftId current;
    if (auto *month = qobject_cast<MonthView *>(m_view)) {
        current = month->currentShift();
    } else if (auto *timeline = qobject_cast<TimelineView *>(m_view)) {
        current = timeline->currentShift();
        s.offscreen = !timeline->shiftRect(m_id).isValid();
    }
    s.selected = current == m_id;
    s.focused = s.selected && m_view->hasFocus();
    s.invisible = !m_view->isVisible();
    return s;
}

void *ShiftAccessible::interface_cast(QAccessible::InterfaceType type)
{
    return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
}

QStringList ShiftAccessible::actionNames() const
{
    return {pressAction(), showMenuAction(), setFocusAction()};
}

void ShiftAccessible::doAction(const QString &actionName)
{
    if (!m_view || row() < 0) {
        return;
    }
    auto *month = qobject_cast<MonthView *>(m_view);
    auto *timeline = qobject_cast<TimelineView *>(m_view);
    if (actionName == setFocusAction() || actionName == pressAction() || actionName == showMenuAction()) {
        m_view->setFocus();
        if (month) {
            month->setCurrentDate(static_cast<MonthDayAccessible *>(m_parent)->day());
            month->setCurrentShift(m_id);
        } else if (timeline) {
            timeline->setCurrentShift(m_id);
        }
    }
    if (actionName == pressAction()) {
        if (month) {
            Q_EMIT month->shiftActivated(m_id);
        } else if (timeline) {
            Q_EMIT timeline->shiftActivated(m_id);
        }
    } else if (actionName == showMenuAction()) {
        const QPoint at = rect().center();
        if (month) {
            Q_EMIT month->contextMenuRequested(m_id, at);
        } else if (timeline) {
            Q_EMIT timeline->contextMenuRequested(m_id, at);
        }
    }
}

QStringList ShiftAccessible::keyBindingsForAction(const QString &actionName) const
{
    if (actionName == pressAction()) {
        return {u"Return"_s};
    }
    if (actionName == showMenuAction()) {
        return {u"Menu"_s, u"Shift+F10"_s};
    }
    return {};
}

// --- A day of the month grid ------------------------------------------------------------------

MonthDayAccessible::MonthDayAccessible(QAccessibleInterface *parent, MonthView *view, QDate day)
    : m_parent(parent), m_view(view), m_day(day)
{}

MonthDayAccessible::~MonthDayAccessible()
{
    forgetAll(m_shifts);
}

bool MonthDayAccessible::isValid() const
{
    return m_view && m_view->dayRect(m_day).isValid();
}

QWindow *MonthDayAccessible::window() const
{
    return m_parent ? m_parent->window() : nullptr;
}

QList<ShiftId> MonthDayAccessible::shiftIds() const
{
    QList<ShiftId> ids;
    if (m_view && m_view->model()) {
        for (int row : m_view->rowsStartingOn(m_day)) {
            ids.append(m_view->model()->shiftAt(row).id);
        }
    }
    return ids;
}

QAccessibleInterface *MonthDayAccessible::shiftChild(ShiftId id) const
{
    auto *self = const_cast<MonthDayAccessible *>(this);
    return remembered<ShiftId>(m_shifts, id, [&] { return new ShiftAccessible(self, m_view, m_view->model(), id); });
}

void MonthDayAccessible::forgetStale()
{
    const QList<ShiftId> ids = shiftIds();
    forgetIf(m_shifts, [&ids](ShiftId id) { return !ids.contains(id); });
}

QAccessibleInterface *MonthDayAccessible::child(int index) const
{
    const QList<ShiftId> ids = shiftIds();
    return index >= 0 && index < ids.size() ? shiftChild(ids.at(index)) : nullptr;
}

int MonthDayAccessible::childCount() const
{
    return int(shiftIds().size());
}

int MonthDayAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    if (!child || child->parent() != this) {
        return -1;
    }
    return int(shiftIds().indexOf(static_cast<const ShiftAccessible *>(child)->shiftId()));
}

QAccessibleInterface *MonthDayAccessible::childAt(int x, int y) const
{
    for (int i = 0; i < childCount(); ++i) {
        QAccessibleInterface *c = child(i);
        if (c && c->rect().contains(x, y)) {
            return c;
        }
    }
    return nullptr;
}

QString MonthDayAccessible::text(QAccessible::Text t) const
{
    if (!m_view) {
        return {};
    }
    ShiftRangeModel *model = m_view->model();
    const QList<int> rows = m_view->rowsCovering(m_day);
    const QList<int> uncovered = m_view->uncoveredOn(m_day);
    if (t == QAccessible::Name) {
        QStringList parts{QLocale().toString(m_day, u"dddd d MMMM yyyy"_s)};
        if (m_day == Clock::current().today()) {
            parts << say("today");
        }
        if (model && model->holidays().contains(m_day)) {
            parts << say("holiday: %1").arg(model->holidays().value(m_day));
        }
        parts << (rows.isEmpty()     ? say("no shift")
                  : rows.size() == 1 ? say("1 shift")
                                     : say("%1 shifts").arg(rows.size()));
        int conflicts = 0;
        for (int row : rows) {
            conflicts += model->problemsOf(row) != NoProblem ? 1 : 0;
        }
        if (conflicts > 0) {
            parts << (conflicts == 1 ? say("1 with a conflict") : say("%1 with conflicts").arg(conflicts));
        }
        if (!uncovered.isEmpty()) {
            parts << say("time with nobody on call");
        }
        if (const QString away = m_view->leaveText(m_day); !away.isEmpty()) {
            parts << away;
        }
        return parts.join(u", "_s);
    }
    if (t == QAccessible::Description && model) {
        // Who is on call that day, and what is not covered.
        QStringList parts;
        for (int row : rows) {
            const QModelIndex idx = model->index(row);
            parts << say("%1: %2").arg(idx.data(ShiftRangeModel::RotationNameRole).toString(), idx.data().toString());
        }
        for (int i : uncovered) {
            parts << m_view->uncoveredText(i);
        }
        return parts.join(u"; "_s);
    }
    return {};
}

QRect MonthDayAccessible::rect() const
{
    if (!m_view) {
        return {};
    }
    const QRect local = m_view->dayRect(m_day);
    return QRect(m_view->mapToGlobal(local.topLeft()), local.size());
}

QAccessible::State MonthDayAccessible::state() const
{
    QAccessible::State s;
    s.focusable = true;
    s.selectable = true;
    if (!m_view) {
        s.invalid = true;
        return s;
    }
    s.selected = m_view->currentDate() == m_day;
    s.focused = s.selected && m_view->currentShift().isNull() && m_view->hasFocus();
    s.invisible = !m_view->isVisible();
    return s;
}

void *MonthDayAccessible::interface_cast(QAccessible::InterfaceType type)
{
    return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
}

QStringList MonthDayAccessible::actionNames() const
{
    return {setFocusAction(), showMenuAction()};
}

void MonthDayAccessible::doAction(const QString &actionName)
{
    if (!m_view) {
        return;
    }
    m_view->setFocus();
    m_view->setCurrentDate(m_day);
    m_view->setCurrentShift({});
    if (actionName == showMenuAction()) {
        Q_EMIT m_view->contextMenuRequested({}, rect().center());
    }
}

// --- The month grid ---------------------------------------------------------------------------

MonthViewAccessible::MonthViewAccessible(MonthView *view) : QAccessibleWidget(view, QAccessible::List) {}

MonthViewAccessible::~MonthViewAccessible()
{
    forgetAll(m_days);
}

MonthView *MonthViewAccessible::view() const
{
    return static_cast<MonthView *>(widget());
}

MonthDayAccessible *MonthViewAccessible::dayChild(QDate day) const
{
    auto *self = const_cast<MonthViewAccessible *>(this);
    return static_cast<MonthDayAccessible *>(
        remembered<QDate>(m_days, day, [&] { return new MonthDayAccessible(self, view(), day); }));
}

void MonthViewAccessible::forgetStale()
{
    const QDate first = view()->gridStart();
    forgetIf(m_days, [first](QDate day) { return day < first || day >= first.addDays(42); });
    for (const QAccessible::Id id : std::as_const(m_days)) {
        if (auto *day = static_cast<MonthDayAccessible *>(QAccessible::accessibleInterface(id))) {
            day->forgetStale();
        }
    }
}

QAccessibleInterface *MonthViewAccessible::child(int index) const
{
    return index >= 0 && index < 42 ? dayChild(view()->gridStart().addDays(index)) : nullptr;
}

int MonthViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    if (!child || child->parent() != this) {
        return -1;
    }
    const qint64 index = view()->gridStart().daysTo(static_cast<const MonthDayAccessible *>(child)->day());
    return index >= 0 && index < 42 ? int(index) : -1;
}

QAccessibleInterface *MonthViewAccessible::childAt(int x, int y) const
{
    const QPoint local = view()->mapFromGlobal(QPoint(x, y));
    for (int i = 0; i < 42; ++i) {
        const QDate day = view()->gridStart().addDays(i);
        if (view()->dayRect(day).contains(local)) {
            return dayChild(day);
        }
    }
    return nullptr;
}

QAccessibleInterface *MonthViewAccessible::focusChild() const
{
    MonthDayAccessible *day = dayChild(view()->currentDate());
    const ShiftId current = view()->currentShift();
    if (current.isNull() || !view()->model()) {
        return day;
    }
    // The shift lives under the day it begins on in the grid.
    for (int i = 0; i < 42; ++i) {
        const QDate date = view()->gridStart().addDays(i);
        for (int row : view()->rowsStartingOn(date)) {
            if (view()->model()->shiftAt(row).id == current) {
                return dayChild(date)->shiftChild(current);
            }
        }
    }
    return day;
}

QString MonthViewAccessible::text(QAccessible::Text t) const
{
    if (t == QAccessible::Name) {
        return say("Month calendar, %1").arg(QLocale().toString(view()->month(), u"MMMM yyyy"_s));
    }
    if (t == QAccessible::Description) {
        return say("Arrow keys move between days, Ctrl+Up and Ctrl+Down between the shifts of a day, Return "
                   "opens a shift, the menu key acts on it.");
    }
    return QAccessibleWidget::text(t);
}

// --- The timeline -----------------------------------------------------------------------------

TimelineAccessible::TimelineAccessible(TimelineView *view) : QAccessibleWidget(view, QAccessible::List) {}

TimelineAccessible::~TimelineAccessible()
{
    forgetAll(m_shifts);
}

TimelineView *TimelineAccessible::view() const
{
    return static_cast<TimelineView *>(widget());
}

QAccessibleInterface *TimelineAccessible::shiftChild(ShiftId id) const
{
    auto *self = const_cast<TimelineAccessible *>(this);
    return remembered<ShiftId>(m_shifts, id, [&] { return new ShiftAccessible(self, view(), view()->model(), id); });
}

void TimelineAccessible::forgetStale()
{
    ShiftRangeModel *model = view()->model();
    forgetIf(m_shifts, [model](ShiftId id) { return !model || !model->indexOf(id).isValid(); });
}

int TimelineAccessible::childCount() const
{
    return view()->model() ? view()->model()->rowCount() : 0;
}

QAccessibleInterface *TimelineAccessible::child(int index) const
{
    ShiftRangeModel *model = view()->model();
    return model && index >= 0 && index < model->rowCount() ? shiftChild(model->shiftAt(index).id) : nullptr;
}

int TimelineAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    if (!child || child->parent() != this || !view()->model()) {
        return -1;
    }
    return view()->model()->indexOf(static_cast<const ShiftAccessible *>(child)->shiftId()).row();
}

QAccessibleInterface *TimelineAccessible::childAt(int x, int y) const
{
    for (int i = 0; i < childCount(); ++i) {
        QAccessibleInterface *c = child(i);
        if (c && c->rect().contains(x, y)) {
            return c;
        }
    }
    return nullptr;
}

QAccessibleInterface *TimelineAccessible::focusChild() const
{
    const ShiftId current = view()->currentShift();
    return current.isNull() || !view()->model() || !view()->model()->indexOf(current).isValid() ? nullptr
                                                                                                : shiftChild(current);
}

QString TimelineAccessible::text(QAccessible::Text t) const
{
    if (t == QAccessible::Name) {
        const QDate first = view()->firstVisibleDate();
        const QDate last = first.addDays(qint64(std::ceil(view()->visibleDays())) - 1);
        return say("Timeline, %1 to %2").arg(dayWords(first), dayWords(last));
    }
    if (t == QAccessible::Description) {
        QString text = say("Left and Right move between the shifts of a rotation, Up and Down between rotations, "
                           "Return opens a shift, the menu key acts on it, plus and minus zoom.");
        // A service's holes are painted, not focusable: said here, with their times.
        const QList<QPair<int, QRectF>> holes = view()->serviceHoleBars();
        if (!holes.isEmpty()) {
            const ShiftRangeModel *model = view()->model();
            const auto service = model->service();
            const QLocale locale;
            QStringList when;
            for (const auto &[index, rect] : holes) {
                const Reports::ServiceHole &hole = model->serviceHoles().at(index);
                when << say("%1 to %2")
                            .arg(
                                locale.toString(hole.start.toTimeZone(model->viewerTimeZone()), u"dddd d MMMM HH:mm"_s),
                                locale.toString(hole.end.toTimeZone(model->viewerTimeZone()), u"HH:mm"_s));
            }
            text += u' ' + say("%1 is not held by a pair in these days: %2.")
                               .arg(service ? service->name : QString(), when.join(u"; "_s));
        }
        return text;
    }
    return QAccessibleWidget::text(t);
}

} // namespace Tandem
