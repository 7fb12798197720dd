#include "servicerepository.h"

#include "database.h"
#include "sqlutil.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Tandem {

Result<QList<Service>> ServiceRepository::select(const QString &where, const QVariantList &values) const
{
    auto query =
        run(m_db,
            u"SELECT id, team_id, name, time_zone FROM services WHERE "_s + where + u" ORDER BY name COLLATE NOCASE"_s,
            values);
    if (!query) {
        return query.error();
    }
    QList<Service> services;
    QHash<QString, qsizetype> index;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        Service s;
        s.id = ServiceId::fromString(q.value(0).toString());
        s.teamId = TeamId::fromString(q.value(1).toString());
        s.name = q.value(2).toString();
        s.timeZone = q.value(3).toString();
        index.insert(q.value(0).toString(), services.size());
        services.append(s);
    }
    if (services.isEmpty()) {
        return services;
    }
    // Few services, few legs: one read of all legs is simpler than one per service.
    auto legs = run(m_db, u"SELECT service_id, rotation_id FROM service_legs ORDER BY service_id, position"_s);
    if (!legs) {
        return legs.error();
    }
    while (legs.value().next()) {
        const auto at = index.find(legs.value().value(0).toString());
        if (at != index.end()) {
            services[*at].legs.append(RotationId::fromString(legs.value().value(1).toString()));
        }
    }
    return services;
}

Result<QList<Service>> ServiceRepository::all() const
{
    return select(u"1"_s, {});
}

Result<std::optional<Service>> ServiceRepository::find(ServiceId id) const
{
    auto services = select(u"id = ?"_s, {id.toString()});
    if (!services) {
        return services.error();
    }
    return services->isEmpty() ? std::nullopt : std::optional<Service>(services->first());
}

Result<std::optional<Service>> ServiceRepository::findByName(const QString &name) const
{
    auto services = select(u"name = ?"_s, {name.trimmed()});
    if (!services) {
        return services.error();
    }
    return services->isEmpty() ? std::nullopt : std::optional<Service>(services->first());
}

Result<QList<Service>> ServiceRepository::usingRotation(RotationId rotation) const
{
    return select(u"id IN (SELECT service_id FROM service_legs WHERE rotation_id = ?)"_s, {rotation.toString()});
}

Status ServiceRepository::insertLegs(const Service &service)
{
    for (qsizetype i = 0; i < service.legs.size(); ++i) {
        if (auto status =
                execute(m_db, u"INSERT INTO service_legs (service_id, position, rotation_id) VALUES (?, ?, ?)"_s,
                        {service.id.toString(), qlonglong(i), service.legs.at(i).toString()});
            !status) {
            return status;
        }
    }
    return {};
}

Status ServiceRepository::insert(const Service &service)
{
    if (auto status = execute(m_db, u"INSERT INTO services (id, team_id, name, time_zone) VALUES (?, ?, ?, ?)"_s,
                              {service.id.toString(), service.teamId.toString(), service.name, service.timeZone});
        !status) {
        return status;
    }
    return insertLegs(service);
}

Status ServiceRepository::update(const Service &service)
{
    auto exists = find(service.id);
    if (!exists) {
        return exists.error();
    }
    if (!exists.value()) {
        return Error{QCoreApplication::translate("Tandem::ServiceRepository", "There is no service with id %1.")
                         .arg(service.id.toString())};
    }
    if (auto status = execute(m_db, u"UPDATE services SET team_id = ?, name = ?, time_zone = ? WHERE id = ?"_s,
                              {service.teamId.toString(), service.name, service.timeZone, service.id.toString()});
        !status) {
        return status;
    }
    if (auto status = execute(m_db, u"DELETE FROM service_legs WHERE service_id = ?"_s, {service.id.toString()});
        !status) {
        return status;
    }
    return insertLegs(service);
}

Status ServiceRepository::remove(ServiceId id)
{
    if (auto status = execute(m_db, u"DELETE FROM service_legs WHERE service_id = ?"_s, {id.toString()}); !status) {
        return status;
    }
    return execute(m_db, u"DELETE FROM services WHERE id = ?"_s, {id.toString()});
}

} // namespace Tandem
