#pragma once

#include "domain/result.h"
#include "domain/service.h"

#include <optional>

namespace Tandem {

class Database;

/// Follow-the-sun services and their legs (tables services and service_legs). A removed
/// service's rows go: nothing else names a service.
class ServiceRepository
{
public:
    explicit ServiceRepository(Database &db) : m_db(db) {}

    Result<QList<Service>> all() const; ///< ordered by name
    Result<std::optional<Service>> find(ServiceId id) const;
    Result<std::optional<Service>> findByName(const QString &name) const; ///< case-insensitive
    /// The services that have `rotation` as a leg.
    Result<QList<Service>> usingRotation(RotationId rotation) const;

    Status insert(const Service &service);
    /// The row and its legs (replaced as a whole); fails when there is no service with that id.
    Status update(const Service &service);
    Status remove(ServiceId id);

private:
    Result<QList<Service>> select(const QString &where, const QVariantList &values) const;
    Status insertLegs(const Service &service);
    Database &m_db;
};

} // namespace Tandem
