#pragma once

#include "domain/person.h"
#include "domain/result.h"

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
    /// Also finds removed people.
    Result<std::optional<Person>> find(PersonId id) const;
    /// Case-insensitive; also finds removed people.
    Result<std::optional<Person>> findByEmail(const QString &email) const;
    Result<bool> isRemoved(PersonId id) const;

    Status insert(const Person &person);
    Status update(const Person &person);
    Status setRemoved(PersonId id, const QDateTime &removedAt); ///< a null time restores the person
    /// Deletes the row; the foreign keys refuse it for anyone a shift names.
    Status erase(PersonId id);

private:
    Result<QList<Person>> select(const QString &where, const QVariantList &values) const;
    Status writeTeams(const Person &person);

    Database &m_db;
};

} // namespace Tandem
