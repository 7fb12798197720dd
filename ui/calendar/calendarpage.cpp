#include "calendarpage.h"

#include "domain/clock.h"
#include "domain/localeformat.h"
#include "emptystate.h"
#include "itemmodels/conflictsmodel.h"
#include "itemmodels/shiftcommands.h"
#include "itemmodels/shiftrangemodel.h"
#include "monthview.h"
#include "pickdialog.h"
#include "services/dropsession.h"
#include "services/onboardingservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/servicecatalog.h"
#include "services/shiftservice.h"
#include "store/changelog.h"
#include "store/database.h"
#include "timelineview.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

/// The rotation filter's data for a service: this prefix, then the service's id.
const QString ServicePrefix = u"service:"_s;

/// How long the timeline waits without a further move of its range before its rule pass starts.
constexpr int TimelineRuleDelayMs = 250;

/// The people dock: drags a person's id for the calendar's seats.
class PeopleList final : public QListWidget
{
public:
    using QListWidget::QListWidget;

protected:
    QStringList mimeTypes() const override { return {CalendarDnd::personMime()}; }
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        if (items.isEmpty()) {
            return nullptr;
        }
        auto *mime = new QMimeData;
        mime->setData(CalendarDnd::personMime(), items.first()->data(Qt::UserRole).toString().toUtf8());
        mime->setText(items.first()->text());
        return mime;
    }
};

} // namespace

CalendarPage::CalendarPage(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(u"calendarPage"_s);
    setWindowFlags(Qt::Widget);
    m_month = Clock::current().today();
    buildUi();
}

CalendarPage::~CalendarPage() = default;

void CalendarPage::buildUi()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    auto *bar = new QHBoxLayout;
    auto button = [&](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(central);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        bar->addWidget(b);
        return b;
    };
    connect(button(tr("Today"), u"todayButton"_s, tr("Go to today")), &QToolButton::clicked, this,
            &CalendarPage::goToday);
    connect(button(u"‹"_s, u"previousButton"_s, tr("Previous (Page Up)")), &QToolButton::clicked, this,
            &CalendarPage::goPrevious);
    connect(button(u"›"_s, u"nextButton"_s, tr("Next (Page Down)")), &QToolButton::clicked, this,
            &CalendarPage::goNext);
    m_title = new QLabel(central);
    m_title->setObjectName(u"calendarTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    // Room for the longest month name, so the title never gets cut.
    m_title->setMinimumWidth(QFontMetrics(titleFont).horizontalAdvance(u"September 2026 "_s));
    bar->addWidget(m_title);
    m_dateEdit = new QDateEdit(central);
    m_dateEdit->setObjectName(u"dateEdit"_s);
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setAccessibleName(tr("Go to date"));
    bar->addWidget(m_dateEdit);
    // Filters on a second row: on a laptop-sized window one row would squeeze them unreadable.
    auto *filters = new QHBoxLayout;
    QHBoxLayout *target = filters;
    auto combo = [&](const QString &name, const QString &accessible) {
        auto *c = new QComboBox(central);
        c->setObjectName(name);
        c->setAccessibleName(accessible);
        c->setToolTip(accessible);
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        target->addWidget(c);
        return c;
    };
    m_teamCombo = combo(u"teamFilter"_s, tr("Team"));
    m_rotationCombo = combo(u"rotationFilter"_s, tr("Rotation or service"));
    m_personCombo = combo(u"personFilter"_s, tr("Only the shifts of"));
    m_highlightCombo = combo(u"highlightCombo"_s, tr("Highlight the shifts of"));
    m_zoneCombo = combo(u"zoneCombo"_s, tr("Time zone"));
    filters->addStretch();
    // The legend beside the title, where the row has room: each rotation's colour and name.
    m_legend = new QLabel(central);
    m_legend->setObjectName(u"rotationLegend"_s);
    m_legend->setAccessibleName(tr("Rotation colours"));
    m_legend->setWordWrap(true); // two lines rather than cut, on a narrow window
    m_legend->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(m_legend, 1);
    bar->addSpacing(12);
    target = bar;
    m_modeCombo = combo(u"modeCombo"_s, tr("View"));
    m_modeCombo->addItems({tr("Month"), tr("Timeline")});
    m_rowsCombo = combo(u"rowsCombo"_s, tr("Timeline rows"));
    m_rowsCombo->addItems({tr("By rotation"), tr("By person")});
    m_rowsCombo->setVisible(false);
    layout->addLayout(bar);
    layout->addLayout(filters);

    m_stack = new QStackedWidget(central);
    m_monthView = new MonthView(m_stack);
    m_timeline = new TimelineView(m_stack);
    m_stack->addWidget(m_monthView);
    m_stack->addWidget(m_timeline);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    // Docks.
    auto dock = [this](const QString &title, const QString &name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        return d;
    };
    m_rosterList = new PeopleList(this);
    m_rosterList->setObjectName(u"rosterList"_s);
    m_rosterList->setAccessibleName(tr("People: drag one onto a seat"));
    m_rosterList->setDragEnabled(true);
    m_rosterList->setDragDropMode(QAbstractItemView::DragOnly);
    m_rosterList->setAlternatingRowColors(true);
    // One line each: hundreds of people are laid out without measuring every row's text.
    m_rosterList->setUniformItemSizes(true);
    m_rosterList->setMinimumWidth(210);
    dock(tr("People"), u"rosterDock"_s, m_rosterList, Qt::LeftDockWidgetArea);
    connect(m_rosterList, &QListWidget::itemSelectionChanged, this, &CalendarPage::currentPersonChanged);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(u"shiftDetails"_s);
    m_details->setOpenExternalLinks(true);
    m_details->setMinimumWidth(260);
    m_details->setAccessibleName(tr("Shift details"));
    dock(tr("Shift"), u"detailsDock"_s, m_details, Qt::RightDockWidgetArea);
    m_conflictList = new QListView(this);
    m_conflictList->setObjectName(u"conflictList"_s);
    m_conflictList->setAccessibleName(tr("Conflicts"));
    m_conflictList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conflictsEmpty = EmptyState::install(
        m_conflictList, tr("No conflicts in these weeks: every seat is filled and every rule holds."));
    // One line each: a list of thousands is laid out without measuring every row.
    m_conflictList->setUniformItemSizes(true);
    dock(tr("Conflicts"), u"conflictsDock"_s, m_conflictList, Qt::RightDockWidgetArea);
    resizeDocks({findChild<QDockWidget *>(u"rosterDock"_s)}, {200}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget *>(u"detailsDock"_s)}, {260}, Qt::Horizontal);

    connect(m_dateEdit, &QDateEdit::dateChanged, this, [this](QDate d) {
        if (m_mode == Mode::Month) {
            showMonth(d);
        } else {
            m_timeline->scrollToDate(d);
        }
    });
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setMode(i == 0 ? Mode::Month : Mode::Timeline); });
    connect(m_rowsCombo, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_timeline->setRows(i == 0 ? TimelineView::Rows::Rotations : TimelineView::Rows::People);
    });
    auto filtersChanged = [this] {
        for (ShiftRangeModel *m : {m_monthModel, m_timelineModel}) {
            if (!m) {
                continue;
            }
            m->setTeamFilter(TeamId::fromString(m_teamCombo->currentData().toString()));
            // "service:ID": a follow-the-sun service's legs together, its holes marked.
            const QString rotation = m_rotationCombo->currentData().toString();
            const bool service = rotation.startsWith(ServicePrefix);
            m->setServiceFilter(service ? ServiceId::fromString(rotation.mid(ServicePrefix.size())) : ServiceId());
            m->setRotationFilter(service ? RotationId() : RotationId::fromString(rotation));
            m->setPersonFilter(PersonId::fromString(m_personCombo->currentData().toString()));
            m->setHighlightPerson(PersonId::fromString(m_highlightCombo->currentData().toString()));
        }
        m_monthView->update();
        m_timeline->viewport()->update();
    };
    for (QComboBox *c : {m_teamCombo, m_rotationCombo, m_personCombo, m_highlightCombo}) {
        connect(c, &QComboBox::currentIndexChanged, this, filtersChanged);
    }
    connect(m_zoneCombo, &QComboBox::currentIndexChanged, this, &CalendarPage::applyZone);

    auto check = [this](const QMimeData *d, ShiftId t, Seat s, Qt::KeyboardModifiers m) {
        return checkDrop(d, t, s, m);
    };
    m_monthView->setDropCheck(check);
    m_timeline->setDropCheck(check);
    for (auto *view : {static_cast<QObject *>(m_monthView), static_cast<QObject *>(m_timeline)}) {
        Q_UNUSED(view);
    }
    connect(m_monthView, &MonthView::currentShiftChanged, this, &CalendarPage::setCurrentShift);
    connect(m_timeline, &TimelineView::currentShiftChanged, this, &CalendarPage::setCurrentShift);
    connect(m_monthView, &MonthView::contextMenuRequested, this, &CalendarPage::showContextMenu);
    connect(m_timeline, &TimelineView::contextMenuRequested, this, &CalendarPage::showContextMenu);
    connect(m_monthView, &MonthView::shiftActivated, this, [this](ShiftId id) {
        setCurrentShift(id);
        findChild<QDockWidget *>(u"detailsDock"_s)->show();
        m_details->setFocus();
    });
    connect(m_timeline, &TimelineView::shiftActivated, m_monthView, &MonthView::shiftActivated);
    connect(m_monthView, &MonthView::navigationRequested, this, [this](QDate d) { showMonth(d); });
    connect(m_monthView, &MonthView::dropRequested, this, &CalendarPage::drop);
    connect(m_timeline, &TimelineView::dropRequested, this, &CalendarPage::drop);
    auto feedback = [this](const QString &text, bool allowed) {
        Q_EMIT statusMessage(text.isEmpty() ? QString() : (allowed ? text : tr("Refused: %1").arg(text)), 0);
    };
    connect(m_monthView, &MonthView::feedbackChanged, this, feedback);
    connect(m_timeline, &TimelineView::feedbackChanged, this, feedback);
    connect(m_monthView, &MonthView::handoffMoveRequested, this, [this](ShiftId id, const QDateTime &boundary) {
        if (m_ws) {
            auto done = m_ws->shiftEditor().moveHandoff(id, boundary);
            report(done ? QString() : done.errorMessage());
        }
    });
    connect(m_timeline, &TimelineView::visibleRangeChanged, this, [this](QDate first, QDate last) {
        if (m_mode == Mode::Timeline) {
            // The month most of the view shows, not the one of its first day.
            m_title->setText(QLocale().toString(first.addDays(first.daysTo(last) / 2), u"MMMM yyyy"_s));
        }
    });
    connect(m_conflictList, &QListView::activated, this, [this](const QModelIndex &index) {
        const ShiftId id = m_conflicts->shiftAt(index.row());
        if (id.isNull()) {
            // Time with no shift at all: go to its first day.
            const QDate day = m_conflicts->startAt(index.row()).toTimeZone(m_monthModel->viewerTimeZone()).date();
            if (m_mode == Mode::Month) {
                m_monthView->setCurrentDate(day);
            } else {
                m_timeline->scrollToDate(day);
            }
        }
        setCurrentShift(id);
        if (m_mode == Mode::Month) {
            m_monthView->setFocus();
        } else {
            m_timeline->setFocus();
        }
    });
    updateTitle();
}

void CalendarPage::setWorkspace(Workspace *workspace)
{
    m_session.reset();
    m_sessionKey.clear();
    m_monthView->setModel(nullptr);
    m_timeline->setModel(nullptr);
    m_conflictList->setModel(nullptr);
    m_conflictsEmpty->track();
    delete m_conflicts;
    delete m_monthModel;
    delete m_timelineModel;
    m_conflicts = nullptr;
    m_monthModel = m_timelineModel = nullptr;
    m_current = {};
    m_ws = workspace;
    if (!workspace) {
        return;
    }
    m_monthModel = new ShiftRangeModel(workspace->database(), workspace->rotations(), workspace->roster(), this);
    m_timelineModel = new ShiftRangeModel(workspace->database(), workspace->rotations(), workspace->roster(), this);
    // Broken rules are hatched and listed in Conflicts, worked out in the background (RulePass);
    // the timeline's model checks them while the timeline is shown.
    m_monthModel->setRuleChecksEnabled(true);
    // The weeks before and after the month, read by a worker while the month is looked at: the
    // next or previous month then reads nothing from the file while the user waits.
    m_monthModel->setReadAhead(true);
    m_timelineModel->setRuleChecksEnabled(m_mode == Mode::Timeline);
    // A scroll moves the timeline's range every few frames: its rule pass starts once the
    // scrolling pauses, not at every move (each would cancel the last and take a core meanwhile).
    m_timelineModel->setRuleCheckDelay(TimelineRuleDelayMs);
    m_conflicts = new ConflictsModel(m_monthModel, this);
    m_conflictList->setModel(m_conflicts);
    m_conflictsEmpty->track();
    m_monthView->setModel(m_monthModel);
    m_timeline->setModel(m_timelineModel);
    // The People dock counts the shifts shown: it follows every change of the model (a plan
    // applied, a drop, an undo, a sync), not only a new range.
    connect(m_monthModel, &ShiftRangeModel::referenceDataChanged, this, &CalendarPage::rebuildFilters);
    connect(m_monthModel, &QAbstractItemModel::modelReset, this, &CalendarPage::scheduleRosterUpdate);
    connect(m_monthModel, &QAbstractItemModel::rowsInserted, this, &CalendarPage::scheduleRosterUpdate);
    connect(m_monthModel, &QAbstractItemModel::rowsRemoved, this, &CalendarPage::scheduleRosterUpdate);
    connect(m_monthModel, &QAbstractItemModel::dataChanged, this, &CalendarPage::scheduleRosterUpdate);
    connect(m_monthModel, &QAbstractItemModel::dataChanged, this, &CalendarPage::updateDetails);
    rebuildFilters();
    showMonth(m_month);
}

void CalendarPage::rebuildFilters()
{
    if (!m_ws || !m_monthModel) {
        return;
    }
    const QList<QComboBox *> combos{m_teamCombo, m_rotationCombo, m_personCombo, m_highlightCombo, m_zoneCombo};
    QList<QVariant> chosen;
    for (QComboBox *c : combos) {
        chosen << c->currentData();
        c->blockSignals(true);
        c->clear();
    }
    m_teamCombo->addItem(tr("All teams"));
    for (const Team &t : m_monthModel->teams()) {
        m_teamCombo->addItem(t.name, t.id.toString());
    }
    m_rotationCombo->addItem(tr("All rotations"));
    m_zoneCombo->addItem(tr("My time zone (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())));
    for (const Rotation &r : m_monthModel->rotations()) {
        m_rotationCombo->addItem(r.name, r.id.toString());
        m_zoneCombo->addItem(tr("%1 (%2)").arg(r.timeZone, r.name), r.timeZone);
    }
    // Follow-the-sun services after the rotations: their legs together in one view.
    if (auto services = ServiceCatalog(m_ws->database()).services(); services && !services->isEmpty()) {
        m_rotationCombo->insertSeparator(m_rotationCombo->count());
        for (const Service &service : services.value()) {
            m_rotationCombo->addItem(tr("Service: %1").arg(service.name), ServicePrefix + service.id.toString());
        }
    } else if (!services) {
        Q_EMIT statusMessage(services.errorMessage(), 8000);
    }
    // The legend: each rotation's colour beside its name (the bars carry the name as well). A
    // dozen at most beside the title, the rest in its tooltip: a hundred rotations pushed the
    // month grid to the bottom of the window (and the palette repeats long before that).
    constexpr int LegendEntries = 12;
    QStringList legend;
    QStringList all;
    const QList<Rotation> rotations = m_monthModel->rotations();
    for (const Rotation &r : rotations) {
        const QString entry = u"<span style='color:%1'>■</span>&nbsp;%2"_s.arg(m_monthModel->rotationColor(r.id).name(),
                                                                               r.name.toHtmlEscaped());
        all << entry;
        if (legend.size() < LegendEntries) {
            legend << entry;
        }
    }
    if (rotations.size() > LegendEntries) {
        legend << tr("+%n more", nullptr, int(rotations.size()) - LegendEntries);
        m_legend->setToolTip(all.join(u"<br>"_s));
    } else {
        m_legend->setToolTip(QString());
    }
    m_legend->setText(u"<div align='right'>"_s + legend.join(u"&nbsp;&nbsp; "_s) + u"</div>"_s);
    m_personCombo->addItem(tr("Everyone"));
    m_highlightCombo->addItem(tr("Highlight nobody"));
    // "My shifts": the person the user said they are (settings identity/email), when known.
    const QString me = QSettings().value(u"identity/email"_s).toString();
    for (const Person &p : m_monthModel->people()) {
        if (!me.isEmpty() && p.email.compare(me, Qt::CaseInsensitive) == 0) {
            m_highlightCombo->addItem(tr("Highlight my shifts (%1)").arg(p.name), p.id.toString());
        }
    }
    for (const Person &p : m_monthModel->people()) {
        m_personCombo->addItem(p.name, p.id.toString());
        m_highlightCombo->addItem(tr("Highlight %1").arg(p.name), p.id.toString());
    }
    for (int i = 0; i < combos.size(); ++i) {
        // Back to what was chosen, when it is still there; "my shifts" comes first in the
        // highlight list, so a highlighted identity keeps that entry.
        const int index = chosen.at(i).isValid() ? combos.at(i)->findData(chosen.at(i)) : 0;
        combos.at(i)->setCurrentIndex(std::max(0, index));
        combos.at(i)->blockSignals(false);
    }
    updateRoster();
}

void CalendarPage::applyZone()
{
    const QString id = m_zoneCombo->currentData().toString();
    const QTimeZone zone = id.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(id.toUtf8());
    m_monthView->setTimeZone(zone);
    m_timeline->setTimeZone(zone);
    for (ShiftRangeModel *m : {m_monthModel, m_timelineModel}) {
        if (m) {
            m->setViewerTimeZone(zone);
        }
    }
    updateRange();
    updateDetails();
}

void CalendarPage::showMonth(QDate month)
{
    m_month = QDate(month.year(), month.month(), 1);
    m_monthView->setMonth(m_month);
    m_dateEdit->blockSignals(true);
    m_dateEdit->setDate(month);
    m_dateEdit->blockSignals(false);
    updateRange();
    updateTitle();
}

void CalendarPage::updateRange()
{
    if (!m_monthModel) {
        return;
    }
    const QTimeZone zone = m_monthModel->viewerTimeZone();
    const QDate start = m_monthView->gridStart();
    m_monthModel->setRange(QDateTime(start, QTime(0, 0), zone), QDateTime(start.addDays(42), QTime(0, 0), zone));
    updateRoster();
}

void CalendarPage::updateTitle()
{
    if (m_mode == Mode::Month) {
        m_title->setText(QLocale().toString(m_month, u"MMMM yyyy"_s));
    }
}

void CalendarPage::setMode(Mode mode)
{
    m_mode = mode;
    m_modeCombo->blockSignals(true);
    m_modeCombo->setCurrentIndex(mode == Mode::Month ? 0 : 1);
    m_modeCombo->blockSignals(false);
    m_rowsCombo->setVisible(mode == Mode::Timeline);
    m_stack->setCurrentIndex(mode == Mode::Month ? 0 : 1);
    if (m_timelineModel) {
        m_timelineModel->setRuleChecksEnabled(mode == Mode::Timeline);
    }
    if (mode == Mode::Timeline) {
        m_timeline->scrollToDate(m_month.addDays(-(m_month.dayOfWeek() - 1)));
    }
    updateTitle();
    Q_EMIT modeChanged();
}

void CalendarPage::goToday()
{
    if (m_mode == Mode::Month) {
        showMonth(Clock::current().today());
        m_monthView->setCurrentDate(Clock::current().today());
    } else {
        const QDate today = Clock::current().today();
        m_timeline->scrollToDate(today.addDays(-(today.dayOfWeek() - 1)));
    }
}

void CalendarPage::goPrevious()
{
    if (m_mode == Mode::Month) {
        showMonth(m_month.addMonths(-1));
    } else {
        m_timeline->scrollToDate(m_timeline->firstVisibleDate().addDays(-qint64(m_timeline->visibleDays())));
    }
}

void CalendarPage::goNext()
{
    if (m_mode == Mode::Month) {
        showMonth(m_month.addMonths(1));
    } else {
        m_timeline->scrollToDate(m_timeline->firstVisibleDate().addDays(qint64(m_timeline->visibleDays())));
    }
}

void CalendarPage::setCurrentShift(ShiftId id)
{
    if (id == m_current) {
        return;
    }
    m_current = id;
    m_monthView->setCurrentShift(id);
    m_timeline->setCurrentShift(id);
    updateDetails();
}

std::optional<Shift> CalendarPage::shift(ShiftId id) const
{
    for (ShiftRangeModel *m : {m_monthModel, m_timelineModel}) {
        if (m) {
            if (const QModelIndex idx = m->indexOf(id); idx.isValid()) {
                return m->shiftAt(idx.row());
            }
        }
    }
    return std::nullopt;
}

void CalendarPage::updateDetails()
{
    if (!m_ws || !m_monthModel) {
        return;
    }
    ShiftRangeModel *model = m_monthModel->indexOf(m_current).isValid() ? m_monthModel : m_timelineModel;
    const QModelIndex idx = model->indexOf(m_current);
    if (!idx.isValid()) {
        m_details->setHtml(u"<p style='color:gray'>"_s +
                           tr("Select a shift (arrow keys or a click) to see its pair, times and history.") +
                           u"</p>"_s);
        return;
    }
    const Shift s = model->shiftAt(idx.row());
    QString html = idx.data(Qt::ToolTipRole).toString();
    if (!s.bridgeUrl.isEmpty()) {
        html += u"<br>"_s + tr("Bridge: <a href=\"%1\">%1</a>").arg(s.bridgeUrl.toHtmlEscaped());
    }
    html += u"<h4>"_s + tr("History") + u"</h4><ul>"_s;
    const auto entries = ChangeLog(m_ws->database()).entries(Entity::Shift, s.id.toString());
    if (entries) {
        const QLocale locale;
        for (const ChangeEntry &e : entries.value()) {
            html +=
                u"<li>"_s +
                tr("%1, %2: %3")
                    .arg(LocaleFormat::dateTime(e.at.toTimeZone(m_monthModel->viewerTimeZone()), false, true, locale),
                         e.actor.toHtmlEscaped(), changeActionToString(e.action)) +
                u"</li>"_s;
        }
    }
    html += u"</ul>"_s;
    m_details->setHtml(html);
}

void CalendarPage::scheduleRosterUpdate()
{
    if (m_rosterUpdatePending) {
        return;
    }
    m_rosterUpdatePending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_rosterUpdatePending) { // not done directly meanwhile (a month switch does)
            updateRoster();
        }
    });
}

Person CalendarPage::currentPerson() const
{
    const QListWidgetItem *item = m_rosterList->currentItem();
    if (!m_monthModel || !item || !item->isSelected()) {
        return {};
    }
    // Not a read: someone no longer in the month's people is nobody selected.
    return m_monthModel->person(PersonId::fromString(item->data(Qt::UserRole).toString())).value_or(Person());
}

void CalendarPage::updateRoster()
{
    m_rosterUpdatePending = false;
    if (!m_monthModel) {
        return;
    }
    const QString selected =
        m_rosterList->currentItem() ? m_rosterList->currentItem()->data(Qt::UserRole).toString() : QString();
    const QSignalBlocker block(m_rosterList);
    // Load: shifts in the visible weeks per person.
    QHash<PersonId, int> load;
    for (int row = 0; row < m_monthModel->rowCount(); ++row) {
        load[m_monthModel->shiftAt(row).dev] += 1;
        load[m_monthModel->shiftAt(row).ops] += 1;
    }
    // The same people as before (only their loads move with the month): texts change in place,
    // instead of hundreds of items made again on every month switch.
    // An item keeps what its text says (name, role, load): one whose person and load are the
    // same needs no new words (a month switch changes some loads, not the roster).
    constexpr int ShownRole = Qt::UserRole + 1;
    int row = 0;
    for (const Person &p : m_monthModel->people()) {
        if (!p.active) {
            continue;
        }
        const QString id = p.id.toString();
        const int shifts = load.value(p.id);
        QListWidgetItem *item = m_rosterList->item(row);
        if (!item || item->data(Qt::UserRole).toString() != id) {
            while (m_rosterList->count() > row) {
                std::unique_ptr<QListWidgetItem> gone(m_rosterList->takeItem(row));
            }
            item = new QListWidgetItem(m_rosterList);
            item->setData(Qt::UserRole, id);
        }
        const QVariantList shown{p.name, int(p.role), shifts};
        if (item->data(ShownRole).toList() != shown) {
            item->setText(tr("%1 · %2 — %n shift(s)", nullptr, shifts)
                              .arg(p.name, p.role == Role::Developer ? tr("dev") : tr("ops")));
            item->setToolTip(tr("%1, %2. Drag onto a seat to assign.").arg(p.name, roleDisplayName(p.role)));
            item->setData(ShownRole, shown);
        }
        if (id == selected && m_rosterList->currentItem() != item) {
            m_rosterList->setCurrentItem(item);
        }
        ++row;
    }
    while (m_rosterList->count() > row) {
        std::unique_ptr<QListWidgetItem> gone(m_rosterList->takeItem(row));
    }
}

CalendarDnd::Feedback CalendarPage::checkDrop(const QMimeData *mime, ShiftId target, Seat seat,
                                              Qt::KeyboardModifiers mods)
{
    if (!m_ws) {
        return {false, {}};
    }
    const QDate from = m_monthModel->from().date().addDays(-7);
    const QDate to = m_monthModel->to().date().addDays(7);
    QString key;
    QList<ShiftId> dragged;
    if (mime->hasFormat(CalendarDnd::shiftMime())) {
        const ShiftId source = ShiftId::fromString(QString::fromUtf8(mime->data(CalendarDnd::shiftMime())));
        if (source == target) {
            return {false, tr("Drop on another shift to swap")};
        }
        key = u"shift:"_s + source.toString() + target.toString();
        dragged = {source, target};
    } else {
        key = u"person:"_s + target.toString();
    }
    if (!m_session || m_sessionKey != key || m_session->isStale()) {
        auto session = mime->hasFormat(CalendarDnd::shiftMime()) ? m_ws->shifts().beginDrop(dragged, from, to)
                                                                 : m_ws->shifts().beginDrop({target}, from, to);
        if (!session) {
            return {false, session.errorMessage()};
        }
        m_session = std::move(session).value();
        m_sessionKey = key;
    }
    DropPreview preview;
    if (mime->hasFormat(CalendarDnd::shiftMime())) {
        const ShiftId source = dragged.first();
        if (mods & Qt::ShiftModifier) {
            preview = m_session->swapSeat(source, target, Seat::Dev);
        } else if (mods & Qt::ControlModifier) {
            preview = m_session->swapSeat(source, target, Seat::Ops);
        } else {
            preview = m_session->swapPairs(source, target);
        }
    } else {
        const PersonId person = PersonId::fromString(QString::fromUtf8(mime->data(CalendarDnd::personMime())));
        preview = m_session->assignSeat(target, seat, person);
    }
    CalendarDnd::Feedback feedback{preview.allowed, preview.allowed ? preview.effect : preview.reason, false};
    if (preview.allowed && !preview.warning.isEmpty()) {
        // Said while hovering, not after the drop: the lead decides knowing it.
        feedback.text += u"; ⚠ "_s + preview.warning;
        feedback.warning = true;
    }
    return feedback;
}

bool CalendarPage::drop(const QMimeData *mime, ShiftId target, Seat seat, Qt::KeyboardModifiers mods)
{
    if (!m_ws) {
        return false;
    }
    m_session.reset();
    m_sessionKey.clear();
    Result<ShiftEdit> done = Error(tr("Nothing to drop"));
    if (mime->hasFormat(CalendarDnd::shiftMime())) {
        const ShiftId source = ShiftId::fromString(QString::fromUtf8(mime->data(CalendarDnd::shiftMime())));
        if (source == target) {
            return false;
        }
        if (mods & Qt::ShiftModifier) {
            done = m_ws->shiftEditor().swapSeat(source, target, Seat::Dev);
        } else if (mods & Qt::ControlModifier) {
            done = m_ws->shiftEditor().swapSeat(source, target, Seat::Ops);
        } else {
            done = m_ws->shiftEditor().swapPairs(source, target);
        }
    } else if (mime->hasFormat(CalendarDnd::personMime())) {
        const PersonId person = PersonId::fromString(QString::fromUtf8(mime->data(CalendarDnd::personMime())));
        const auto p = m_monthModel->person(person);
        done = m_ws->shiftEditor().assignSeat(target, seat, person, p ? p->name : QString());
    }
    report(done ? QString() : done.errorMessage());
    return done.ok();
}

void CalendarPage::report(const QString &failure)
{
    if (failure.isEmpty()) {
        Q_EMIT statusMessage(m_ws ? m_ws->undoStack().undoText() : QString(), 4000);
        return;
    }
    Q_EMIT statusMessage(tr("Refused: %1").arg(failure), 8000);
    QWidget *view = m_stack->currentWidget();
    QToolTip::showText(QCursor::pos(), tr("Refused: %1").arg(failure), view);
}

void CalendarPage::pickPerson(ShiftId id, Seat seat)
{
    const auto s = shift(id);
    if (!s || !m_ws) {
        return;
    }
    // The developer seat draws from the rotation's team; the ops seat from anyone with
    // production access. Each candidate shows what taking the seat does, or why they cannot.
    const auto rotation = m_monthModel->rotation(s->rotationId);
    QList<Person> people;
    for (const Person &p : m_monthModel->people()) {
        const bool fits = seat == Seat::Dev
                              ? p.role == Role::Developer && rotation && p.teams.contains(rotation->teamId)
                              : p.productionAccess;
        if (p.active && fits) {
            people << p;
        }
    }
    auto session = m_ws->shifts().beginDrop({id}, m_monthModel->from().date(), m_monthModel->to().date());
    QList<PickDialog::Item> items;
    for (const Person &p : std::as_const(people)) {
        PickDialog::Item item{p.name + u" · "_s + p.email, {}, true};
        if (p.id == s->seat(seat)) {
            item.detail = tr("in this seat now");
        } else if (session) {
            const DropPreview preview = session.value()->assignSeat(id, seat, p.id);
            item.allowed = preview.allowed;
            item.detail = preview.allowed ? preview.effect : preview.reason;
            if (!preview.warning.isEmpty()) {
                item.detail += u"; ⚠ "_s + preview.warning;
            }
        }
        items << item;
    }
    const QString seatText = seat == Seat::Dev ? tr("developer") : tr("ops engineer");
    PickDialog dialog(
        seat == Seat::Dev ? tr("Assign Developer") : tr("Assign Ops Engineer"),
        tr("Who takes the %1 seat of %2, %3?")
            .arg(seatText, rotation ? rotation->name : QString(),
                 QLocale().toString(s->start.toTimeZone(m_monthModel->viewerTimeZone()), u"ddd d MMM HH:mm"_s)),
        this);
    dialog.setItems(items);
    if (dialog.exec() != QDialog::Accepted || dialog.currentRow() < 0) {
        return;
    }
    const Person &picked = people.at(dialog.currentRow());
    auto done = m_ws->shiftEditor().assignSeat(id, seat, picked.id, picked.name);
    report(done ? QString() : done.errorMessage());
}

void CalendarPage::pickShadow(ShiftId id)
{
    const auto s = shift(id);
    if (!s || !m_ws) {
        return;
    }
    // A shadow is a developer of the rotation's team learning it (onboarding ones first); each
    // candidate shows why they cannot, by the same rules the service applies.
    const auto rotation = m_monthModel->rotation(s->rotationId);
    QList<Person> people;
    for (const Person &p : m_monthModel->people()) {
        if (p.active && p.role == Role::Developer && rotation && p.teams.contains(rotation->teamId) && p.id != s->dev &&
            p.id != s->ops) {
            people << p;
        }
    }
    std::stable_sort(people.begin(), people.end(), [&rotation](const Person &a, const Person &b) {
        return rotation->rules.trainees.contains(a.id) && !rotation->rules.trainees.contains(b.id);
    });
    QList<PickDialog::Item> items;
    for (const Person &p : std::as_const(people)) {
        PickDialog::Item item{p.name + u" · "_s + p.email, {}, true};
        if (p.id == s->shadow) {
            item.detail = tr("shadows this shift now");
        } else {
            Shift candidate = *s;
            candidate.shadow = p.id;
            if (const auto status = checkShadowSeat(m_ws->database(), candidate); !status) {
                item.allowed = false;
                item.detail = status.errorMessage();
            } else if (rotation->rules.trainees.contains(p.id)) {
                item.detail = tr("onboarding in %1").arg(rotation->name);
            }
        }
        items << item;
    }
    PickDialog dialog(
        tr("Assign Shadow"),
        tr("Who shadows the pair of %1, %2 (no load, no production access)?")
            .arg(rotation ? rotation->name : QString(),
                 QLocale().toString(s->start.toTimeZone(m_monthModel->viewerTimeZone()), u"ddd d MMM HH:mm"_s)),
        this);
    dialog.setItems(items);
    if (dialog.exec() != QDialog::Accepted || dialog.currentRow() < 0) {
        return;
    }
    const Person &picked = people.at(dialog.currentRow());
    auto done = m_ws->shiftEditor().setShadow(id, picked.id, picked.name);
    report(done ? QString() : done.errorMessage());
}

void CalendarPage::swapWith(ShiftId id)
{
    const auto s = shift(id);
    if (!s || !m_ws) {
        return;
    }
    QList<RotationId> rotations;
    for (int row = 0; row < m_monthModel->rowCount(); ++row) {
        if (!rotations.contains(m_monthModel->shiftAt(row).rotationId)) {
            rotations << m_monthModel->shiftAt(row).rotationId;
        }
    }
    auto session = m_ws->shifts().beginDropOn(rotations, m_monthModel->from().date().addDays(-1),
                                              m_monthModel->to().date().addDays(1));
    QList<ShiftId> ids;
    QList<PickDialog::Item> items;
    const QLocale locale;
    for (int row = 0; row < m_monthModel->rowCount(); ++row) {
        const Shift &o = m_monthModel->shiftAt(row);
        if (o.id == id) {
            continue;
        }
        ids << o.id;
        PickDialog::Item item{
            tr("%1 · %2 · %3")
                .arg(LocaleFormat::date(o.start.toTimeZone(m_monthModel->viewerTimeZone()).date(), true, false, locale),
                     m_monthModel->index(row).data(ShiftRangeModel::RotationNameRole).toString(),
                     m_monthModel->index(row).data().toString()),
            {},
            true};
        if (session) {
            const DropPreview preview = session.value()->swapPairs(id, o.id);
            item.allowed = preview.allowed;
            item.detail = preview.allowed ? preview.effect : preview.reason;
            if (!preview.warning.isEmpty()) {
                item.detail += u"; ⚠ "_s + preview.warning;
            }
        }
        items << item;
    }
    const auto rotation = m_monthModel->rotation(s->rotationId);
    PickDialog dialog(tr("Swap Pair With"),
                      tr("Swap the pair of %1, %2 (%3) with:")
                          .arg(rotation ? rotation->name : QString(),
                               locale.toString(s->start.toTimeZone(m_monthModel->viewerTimeZone()), u"ddd d MMM"_s),
                               m_monthModel->indexOf(id).data().toString()),
                      this);
    dialog.setItems(items);
    if (dialog.exec() != QDialog::Accepted || dialog.currentRow() < 0) {
        return;
    }
    auto done = m_ws->shiftEditor().swapPairs(id, ids.at(dialog.currentRow()));
    report(done ? QString() : done.errorMessage());
}

void CalendarPage::editText(ShiftId id, bool bridge)
{
    const auto s = shift(id);
    if (!s) {
        return;
    }
    bool ok = false;
    const QString text =
        bridge ? QInputDialog::getText(this, tr("Bridge Link"), tr("Call URL:"), QLineEdit::Normal, s->bridgeUrl, &ok)
               : QInputDialog::getMultiLineText(this, tr("Handoff Note"), tr("Note:"), s->note, &ok);
    if (!ok) {
        return;
    }
    auto done = bridge ? m_ws->shiftEditor().setBridgeUrl(id, text) : m_ws->shiftEditor().setNote(id, text);
    report(done ? QString() : done.errorMessage());
}

void CalendarPage::moveHandoff(ShiftId id)
{
    // The keyboard's way to drag a shift's right edge: the shift ends, and the next shift of
    // the rotation starts, at the chosen time.
    const auto s = shift(id);
    if (!s) {
        return;
    }
    const QTimeZone zone = m_monthModel->viewerTimeZone();
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Move Handoff"));
    auto *edit = new QDateTimeEdit(s->end.toTimeZone(zone), &dialog);
    edit->setObjectName(u"handoffEdit"_s);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(LocaleFormat::dateFormat(true, true) + u' ' + LocaleFormat::timeFormat());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Hand off &at (%1):").arg(QString::fromUtf8(zone.id())), edit);
    form->addRow(new QLabel(tr("The next shift of the rotation starts then, so no gap or overlap appears."), &dialog));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QDateTime boundary = edit->dateTime();
    boundary.setTimeZone(zone);
    auto done = m_ws->shiftEditor().moveHandoff(id, boundary.toUTC());
    report(done ? QString() : done.errorMessage());
}

void CalendarPage::showContextMenu(ShiftId id, const QPoint &globalPos)
{
    if (!m_ws) {
        return;
    }
    const auto s = shift(id);
    QMenu menu(this);
    if (s) {
        menu.addAction(tr("Open De&tails"), this, [this, id] { Q_EMIT m_monthView->shiftActivated(id); });
        menu.addSeparator();
        menu.addAction(tr("&Swap Pair With…"), this, [this, id] { swapWith(id); });
        menu.addAction(tr("Assign &Developer…"), this, [this, id] { pickPerson(id, Seat::Dev); });
        menu.addAction(tr("Assign &Ops Engineer…"), this, [this, id] { pickPerson(id, Seat::Ops); });
        auto *clearDev = menu.addAction(tr("&Clear Developer Seat"), this, [this, id] {
            auto done = m_ws->shiftEditor().clearSeat(id, Seat::Dev);
            report(done ? QString() : done.errorMessage());
        });
        clearDev->setEnabled(!s->dev.isNull());
        auto *clearOps = menu.addAction(tr("Clear Ops S&eat"), this, [this, id] {
            auto done = m_ws->shiftEditor().clearSeat(id, Seat::Ops);
            report(done ? QString() : done.errorMessage());
        });
        clearOps->setEnabled(!s->ops.isNull());
        menu.addAction(tr("Assign Shado&w…"), this, [this, id] { pickShadow(id); });
        auto *clearShadow = menu.addAction(tr("Clear S&hadow"), this, [this, id] {
            auto done = m_ws->shiftEditor().setShadow(id, PersonId(), QString());
            report(done ? QString() : done.errorMessage());
        });
        clearShadow->setEnabled(!s->shadow.isNull());
        menu.addSeparator();
        const bool locked = s->state == ShiftState::Locked;
        menu.addAction(locked ? tr("&Unlock") : tr("&Lock"), this, [this, id, locked] {
            auto done = m_ws->shiftEditor().setState(id, locked ? ShiftState::Published : ShiftState::Locked);
            report(done ? QString() : done.errorMessage());
        });
        auto *publish = menu.addAction(tr("&Publish"), this, [this, id] {
            auto done = m_ws->shiftEditor().setState(id, ShiftState::Published);
            report(done ? QString() : done.errorMessage());
        });
        publish->setEnabled(s->state == ShiftState::Planned);
        menu.addAction(tr("&Move Handoff…"), this, [this, id] { moveHandoff(id); });
        menu.addAction(tr("Edit Handoff &Note…"), this, [this, id] { editText(id, false); });
        menu.addAction(tr("Edit &Bridge Link…"), this, [this, id] { editText(id, true); });
        menu.addSeparator();
        const QDate from = s->start.toTimeZone(m_monthModel->viewerTimeZone()).date();
        menu.addAction(tr("&Re-plan From Here…"), this, [this, from] { Q_EMIT replanRequested(from); });
    } else {
        menu.addAction(tr("&Today"), this, &CalendarPage::goToday);
        // On a day without a shift (or time nobody is planned for): plan from there.
        const QDate day = m_mode == Mode::Month ? m_monthView->currentDate() : m_timeline->firstVisibleDate();
        menu.addAction(tr("Plan From This &Day…"), this, [this, day] { Q_EMIT replanRequested(day); });
    }
    menu.addSeparator();
    const QDate first(m_month.year(), m_month.month(), 1);
    menu.addAction(tr("Print This Mont&h…"), this,
                   [this, first] { Q_EMIT printRequested(first, first.addDays(first.daysInMonth() - 1)); });
    menu.exec(globalPos);
}

} // namespace Tandem
