#include "timelineview.h"

#include "calendaraccessible.h"
#include "domain/clock.h"
#include "itemmodels/shiftrangemodel.h"
#include "shiftbar.h"

#include <QAccessible>
#include <QApplication>
#include <QDrag>
#include <QHelpEvent>
#include <QLocale>
#include <QMultiHash>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStaticText>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

constexpr int MinLabelWidth = 180;
constexpr int MaxLabelWidth = 340;
constexpr int HeaderHeight = 42;
constexpr int LaneHeight = 26;
constexpr double MinDays = 1;
constexpr double MaxDays = 92;

using ShiftBar::tint;

} // namespace

TimelineView::TimelineView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(u"timelineView"_s);
    CalendarAccessible::install();
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAcceptDrops(true);
    viewport()->setMouseTracking(true);
    m_origin = m_today.addDays(-365);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(LaneHeight);
    updateScrollBars();
    scrollToDate(m_today.addDays(-(m_today.dayOfWeek() - 1)));
}

ShiftRangeModel *TimelineView::model() const
{
    return m_model;
}

void TimelineView::setModel(ShiftRangeModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (model) {
        auto repaint = [this] {
            rebuildLanes();
            viewport()->update();
            notifyAccessibility(true);
        };
        connect(model, &QAbstractItemModel::modelReset, this, repaint);
        connect(model, &QAbstractItemModel::rowsInserted, this, repaint);
        connect(model, &QAbstractItemModel::rowsRemoved, this, repaint);
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { viewport()->update(); });
        connect(model, &ShiftRangeModel::referenceDataChanged, this, repaint);
        connect(model, &ShiftRangeModel::uncoveredChanged, this, repaint);
        // A requested range arrived: the view may have scrolled on towards its edge meanwhile.
        connect(model, &ShiftRangeModel::rangeChanged, this, &TimelineView::ensureLoaded, Qt::QueuedConnection);
    }
    rebuildLanes();
    ensureLoaded();
}

void TimelineView::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    viewport()->update();
}

void TimelineView::setToday(QDate today)
{
    m_today = today;
    viewport()->update();
}

void TimelineView::setRows(Rows rows)
{
    m_rows = rows;
    rebuildLanes();
    viewport()->update();
}

double TimelineView::pixelsPerDay() const
{
    return std::max(1, viewport()->width() - m_labelWidth) / m_visibleDays;
}

double TimelineView::visibleDays() const
{
    return m_visibleDays;
}

void TimelineView::setVisibleDays(double days)
{
    const QDate first = firstVisibleDate();
    m_visibleDays = std::clamp(days, MinDays, MaxDays);
    updateScrollBars();
    applyOffset();
    Q_UNUSED(first);
    ensureLoaded();
    viewport()->update();
}

void TimelineView::zoomIn()
{
    setVisibleDays(m_visibleDays / 1.5);
}

void TimelineView::zoomOut()
{
    setVisibleDays(m_visibleDays * 1.5);
}

void TimelineView::applyOffset()
{
    // While the view is hidden or tiny, the scroll range is too short for the offset; it is kept
    // and applied again once the view has its size.
    const QSignalBlocker block(horizontalScrollBar());
    horizontalScrollBar()->setValue(int(std::lround(m_offsetDays * pixelsPerDay())));
    viewport()->update();
}

void TimelineView::scrollToDate(QDate date)
{
    m_offsetDays = double(m_origin.daysTo(date));
    applyOffset();
    ensureLoaded();
}

QDate TimelineView::firstVisibleDate() const
{
    return m_origin.addDays(qint64(std::floor(m_offsetDays + 1e-9)));
}

void TimelineView::setCurrentShift(ShiftId id)
{
    if (id != m_currentShift) {
        m_currentShift = id;
        Q_EMIT currentShiftChanged(id);
        viewport()->update();
        notifyAccessibility(false);
    }
}

QRect TimelineView::shiftRect(ShiftId id) const
{
    if (!m_model) {
        return {};
    }
    for (const Bar &bar : bars()) {
        if (m_model->shiftAt(bar.row).id == id && bar.rect.right() > m_labelWidth &&
            bar.rect.left() < viewport()->width() && bar.rect.bottom() > HeaderHeight) {
            return bar.rect.toAlignedRect().intersected(viewport()->rect());
        }
    }
    return {};
}

void TimelineView::notifyAccessibility(bool layout)
{
    CalendarAccessible::notify(this, layout);
}

void TimelineView::updateScrollBars()
{
    const double ppd = pixelsPerDay();
    // A range that clamps the value (a hidden or tiny view) must not move the offset.
    const QSignalBlocker block(horizontalScrollBar());
    horizontalScrollBar()->setPageStep(viewport()->width() - m_labelWidth);
    horizontalScrollBar()->setRange(0, int(m_spanDays * ppd) - (viewport()->width() - m_labelWidth));
    const int contentHeight = int(m_lanes.size()) * LaneHeight;
    verticalScrollBar()->setPageStep(viewport()->height() - HeaderHeight);
    verticalScrollBar()->setRange(0, std::max(0, contentHeight - (viewport()->height() - HeaderHeight)));
}

void TimelineView::ensureLoaded()
{
    // A hidden timeline (the calendar shows the month) reads nothing; it loads when shown.
    if (!m_model || !isVisible()) {
        return;
    }
    const QDate first = firstVisibleDate();
    const QDate last = first.addDays(qint64(std::ceil(m_visibleDays)) + 1);
    Q_EMIT visibleRangeChanged(first, last);
    // The visible days plus a margin of half a screen on each side are loaded. Only when the
    // visible days leave what is loaded does this frame wait for the model; when they come
    // within a quarter of a screen of its edge, the model reads the days that come into view in
    // a worker and moves when they arrive (then this looks again), so that frames do not wait.
    const QDateTime from = QDateTime(first, QTime(0, 0), m_zone);
    const QDateTime to = QDateTime(last, QTime(0, 0), m_zone);
    if (!m_model->from().isValid() || m_model->from() > from || m_model->to() < to) {
        loadAround(true);
        return;
    }
    const qint64 near = std::max<qint64>(1, qint64(m_visibleDays / 4));
    if ((m_model->from() > from.addDays(-near) || m_model->to() < to.addDays(near)) &&
        !m_model->requestedRange().first.isValid()) {
        loadAround(false);
    }
}

void TimelineView::loadAround(bool wait)
{
    if (!m_model || !isVisible()) {
        return;
    }
    const QDate first = firstVisibleDate();
    const QDate last = first.addDays(qint64(std::ceil(m_visibleDays)) + 1);
    const qint64 margin = std::max<qint64>(2, qint64(m_visibleDays / 2));
    const QDateTime from(first.addDays(-margin), QTime(0, 0), m_zone);
    const QDateTime to(last.addDays(margin), QTime(0, 0), m_zone);
    if (wait) {
        m_model->setRange(from, to);
    } else {
        // The new days are read by a worker while frames go on; the model moves when they arrive.
        m_model->requestRange(from, to);
    }
}

void TimelineView::rebuildLanes()
{
    const QList<Lane> before = std::exchange(m_lanes, {});
    if (!m_model) {
        updateScrollBars();
        return;
    }
    if (m_rows == Rows::Rotations) {
        QSet<RotationId> shown;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            shown.insert(m_model->shiftAt(row).rotationId);
        }
        for (const UncoveredSlot &u : m_model->uncovered()) {
            shown.insert(u.rotation);
        }
        for (const Rotation &r : m_model->rotations()) {
            if (!shown.isEmpty() && !shown.contains(r.id)) {
                continue;
            }
            m_lanes.append({r.name, tr("Developer"), r.id.toString(), {}, Seat::Dev, true});
            m_lanes.append({{}, tr("Ops"), r.id.toString(), {}, Seat::Ops, false});
        }
    } else {
        QSet<PersonId> shown;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            shown.insert(m_model->shiftAt(row).dev);
            shown.insert(m_model->shiftAt(row).ops);
        }
        for (const TimeOff &t : m_model->timeOff()) {
            shown.insert(t.personId); // their leave shows in their row
        }
        QList<Person> people = m_model->people();
        std::stable_sort(people.begin(), people.end(),
                         [](const Person &a, const Person &b) { return int(a.role) < int(b.role); });
        Role last = Role::Operations;
        bool firstRow = true;
        for (const Person &p : people) {
            if (!shown.contains(p.id)) {
                continue;
            }
            const bool group = firstRow || p.role != last;
            m_lanes.append(
                {p.name, roleDisplayName(p.role), {}, p.id, p.role == Role::Developer ? Seat::Dev : Seat::Ops, group});
            last = p.role;
            firstRow = false;
        }
    }
    // A range that moved mostly shows the same rows: their labels were measured already.
    if (m_lanes != before) {
        updateLabelWidth();
    }
}

void TimelineView::updateLabelWidth()
{
    // Room for the longest name with its seat beside it, so that no row label is cut (up to a
    // third of the view).
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int widest = MinLabelWidth;
    for (const Lane &lane : std::as_const(m_lanes)) {
        widest = std::max(widest, boldMetrics.horizontalAdvance(lane.label) +
                                      fontMetrics().horizontalAdvance(lane.sublabel) + 36);
    }
    m_labelWidth = std::clamp(widest, MinLabelWidth, std::max(MinLabelWidth, std::min(MaxLabelWidth, width() / 3)));
    updateScrollBars();
    applyOffset();
}

double TimelineView::xOf(const QDateTime &t) const
{
    // Days in the viewer's zone, so that a DST day is still one column: local seconds are the
    // UTC instant plus the zone's offset at that instant (cheaper than converting each time).
    constexpr qint64 unixEpochJulianDay = 2440588;
    const qint64 local = t.toSecsSinceEpoch() + m_zone.offsetFromUtc(t);
    const qint64 origin = (m_origin.toJulianDay() - unixEpochJulianDay) * 86400;
    const double days = double(local - origin) / 86400.0;
    return m_labelWidth + days * pixelsPerDay() - horizontalScrollBar()->value();
}

QDateTime TimelineView::timeAt(double x) const
{
    const double days = (x - m_labelWidth + horizontalScrollBar()->value()) / pixelsPerDay();
    const QDate date = m_origin.addDays(qint64(std::floor(days)));
    const int msecs = int((days - std::floor(days)) * 86400000.0);
    return QDateTime(date, QTime::fromMSecsSinceStartOfDay(msecs), m_zone);
}

QList<TimelineView::Bar> TimelineView::bars() const
{
    QList<Bar> result;
    if (!m_model) {
        return result;
    }
    // Lanes by rotation (or person) once per call, and only the lanes that are on screen: a
    // frame then costs the visible bars, not every shift times every lane.
    const int top = HeaderHeight - verticalScrollBar()->value();
    const int height = viewport()->height();
    // By uuid: a string per shift and frame would cost more than the rest of the lookup.
    QMultiHash<QUuid, int> lanesOf;
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const int y = top + lane * LaneHeight;
        if (y + LaneHeight < HeaderHeight || y > height) {
            continue;
        }
        const Lane &l = m_lanes.at(lane);
        lanesOf.insert(m_rows == Rows::Rotations ? QUuid::fromString(l.rotationId) : l.person.uuid(), lane);
    }
    if (lanesOf.isEmpty()) {
        return result;
    }
    const QDateTime firstShown = QDateTime(firstVisibleDate(), QTime(0, 0), m_zone).addDays(-1);
    const QDateTime lastShown = firstShown.addDays(int(std::ceil(m_visibleDays)) + 3);
    auto add = [&](int row, const Shift &s, int lane) {
        const Lane &l = m_lanes.at(lane);
        const double x0 = xOf(s.start);
        const double x1 = xOf(s.end);
        const Seat seat = m_rows == Rows::Rotations ? l.seat : (l.person == s.dev ? Seat::Dev : Seat::Ops);
        const QRectF r(x0 + 1, top + lane * LaneHeight + 3, std::max(3.0, x1 - x0 - 2), LaneHeight - 6);
        result.append({row, lane, seat, r});
    };
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Shift &s = m_model->shiftAt(row);
        if (s.end < firstShown || s.start > lastShown) {
            continue;
        }
        if (m_rows == Rows::Rotations) {
            for (int lane : lanesOf.values(s.rotationId.uuid())) {
                add(row, s, lane);
            }
        } else {
            for (const PersonId &person : {s.dev, s.ops}) {
                if (!person.isNull()) {
                    for (int lane : lanesOf.values(person.uuid())) {
                        add(row, s, lane);
                    }
                }
            }
        }
    }
    return result;
}

QList<QPair<int, QRectF>> TimelineView::uncoveredBars() const
{
    QList<QPair<int, QRectF>> result;
    if (!m_model || m_rows != Rows::Rotations) {
        return result;
    }
    const int top = HeaderHeight - verticalScrollBar()->value();
    const QList<UncoveredSlot> uncovered = m_model->uncovered();
    for (int i = 0; i < uncovered.size(); ++i) {
        const double x0 = xOf(uncovered.at(i).start);
        const double x1 = xOf(uncovered.at(i).end);
        if (x1 < m_labelWidth || x0 > viewport()->width()) {
            continue;
        }
        for (int lane = 0; lane < m_lanes.size(); ++lane) {
            if (m_lanes.at(lane).rotationId == uncovered.at(i).rotation.toString()) {
                result.append(
                    {i, QRectF(x0 + 1, top + lane * LaneHeight + 3, std::max(3.0, x1 - x0 - 2), LaneHeight - 6)});
            }
        }
    }
    return result;
}

QList<QPair<int, QRectF>> TimelineView::serviceHoleBars() const
{
    QList<QPair<int, QRectF>> result;
    if (!m_model || m_rows != Rows::Rotations || m_lanes.isEmpty()) {
        return result;
    }
    const int top = HeaderHeight - verticalScrollBar()->value();
    const QList<Reports::ServiceHole> holes = m_model->serviceHoles();
    for (int i = 0; i < holes.size(); ++i) {
        const double x0 = xOf(holes.at(i).start);
        const double x1 = xOf(holes.at(i).end);
        if (x1 < m_labelWidth || x0 > viewport()->width()) {
            continue;
        }
        // Across every lane: no leg holds the service then. At least a few pixels wide, so
        // that the hour between two zones' DST switches shows in a month's view too.
        const double width = std::max(6.0, x1 - x0);
        const double left = (x0 + x1) / 2 - width / 2;
        result.append({i, QRectF(left, top, width, double(m_lanes.size() * LaneHeight))});
    }
    return result;
}

QString TimelineView::serviceHoleTextAt(const QPoint &pos) const
{
    for (const auto &[index, rect] : serviceHoleBars()) {
        if (rect.contains(pos)) {
            const Reports::ServiceHole hole = m_model->serviceHoles().at(index);
            const auto service = m_model->service();
            const QLocale locale;
            const QString from = locale.toString(hole.start.toTimeZone(m_zone), u"ddd d MMM HH:mm"_s);
            const QString to = locale.toString(hole.end.toTimeZone(m_zone), u"ddd d MMM HH:mm"_s);
            const QString name = service ? service->name : QString();
            return hole.kind == Reports::ServiceHole::Uncovered
                       ? tr("%1: no leg holds the service from %2 to %3 (%n minute(s)), nobody on call.", nullptr,
                            int(hole.minutes()))
                             .arg(name, from, to)
                       : tr("%1: no complete pair holds the service from %2 to %3 (%n minute(s)).", nullptr,
                            int(hole.minutes()))
                             .arg(name, from, to);
        }
    }
    return {};
}

int TimelineView::barAt(const QList<Bar> &all, const QPoint &pos) const
{
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).rect.contains(pos)) {
            return i;
        }
    }
    return -1;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette pal = palette();
    const QLocale locale;
    const int w = viewport()->width();
    const int h = viewport()->height();
    p.fillRect(viewport()->rect(), pal.base());
    const double ppd = pixelsPerDay();
    const QDate first = firstVisibleDate();
    const int days = int(std::ceil(m_visibleDays)) + 2;
    const auto holidays = m_model ? m_model->holidays() : QHash<QDate, QString>();
    const int top = HeaderHeight - verticalScrollBar()->value();

    // Day columns: weekends and holidays shaded, today marked.
    p.setClipRect(m_labelWidth, 0, w - m_labelWidth, h);
    for (int i = 0; i < days; ++i) {
        const QDate d = first.addDays(i);
        const double x = xOf(QDateTime(d, QTime(0, 0), m_zone));
        const QRectF col(x, HeaderHeight, ppd, h - HeaderHeight);
        if (holidays.contains(d)) {
            p.fillRect(col, QColor(0xfd, 0xf1, 0xdc));
        } else if (d.dayOfWeek() >= 6) {
            p.fillRect(col, tint(pal.color(QPalette::Text), 0.95));
        }
        p.setPen(pal.color(QPalette::Midlight));
        p.drawLine(QPointF(x, HeaderHeight), QPointF(x, h));
        if (ppd >= 200) {
            // Hours when zoomed in.
            const int step = ppd >= 800 ? 1 : (ppd >= 400 ? 3 : 6);
            p.setPen(QPen(pal.color(QPalette::Midlight), 1, Qt::DotLine));
            for (int hour = step; hour < 24; hour += step) {
                const double hx = x + hour * ppd / 24;
                p.drawLine(QPointF(hx, HeaderHeight - 12), QPointF(hx, h));
                p.setPen(pal.color(QPalette::PlaceholderText));
                p.drawText(QRectF(hx + 2, HeaderHeight - 16, 40, 14), Qt::AlignLeft | Qt::AlignVCenter,
                           u"%1:00"_s.arg(hour, 2, 10, QLatin1Char('0')));
                p.setPen(QPen(pal.color(QPalette::Midlight), 1, Qt::DotLine));
            }
        }
    }
    // Lane separators.
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const int y = top + lane * LaneHeight;
        if (y < HeaderHeight - 1 || y > h) {
            continue;
        }
        p.setPen(m_lanes.at(lane).firstOfGroup ? pal.color(QPalette::Mid) : pal.color(QPalette::Midlight));
        p.drawLine(0, y, w, y);
    }

    // Time off in the rows of people: a hatched band across the days away.
    if (m_model && m_rows == Rows::People) {
        QHash<PersonId, int> laneOf;
        for (int lane = 0; lane < m_lanes.size(); ++lane) {
            laneOf.insert(m_lanes.at(lane).person, lane);
        }
        const QColor leave(0x5b, 0x3f, 0x8c);
        for (const TimeOff &t : m_model->timeOff()) {
            const int lane = laneOf.value(t.personId, -1);
            if (lane < 0) {
                continue;
            }
            const double x0 = std::max(xOf(QDateTime(t.from, QTime(0, 0), m_zone)), double(m_labelWidth));
            const double x1 = xOf(QDateTime(t.to.addDays(1), QTime(0, 0), m_zone));
            if (x1 <= x0) {
                continue;
            }
            const QRectF band(x0, top + lane * LaneHeight + 2, x1 - x0, LaneHeight - 4);
            p.fillRect(band, QColor(leave.red(), leave.green(), leave.blue(), 28));
            p.fillRect(band, QBrush(QColor(leave.red(), leave.green(), leave.blue(), 90), Qt::FDiagPattern));
            p.setPen(leave);
            const QString words = t.reason.isEmpty() ? tr("on leave") : tr("on leave: %1").arg(t.reason);
            p.drawText(band.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(words, Qt::ElideRight, int(band.width()) - 10));
        }
    }

    // Bars.
    const bool highlighting = m_model && !m_model->highlightPerson().isNull();
    p.setRenderHint(QPainter::Antialiasing);
    const QList<Bar> all = bars();
    for (const Bar &bar : all) {
        if (bar.rect.bottom() < HeaderHeight) {
            continue;
        }
        const QModelIndex idx = m_model->index(bar.row);
        const Shift &s = m_model->shiftAt(bar.row);
        const int problems = idx.data(ShiftRangeModel::ProblemsRole).toInt();
        const bool mine = idx.data(ShiftRangeModel::HighlightRole).toBool();
        const bool gap = s.seat(bar.seat).isNull();
        const ShiftBar::Style style{idx.data(ShiftRangeModel::RotationColorRole).value<QColor>(),
                                    gap,
                                    bool(problems & HardRule),
                                    bool(problems & SoftRule),
                                    highlighting && !mine,
                                    highlighting && mine};
        m_painter.paintBar(p, bar.rect, style);
        if (s.id == m_currentShift) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 2.5));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(bar.rect.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5);
        }
        QString label;
        if (m_rows == Rows::Rotations) {
            label = gap ? tr("gap")
                        : idx.data(bar.seat == Seat::Dev ? ShiftRangeModel::DevNameRole : ShiftRangeModel::OpsNameRole)
                              .toString();
            // The shadow (onboarding) has no lane of its own: it rides on the developer's bar.
            if (!gap && bar.seat == Seat::Dev && !s.shadow.isNull()) {
                if (const auto shadow = m_model->person(s.shadow)) {
                    label = tr("%1, %2 shadowing").arg(label, shadow->name);
                }
            }
        } else {
            label = idx.data(ShiftRangeModel::RotationNameRole).toString() + u" · "_s + idx.data().toString();
        }
        p.setPen(ShiftBar::textColor(style));
        // Keep the label in view while the bar's start is scrolled off.
        QRectF textRect = bar.rect.adjusted(6, 0, -4, 0);
        textRect.setLeft(std::max(textRect.left(), double(m_labelWidth + 6)));
        if (textRect.width() > 12) {
            m_painter.paintLabel(p, textRect, label);
        }
    }
    // Time of a rotation with no shift at all: an empty, hatched, dashed bar in both its lanes.
    for (const auto &[index, rect] : uncoveredBars()) {
        const UncoveredSlot &u = m_model->uncovered().at(index);
        const ShiftBar::Style style{m_model->rotationColor(u.rotation), true, true, false, highlighting, false};
        ShiftBar::paint(p, rect, style);
        p.setPen(ShiftBar::textColor(style));
        QRectF textRect = rect.adjusted(6, 0, -4, 0);
        textRect.setLeft(std::max(textRect.left(), double(m_labelWidth + 6)));
        if (textRect.width() > 12) {
            p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(tr("no shift planned"), Qt::ElideRight, int(textRect.width())));
        }
    }
    // A service's holes: a red band across the legs' lanes, labelled below them (over the lanes
    // the label would hide the bars' names).
    for (const auto &[index, rect] : serviceHoleBars()) {
        const Reports::ServiceHole &hole = m_model->serviceHoles().at(index);
        const QColor red(0xd0, 0x20, 0x20);
        QColor fill = red;
        fill.setAlpha(60);
        p.fillRect(rect, QBrush(fill));
        p.fillRect(rect, QBrush(red, Qt::BDiagPattern));
        p.setPen(QPen(red, 2));
        p.drawLine(rect.topLeft(), rect.bottomLeft());
        p.drawLine(rect.topRight(), rect.bottomRight());
        const QString label = hole.kind == Reports::ServiceHole::Uncovered ? tr("⚠ uncovered") : tr("⚠ no pair");
        const QRectF textRect(rect.left() - 2, rect.bottom() + 3, p.fontMetrics().horizontalAdvance(label) + 8,
                              p.fontMetrics().height() + 2);
        p.fillRect(textRect, pal.base());
        p.setPen(red);
        p.drawText(textRect, Qt::AlignCenter, label);
    }
    if (!m_dropRect.isNull()) {
        ShiftBar::paintDropMarker(p, m_dropRect, m_dropAllowed, m_dropText,
                                  QRectF(m_labelWidth, HeaderHeight, w - m_labelWidth, h - HeaderHeight),
                                  m_dropWarning);
    }
    p.setRenderHint(QPainter::Antialiasing, false);

    // Today line.
    const double nowX = xOf(Clock::current().now());
    if (m_today == Clock::current().today() && nowX >= m_labelWidth) {
        p.setPen(QPen(QColor(0xd0, 0x20, 0x20), 2));
        p.drawLine(QPointF(nowX, HeaderHeight - 6), QPointF(nowX, h));
    }

    // Header: months on top, days below.
    p.setClipping(false);
    p.fillRect(QRect(0, 0, w, HeaderHeight), pal.window());
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, HeaderHeight - 1, w, HeaderHeight - 1);
    p.setClipRect(m_labelWidth, 0, w - m_labelWidth, HeaderHeight);
    QFont bold = font();
    bold.setBold(true);
    for (int i = -1; i < days; ++i) {
        const QDate d = first.addDays(i);
        const double x = xOf(QDateTime(d, QTime(0, 0), m_zone));
        if (d.day() == 1 || (i == -1 && first.daysInMonth() - first.day() > 120 / std::max(1.0, ppd))) {
            p.setFont(bold);
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(QRectF(std::max(x, double(m_labelWidth)) + 4, 2, 200, 18), Qt::AlignLeft | Qt::AlignVCenter,
                       locale.toString(d, u"MMMM yyyy"_s));
            p.setFont(font());
        }
        QString text;
        if (ppd >= 60) {
            text = locale.toString(d, u"ddd d"_s);
        } else if (ppd >= 18) {
            text = QString::number(d.day());
        } else if (d.dayOfWeek() == 1) {
            text = QString::number(d.day());
        }
        p.setPen(d == m_today ? pal.color(QPalette::Highlight) : pal.color(QPalette::WindowText));
        if (d == m_today) {
            p.setFont(bold);
        }
        p.drawText(QRectF(x + 3, 20, std::max(ppd, 30.0), 18), Qt::AlignLeft | Qt::AlignVCenter, text);
        p.setFont(font());
        p.setPen(pal.color(QPalette::Midlight));
        if (ppd >= 18 || d.dayOfWeek() == 1) {
            p.drawLine(QPointF(x, 22), QPointF(x, HeaderHeight));
        }
    }
    p.setClipping(false);

    // Row labels.
    p.fillRect(QRect(0, HeaderHeight, m_labelWidth, h - HeaderHeight), pal.window());
    p.setClipRect(0, HeaderHeight, m_labelWidth, h - HeaderHeight);
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const Lane &l = m_lanes.at(lane);
        const QRect r(8, top + lane * LaneHeight, m_labelWidth - 12, LaneHeight);
        if (r.bottom() < HeaderHeight || r.top() > h) {
            continue; // scrolled out of view: no need to elide its label
        }
        if (l.firstOfGroup) {
            p.setPen(pal.color(QPalette::Mid));
            p.drawLine(0, r.top(), m_labelWidth, r.top());
        }
        if (!l.label.isEmpty()) {
            p.setFont(bold);
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(l.label, Qt::ElideRight,
                                                  r.width() - fontMetrics().horizontalAdvance(l.sublabel) - 12));
            p.setFont(font());
        }
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignRight | Qt::AlignVCenter, l.sublabel);
    }
    p.setClipping(false);
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(m_labelWidth, 0, m_labelWidth, h);
    if (m_lanes.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(m_labelWidth, HeaderHeight, w - m_labelWidth, h - HeaderHeight), Qt::AlignCenter,
                   tr("No shifts in these days"));
    }
}

void TimelineView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    ensureLoaded();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateLabelWidth();
    ensureLoaded();
}

void TimelineView::scrollContentsBy(int, int)
{
    // The user scrolled (or the view did, through the scroll bar): that is the offset now.
    m_offsetDays = horizontalScrollBar()->value() / pixelsPerDay();
    ensureLoaded();
    viewport()->update();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        // Zoom around the time under the cursor.
        const double x = event->position().x();
        const QDateTime anchor = timeAt(x);
        m_visibleDays = std::clamp(m_visibleDays * std::pow(1.0015, -event->angleDelta().y()), MinDays, MaxDays);
        updateScrollBars();
        const double anchorDays = m_origin.daysTo(anchor.date()) + anchor.time().msecsSinceStartOfDay() / 86400000.0;
        horizontalScrollBar()->setValue(int(std::lround(anchorDays * pixelsPerDay() - (x - m_labelWidth))));
        ensureLoaded();
        viewport()->update();
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier ||
        std::abs(event->angleDelta().x()) > std::abs(event->angleDelta().y())) {
        const int delta = event->angleDelta().x() != 0 ? event->angleDelta().x() : event->angleDelta().y();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const QList<Bar> all = bars();
    // Shift+F10 is the menu key of keyboards without one.
    const bool menuKey =
        event->key() == Qt::Key_Menu || (event->key() == Qt::Key_F10 && (event->modifiers() & Qt::ShiftModifier));
    switch (menuKey ? int(Qt::Key_Menu) : event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        if (!m_model || m_model->rowCount() == 0) {
            return;
        }
        QModelIndex cur = m_model->indexOf(m_currentShift);
        if (!cur.isValid()) {
            setCurrentShift(m_model->shiftAt(0).id);
            return;
        }
        const Shift s = m_model->shiftAt(cur.row());
        if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) {
            // The previous or next shift of the same rotation.
            const int step = event->key() == Qt::Key_Right ? 1 : -1;
            for (int row = cur.row() + step; row >= 0 && row < m_model->rowCount(); row += step) {
                if (m_model->shiftAt(row).rotationId == s.rotationId) {
                    setCurrentShift(m_model->shiftAt(row).id);
                    const double x = xOf(m_model->shiftAt(row).start);
                    if (x < m_labelWidth || x > viewport()->width() - 40) {
                        scrollToDate(m_model->shiftAt(row).start.toTimeZone(m_zone).date().addDays(-1));
                    }
                    return;
                }
            }
            scrollToDate(firstVisibleDate().addDays(qint64(step * std::max(1.0, m_visibleDays / 2))));
            return;
        }
        // Up/down: the shift of the neighbouring rotation that overlaps this one.
        const int step = event->key() == Qt::Key_Down ? 1 : -1;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const Shift &o = m_model->shiftAt(row);
            const auto rots = m_model->rotations();
            int a = -1;
            int b = -1;
            for (int i = 0; i < rots.size(); ++i) {
                a = rots.at(i).id == s.rotationId ? i : a;
                b = rots.at(i).id == o.rotationId ? i : b;
            }
            if (b == a + step && o.start < s.end && o.end > s.start) {
                setCurrentShift(o.id);
                return;
            }
        }
        return;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_currentShift.isNull()) {
            Q_EMIT shiftActivated(m_currentShift);
        }
        return;
    case Qt::Key_Menu: {
        QPoint pos = viewport()->rect().center();
        for (const Bar &b : all) {
            if (m_model->shiftAt(b.row).id == m_currentShift) {
                pos = b.rect.center().toPoint();
                break;
            }
        }
        Q_EMIT contextMenuRequested(m_currentShift, viewport()->mapToGlobal(pos));
        return;
    }
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    const QList<Bar> all = bars();
    m_pressPos = event->position().toPoint();
    m_pressBar = barAt(all, m_pressPos);
    setCurrentShift(m_pressBar >= 0 ? m_model->shiftAt(all.at(m_pressBar).row).id : ShiftId());
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_pressBar < 0 || !m_model) {
        return;
    }
    if ((event->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        return;
    }
    const QList<Bar> all = bars();
    if (m_pressBar >= all.size()) {
        return;
    }
    const ShiftId id = m_model->shiftAt(all.at(m_pressBar).row).id;
    m_pressBar = -1;
    auto *mime = new QMimeData;
    mime->setData(CalendarDnd::shiftMime(), id.toString().toUtf8());
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->exec(Qt::MoveAction);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QList<Bar> all = bars();
    const int i = barAt(all, event->position().toPoint());
    if (i >= 0) {
        Q_EMIT shiftActivated(m_model->shiftAt(all.at(i).row).id);
    }
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    if (event->reason() == QContextMenuEvent::Mouse) {
        const QList<Bar> all = bars();
        const int i = barAt(all, viewport()->mapFrom(this, event->pos()));
        setCurrentShift(i >= 0 ? m_model->shiftAt(all.at(i).row).id : ShiftId());
    }
    Q_EMIT contextMenuRequested(m_currentShift, event->globalPos());
}

QString TimelineView::uncoveredTextAt(const QPoint &pos) const
{
    for (const auto &[index, rect] : uncoveredBars()) {
        if (rect.contains(pos)) {
            const UncoveredSlot u = m_model->uncovered().at(index);
            const auto rotation = m_model->rotation(u.rotation);
            const QLocale locale;
            return tr("%1: no shift planned from %2 to %3, nobody on call. Rotations ▸ Plan… fills it.")
                .arg(rotation ? rotation->name : QString(),
                     locale.toString(u.start.toTimeZone(m_zone), u"ddd d MMM HH:mm"_s),
                     locale.toString(u.end.toTimeZone(m_zone), u"ddd d MMM HH:mm"_s));
        }
    }
    return {};
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QList<Bar> all = bars();
        const int i = barAt(all, help->pos());
        if (i >= 0) {
            QToolTip::showText(help->globalPos(), m_model->index(all.at(i).row).data(Qt::ToolTipRole).toString(),
                               viewport(), all.at(i).rect.toRect());
        } else if (const QString text = uncoveredTextAt(help->pos()); !text.isEmpty()) {
            QToolTip::showText(help->globalPos(), text, viewport());
        } else if (const QString hole = serviceHoleTextAt(help->pos()); !hole.isEmpty()) {
            QToolTip::showText(help->globalPos(), hole, viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(CalendarDnd::shiftMime()) ||
        event->mimeData()->hasFormat(CalendarDnd::personMime())) {
        event->acceptProposedAction();
    }
}

void TimelineView::dragMoveEvent(QDragMoveEvent *event)
{
    const QList<Bar> all = bars();
    const int i = barAt(all, event->position().toPoint());
    if (i < 0) {
        m_dropRect = {};
        Q_EMIT feedbackChanged({}, false);
        event->ignore();
        viewport()->update();
        return;
    }
    const ShiftId target = m_model->shiftAt(all.at(i).row).id;
    CalendarDnd::Feedback feedback{true, {}};
    if (m_dropCheck) {
        feedback = m_dropCheck(event->mimeData(), target, all.at(i).seat, event->modifiers());
    }
    m_dropRect = all.at(i).rect;
    m_dropAllowed = feedback.allowed;
    m_dropWarning = feedback.warning;
    m_dropText = feedback.text;
    Q_EMIT feedbackChanged(feedback.text, feedback.allowed);
    if (feedback.allowed) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
    viewport()->update();
}

void TimelineView::dragLeaveEvent(QDragLeaveEvent *)
{
    m_dropRect = {};
    Q_EMIT feedbackChanged({}, true);
    viewport()->update();
}

void TimelineView::dropEvent(QDropEvent *event)
{
    m_dropRect = {};
    viewport()->update();
    const QList<Bar> all = bars();
    const int i = barAt(all, event->position().toPoint());
    if (i < 0) {
        return;
    }
    event->acceptProposedAction();
    Q_EMIT dropRequested(event->mimeData(), m_model->shiftAt(all.at(i).row).id, all.at(i).seat, event->modifiers());
}

} // namespace Tandem
