#include "rostermodel.h"

#include "rostercommands.h"
#include "services/rosterservice.h"
#include "services/validation.h"
#include "store/database.h"

#include <QLocale>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {
Q_LOGGING_CATEGORY(lcRosterModel, "tandem.rostermodel")
} // namespace

RosterModel::RosterModel(Database &db, RosterService &service, QObject *parent)
    : QAbstractTableModel(parent), m_db(db), m_service(service)
{
    connect(&m_db, &Database::committed, this, &RosterModel::applyChanges);
    reload();
}

RosterModel::~RosterModel() = default;

void RosterModel::setEditor(RosterEditor *editor)
{
    m_editor = editor;
}

void RosterModel::reload()
{
    beginResetModel();
    m_people.clear();
    if (auto people = m_service.people()) {
        m_people = people.value();
    } else {
        m_lastError = people.errorMessage();
        qCWarning(lcRosterModel) << "people:" << m_lastError;
    }
    reloadTeams();
    endResetModel();
}

void RosterModel::reloadTeams()
{
    m_teams.clear();
    if (auto teams = m_service.teams()) {
        m_teams = teams.value();
    } else {
        m_lastError = teams.errorMessage();
        qCWarning(lcRosterModel) << "teams:" << m_lastError;
    }
    m_teamNames.clear();
    for (const Team &team : m_teams) {
        m_teamNames.insert(team.id, team.name);
    }
}

int RosterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

int RosterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RosterModel::teamNames(const Person &person) const
{
    QStringList names;
    for (const TeamId &team : person.teams) {
        names.append(m_teamNames.value(team));
    }
    return names.join(u", "_s);
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Person &p = m_people.at(index.row());
    switch (role) {
    case PersonIdRole:
        return p.id.toString();
    case PersonRole:
        return QVariant::fromValue(p);
    case PersonRoleRole:
        return int(p.role);
    case TeamIdsRole: {
        QStringList ids;
        for (const TeamId &team : p.teams) {
            ids.append(team.toString());
        }
        return ids;
    }
    case SearchTextRole:
        // Role in words and short ("ops", "dev"), as people type it.
        return QStringList{p.name,
                           p.email,
                           p.phone,
                           p.chat,
                           p.timeZone,
                           teamNames(p),
                           roleDisplayName(p.role),
                           p.role == Role::Operations ? u"ops"_s : u"dev"_s}
            .join(u'\n')
            .toLower();
    default:
        break;
    }

    const int column = index.column();
    const bool checkColumn = column == ProductionAccessColumn || column == SeniorColumn || column == ActiveColumn;
    if (role == Qt::CheckStateRole && checkColumn) {
        const bool on = column == ProductionAccessColumn ? p.productionAccess
                        : column == SeniorColumn         ? p.senior
                                                         : p.active;
        return on ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortRole) {
        switch (column) {
        case NameColumn:
            return p.name;
        case EmailColumn:
            return p.email;
        case RoleColumn:
            return role == Qt::EditRole ? QVariant(roleToString(p.role)) : QVariant(roleDisplayName(p.role));
        case TeamsColumn:
            return teamNames(p);
        case TimeZoneColumn:
            return p.timeZone;
        case PhoneColumn:
            return p.phone;
        case ChatColumn:
            return p.chat;
        case CapacityColumn:
            return role == Qt::DisplayRole ? QVariant(QLocale().toString(p.capacity, 'f', 1)) : QVariant(p.capacity);
        case ProductionAccessColumn:
        case SeniorColumn:
        case ActiveColumn:
            if (role == SortRole) {
                return data(index, Qt::CheckStateRole).toInt();
            }
            return {};
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == ProductionAccessColumn) {
            return p.productionAccess ? tr("%1 has production access and can take the ops seat.").arg(p.name)
                                      : tr("%1 has no production access.").arg(p.name);
        }
        QString tip =
            u"<b>%1</b> (%2)<br>%3"_s.arg(p.name.toHtmlEscaped(), roleDisplayName(p.role), p.email.toHtmlEscaped());
        if (!p.phone.isEmpty()) {
            tip += u"<br>"_s + p.phone.toHtmlEscaped();
        }
        if (!p.notes.isEmpty()) {
            tip += u"<br><i>"_s + p.notes.toHtmlEscaped() + u"</i>"_s;
        }
        return tip;
    }
    if (role == Qt::TextAlignmentRole && column == CapacityColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("E-mail");
    case RoleColumn:
        return tr("Role");
    case TeamsColumn:
        return tr("Teams");
    case TimeZoneColumn:
        return tr("Time zone");
    case PhoneColumn:
        return tr("Phone");
    case ChatColumn:
        return tr("Chat");
    case CapacityColumn:
        return tr("Capacity");
    case ProductionAccessColumn:
        return tr("Prod access");
    case SeniorColumn:
        return tr("Senior");
    case ActiveColumn:
        return tr("Active");
    default:
        return {};
    }
}

Qt::ItemFlags RosterModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    switch (index.column()) {
    case NameColumn:
    case EmailColumn:
    case TimeZoneColumn:
    case PhoneColumn:
    case ChatColumn:
    case CapacityColumn:
        f |= Qt::ItemIsEditable;
        break;
    case ProductionAccessColumn:
    case SeniorColumn:
    case ActiveColumn:
        f |= Qt::ItemIsUserCheckable;
        break;
    default:
        break;
    }
    return f;
}

bool RosterModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid()) {
        return false;
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    Person p = m_people.at(index.row());
    const int column = index.column();
    if (role == Qt::CheckStateRole) {
        const bool on = value.toInt() == Qt::Checked;
        switch (column) {
        case ProductionAccessColumn:
            p.productionAccess = on;
            break;
        case SeniorColumn:
            p.senior = on;
            break;
        case ActiveColumn:
            p.active = on;
            break;
        default:
            return false;
        }
    } else if (role == Qt::EditRole) {
        switch (column) {
        case NameColumn:
            p.name = value.toString();
            break;
        case EmailColumn:
            p.email = value.toString();
            break;
        case TimeZoneColumn:
            p.timeZone = value.toString().trimmed();
            break;
        case PhoneColumn:
            p.phone = value.toString();
            break;
        case ChatColumn:
            p.chat = value.toString();
            break;
        case CapacityColumn: {
            bool ok = false;
            p.capacity =
                value.typeId() == QMetaType::QString ? QLocale().toDouble(value.toString(), &ok) : value.toDouble(&ok);
            if (!ok) {
                Q_EMIT editRefused(tr("“%1” is not a number.").arg(value.toString()));
                return false;
            }
            break;
        }
        default:
            return false;
        }
    } else {
        return false;
    }
    if (p == m_people.at(index.row())) {
        return true;
    }
    // The edit goes through the undo stack; the row updates when the change is committed.
    const Status status = m_editor ? m_editor->updatePerson(p) : m_service.updatePerson(p);
    if (!status) {
        Q_EMIT editRefused(status.errorMessage());
        return false;
    }
    return true;
}

QHash<int, QByteArray> RosterModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(PersonIdRole, "personId");
    names.insert(PersonRole, "person");
    names.insert(PersonRoleRole, "personRole");
    names.insert(TeamIdsRole, "teamIds");
    names.insert(SortRole, "sortValue");
    names.insert(SearchTextRole, "searchText");
    return names;
}

Person RosterModel::personAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_people.size()) {
        return {};
    }
    return m_people.at(index.row());
}

QModelIndex RosterModel::indexOf(PersonId id, int column) const
{
    for (int row = 0; row < m_people.size(); ++row) {
        if (m_people.at(row).id == id) {
            return index(row, column);
        }
    }
    return {};
}

void RosterModel::applyChanges(const QList<ChangeEntry> &changes)
{
    bool teamsChanged = false;
    QList<PersonId> people;
    for (const ChangeEntry &change : changes) {
        if (change.entity == Entity::Team) {
            teamsChanged = true;
        } else if (change.entity == Entity::Person) {
            const PersonId id = PersonId::fromString(change.entityId);
            if (!people.contains(id)) {
                people.append(id);
            }
        }
    }
    if (teamsChanged) {
        reloadTeams();
        if (!m_people.isEmpty()) {
            Q_EMIT dataChanged(index(0, TeamsColumn), index(rowCount() - 1, TeamsColumn),
                               {Qt::DisplayRole, Qt::EditRole, SortRole, SearchTextRole, Qt::ToolTipRole});
        }
    }
    for (const PersonId &id : people) {
        reloadPerson(id);
    }
}

void RosterModel::reloadPerson(PersonId id)
{
    const auto found = m_service.rosterPerson(id);
    if (!found) {
        return;
    }
    const std::optional<Person> &person = found.value();
    const QModelIndex existing = indexOf(id);
    if (!person) {
        if (existing.isValid()) {
            beginRemoveRows({}, existing.row(), existing.row());
            m_people.removeAt(existing.row());
            endRemoveRows();
        }
    } else if (existing.isValid()) {
        m_people[existing.row()] = *person;
        Q_EMIT dataChanged(index(existing.row(), 0), index(existing.row(), ColumnCount - 1));
    } else {
        const int row = int(m_people.size());
        beginInsertRows({}, row, row);
        m_people.append(*person);
        endInsertRows();
    }
}

} // namespace Tandem
