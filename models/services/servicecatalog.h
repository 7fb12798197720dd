#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/service.h"
#include "domain/shift.h"
#include "reports/servicecoverage.h"

#include <QJsonObject>

#include <optional>

namespace Tandem {

class Database;

/// Who holds a service at one instant: the leg on now and its shift (with the people in it),
/// or nothing when no leg has a pair on (the GUI says "not covered now").
struct ServiceNow
{
    Service service;
    std::optional<Rotation> leg; ///< the leg whose pair holds the service now
    std::optional<Shift> shift;
    std::optional<Person> dev;
    std::optional<Person> ops;
    /// Also on now, but without a complete pair (an ops seat alone...): shown beside "not covered".
    std::optional<Shift> incomplete;

    bool covered() const { return shift.has_value(); }
};

/// The longest period a service's coverage is computed over (as for reports: five years).
inline constexpr qint64 MaxServiceCoverageDays = 5 * 366;
/// A service has at most this many legs (three or four cover the globe).
inline constexpr int MaxServiceLegs = 24;

/// The follow-the-sun service use cases: add, rename, set the legs, remove, and the service's
/// coverage. Each mutation validates (naming the field at fault in Error::field: name, team,
/// timezone, legs), writes in one transaction with its change-log row (entity "service"), and
/// writes nothing on an error. The GUI and the command line both call these.
class ServiceCatalog
{
public:
    explicit ServiceCatalog(Database &db) : m_db(db) {}

    Result<QList<Service>> services() const; ///< by name
    Result<std::optional<Service>> service(ServiceId id) const;
    Result<std::optional<Service>> serviceByName(const QString &name) const; ///< case-insensitive
    /// The legs' rotations, in leg order (a removed rotation is found too; one not in the
    /// database is left out).
    Result<QList<Rotation>> legs(const Service &service) const;

    /// Adds a service (a new id unless one is set). An empty zone takes the team's; a null team
    /// takes the first leg's team, or the only team. Legs must be rotations in use; a leg given
    /// twice is kept once.
    Result<Service> addService(Service service);
    /// Renames, changes the zone or the legs. A leg whose rotation was removed since may stay;
    /// a removed rotation cannot become a new leg.
    Status updateService(const Service &service);
    Status removeService(ServiceId id);

    /// The coverage over [from, to) (UTC), at most MaxServiceCoverageDays.
    Result<Reports::ServiceCoverage> coverage(ServiceId id, const QDateTime &from, const QDateTime &to) const;
    /// The coverage over the local days [from, to] (both included) of the service's zone.
    Result<Reports::ServiceCoverage> coverage(ServiceId id, QDate from, QDate to) const;
    /// Every service and who holds it at `instant`, by service name.
    Result<QList<ServiceNow>> onCallAt(const QDateTime &instant) const;

    /// The change-log form of a service.
    static QJsonObject toJson(const Service &service);
    /// What is wrong with a service's own fields (name, zone, number of legs), one Error per
    /// field at fault, with the messages of a local edit. Whether the legs and the team exist is
    /// the caller's to check (the sync checks a server's services through here).
    static QList<Error> validate(const Service &service);

private:
    Result<Service> normalizedChecked(Service service, const std::optional<Service> &before) const;

    Database &m_db;
};

} // namespace Tandem
