#include "servicecatalog.h"

#include "domain/timezonenames.h"
#include "store/database.h"
#include "store/loggedwrite.h"
#include "store/personrepository.h"
#include "store/servicerepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/transaction.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Tandem::ServiceCatalog", text, nullptr, n);
}

inline constexpr QStringView LegsField = u"legs";

Error fieldError(const QString &message, QStringView field)
{
    return Error{message, field.toString()};
}

} // namespace

QJsonObject ServiceCatalog::toJson(const Service &s)
{
    QJsonArray legs;
    for (const RotationId &id : s.legs) {
        legs.append(id.toString());
    }
    return QJsonObject{{u"id"_s, s.id.toString()},
                       {u"team"_s, s.teamId.toString()},
                       {u"name"_s, s.name},
                       {u"time_zone"_s, s.timeZone},
                       {u"legs"_s, legs}};
}

QList<Error> ServiceCatalog::validate(const Service &s)
{
    QList<Error> errors;
    const QString name = s.name.trimmed();
    if (name.isEmpty()) {
        errors.append(fieldError(tr("Service name is empty."), Field::Name));
    } else if (name.size() > 200) {
        errors.append(
            fieldError(tr("A service name can have at most 200 characters, not %1.").arg(name.size()), Field::Name));
    } else if (std::any_of(name.cbegin(), name.cend(), [](QChar c) {
                   return c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line ||
                          c.category() == QChar::Separator_Paragraph;
               })) {
        errors.append(fieldError(tr("A service name must be one line without control characters."), Field::Name));
    }
    if (!isValidTimeZone(s.timeZone)) {
        errors.append(fieldError(
            tr("“%1” is not a known time zone (expected an IANA name such as Europe/Berlin).").arg(s.timeZone.left(80)),
            Field::TimeZone));
    }
    if (s.legs.size() > MaxServiceLegs) {
        errors.append(fieldError(
            tr("A service can have at most %1 legs, not %2.").arg(MaxServiceLegs).arg(s.legs.size()), LegsField));
    }
    return errors;
}

Result<QList<Service>> ServiceCatalog::services() const
{
    return ServiceRepository(m_db).all();
}

Result<std::optional<Service>> ServiceCatalog::service(ServiceId id) const
{
    return ServiceRepository(m_db).find(id);
}

Result<std::optional<Service>> ServiceCatalog::serviceByName(const QString &name) const
{
    return ServiceRepository(m_db).findByName(name);
}

Result<QList<Rotation>> ServiceCatalog::legs(const Service &service) const
{
    RotationRepository rotations(m_db);
    QList<Rotation> result;
    for (const RotationId &id : service.legs) {
        auto found = rotations.find(id);
        if (!found) {
            return found.error();
        }
        if (found.value()) {
            result.append(*found.value());
        }
    }
    return result;
}

// Runs inside the caller's transaction, so what it checked is what gets written.
Result<Service> ServiceCatalog::normalizedChecked(Service s, const std::optional<Service> &before) const
{
    s.name = s.name.trimmed();
    if (s.name.isEmpty()) {
        return fieldError(tr("Service name is empty."), Field::Name);
    }
    if (s.name.size() > 200) {
        return fieldError(tr("A service name can have at most 200 characters, not %1.").arg(s.name.size()),
                          Field::Name);
    }
    for (const QChar c : std::as_const(s.name)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line ||
            c.category() == QChar::Separator_Paragraph) {
            return fieldError(tr("A service name must be one line without control characters."), Field::Name);
        }
    }
    if (s.legs.size() > MaxServiceLegs) {
        return fieldError(tr("A service can have at most %1 legs, not %2.").arg(MaxServiceLegs).arg(s.legs.size()),
                          LegsField);
    }
    ServiceRepository services(m_db);
    auto sameName = services.findByName(s.name);
    if (!sameName) {
        return sameName.error();
    }
    if (sameName.value() && sameName.value()->id != s.id) {
        return fieldError(tr("There is already a service named %1.").arg(sameName.value()->name), Field::Name);
    }

    RotationRepository rotations(m_db);
    QList<RotationId> legs;
    std::optional<Rotation> firstLeg;
    for (const RotationId &id : std::as_const(s.legs)) {
        if (legs.contains(id)) {
            continue; // a leg given twice means nothing more
        }
        auto rotation = rotations.find(id);
        if (!rotation) {
            return rotation.error();
        }
        if (!rotation.value()) {
            return fieldError(tr("The rotation %1 is not in the database.").arg(id.toString()), LegsField);
        }
        auto removed = rotations.isRemoved(id);
        if (!removed) {
            return removed.error();
        }
        if (removed.value() && !(before && before->legs.contains(id))) {
            return fieldError(tr("The rotation %1 was removed; it cannot cover a service.").arg(rotation.value()->name),
                              LegsField);
        }
        if (!firstLeg) {
            firstLeg = *rotation.value();
        }
        legs.append(id);
    }
    s.legs = legs;

    TeamRepository teams(m_db);
    if (s.teamId.isNull()) {
        if (firstLeg) {
            s.teamId = firstLeg->teamId;
        } else {
            auto all = teams.all();
            if (!all) {
                return all.error();
            }
            if (all->size() != 1) {
                return fieldError(tr("Name the team of the service, or give it a leg."), Field::Team);
            }
            s.teamId = all->first().id;
        }
    }
    auto team = teams.find(s.teamId);
    if (!team) {
        return team.error();
    }
    if (!team.value()) {
        return fieldError(tr("The team of the service is not in the database."), Field::Team);
    }
    if (s.timeZone.trimmed().isEmpty()) {
        s.timeZone = team.value()->timeZone;
    }
    if (const QString zone = canonicalTimeZone(s.timeZone); !zone.isEmpty()) {
        s.timeZone = zone;
    } else {
        s.timeZone = s.timeZone.trimmed();
    }
    if (!isValidTimeZone(s.timeZone)) {
        return fieldError(
            tr("“%1” is not a known time zone (expected an IANA name such as Europe/Berlin).").arg(s.timeZone),
            Field::TimeZone);
    }
    return s;
}

Result<Service> ServiceCatalog::addService(Service service)
{
    if (service.id.isNull()) {
        service.id = ServiceId::create();
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    auto exists = ServiceRepository(m_db).find(service.id);
    if (!exists) {
        return exists.error();
    }
    if (exists.value()) {
        return Error{tr("There is already a service with id %1.").arg(service.id.toString())};
    }
    auto checked = normalizedChecked(std::move(service), std::nullopt);
    if (!checked) {
        return checked.error();
    }
    const Service &s = checked.value();
    if (auto status = writeLogged(
            m_db, [&] { return ServiceRepository(m_db).insert(s); },
            ChangeRecord::created(Entity::Service, s.id.toString(), toJson(s)));
        !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return s;
}

Status ServiceCatalog::updateService(const Service &service)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto before = ServiceRepository(m_db).find(service.id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return Error{tr("The service %1 is not in the database (removed meanwhile?).").arg(service.name),
                     Field::Stale.toString()};
    }
    auto checked = normalizedChecked(service, before.value());
    if (!checked) {
        return checked.error();
    }
    const Service &s = checked.value();
    if (s == *before.value()) {
        return {};
    }
    if (auto status = writeLogged(
            m_db, [&] { return ServiceRepository(m_db).update(s); },
            ChangeRecord::updated(Entity::Service, s.id.toString(), toJson(*before.value()), toJson(s)));
        !status) {
        return status;
    }
    return transaction.commit();
}

Status ServiceCatalog::removeService(ServiceId id)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto before = ServiceRepository(m_db).find(id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return {};
    }
    if (auto status = writeLogged(
            m_db, [&] { return ServiceRepository(m_db).remove(id); },
            ChangeRecord::deleted(Entity::Service, id.toString(), toJson(*before.value())));
        !status) {
        return status;
    }
    return transaction.commit();
}

Result<Reports::ServiceCoverage> ServiceCatalog::coverage(ServiceId id, const QDateTime &from,
                                                          const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid() || to <= from) {
        return fieldError(tr("The period is empty: it must end after it starts."), Field::To);
    }
    if (from.daysTo(to) > MaxServiceCoverageDays) {
        return fieldError(
            tr("A service's coverage covers at most %1 days, not %2.").arg(MaxServiceCoverageDays).arg(from.daysTo(to)),
            Field::To);
    }
    auto service = ServiceRepository(m_db).find(id);
    if (!service) {
        return service.error();
    }
    if (!service.value()) {
        return Error{tr("The service %1 is not in the database.").arg(id.toString())};
    }
    Reports::ServiceCoverageInput input;
    input.service = *service.value();
    input.from = from.toUTC();
    input.to = to.toUTC();
    RotationRepository rotations(m_db);
    ShiftRepository shifts(m_db);
    QList<PersonId> people;
    for (const RotationId &leg : std::as_const(input.service.legs)) {
        auto rotation = rotations.find(leg);
        if (!rotation) {
            return rotation.error();
        }
        if (!rotation.value()) {
            continue;
        }
        input.rotations.append(*rotation.value());
        auto removed = rotations.isRemoved(leg);
        if (!removed) {
            return removed.error();
        }
        if (removed.value()) {
            input.removed.append(leg);
        }
        auto legShifts = shifts.overlapping(input.from, input.to, leg);
        if (!legShifts) {
            return legShifts.error();
        }
        for (const Shift &s : legShifts.value()) {
            if (!s.ops.isNull()) {
                people.append(s.ops);
            }
        }
        input.shifts += legShifts.value();
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    auto found = PersonRepository(m_db).findMany(people);
    if (!found) {
        return found.error();
    }
    input.people = found.value();
    return Reports::serviceCoverage(input);
}

Result<Reports::ServiceCoverage> ServiceCatalog::coverage(ServiceId id, QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid() || to < from) {
        return fieldError(tr("The period is empty: the last day comes before the first."), Field::To);
    }
    auto service = ServiceRepository(m_db).find(id);
    if (!service) {
        return service.error();
    }
    if (!service.value()) {
        return Error{tr("The service %1 is not in the database.").arg(id.toString())};
    }
    const QTimeZone zone(service.value()->timeZone.toUtf8());
    const QTimeZone z = zone.isValid() ? zone : QTimeZone::utc();
    return coverage(id, QDateTime(from, QTime(0, 0), z), QDateTime(to.addDays(1), QTime(0, 0), z));
}

Result<QList<ServiceNow>> ServiceCatalog::onCallAt(const QDateTime &instant) const
{
    auto all = services();
    if (!all) {
        return all.error();
    }
    RotationRepository rotations(m_db);
    ShiftRepository shifts(m_db);
    PersonRepository people(m_db);
    const QDateTime at = instant.toUTC();
    QList<ServiceNow> result;
    for (const Service &s : all.value()) {
        ServiceNow now;
        now.service = s;
        for (const RotationId &leg : s.legs) {
            auto on = shifts.overlapping(at, at.addSecs(1), leg);
            if (!on) {
                return on.error();
            }
            for (const Shift &shift : on.value()) {
                if (now.shift) {
                    break;
                }
                std::optional<Person> ops;
                if (!shift.ops.isNull()) {
                    auto p = people.find(shift.ops);
                    if (!p) {
                        return p.error();
                    }
                    ops = p.value();
                }
                if (shift.dev.isNull() || !ops || !ops->productionAccess) {
                    if (!now.incomplete) {
                        now.incomplete = shift;
                    }
                    continue;
                }
                auto dev = people.find(shift.dev);
                if (!dev) {
                    return dev.error();
                }
                auto rotation = rotations.find(leg);
                if (!rotation) {
                    return rotation.error();
                }
                now.leg = rotation.value();
                now.shift = shift;
                now.dev = dev.value();
                now.ops = ops;
            }
            if (now.shift) {
                break;
            }
        }
        if (now.incomplete && !now.leg) {
            auto rotation = rotations.find(now.incomplete->rotationId);
            if (!rotation) {
                return rotation.error();
            }
            now.leg = rotation.value();
        }
        result.append(now);
    }
    return result;
}

} // namespace Tandem
