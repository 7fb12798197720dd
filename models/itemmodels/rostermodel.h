#pragma once

#include "domain/changeentry.h"
#include "domain/person.h"
#include "domain/team.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace Tandem {

class Database;
class RosterEditor;
class RosterService;

/// The people on the roster, one row each, for the roster view. Reads through RosterService,
/// follows the database's committed changes row by row, and turns inline edits into undoable
/// commands through a RosterEditor.
class RosterModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        EmailColumn,
        RoleColumn,
        TeamsColumn,
        TimeZoneColumn,
        PhoneColumn,
        ChatColumn,
        CapacityColumn,
        ProductionAccessColumn,
        SeniorColumn,
        ActiveColumn,
        ColumnCount
    };
    enum Roles {
        NameRole = Qt::DisplayRole,
        PersonIdRole = Qt::UserRole + 1, ///< QString uuid
        PersonRole,                      ///< the Person value
        PersonRoleRole,                  ///< Role as int
        TeamIdsRole,                     ///< QStringList of team uuids
        SortRole,                        ///< a value that sorts naturally (numbers as numbers)
        SearchTextRole,                  ///< everything the search box matches, lower-case
    };

    RosterModel(Database &db, RosterService &service, QObject *parent = nullptr);
    ~RosterModel() override;

    void setEditor(RosterEditor *editor);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

    Person personAt(const QModelIndex &index) const;
    QModelIndex indexOf(PersonId id, int column = NameColumn) const;
    const QList<Team> &teams() const { return m_teams; }
    /// What the last failed read of people or teams said (the rows keep what was read), or empty.
    QString lastError() const { return m_lastError; }
    QString teamNames(const Person &person) const;

    /// Reads everything again (after opening another database).
    void reload();

Q_SIGNALS:
    /// An inline edit was refused; the message says why.
    void editRefused(const QString &message);

private:
    void applyChanges(const QList<Tandem::ChangeEntry> &changes);
    void reloadPerson(PersonId id);
    void reloadTeams();

    Database &m_db;
    RosterService &m_service;
    QPointer<RosterEditor> m_editor;
    QList<Person> m_people;
    QList<Team> m_teams;
    QString m_lastError;
    QHash<TeamId, QString> m_teamNames;
};

} // namespace Tandem
