#include "conflictsmodel.h"

#include "services/syncservice.h"
#include "shiftrangemodel.h"

#include <QLocale>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {
Q_LOGGING_CATEGORY(lcConflicts, "tandem.conflicts")
} // namespace

ConflictsModel::ConflictsModel(ShiftRangeModel *shifts, QObject *parent) : QAbstractListModel(parent), m_shifts(shifts)
{
    // The list is short (the problems of one screen), so every change rebuilds it; the rows
    // that stay keep their indexes because the rebuild is skipped when nothing differs.
    connect(shifts, &QAbstractItemModel::modelReset, this, &ConflictsModel::rebuild);
    connect(shifts, &QAbstractItemModel::layoutChanged, this, &ConflictsModel::rebuild);
    connect(shifts, &QAbstractItemModel::rowsInserted, this, &ConflictsModel::rebuild);
    connect(shifts, &QAbstractItemModel::rowsRemoved, this, &ConflictsModel::rebuild);
    connect(shifts, &QAbstractItemModel::dataChanged, this, &ConflictsModel::rebuild);
    connect(shifts, &ShiftRangeModel::uncoveredChanged, this, &ConflictsModel::rebuild);
    rebuild();
}

int ConflictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConflictsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case TextRole:
    case ToolTipRole:
        return textOf(row);
    case ShiftIdRole:
        return QVariant::fromValue(row.id);
    case StartRole:
        return row.start;
    case ProblemsRole:
        return row.problems;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictsModel::roleNames() const
{
    return {{TextRole, "text"},
            {ToolTipRole, "toolTip"},
            {ShiftIdRole, "shiftId"},
            {StartRole, "start"},
            {ProblemsRole, "problems"}};
}

QString ConflictsModel::textOf(const Row &row) const
{
    if (!row.shiftRow) {
        return row.text;
    }
    return tr("%1, %2: %3")
        .arg(QLocale().toString(row.start.toTimeZone(m_zone), u"ddd d MMM"_s), row.rotation, row.text);
}

void ConflictsModel::rebuild()
{
    QList<Row> rows;
    const QTimeZone zone = m_shifts ? m_shifts->viewerTimeZone() : QTimeZone();
    if (m_shifts) {
        const QLocale locale;
        for (int i = 0; i < m_shifts->rowCount(); ++i) {
            const int problems = m_shifts->problemsOf(i);
            if (problems == NoProblem) {
                continue;
            }
            const Shift &s = m_shifts->shiftAt(i);
            Row row;
            row.id = s.id;
            row.start = s.start;
            row.problems = problems;
            row.shiftRow = true;
            row.rotation = m_shifts->rotationName(s.rotationId);
            row.text = m_shifts->problemText(i);
            rows.append(std::move(row));
        }
        // Changes from the shared calendar that broke a rule (a deleted shift leaves no row of
        // its own above): listed until fixed or dismissed.
        const QDateTime from = m_shifts->from();
        const QDateTime to = m_shifts->to();
        auto flags = SyncService(m_shifts->database()).allFlags();
        if (!flags) {
            qCWarning(lcConflicts) << "sync flags:" << flags.errorMessage();
        }
        // Without the flags (a failed read, logged above) the list still shows the rule problems.
        for (const SyncFlag &flag : flags.value_or({})) {
            if (flag.start >= to || flag.end <= from) {
                continue;
            }
            Row row;
            row.id = ShiftId::fromString(flag.shift);
            row.start = flag.start;
            row.problems = flag.kind == u"gap" || flag.kind == u"seat" ? (DevGap | OpsGap) : HardRule;
            row.text = tr("%1: %2").arg(locale.toString(flag.start.toTimeZone(zone), u"ddd d MMM"_s), flag.text);
            rows.append(row);
        }
        // Time of an active rotation with no shift at all: nobody is on call.
        for (const UncoveredSlot &u : m_shifts->uncovered()) {
            const auto rotation = m_shifts->rotation(u.rotation);
            const QDateTime start = u.start.toTimeZone(zone);
            const QDateTime last = u.end.addSecs(-1).toTimeZone(zone);
            Row row;
            row.start = u.start;
            row.problems = NoShift;
            const QString days = start.date() == last.date() ? locale.toString(start, u"ddd d MMM"_s)
                                                             : tr("%1 – %2").arg(locale.toString(start, u"ddd d MMM"_s),
                                                                                 locale.toString(last, u"ddd d MMM"_s));
            row.text = tr("%1, %2: no shift planned (%n hour(s) with nobody on call)", nullptr,
                          int(u.start.secsTo(u.end) / 3600))
                           .arg(days, rotation ? rotation->name : QString());
            rows.append(row);
        }
        std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.start < b.start; });
    }
    if (rows == m_rows && zone == m_zone) {
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_zone = zone;
    endResetModel();
}

} // namespace Tandem
