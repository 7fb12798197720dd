#pragma once

#include "domain/person.h"
#include "domain/result.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace Tandem {

class Database;

/// People and their team memberships. Removing a person only marks the row: past shifts keep
/// naming them.
class PersonRepository
{
public:
    explicit PersonRepository(Database &db) : m_db(db) {}

    /// People on the roster (not removed), ordered by name.
    Result<QList<Person>> all() const;
    /// Also the removed people, ordered by name.
    Result<QList<Person>> everyone() const;
    /// These people (also removed ones), in a few queries however many they are.
    Result<QHash<PersonId, Person>> findMany(const QList<PersonId> &ids) const;
    /// The ids of the people removed from the roster.
    Result<QSet<PersonId>> removedIds() const;
    /// Also finds removed people.
    Result<std::optional<Person>> find(PersonId id) const;
    /// Case-insensitive; also finds removed people.
    Result<std::optional<Person>> findByEmail(const QString &email) const;
    Result<bool> isRemoved(PersonId id) const;
    /// Those of `emails` that someone in the table (removed or not) already has, compared as the
    /// column does (ASCII case-insensitive).
    Result<QStringList> emailsTaken(const QStringList &emails) const;

    Status insert(const Person &person);
    Status update(const Person &person);
    Status setRemoved(PersonId id, const QDateTime &removedAt); ///< a null time restores the person
    /// Deletes the row; the foreign keys refuse it for anyone a shift names.
    Status erase(PersonId id);

private:
    Result<QList<Person>> select(const QString &where, const QVariantList &values) const;
    Status writeTeams(const Person &person, bool isNew);

    Database &m_db;
};

} // namespace Tandem
