#include "plandialog.h"

#include "domain/localeformat.h"
#include "emptystate.h"
#include "itemmodels/plancommands.h"
#include "itemmodels/planmodel.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "services/validation.h"
#include "store/database.h"
#include "workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

const auto HorizonKey = u"plan/horizonDays"_s;
/// "fewest" or "fair": what a re-plan puts first (PlanRequest::Replan).
const auto ReplanKey = u"plan/replan"_s;
constexpr int DefaultHorizonDays = 13 * 7 - 1; // a quarter: 13 weeks, both ends included

QTableView *makeTable(QWidget *parent, const QString &name, const QString &accessibleName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QSortFilterProxyModel *sortedProxy(QAbstractItemModel *source, int sortRole, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(sortRole);
    return proxy;
}

} // namespace

/// What the worker thread and the dialog share. The worker writes `result` and the progress
/// figures; the dialog reads them (the result only after the thread has finished).
struct PlanDialog::Run
{
    Planner::PlanRequest request;
    Planner::PlanResult result;
    std::atomic<bool> cancel = false;
    std::atomic<int> done = 0;
    std::atomic<int> total = 0;
};

PlanDialog::PlanDialog(Workspace &workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setWindowTitle(tr("Plan Rotations"));
    setObjectName(u"planDialog"_s);

    // Settings: which rotations, which days.
    m_rotations = new QListWidget(this);
    m_rotations->setObjectName(u"rotationList"_s);
    m_rotations->setAccessibleName(tr("Rotations to plan"));
    m_rotations->setMaximumHeight(m_rotations->fontMetrics().height() * 4 + 8);
    const auto read = m_workspace.rotations().rotations();
    // A failed read lists no rotation; the summary below says why (set once it exists).
    const QList<Rotation> rotations = read.value_or({});
    for (const Rotation &r : rotations) {
        auto *item = new QListWidgetItem(r.name, m_rotations);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
        item->setData(Qt::UserRole, r.id.toString());
        item->setToolTip(tr("Hands off in %1").arg(r.timeZone));
    }
    m_from = new QDateEdit(this);
    m_from->setObjectName(u"fromEdit"_s);
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(LocaleFormat::dateFormat(true, true));
    m_to = new QDateEdit(this);
    m_to->setObjectName(u"toEdit"_s);
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(LocaleFormat::dateFormat(true, true));
    m_horizon = new QLabel(this);
    m_horizon->setObjectName(u"horizonLabel"_s);
    m_replan = new QComboBox(this);
    m_replan->setObjectName(u"replanCombo"_s);
    m_replan->addItem(tr("Change as few shifts as possible"), int(Planner::PlanRequest::Replan::FewestChanges));
    m_replan->addItem(tr("Rebalance for the fairest plan"), int(Planner::PlanRequest::Replan::Fairest));
    m_replan->setToolTip(tr("When shifts are already planned: keep them wherever the rules allow and change only "
                            "what new leave or rules force (and at most one more to even out the load), or "
                            "move more of them to even out the load again."));
    m_replan->setCurrentIndex(QSettings().value(ReplanKey).toString() == u"fair"_s ? 1 : 0);
    m_previewButton = new QPushButton(tr("&Preview"), this);
    m_previewButton->setObjectName(u"previewButton"_s);
    m_previewButton->setDefault(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"planProgress"_s);
    m_progress->setAccessibleName(tr("Planning progress"));
    m_progress->setTextVisible(true);
    m_cancel = new QPushButton(tr("&Cancel Preview"), this);
    m_cancel->setObjectName(u"cancelPreviewButton"_s);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(50);

    // Two rows: what to plan, then when, with Preview at the end of the "when" row.
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto *datesRow = new QHBoxLayout;
    datesRow->addWidget(m_from);
    datesRow->addSpacing(8);
    datesRow->addWidget(toLabel);
    datesRow->addWidget(m_to);
    datesRow->addSpacing(8);
    datesRow->addWidget(m_horizon);
    datesRow->addStretch();
    datesRow->addWidget(m_previewButton);
    auto *settings = new QFormLayout;
    settings->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    settings->addRow(tr("&Rotations:"), m_rotations);
    settings->addRow(fromLabel, datesRow);
    settings->addRow(tr("&Existing shifts:"), m_replan);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    m_summary = new QLabel(tr("Choose rotations and days, then Preview."), this);
    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    if (!read) {
        m_summary->setText(read.errorMessage());
    }

    // Results.
    m_previewModel = new PlanPreviewModel(this);
    m_fairnessModel = new FairnessModel(this);
    m_pairModel = new PairMatrixModel(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"planTabs"_s);
    m_shiftView = makeTable(m_tabs, u"shiftView"_s, tr("Planned shifts"));
    m_shiftView->setModel(sortedProxy(m_previewModel, PlanPreviewModel::SortRole, this));
    m_shiftView->setSortingEnabled(true);
    m_shiftView->sortByColumn(PlanPreviewModel::StartColumn, Qt::AscendingOrder);
    m_shiftView->horizontalHeader()->setStretchLastSection(true);

    auto *fairness = new QWidget(m_tabs);
    m_fairnessView = makeTable(fairness, u"fairnessView"_s, tr("Fairness per person"));
    m_fairnessView->setModel(sortedProxy(m_fairnessModel, FairnessModel::SortRole, this));
    m_fairnessView->setSortingEnabled(true);
    m_fairnessView->sortByColumn(-1, Qt::AscendingOrder);
    m_fairnessView->horizontalHeader()->setStretchLastSection(true);
    m_poolFigures = new QLabel(fairness);
    m_poolFigures->setObjectName(u"poolFiguresLabel"_s);
    m_poolFigures->setTextFormat(Qt::PlainText);
    m_poolFigures->setWordWrap(true);
    auto *fairnessLayout = new QVBoxLayout(fairness);
    fairnessLayout->addWidget(m_poolFigures);
    fairnessLayout->addWidget(m_fairnessView, 1);

    m_pairView = makeTable(m_tabs, u"pairView"_s, tr("Shifts per developer and ops pair"));
    m_pairView->setModel(m_pairModel);
    m_pairView->verticalHeader()->show();
    m_pairView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_pairView->setAlternatingRowColors(false);

    m_gaps = new QTreeWidget(m_tabs);
    m_gaps->setObjectName(u"gapList"_s);
    m_gaps->setAccessibleName(tr("Coverage gaps"));
    m_gaps->setRootIsDecorated(false);
    m_gaps->setHeaderLabels({tr("Start"), tr("Rotation"), tr("Seat"), tr("Reason")});
    m_gapsEmpty = EmptyState::install(m_gaps, tr("Preview the plan to see its gaps."));

    m_tabs->addTab(m_shiftView, tr("&Shifts"));
    m_tabs->addTab(fairness, tr("F&airness"));
    m_tabs->addTab(m_pairView, tr("Pa&irs"));
    m_tabs->addTab(m_gaps, tr("&Gaps"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = m_buttons->addButton(tr("&Apply Plan"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(u"applyButton"_s);
    m_apply->setEnabled(false);

    // The reasons of the selected shift in full: the Why column has room for their start only.
    m_why = new QLabel(this);
    m_why->setObjectName(u"whyLabel"_s);
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_why->setAccessibleName(tr("Why these people"));
    m_why->setMinimumHeight(m_why->fontMetrics().lineSpacing() * 2);
    connect(m_shiftView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const auto *proxy = static_cast<const QSortFilterProxyModel *>(m_shiftView->model());
                const QModelIndex source = proxy->mapToSource(current);
                if (!source.isValid() || !m_plan) {
                    m_why->clear();
                    return;
                }
                const Planner::PlannedShift &planned = m_previewModel->shiftAt(source);
                QStringList lines;
                if (!planned.devReason.isEmpty()) {
                    lines << tr("Developer: %1").arg(planned.devReason);
                }
                if (!planned.opsReason.isEmpty()) {
                    lines << tr("Ops: %1").arg(planned.opsReason);
                }
                m_why->setText(lines.join(u'\n'));
            });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(settings);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_why);
    layout->addWidget(m_buttons);

    connect(m_previewButton, &QPushButton::clicked, this, &PlanDialog::preview);
    connect(m_cancel, &QPushButton::clicked, this, &PlanDialog::cancelPreview);
    connect(m_progressTimer, &QTimer::timeout, this, &PlanDialog::updateProgress);
    connect(m_rotations, &QListWidget::itemChanged, this, &PlanDialog::invalidate);
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate from) {
        // Moving the start keeps the horizon's length; the end can still be set on its own.
        const QSignalBlocker block(m_to);
        const qint64 length = QSettings().value(HorizonKey, DefaultHorizonDays).toLongLong();
        if (m_to->date() < from) {
            m_to->setDate(from.addDays(length));
        }
        invalidate();
    });
    connect(m_to, &QDateEdit::dateChanged, this, &PlanDialog::invalidate);
    connect(m_replan, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(ReplanKey, replan() == Planner::PlanRequest::Replan::Fairest ? u"fair"_s : u"fewest"_s);
        invalidate();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PlanDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PlanDialog::reject);

    // From the first slot nobody is planned for (the one under way included: a rotation that
    // starts this week needs this week), as long as last time (a quarter the first time).
    QList<RotationId> ids;
    for (const Rotation &r : rotations) {
        ids.append(r.id);
    }
    // Only a suggestion: a failed read starts the horizon today, which the dates show and the
    // user can move; Preview reads again and says what fails.
    const QDate from = PlanService(m_workspace.database())
                           .firstUnplannedDay(ids)
                           .value_or(m_workspace.database().clock().now().date());
    setHorizon(from, from.addDays(QSettings().value(HorizonKey, DefaultHorizonDays).toInt()));

    setRunning(false);
    invalidate();
    resize(1040, 700);
}

PlanDialog::~PlanDialog()
{
    // The worker reads nothing of the dialog, but it must not outlive its QThread object.
    if (m_thread) {
        m_run->cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void PlanDialog::setSelectedRotations(const QList<RotationId> &rotations)
{
    const QSignalBlocker block(m_rotations);
    for (int i = 0; i < m_rotations->count(); ++i) {
        QListWidgetItem *item = m_rotations->item(i);
        const bool checked = rotations.contains(RotationId::fromString(item->data(Qt::UserRole).toString()));
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
    invalidate();
}

QList<RotationId> PlanDialog::selectedRotations() const
{
    QList<RotationId> ids;
    for (int i = 0; i < m_rotations->count(); ++i) {
        if (m_rotations->item(i)->checkState() == Qt::Checked) {
            ids.append(RotationId::fromString(m_rotations->item(i)->data(Qt::UserRole).toString()));
        }
    }
    return ids;
}

void PlanDialog::setHorizon(QDate from, QDate to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    invalidate();
}

void PlanDialog::setReplan(Planner::PlanRequest::Replan replan)
{
    m_replan->setCurrentIndex(m_replan->findData(int(replan)));
}

Planner::PlanRequest::Replan PlanDialog::replan() const
{
    return Planner::PlanRequest::Replan(m_replan->currentData().toInt());
}

QString PlanDialog::rotationNames() const
{
    QStringList names;
    for (int i = 0; i < m_rotations->count(); ++i) {
        if (m_rotations->item(i)->checkState() == Qt::Checked) {
            names.append(m_rotations->item(i)->text());
        }
    }
    return QLocale().createSeparatedList(names);
}

void PlanDialog::updateHorizonLabel()
{
    const qint64 days = m_from->date().daysTo(m_to->date()) + 1;
    if (days < 1) {
        m_horizon->setText(tr("The last day is before the first."));
    } else if (days % 7 == 0) {
        m_horizon->setText(days == 7 ? tr("1 week") : tr("%1 weeks").arg(days / 7));
    } else {
        m_horizon->setText(days == 1 ? tr("1 day") : tr("%1 days").arg(days));
    }
}

void PlanDialog::invalidate()
{
    // A preview answers the settings it was made with: any change takes it (and Apply) away.
    m_plan.reset();
    m_previewModel->clear();
    m_fairnessModel->clear();
    m_pairModel->clear();
    m_gaps->clear();
    m_gapsEmpty->setText(tr("Preview the plan to see its gaps."));
    m_why->clear();
    m_poolFigures->clear();
    updateHorizonLabel();
    const bool valid = !selectedRotations().isEmpty() && m_from->date() <= m_to->date();
    m_previewButton->setEnabled(valid && !isPreviewRunning());
    m_apply->setEnabled(false);
    if (m_rotations->count() == 0) {
        m_summary->setText(tr("There is no rotation to plan yet: create one with Rotations ▸ New Rotation."));
    } else if (selectedRotations().isEmpty()) {
        m_summary->setText(tr("Check at least one rotation to plan."));
    } else if (m_from->date() > m_to->date()) {
        m_summary->setText(tr("The plan must end on or after its first day."));
    } else {
        m_summary->setText(tr("Preview the plan to see its shifts, fairness and gaps."));
    }
}

void PlanDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_rotations->setEnabled(!running);
    m_from->setEnabled(!running);
    m_to->setEnabled(!running);
    m_replan->setEnabled(!running);
    m_previewButton->setEnabled(!running && !selectedRotations().isEmpty());
    if (running) {
        m_progress->setRange(0, 0); // busy until the planner says how far it is
        m_progressTimer->start();
        m_cancel->setFocus();
    } else {
        m_progressTimer->stop();
    }
}

void PlanDialog::updateProgress()
{
    if (!m_run) {
        return;
    }
    const int total = m_run->total;
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(std::min<int>(m_run->done, total));
    }
}

void PlanDialog::preview()
{
    if (isPreviewRunning()) {
        return;
    }
    invalidate();
    const QList<RotationId> ids = selectedRotations();
    if (ids.isEmpty()) {
        return;
    }
    // Reading the database happens here, on its own thread; the worker gets plain values.
    auto request = m_workspace.plans().request(ids, m_from->date(), m_to->date());
    if (!request) {
        m_summary->setText(request.errorMessage());
        return;
    }
    QSettings().setValue(HorizonKey, m_from->date().daysTo(m_to->date()));
    m_run = std::make_shared<Run>();
    m_run->request = request.value();
    m_run->request.replan = replan();
    auto run = m_run;
    m_thread = QThread::create([run] {
        run->result = Planner::plan(run->request, [run](int done, int total) {
            run->done = done;
            run->total = total;
            return !run->cancel.load();
        });
    });
    m_thread->setObjectName(u"planner"_s);
    connect(m_thread, &QThread::finished, this, &PlanDialog::finished);
    m_summary->setText(tr("Planning %1…").arg(rotationNames()));
    setRunning(true);
    m_thread->start();
}

void PlanDialog::cancelPreview()
{
    if (m_run) {
        m_run->cancel = true;
        m_summary->setText(tr("Cancelling…"));
    }
}

void PlanDialog::finished()
{
    if (!m_thread) {
        return;
    }
    m_thread->wait(); // `finished` comes just before the thread ends
    delete m_thread;
    m_thread = nullptr;
    std::shared_ptr<Run> run = std::move(m_run);
    setRunning(false);
    if (run->cancel || run->result.cancelled) {
        invalidate();
        m_summary->setText(tr("Preview cancelled; nothing to apply."));
        return;
    }
    if (!run->result.error.isEmpty()) {
        invalidate();
        m_summary->setText(run->result.error);
        return;
    }
    m_request = std::move(run->request);
    m_plan = std::move(run->result);
    showPlan();
}

void PlanDialog::showPlan()
{
    const Planner::PlanResult &plan = *m_plan;
    m_previewModel->setPlan(m_request, plan);
    QHash<PersonId, QString> names;
    for (const Person &p : std::as_const(m_request.people)) {
        names.insert(p.id, p.name);
    }
    QHash<RotationId, Rotation> rotations;
    for (const Rotation &r : std::as_const(m_request.rotations)) {
        rotations.insert(r.id, r);
    }
    m_fairnessModel->setSummary(plan.summary, names);
    m_pairModel->setSummary(plan.summary, names);

    QStringList pools;
    const QLocale locale;
    for (const Planner::PoolFigures &pool : plan.summary.pools) {
        QString line =
            tr("%1: weighted load %2 to %3 (max − min %4), largest deviation from fair share %5")
                .arg(pool.name, locale.toString(pool.minLoad, 'f', 1), locale.toString(pool.maxLoad, 'f', 1),
                     locale.toString(pool.maxLoad - pool.minLoad, 'f', 1), locale.toString(pool.maxDeviation, 'f', 1));
        if (pool.proof == Planner::PoolFigures::Proof::Optimal) {
            line += u' ' + tr("(optimal: no plan does better)");
        } else if (pool.proof == Planner::PoolFigures::Proof::Bounded) {
            line += u' ' + tr("(within %1 of the bound %2)")
                               .arg(locale.toString(pool.maxDeviation - pool.bound, 'f', 2),
                                    locale.toString(pool.bound, 'f', 2));
        }
        if (pool.fairest >= 0 && pool.maxDeviation > pool.fairest + 0.005) {
            // The fewest changes kept the pool less fair than a rebalancing re-plan would: say by how much.
            line += u"; "_s + tr("a rebalancing re-plan found %1 (Existing shifts: Rebalance)")
                                  .arg(locale.toString(pool.fairest, 'f', 1));
        }
        pools.append(line);
    }
    m_poolFigures->setText(pools.join(u'\n'));

    m_gaps->clear();
    for (const Planner::Gap &gap : plan.summary.gaps) {
        const Rotation rotation = rotations.value(gap.rotation);
        const QDateTime start = gap.start.toTimeZone(QTimeZone(rotation.timeZone.toUtf8()));
        auto *item = new QTreeWidgetItem(m_gaps);
        item->setText(0, LocaleFormat::date(start.date(), true, true, locale) + u"  "_s +
                             LocaleFormat::time(start.time(), locale));
        item->setText(1, rotation.name);
        item->setText(2, gap.seat == Seat::Dev ? tr("Developer") : tr("Ops"));
        item->setText(3, gap.reason);
        item->setToolTip(3, gap.reason);
    }
    for (int column = 0; column < 3; ++column) {
        m_gaps->resizeColumnToContents(column);
    }
    m_tabs->setTabText(3, plan.summary.gaps.isEmpty() ? tr("&Gaps") : tr("&Gaps (%1)").arg(plan.summary.gaps.size()));
    m_gapsEmpty->setText(tr("No gaps: every seat of the plan has someone."));

    // One rotation needs no rotation column: the reasons get the room.
    m_shiftView->setColumnHidden(PlanPreviewModel::RotationColumn, rotations.size() < 2);
    m_shiftView->resizeColumnsToContents();
    // The reasons are long: they get the rest of the width and a tooltip with all of it.
    m_shiftView->setColumnWidth(PlanPreviewModel::WhyColumn, 200);
    // Every figure whole: the table scrolls sideways when the dialog is narrow.
    m_fairnessView->resizeColumnsToContents();
    m_pairView->resizeColumnsToContents();

    QString summary = m_previewModel->summaryText();
    // Time before the horizon that nobody is planned for: say so, it is on call too.
    const auto unplanned = m_workspace.plans().firstUnplannedDay(selectedRotations());
    if (unplanned && unplanned.value() < m_from->date()) {
        summary += u"\n"_s + tr("Not in this plan: no shift is planned from %1; start the plan there to cover it.")
                                 .arg(locale.toString(unplanned.value(), u"ddd d MMM yyyy"_s));
    }
    m_summary->setText(summary);
    m_shiftView->selectRow(0); // its reasons show in full below the table
    const bool changes = m_previewModel->count(Planner::Change::Added) +
                             m_previewModel->count(Planner::Change::Changed) +
                             m_previewModel->count(Planner::Change::Removed) >
                         0;
    m_apply->setEnabled(changes);
    if (!changes) {
        m_summary->setText(m_summary->text() + u" — "_s + tr("nothing to apply."));
    }
    m_apply->setDefault(changes);
}

void PlanDialog::accept()
{
    if (!m_plan || isPreviewRunning()) {
        return;
    }
    auto applied = m_workspace.planEditor().applyPlan(*m_plan, rotationNames());
    if (!applied) {
        const QString message = applied.errorMessage();
        if (applied.error().field == Field::Stale) {
            // Leave or shifts changed under the preview (another Tandem, the sync): this plan
            // would overwrite them. Its Apply goes; Preview computes it again from what is there.
            invalidate();
        }
        m_summary->setText(message);
        return;
    }
    m_appliedCount = applied->count();
    QDialog::accept();
}

void PlanDialog::reject()
{
    cancelPreview();
    QDialog::reject();
}

} // namespace Tandem
