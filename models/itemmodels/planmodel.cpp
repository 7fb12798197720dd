#include "planmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

// Light tints that keep black text readable; the text itself says what changed, so the colours
// only help the eye (and a grayscale print still reads).
QColor changeTint(Planner::Change change)
{
    switch (change) {
    case Planner::Change::Added:
        return QColor(0xe3, 0xf4, 0xe1);
    case Planner::Change::Changed:
        return QColor(0xfd, 0xf0, 0xcf);
    case Planner::Change::Removed:
        return QColor(0xf6, 0xdd, 0xdd);
    case Planner::Change::Fixed:
        return QColor(0xec, 0xec, 0xec);
    case Planner::Change::Unchanged:
        break;
    }
    return {};
}

const QColor gapTint(0xf4, 0xc7, 0xc3);

// English singular or plural until the project ships an English .ts for tr()'s %n forms.
QString counted(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

QString deviationText(double value)
{
    const QString text = QLocale().toString(value, 'f', 1);
    return value > 0.05 ? u"+"_s + text : text;
}

} // namespace

// PlanPreviewModel

PlanPreviewModel::PlanPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlanPreviewModel::setPlan(const Planner::PlanRequest &request, const Planner::PlanResult &plan)
{
    beginResetModel();
    m_shifts = plan.shifts;
    m_names.clear();
    for (const Person &p : request.people) {
        m_names.insert(p.id, p.name);
    }
    m_rotations.clear();
    for (const Rotation &r : request.rotations) {
        m_rotations.insert(r.id, r);
    }
    m_before.clear();
    for (const Shift &s : request.existing) {
        m_before.insert(s.id, s);
    }
    endResetModel();
}

void PlanPreviewModel::clear()
{
    beginResetModel();
    m_shifts.clear();
    m_before.clear();
    endResetModel();
}

int PlanPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shifts.size());
}

int PlanPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlanPreviewModel::changeText(Planner::Change change)
{
    switch (change) {
    case Planner::Change::Added:
        return tr("Added");
    case Planner::Change::Changed:
        return tr("Changed");
    case Planner::Change::Unchanged:
        return tr("Unchanged");
    case Planner::Change::Fixed:
        return tr("Fixed");
    case Planner::Change::Removed:
        return tr("Removed");
    }
    return {};
}

QString PlanPreviewModel::personName(PersonId id) const
{
    if (id.isNull()) {
        return tr("— gap —");
    }
    return m_names.value(id, tr("(unknown person)"));
}

QString PlanPreviewModel::timeText(const QDateTime &utc, const Rotation &rotation) const
{
    // Shown in the rotation's zone: that is where its handoffs are defined.
    const QDateTime local = rotation.timeZone.isEmpty() ? utc : utc.toTimeZone(QTimeZone(rotation.timeZone.toUtf8()));
    const QLocale locale;
    return locale.toString(local, u"ddd d MMM yyyy  HH:mm"_s);
}

const Planner::PlannedShift &PlanPreviewModel::shiftAt(const QModelIndex &index) const
{
    return m_shifts.at(index.row());
}

QModelIndex PlanPreviewModel::indexOf(ShiftId id, int column) const
{
    for (int row = 0; row < m_shifts.size(); ++row) {
        if (m_shifts.at(row).shift.id == id) {
            return index(row, column);
        }
    }
    return {};
}

int PlanPreviewModel::count(Planner::Change change) const
{
    return int(std::count_if(m_shifts.cbegin(), m_shifts.cend(),
                             [change](const Planner::PlannedShift &s) { return s.change == change; }));
}

int PlanPreviewModel::gapCount() const
{
    int gaps = 0;
    for (const Planner::PlannedShift &s : m_shifts) {
        if (s.change != Planner::Change::Removed) {
            gaps += int(s.shift.dev.isNull()) + int(s.shift.ops.isNull());
        }
    }
    return gaps;
}

QString PlanPreviewModel::summaryText() const
{
    QStringList parts;
    const struct
    {
        Planner::Change change;
        QString text;
    } kinds[] = {
        {Planner::Change::Added, tr("%1 added")},         {Planner::Change::Changed, tr("%1 changed")},
        {Planner::Change::Unchanged, tr("%1 unchanged")}, {Planner::Change::Fixed, tr("%1 fixed")},
        {Planner::Change::Removed, tr("%1 removed")},
    };
    for (const auto &kind : kinds) {
        // The usual three always; fixed and removed only when there are some.
        const int n = count(kind.change);
        if (n > 0 || kind.change == Planner::Change::Added || kind.change == Planner::Change::Changed ||
            kind.change == Planner::Change::Unchanged) {
            parts.append(kind.text.arg(n));
        }
    }
    return tr("%1: %2; %3")
        .arg(counted(rowCount(), tr("1 shift"), tr("%1 shifts")), parts.join(u", "_s),
             counted(gapCount(), tr("1 gap"), tr("%1 gaps")));
}

QVariant PlanPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Planner::PlannedShift &planned = m_shifts.at(index.row());
    const Shift &shift = planned.shift;
    const Rotation rotation = m_rotations.value(shift.rotationId);
    const int column = index.column();
    const bool seatColumn = column == DeveloperColumn || column == OpsColumn;
    const bool gapCell = seatColumn && (column == DeveloperColumn ? shift.dev : shift.ops).isNull();

    switch (role) {
    case ShiftIdRole:
        return shift.id.toString();
    case ShiftRole:
        return QVariant::fromValue(shift);
    case ChangeRole:
        return int(planned.change);
    case GapRole:
        return shift.dev.isNull() || shift.ops.isNull();
    case StartRole:
        return shift.start;
    case Qt::DisplayRole:
    case SortRole:
        switch (column) {
        case StartColumn:
            return role == SortRole ? QVariant(shift.start) : QVariant(timeText(shift.start, rotation));
        case EndColumn:
            return role == SortRole ? QVariant(shift.end) : QVariant(timeText(shift.end, rotation));
        case RotationColumn:
            return rotation.name;
        case DeveloperColumn:
            return personName(shift.dev);
        case OpsColumn:
            return personName(shift.ops);
        case ChangeColumn:
            return role == SortRole ? QVariant(int(planned.change)) : QVariant(changeText(planned.change));
        case WhyColumn: {
            QStringList why;
            if (!planned.devReason.isEmpty()) {
                why.append(planned.devReason);
            }
            if (!planned.opsReason.isEmpty()) {
                why.append(planned.opsReason);
            }
            return why.join(u" · "_s);
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case StartColumn:
        case EndColumn: {
            const QDateTime utc = column == StartColumn ? shift.start : shift.end;
            return tr("%1 (%2)\n%3 UTC")
                .arg(timeText(utc, rotation), rotation.timeZone,
                     QLocale().toString(utc.toUTC(), u"ddd d MMM yyyy HH:mm"_s));
        }
        case ChangeColumn:
            if (planned.change == Planner::Change::Changed && m_before.contains(shift.id)) {
                const Shift &before = m_before.value(shift.id);
                return tr("Before: %1 (developer) and %2 (ops)").arg(personName(before.dev), personName(before.ops));
            }
            if (planned.change == Planner::Change::Fixed) {
                return tr("Past, locked or published inside the freeze window: the planner keeps it.");
            }
            if (planned.change == Planner::Change::Removed) {
                return tr("No longer fits the rotation's shape; applying the plan deletes it.");
            }
            return {};
        case DeveloperColumn:
            return planned.devReason.isEmpty() ? QVariant() : QVariant(planned.devReason);
        case OpsColumn:
            return planned.opsReason.isEmpty() ? QVariant() : QVariant(planned.opsReason);
        case WhyColumn:
            return tr("Developer: %1\nOps: %2")
                .arg(planned.devReason.isEmpty() ? tr("—") : planned.devReason,
                     planned.opsReason.isEmpty() ? tr("—") : planned.opsReason);
        default:
            return {};
        }
    case Qt::BackgroundRole: {
        if (gapCell) {
            return QBrush(gapTint);
        }
        const QColor tint = changeTint(planned.change);
        return tint.isValid() && (column == ChangeColumn || planned.change == Planner::Change::Removed)
                   ? QVariant(QBrush(tint))
                   : QVariant();
    }
    case Qt::ForegroundRole:
        // The tints are light: keep the text dark whatever the palette.
        if (gapCell || (column == ChangeColumn && changeTint(planned.change).isValid()) ||
            planned.change == Planner::Change::Removed) {
            return QBrush(QColor(0x20, 0x20, 0x20));
        }
        if (planned.change == Planner::Change::Fixed) {
            return QBrush(QColor(0x60, 0x60, 0x60));
        }
        return {};
    case Qt::FontRole:
        if (gapCell || (column == ChangeColumn && planned.change == Planner::Change::Changed)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (planned.change == Planner::Change::Removed) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::AccessibleTextRole:
        if (gapCell) {
            return tr("Coverage gap");
        }
        return {};
    default:
        return {};
    }
}

QVariant PlanPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case RotationColumn:
        return tr("Rotation");
    case DeveloperColumn:
        return tr("Developer");
    case OpsColumn:
        return tr("Ops");
    case ChangeColumn:
        return tr("Change");
    case WhyColumn:
        return tr("Why");
    default:
        return {};
    }
}

QHash<int, QByteArray> PlanPreviewModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TextRole, "text");
    names.insert(ShiftIdRole, "shiftId");
    names.insert(ShiftRole, "shift");
    names.insert(ChangeRole, "change");
    names.insert(GapRole, "gap");
    names.insert(StartRole, "start");
    names.insert(SortRole, "sort");
    return names;
}

// FairnessModel

FairnessModel::FairnessModel(QObject *parent) : QAbstractTableModel(parent) {}

void FairnessModel::setSummary(const Planner::FairnessSummary &summary, const QHash<PersonId, QString> &names)
{
    beginResetModel();
    m_people = summary.people;
    m_names = names;
    // By pool, then by name: a lead compares people of one pool.
    std::stable_sort(m_people.begin(), m_people.end(),
                     [this](const Planner::PersonFigures &a, const Planner::PersonFigures &b) {
                         if (a.role != b.role) {
                             return a.role < b.role;
                         }
                         if (a.pool != b.pool) {
                             return a.pool.localeAwareCompare(b.pool) < 0;
                         }
                         return m_names.value(a.person).localeAwareCompare(m_names.value(b.person)) < 0;
                     });
    endResetModel();
}

void FairnessModel::clear()
{
    beginResetModel();
    m_people.clear();
    endResetModel();
}

int FairnessModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

int FairnessModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Planner::PersonFigures &FairnessModel::figuresAt(const QModelIndex &index) const
{
    return m_people.at(index.row());
}

QVariant FairnessModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Planner::PersonFigures &f = m_people.at(index.row());
    const double deviation = f.load - f.fairShare;
    switch (role) {
    case PersonIdRole:
        return f.person.toString();
    case PersonRoleRole:
        return int(f.role);
    case Qt::DisplayRole:
    case SortRole: {
        const bool sort = role == SortRole;
        const QLocale locale;
        switch (index.column()) {
        case PersonColumn:
            return m_names.value(f.person, tr("(unknown person)"));
        case PoolColumn:
            return f.pool;
        case ShiftsColumn:
            return f.shifts;
        case LoadColumn:
            return sort ? QVariant(f.load) : QVariant(locale.toString(f.load, 'f', 1));
        case FairShareColumn:
            return sort ? QVariant(f.fairShare) : QVariant(locale.toString(f.fairShare, 'f', 1));
        case DeviationColumn:
            return sort ? QVariant(deviation) : QVariant(deviationText(deviation));
        case WeekendsColumn:
            return f.weekends;
        case HolidaysColumn:
            return f.holidays;
        case NightsColumn:
            return f.nights;
        case PartnersColumn:
            return int(f.partners.size());
        default:
            return {};
        }
    }
    case Qt::TextAlignmentRole:
        return index.column() >= ShiftsColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                              : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == PartnersColumn) {
            QStringList partners;
            for (auto it = f.partners.cbegin(); it != f.partners.cend(); ++it) {
                partners.append(tr("%1 × %2").arg(m_names.value(it.key())).arg(it.value()));
            }
            partners.sort();
            return partners.join(u'\n');
        }
        if (index.column() == DeviationColumn) {
            return tr("Weighted load minus fair share (in proportion to capacity and available time).");
        }
        return {};
    default:
        return {};
    }
}

QVariant FairnessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case PersonColumn:
        return tr("Person");
    case PoolColumn:
        return tr("Pool");
    case ShiftsColumn:
        return tr("Shifts");
    case LoadColumn:
        return tr("Weighted load");
    case FairShareColumn:
        return tr("Fair share");
    case DeviationColumn:
        return tr("Deviation");
    case WeekendsColumn:
        return tr("Weekends");
    case HolidaysColumn:
        return tr("Holidays");
    case NightsColumn:
        return tr("Nights");
    case PartnersColumn:
        return tr("Partners");
    default:
        return {};
    }
}

QHash<int, QByteArray> FairnessModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TextRole, "text");
    names.insert(PersonIdRole, "personId");
    names.insert(PersonRoleRole, "personRole");
    names.insert(SortRole, "sort");
    return names;
}

// PairMatrixModel

PairMatrixModel::PairMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void PairMatrixModel::setSummary(const Planner::FairnessSummary &summary, const QHash<PersonId, QString> &names)
{
    beginResetModel();
    m_names = names;
    m_pairs = summary.pairs;
    m_devs.clear();
    m_ops.clear();
    for (const Planner::PersonFigures &f : summary.people) {
        (f.role == Role::Developer ? m_devs : m_ops).append(f.person);
    }
    auto byName = [this](PersonId a, PersonId b) { return m_names.value(a).localeAwareCompare(m_names.value(b)) < 0; };
    std::sort(m_devs.begin(), m_devs.end(), byName);
    std::sort(m_ops.begin(), m_ops.end(), byName);
    m_max = 0;
    for (int count : std::as_const(m_pairs)) {
        m_max = std::max(m_max, count);
    }
    endResetModel();
}

void PairMatrixModel::clear()
{
    beginResetModel();
    m_devs.clear();
    m_ops.clear();
    m_pairs.clear();
    m_max = 0;
    endResetModel();
}

int PairMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devs.size());
}

int PairMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ops.size());
}

QVariant PairMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const PersonId dev = m_devs.at(index.row());
    const PersonId ops = m_ops.at(index.column());
    const int count = m_pairs.value({dev, ops});
    switch (role) {
    case Qt::DisplayRole:
        return count == 0 ? u"·"_s : QString::number(count);
    case CountRole:
        return count;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::ToolTipRole:
        return tr("%1 and %2: %3")
            .arg(m_names.value(dev), m_names.value(ops),
                 counted(count, tr("1 shift together"), tr("%1 shifts together")));
    case Qt::BackgroundRole:
        if (count > 0 && m_max > 0) {
            // Darker for pairs that work together more often.
            const int shade = 245 - 60 * count / m_max;
            return QBrush(QColor(shade, shade, 255));
        }
        return {};
    case Qt::ForegroundRole:
        return count > 0 ? QVariant(QBrush(QColor(0x20, 0x20, 0x20))) : QVariant();
    default:
        return {};
    }
}

QVariant PairMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const QList<PersonId> &people = orientation == Qt::Horizontal ? m_ops : m_devs;
    if (section < 0 || section >= people.size()) {
        return {};
    }
    return m_names.value(people.at(section));
}

QHash<int, QByteArray> PairMatrixModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(CountRole, "count");
    return names;
}

} // namespace Tandem
