#include "localitems.h"

#include "domain/changeentry.h"
#include "domain/deserialize.h"
#include "domain/serialize.h"
#include "domain/timezonenames.h"
#include "services/servicecatalog.h"
#include "services/validation.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/idrewrite.h"
#include "store/loggedwrite.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/servicerepository.h"
#include "store/shiftrepository.h"
#include "store/swaprequestrepository.h"
#include "store/syncrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::LocalItems", text);
}

QJsonArray toArray(const auto &values)
{
    QJsonArray array;
    for (const auto &value : values) {
        array.append(toJson(value));
    }
    return array;
}

// Wraps a repository failure with the resource it was about, so the sync status can name it.
Error about(const QString &what, const Error &error)
{
    return Error{tr("Could not apply the server's %1: %2").arg(what, error.message), error.field};
}

// The same for a write's outcome: a success stays one.
Status about(const QString &what, const Status &status)
{
    return status ? status : Status(about(what, status.error()));
}

// Brings one entity to the server's version (`wanted`; nullopt: deleted) through its
// repository, with its change-log row; writes nothing when both already agree.
template <typename Repo, typename T>
Status write(Repo &repo, Database &db, QStringView entity, const QString &what, const std::optional<T> &existing,
             const std::optional<T> &wanted)
{
    if (!wanted) {
        if (!existing) {
            return {};
        }
        return writeLogged(
            db, [&] { return about(what, repo.remove(existing->id)); },
            ChangeRecord::deleted(entity, existing->id.toString(), toJson(*existing)));
    }
    if (existing && *existing == *wanted) {
        return {};
    }
    return writeLogged(
        db, [&] { return about(what, existing ? repo.update(*wanted) : repo.insert(*wanted)); },
        existing ? ChangeRecord::updated(entity, wanted->id.toString(), toJson(*existing), toJson(*wanted))
                 : ChangeRecord::created(entity, wanted->id.toString(), toJson(*wanted)));
}

// The same for a value the server has, looking up this database's version by its id.
template <typename Repo, typename T>
Status upsert(Repo &repo, Database &db, QStringView entity, const QString &what, const T &wanted)
{
    auto existing = repo.find(wanted.id);
    if (!existing) {
        return existing.error();
    }
    return write(repo, db, entity, what, existing.value(), std::optional<T>(wanted));
}

// Two versions of a person with the same fields and the same teams, in any order.
bool samePerson(Person a, Person b)
{
    std::sort(a.teams.begin(), a.teams.end(), [](TeamId x, TeamId y) { return x.toString() < y.toString(); });
    std::sort(b.teams.begin(), b.teams.end(), [](TeamId x, TeamId y) { return x.toString() < y.toString(); });
    return a == b;
}

// The errors of a validation in one sentence, for a conflict kept aside.
QString joined(const QList<Error> &errors)
{
    QStringList messages;
    for (const Error &error : errors) {
        messages.append(error.message);
    }
    return messages.join(u' ');
}

// A name not taken yet: "Payments (Infra)", then "Payments (Infra) 2"...
template <typename Taken> QString freeName(const QString &name, const QString &suffix, const Taken &taken)
{
    const QString first = u"%1 (%2)"_s.arg(name, suffix);
    QString candidate = first;
    for (int i = 2; taken(candidate); ++i) {
        candidate = u"%1 %2"_s.arg(first).arg(i);
    }
    return candidate;
}

// A service in the roster: its team is the roster's; legs in the lead's order.
QJsonObject rosterJson(const Service &service)
{
    QJsonArray legs;
    for (const RotationId &leg : service.legs) {
        legs.append(leg.toString());
    }
    return QJsonObject{{u"id"_s, service.id.toString()},
                       {u"name"_s, service.name},
                       {u"timezone"_s, service.timeZone},
                       {u"legs"_s, legs}};
}

// A service of a server's roster, of `team`. Reads the fields only (a leg given twice is kept
// once, the zone takes its canonical name); ServiceCatalog::validate() checks them.
Result<Service> serviceFromRoster(const QJsonValue &value, int index, TeamId team)
{
    const QJsonObject o = value.toObject();
    const QString name = o.value(u"name"_s).toString().left(80);
    const QString item = name.isEmpty() ? QString::number(index + 1) : name;
    const auto unreadable = [&item](const QString &field) {
        return Error{
            tr("The server's service %1 cannot be read: its field “%2” is missing or invalid.").arg(item, field),
            field};
    };
    if (!value.isObject()) {
        return unreadable(u"id"_s);
    }
    Service service;
    service.teamId = team;
    service.id = ServiceId::fromString(o.value(u"id"_s).toString());
    if (service.id.isNull()) {
        return unreadable(u"id"_s);
    }
    if (!o.value(u"name"_s).isString()) {
        return unreadable(u"name"_s);
    }
    service.name = o.value(u"name"_s).toString().trimmed();
    if (!o.value(u"timezone"_s).isString()) {
        return unreadable(u"timezone"_s);
    }
    service.timeZone = o.value(u"timezone"_s).toString().trimmed();
    if (const QString zone = canonicalTimeZone(service.timeZone); !zone.isEmpty()) {
        service.timeZone = zone;
    }
    const QJsonValue legs = o.value(u"legs"_s);
    if (!legs.isArray() && !legs.isUndefined()) {
        return unreadable(u"legs"_s);
    }
    QSet<RotationId> seen; // a hostile list of a million legs is read in linear time
    for (const QJsonValue &leg : legs.toArray()) {
        const RotationId id = RotationId::fromString(leg.toString());
        if (id.isNull()) {
            return unreadable(u"legs"_s);
        }
        if (!seen.contains(id)) {
            seen.insert(id);
            service.legs.append(id);
        }
    }
    return service;
}

// The services of a server's roster (none when it has no "services" key).
Result<QList<Service>> servicesFromRoster(const QJsonObject &roster, TeamId team)
{
    const QJsonValue value = roster.value(u"services"_s);
    if (value.isUndefined()) {
        return QList<Service>();
    }
    if (!value.isArray()) {
        return Error{tr("The server's roster cannot be read: its services are not a list.")};
    }
    QList<Service> services;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto service = serviceFromRoster(array.at(i), int(i), team);
        if (!service) {
            return service.error();
        }
        services.append(service.value());
    }
    return services;
}

} // namespace

LocalItems::LocalItems(Database &db, TeamId team) : m_db(db), m_team(team) {}

Result<std::optional<ResourceRef>> LocalItems::resourceFor(const QString &entity, const QString &entityId,
                                                           const std::function<bool(const QString &)> &known)
{
    const auto none = std::optional<ResourceRef>();
    if (entity == Entity::Shift) {
        const ResourceRef ref{ResourceKind::Shift, entityId};
        auto shift = ShiftRepository(m_db).find(ShiftId::fromString(entityId));
        if (!shift) {
            return shift.error();
        }
        if (!shift.value()) {
            return known(entityId) ? std::optional(ref) : none;
        }
        auto rotation = RotationRepository(m_db).find(shift.value()->rotationId);
        if (!rotation) {
            return rotation.error();
        }
        return rotation.value() && rotation.value()->teamId == m_team ? std::optional(ref) : none;
    }
    if (entity == Entity::TimeOff) {
        const ResourceRef ref{ResourceKind::TimeOff, entityId};
        auto timeOff = TimeOffRepository(m_db).find(TimeOffId::fromString(entityId));
        if (!timeOff) {
            return timeOff.error();
        }
        if (!timeOff.value()) {
            return known(entityId) ? std::optional(ref) : none;
        }
        auto person = PersonRepository(m_db).find(timeOff.value()->personId);
        if (!person) {
            return person.error();
        }
        return person.value() && person.value()->teams.contains(m_team) ? std::optional(ref) : none;
    }
    if (entity == Entity::Request) {
        const ResourceRef ref{ResourceKind::Request, entityId};
        auto request = SwapRequestRepository(m_db).find(SwapRequestId::fromString(entityId));
        if (!request) {
            return request.error();
        }
        if (!request.value()) {
            return known(entityId) ? std::optional(ref) : none;
        }
        auto inTeam = shiftInTeam(request.value()->shiftId);
        if (!inTeam) {
            return inTeam.error();
        }
        return inTeam.value() ? std::optional(ref) : none;
    }
    if (entity == Entity::Service) {
        // A service travels in its team's roster. A removed one's team is the one its last
        // change-log row names (none: this team's; the roster is compared with the last synced
        // copy before it is sent, so a service that was never in it sends nothing).
        const auto roster = std::optional(ResourceRef{ResourceKind::Roster, m_team.toString()});
        auto service = ServiceRepository(m_db).find(ServiceId::fromString(entityId));
        if (!service) {
            return service.error();
        }
        if (service.value() && service.value()->teamId == m_team) {
            return roster;
        }
        auto entries = ChangeLog(m_db).entries(Entity::Service, entityId);
        if (!entries) {
            return entries.error();
        }
        if (entries->isEmpty()) {
            return service.value() ? none : roster;
        }
        // The team it was in before its last change (moved or removed) still has to hear of it.
        const ChangeEntry &last = entries->last();
        const QString team = m_team.toString();
        return last.before.value(u"team"_s).toString() == team || last.after.value(u"team"_s).toString() == team
                   ? roster
                   : none;
    }
    if (entity == Entity::Team && entityId != m_team.toString()) {
        return none;
    }
    if (entity == Entity::Team || entity == Entity::Person || entity == Entity::Rotation || entity == Entity::Pool ||
        entity == Entity::Holiday) {
        // The roster is one resource: sync compares it with the last synced copy before sending.
        return std::optional(ResourceRef{ResourceKind::Roster, m_team.toString()});
    }
    return none;
}

Result<QJsonObject> LocalItems::roster()
{
    auto team = TeamRepository(m_db).find(m_team);
    auto people = PersonRepository(m_db).all();
    auto rotations = RotationRepository(m_db).all();
    auto pools = PoolRepository(m_db).all();
    auto holidays = HolidayRepository(m_db).forTeam(m_team);
    auto services = ServiceRepository(m_db).all();
    if (!team) {
        return team.error();
    }
    if (!services) {
        return services.error();
    }
    if (!people) {
        return people.error();
    }
    if (!rotations) {
        return rotations.error();
    }
    if (!pools) {
        return pools.error();
    }
    if (!holidays) {
        return holidays.error();
    }
    if (!team.value()) {
        return Error{tr("The team of this sync account no longer exists.")};
    }
    // The team's rotations, the pools they draw from, and everyone either names.
    QList<Rotation> teamRotations;
    QSet<PoolId> usedPools;
    for (const Rotation &rotation : rotations.value()) {
        if (rotation.teamId == m_team) {
            teamRotations.append(rotation);
            usedPools.insert(rotation.opsPoolId);
        }
    }
    QList<OpsPool> teamPools;
    QSet<PersonId> poolMembers;
    for (const OpsPool &pool : pools.value()) {
        if (usedPools.contains(pool.id)) {
            teamPools.append(pool);
            for (const PersonId &member : pool.members) {
                poolMembers.insert(member);
            }
        }
    }
    QList<Person> members;
    for (Person person : people.value()) {
        if (person.teams.contains(m_team) || poolMembers.contains(person.id)) {
            // Only the membership of this team travels: the teams someone is in elsewhere are
            // that database's business (and another collection's).
            person.teams = person.teams.contains(m_team) ? QList<TeamId>{m_team} : QList<TeamId>{};
            members.append(person);
        }
    }
    QJsonObject json{
        {u"team"_s, toJson(*team.value())},         {u"people"_s, toArray(members)},
        {u"rotations"_s, toArray(teamRotations)},   {u"pools"_s, toArray(teamPools)},
        {u"holidays"_s, toArray(holidays.value())},
    };
    // The team's follow-the-sun services, only when it has some: a roster without services is
    // what it was before services existed (older Tandems ignore the key).
    QJsonArray teamServices;
    for (const Service &service : services.value()) {
        if (service.teamId == m_team) {
            teamServices.append(rosterJson(service));
        }
    }
    if (!teamServices.isEmpty()) {
        json.insert(u"services"_s, teamServices);
    }
    return json;
}

Result<std::optional<QJsonObject>> LocalItems::current(const ResourceRef &ref)
{
    using Found = std::optional<QJsonObject>;
    switch (ref.kind) {
    case ResourceKind::Shift: {
        auto shift = ShiftRepository(m_db).find(ShiftId::fromString(ref.uid));
        if (!shift) {
            return shift.error();
        }
        return shift.value() ? Found(toJson(*shift.value())) : Found();
    }
    case ResourceKind::TimeOff: {
        auto timeOff = TimeOffRepository(m_db).find(TimeOffId::fromString(ref.uid));
        if (!timeOff) {
            return timeOff.error();
        }
        return timeOff.value() ? Found(toJson(*timeOff.value())) : Found();
    }
    case ResourceKind::Roster: {
        auto team = TeamRepository(m_db).find(m_team);
        if (!team) {
            return team.error();
        }
        if (!team.value()) {
            return Found();
        }
        auto json = roster();
        if (!json) {
            return json.error();
        }
        return Found(json.value());
    }
    case ResourceKind::Request: {
        auto request = SwapRequestRepository(m_db).find(SwapRequestId::fromString(ref.uid));
        if (!request) {
            return request.error();
        }
        return request.value() ? Found(toJson(*request.value())) : Found();
    }
    case ResourceKind::Foreign:
        break;
    }
    return Found();
}

Result<QList<ResourceRef>> LocalItems::all()
{
    QList<ResourceRef> refs{{ResourceKind::Roster, m_team.toString()}};
    auto rotations = RotationRepository(m_db).all();
    if (!rotations) {
        return rotations.error();
    }
    const QDateTime from = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    const QDateTime to = QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC);
    for (const Rotation &rotation : rotations.value()) {
        if (rotation.teamId != m_team) {
            continue;
        }
        auto shifts = ShiftRepository(m_db).overlapping(from, to, rotation.id);
        if (!shifts) {
            return shifts.error();
        }
        for (const Shift &shift : shifts.value()) {
            refs.append({ResourceKind::Shift, shift.id.toString()});
        }
    }
    auto people = PersonRepository(m_db).all();
    if (!people) {
        return people.error();
    }
    for (const Person &person : people.value()) {
        if (!person.teams.contains(m_team)) {
            continue;
        }
        auto timeOff = TimeOffRepository(m_db).forPerson(person.id);
        if (!timeOff) {
            return timeOff.error();
        }
        for (const TimeOff &t : timeOff.value()) {
            refs.append({ResourceKind::TimeOff, t.id.toString()});
        }
    }
    auto requests = SwapRequestRepository(m_db).all();
    if (!requests) {
        return requests.error();
    }
    for (const SwapRequest &request : requests.value()) {
        auto inTeam = shiftInTeam(request.shiftId);
        if (!inTeam) {
            return inTeam.error();
        }
        if (inTeam.value()) {
            refs.append({ResourceKind::Request, request.id.toString()});
        }
    }
    return refs;
}

Result<bool> LocalItems::shiftInTeam(ShiftId id)
{
    auto shift = ShiftRepository(m_db).find(id);
    if (!shift) {
        return shift.error();
    }
    if (!shift.value()) {
        return false;
    }
    auto rotation = RotationRepository(m_db).find(shift.value()->rotationId);
    if (!rotation) {
        return rotation.error();
    }
    return rotation.value() && rotation.value()->teamId == m_team;
}

Result<IcalDirectory> LocalItems::directory()
{
    IcalDirectory directory;
    auto people = PersonRepository(m_db).all();
    auto rotations = RotationRepository(m_db).all();
    if (!people) {
        return people.error();
    }
    if (!rotations) {
        return rotations.error();
    }
    for (const Person &person : people.value()) {
        directory.people.insert(person.id, person);
    }
    for (const Rotation &rotation : rotations.value()) {
        directory.rotations.insert(rotation.id, rotation);
    }
    return directory;
}

Status LocalItems::apply(const ResourceRef &ref, const std::optional<QJsonObject> &theirs)
{
    switch (ref.kind) {
    case ResourceKind::Shift:
        return applyShift(ref.uid, theirs);
    case ResourceKind::TimeOff:
        return applyTimeOff(ref.uid, theirs);
    case ResourceKind::Roster:
        // A deleted roster resource does not delete the team here: someone removed the file on
        // the server; the next push puts it back.
        return theirs ? applyRoster(*theirs) : Status();
    case ResourceKind::Request:
        return applyRequest(ref.uid, theirs);
    case ResourceKind::Foreign:
        break;
    }
    return {};
}

Status LocalItems::applyRequest(const QString &uid, const std::optional<QJsonObject> &theirs)
{
    SwapRequestRepository repo(m_db);
    const QString what = tr("swap request %1").arg(uid);
    auto existing = repo.find(SwapRequestId::fromString(uid));
    if (!existing) {
        return existing.error();
    }
    std::optional<SwapRequest> wanted;
    if (theirs) {
        wanted = swapRequestFromJson(*theirs);
        if (!wanted) {
            return Error{tr("The server's swap request %1 cannot be read.").arg(uid)};
        }
    }
    return write(repo, m_db, Entity::Request, what, existing.value(), wanted);
}

Status LocalItems::applyShift(const QString &uid, const std::optional<QJsonObject> &theirs)
{
    ShiftRepository shifts(m_db);
    const QString what = tr("shift %1").arg(uid);
    auto existing = shifts.find(ShiftId::fromString(uid));
    if (!existing) {
        return existing.error();
    }
    std::optional<Shift> wanted;
    if (theirs) {
        auto shift = shiftFromJson(*theirs);
        if (!shift) {
            return about(what, shift.error());
        }
        auto rotation = RotationRepository(m_db).find(shift->rotationId);
        if (!rotation) {
            return rotation.error();
        }
        if (!rotation.value()) {
            return Error{tr("The server's shift %1 names a rotation this database does not have.").arg(uid)};
        }
        PersonRepository people(m_db);
        for (const PersonId &person : {shift->dev, shift->ops}) {
            if (person.isNull()) {
                continue;
            }
            auto found = people.find(person);
            if (!found) {
                return found.error();
            }
            if (!found.value()) {
                return Error{tr("The server's shift %1 names a person this database does not have.").arg(uid)};
            }
        }
        wanted = shift.value();
    }
    return write(shifts, m_db, Entity::Shift, what, existing.value(), wanted);
}

Status LocalItems::applyTimeOff(const QString &uid, const std::optional<QJsonObject> &theirs)
{
    TimeOffRepository repo(m_db);
    const QString what = tr("time off %1").arg(uid);
    auto existing = repo.find(TimeOffId::fromString(uid));
    if (!existing) {
        return existing.error();
    }
    std::optional<TimeOff> wanted;
    if (theirs) {
        auto timeOff = timeOffFromJson(*theirs);
        if (!timeOff) {
            return about(what, timeOff.error());
        }
        auto person = PersonRepository(m_db).find(timeOff->personId);
        if (!person) {
            return person.error();
        }
        if (!person.value()) {
            return Error{tr("The server's time off %1 names a person this database does not have.").arg(uid)};
        }
        wanted = timeOff.value();
    }
    return write(repo, m_db, Entity::TimeOff, what, existing.value(), wanted);
}

Status LocalItems::matchRoster(const QJsonObject &theirs)
{
    auto team = teamFromJson(theirs.value(u"team"_s).toObject());
    if (!team) {
        return about(tr("team"), team.error());
    }
    if (auto status = makeRoomForTeam(team.value()); !status) {
        return status;
    }
    for (const QJsonValue &value : theirs.value(u"people"_s).toArray()) {
        auto person = personFromJson(value.toObject());
        if (!person) {
            return about(tr("roster"), person.error());
        }
        if (auto status = matchPerson(person.value()); !status) {
            return status;
        }
    }
    QSet<PoolId> teamPools; // the pools this team's rotations draw from here
    auto rotations = RotationRepository(m_db).all();
    if (!rotations) {
        return rotations.error();
    }
    for (const Rotation &rotation : rotations.value()) {
        if (rotation.teamId == m_team) {
            teamPools.insert(rotation.opsPoolId);
        }
    }
    for (const QJsonValue &value : theirs.value(u"pools"_s).toArray()) {
        auto pool = poolFromJson(value.toObject());
        if (!pool) {
            return about(tr("roster"), pool.error());
        }
        if (auto status = makeRoomForPool(pool.value(), teamPools); !status) {
            return status;
        }
    }
    for (const QJsonValue &value : theirs.value(u"rotations"_s).toArray()) {
        auto rotation = rotationFromJson(value.toObject());
        if (!rotation) {
            return about(tr("roster"), rotation.error());
        }
        if (auto status = makeRoomForRotation(rotation.value()); !status) {
            return status;
        }
    }
    return {};
}

Status LocalItems::matchPerson(const Person &theirs)
{
    PersonRepository people(m_db);
    auto byId = people.find(theirs.id);
    if (!byId) {
        return byId.error();
    }
    if (byId.value()) {
        return {};
    }
    auto byEmail = people.findByEmail(theirs.email);
    if (!byEmail) {
        return byEmail.error();
    }
    if (!byEmail.value()) {
        return {};
    }
    // Someone this database knows under another id, by e-mail (case-insensitive): the same
    // person. They take the shared id; their seats, time off and requests follow, and are
    // logged again under it so that every collection they travel in hears of it.
    const Person local = *byEmail.value();
    ShiftRepository shifts(m_db);
    TimeOffRepository timeOff(m_db);
    SwapRequestRepository requests(m_db);
    auto seats = shifts.seatsFrom(local.id, QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
    auto leave = timeOff.forPerson(local.id);
    auto asks = requests.involving(local.id);
    if (!seats) {
        return seats.error();
    }
    if (!leave) {
        return leave.error();
    }
    if (!asks) {
        return asks.error();
    }
    QList<Shift> before;
    for (const SeatRef &seat : seats.value()) {
        auto shift = shifts.find(seat.shift);
        if (!shift) {
            return shift.error();
        }
        if (shift.value() &&
            !std::any_of(before.cbegin(), before.cend(), [&](const Shift &s) { return s.id == seat.shift; })) {
            before.append(*shift.value());
        }
    }
    // The rewrite moves every row that names the person; the log says so row by row, each as
    // it is after the rewrite.
    auto rewrite = [&] { return about(tr("person %1").arg(local.name), IdRewrite(m_db).person(local.id, theirs.id)); };
    auto records = [&]() -> Result<QList<ChangeRecord>> {
        Person moved = local;
        moved.id = theirs.id;
        QList<ChangeRecord> rows{ChangeRecord::deleted(Entity::Person, local.id.toString(), toJson(local)),
                                 ChangeRecord::created(Entity::Person, moved.id.toString(), toJson(moved))};
        for (const Shift &shift : std::as_const(before)) {
            auto after = shifts.find(shift.id);
            if (!after) {
                return after.error();
            }
            if (after.value()) {
                rows.append(
                    ChangeRecord::updated(Entity::Shift, shift.id.toString(), toJson(shift), toJson(*after.value())));
            }
        }
        for (TimeOff t : leave.value()) {
            const QJsonObject old = toJson(t);
            t.personId = theirs.id;
            rows.append(ChangeRecord::updated(Entity::TimeOff, t.id.toString(), old, toJson(t)));
        }
        for (const SwapRequest &request : asks.value()) {
            auto after = requests.find(request.id);
            if (!after) {
                return after.error();
            }
            if (after.value()) {
                rows.append(ChangeRecord::updated(Entity::Request, request.id.toString(), toJson(request),
                                                  toJson(*after.value())));
            }
        }
        return rows;
    };
    if (auto status = writeLogged(m_db, rewrite, records); !status) {
        return status;
    }
    m_notes.append(
        tr("%1 <%2> was already here: matched by e-mail with the shared roster.").arg(local.name, local.email));
    return {};
}

Status LocalItems::makeRoomForTeam(const Team &theirs)
{
    TeamRepository teams(m_db);
    auto named = teams.findByName(theirs.name);
    if (!named) {
        return named.error();
    }
    if (!named.value() || named.value()->id == theirs.id) {
        return {};
    }
    // Team names are unique here: the local team of that name steps aside.
    Team renamed = *named.value();
    renamed.name = freeName(renamed.name, tr("this computer"), [&teams](const QString &name) {
        auto taken = teams.findByName(name);
        return !taken || taken.value().has_value();
    });
    if (auto status = writeLogged(
            m_db, [&] { return about(tr("team %1").arg(named.value()->name), teams.update(renamed)); },
            ChangeRecord::updated(Entity::Team, renamed.id.toString(), toJson(*named.value()), toJson(renamed)));
        !status) {
        return status;
    }
    m_notes.append(
        tr("Your team “%1” is now called “%2”: the shared team has its name.").arg(named.value()->name, renamed.name));
    return {};
}

Status LocalItems::makeRoomForRotation(const Rotation &theirs)
{
    RotationRepository rotations(m_db);
    auto existing = rotations.find(theirs.id);
    if (!existing) {
        return existing.error();
    }
    auto named = rotations.findByName(theirs.name);
    if (!named) {
        return named.error();
    }
    if (existing.value() || !named.value() || named.value()->id == theirs.id) {
        return {};
    }
    const Rotation local = *named.value();
    if (local.teamId == m_team) {
        // The team's own rotation of that name, made here before the team was shared: the same
        // rotation. Its shifts join the shared one.
        auto shifts = ShiftRepository(m_db).overlapping(QDateTime::fromSecsSinceEpoch(0, Qt::UTC),
                                                        QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC), local.id);
        if (!shifts) {
            return shifts.error();
        }
        auto rewrite = [&] {
            return about(tr("rotation %1").arg(local.name), IdRewrite(m_db).rotation(local.id, theirs.id));
        };
        auto records = [&]() -> Result<QList<ChangeRecord>> {
            Rotation moved = local;
            moved.id = theirs.id;
            QList<ChangeRecord> rows{ChangeRecord::deleted(Entity::Rotation, local.id.toString(), toJson(local)),
                                     ChangeRecord::created(Entity::Rotation, moved.id.toString(), toJson(moved))};
            for (Shift shift : shifts.value()) {
                const QJsonObject old = toJson(shift);
                shift.rotationId = theirs.id;
                rows.append(ChangeRecord::updated(Entity::Shift, shift.id.toString(), old, toJson(shift)));
            }
            return rows;
        };
        if (auto status = writeLogged(m_db, rewrite, records); !status) {
            return status;
        }
        m_notes.append(
            tr("Your rotation “%1” is the shared team's rotation of that name: its shifts joined it.").arg(local.name));
        return {};
    }
    // Another team's rotation: rotation names are unique here, so it steps aside.
    auto team = TeamRepository(m_db).find(local.teamId);
    if (!team) {
        return team.error();
    }
    Rotation renamed = local;
    renamed.name = freeName(local.name, team.value() ? team.value()->name : tr("this computer"),
                            [&rotations](const QString &name) {
                                auto taken = rotations.findByName(name);
                                return !taken || taken.value().has_value();
                            });
    if (auto status = writeLogged(
            m_db, [&] { return about(tr("rotation %1").arg(local.name), rotations.update(renamed)); },
            ChangeRecord::updated(Entity::Rotation, renamed.id.toString(), toJson(local), toJson(renamed)));
        !status) {
        return status;
    }
    m_notes.append(tr("Your rotation “%1” is now called “%2”: the shared team has one of that name.")
                       .arg(local.name, renamed.name));
    return {};
}

Status LocalItems::makeRoomForPool(const OpsPool &theirs, const QSet<PoolId> &teamPools)
{
    PoolRepository pools(m_db);
    auto existing = pools.find(theirs.id);
    if (!existing) {
        return existing.error();
    }
    auto named = pools.findByName(theirs.name);
    if (!named) {
        return named.error();
    }
    if (existing.value() || !named.value() || named.value()->id == theirs.id) {
        return {};
    }
    const OpsPool local = *named.value();
    if (teamPools.contains(local.id)) {
        // The pool this team's rotations drew from here, of the same name: the same pool.
        OpsPool moved = local;
        moved.id = theirs.id;
        return writeLogged(
            m_db, [&] { return about(tr("pool %1").arg(local.name), IdRewrite(m_db).pool(local.id, theirs.id)); },
            [&]() -> Result<QList<ChangeRecord>> {
                return QList<ChangeRecord>{ChangeRecord::deleted(Entity::Pool, local.id.toString(), toJson(local)),
                                           ChangeRecord::created(Entity::Pool, moved.id.toString(), toJson(moved))};
            });
    }
    OpsPool renamed = local;
    renamed.name = freeName(local.name, tr("this computer"), [&pools](const QString &name) {
        auto taken = pools.findByName(name);
        return !taken || taken.value().has_value();
    });
    if (auto status = writeLogged(
            m_db, [&] { return about(tr("pool %1").arg(local.name), pools.update(renamed)); },
            ChangeRecord::updated(Entity::Pool, renamed.id.toString(), toJson(local), toJson(renamed)));
        !status) {
        return status;
    }
    m_notes.append(tr("Your ops pool “%1” is now called “%2”: the shared team has one of that name.")
                       .arg(local.name, renamed.name));
    return {};
}

Status LocalItems::applyServices(const QJsonObject &theirs)
{
    auto wanted = servicesFromRoster(theirs, m_team);
    if (!wanted) {
        return wanted.error();
    }
    ServiceRepository services(m_db);
    auto localServices = services.all();
    if (!localServices) {
        return localServices.error();
    }
    QSet<ServiceId> theirIds;
    for (const Service &service : wanted.value()) {
        theirIds.insert(service.id);
    }
    // The team's services the server no longer has go first (their names become free).
    for (const Service &service : localServices.value()) {
        if (service.teamId == m_team && !theirIds.contains(service.id)) {
            if (auto status = writeLogged(
                    m_db, [&] { return about(tr("service %1").arg(service.name), services.remove(service.id)); },
                    ChangeRecord::deleted(Entity::Service, service.id.toString(), ServiceCatalog::toJson(service)));
                !status) {
                return status;
            }
        }
    }
    for (const Service &service : wanted.value()) {
        auto existing = services.find(service.id);
        if (!existing) {
            return existing.error();
        }
        if (existing.value() && *existing.value() == service) {
            continue;
        }
        // Service names are unique here: another service of that name made here steps aside.
        auto named = services.findByName(service.name);
        if (!named) {
            return named.error();
        }
        if (named.value() && named.value()->id != service.id) {
            const Service local = *named.value();
            Service renamed = local;
            renamed.name = freeName(local.name, tr("this computer"), [&services](const QString &name) {
                auto taken = services.findByName(name);
                return !taken || taken.value().has_value();
            });
            if (auto status = writeLogged(
                    m_db, [&] { return about(tr("service %1").arg(local.name), services.update(renamed)); },
                    ChangeRecord::updated(Entity::Service, renamed.id.toString(), ServiceCatalog::toJson(local),
                                          ServiceCatalog::toJson(renamed)));
                !status) {
                return status;
            }
            m_notes.append(tr("Your service “%1” is now called “%2”: the shared team has one of that name.")
                               .arg(local.name, renamed.name));
        }
        const QString what = tr("service %1").arg(service.name);
        if (auto status = writeLogged(
                m_db,
                [&] { return about(what, existing.value() ? services.update(service) : services.insert(service)); },
                existing.value()
                    ? ChangeRecord::updated(Entity::Service, service.id.toString(),
                                            ServiceCatalog::toJson(*existing.value()), ServiceCatalog::toJson(service))
                    : ChangeRecord::created(Entity::Service, service.id.toString(), ServiceCatalog::toJson(service)));
            !status) {
            return status;
        }
    }
    return {};
}

QString LocalItems::problemWith(const ResourceRef &ref, const QJsonObject &theirs) const
{
    QStringList problems;
    const auto check = [&problems](const QString &what, const QList<Error> &errors) {
        if (!errors.isEmpty()) {
            problems.append(tr("%1: %2").arg(what, joined(errors)));
        }
    };
    switch (ref.kind) {
    case ResourceKind::Shift: {
        auto shift = shiftFromJson(theirs);
        if (!shift) {
            return tr("The server's shift %1 cannot be read: %2").arg(ref.uid, shift.errorMessage());
        }
        check(tr("The server's shift of %1").arg(shift->start.toString(u"d MMM yyyy"_s)), validateShift(*shift));
        break;
    }
    case ResourceKind::TimeOff: {
        auto timeOff = timeOffFromJson(theirs);
        if (!timeOff) {
            return tr("The server's time off %1 cannot be read: %2").arg(ref.uid, timeOff.errorMessage());
        }
        check(tr("The server's time off %1").arg(ref.uid), validateTimeOff(*timeOff));
        break;
    }
    case ResourceKind::Roster: {
        auto team = teamFromJson(theirs.value(u"team"_s).toObject());
        if (!team) {
            return tr("The server's roster cannot be read: %1").arg(team.errorMessage());
        }
        check(tr("The server's team %1").arg(team->name), validateTeam(*team));
        QSet<QString> emails;
        for (const QJsonValue &value : theirs.value(u"people"_s).toArray()) {
            auto person = personFromJson(value.toObject());
            if (!person) {
                return tr("The server's roster cannot be read: %1").arg(person.errorMessage());
            }
            check(tr("%1 in the server's roster").arg(person->name), validatePerson(*person));
            if (emails.contains(person->email.toLower())) {
                problems.append(tr("The server's roster names %1 twice.").arg(person->email));
            }
            emails.insert(person->email.toLower());
        }
        QSet<QString> names;
        for (const QJsonValue &value : theirs.value(u"rotations"_s).toArray()) {
            auto rotation = rotationFromJson(value.toObject());
            if (!rotation) {
                return tr("The server's roster cannot be read: %1").arg(rotation.errorMessage());
            }
            // The weights' range is validateRotation()'s to check, like every other rule.
            check(tr("The server's rotation %1").arg(rotation->name), validateRotation(*rotation));
            if (names.contains(rotation->name.toLower())) {
                problems.append(tr("The server's roster has two rotations named %1.").arg(rotation->name));
            }
            names.insert(rotation->name.toLower());
        }
        for (const QJsonValue &value : theirs.value(u"pools"_s).toArray()) {
            auto pool = poolFromJson(value.toObject());
            if (!pool) {
                return tr("The server's roster cannot be read: %1").arg(pool.errorMessage());
            }
            check(tr("The server's ops pool %1").arg(pool->name), validatePool(*pool));
        }
        for (const QJsonValue &value : theirs.value(u"holidays"_s).toArray()) {
            auto holiday = holidayFromJson(value.toObject());
            if (!holiday) {
                return tr("The server's roster cannot be read: %1").arg(holiday.errorMessage());
            }
            check(tr("The server's holiday %1").arg(holiday->name), validateHoliday(*holiday));
        }
        // Services: their own fields as a local edit checks them, legs among the roster's
        // rotations, names unique.
        auto services = servicesFromRoster(theirs, m_team);
        if (!services) {
            return services.errorMessage();
        }
        QSet<QString> rotationIds;
        for (const QJsonValue &value : theirs.value(u"rotations"_s).toArray()) {
            rotationIds.insert(value.toObject().value(u"id"_s).toString());
        }
        QSet<QString> serviceNames;
        for (const Service &service : services.value()) {
            const QString name = service.name.left(80);
            check(tr("The server's service %1").arg(name), ServiceCatalog::validate(service));
            for (const RotationId &leg : service.legs) {
                if (!rotationIds.contains(leg.toString())) {
                    problems.append(
                        tr("The server's service %1 names a rotation that is not on the team's roster.").arg(name));
                    break;
                }
            }
            if (serviceNames.contains(service.name.toLower())) {
                problems.append(tr("The server's roster has two services named %1.").arg(name));
            }
            serviceNames.insert(service.name.toLower());
        }
        break;
    }
    case ResourceKind::Request: {
        if (!swapRequestFromJson(theirs)) {
            return tr("The server's swap request %1 cannot be read.").arg(ref.uid);
        }
        break;
    }
    case ResourceKind::Foreign:
        break;
    }
    return problems.join(u' ');
}

Result<std::optional<SyncOffer>> LocalItems::timeOffOffer(const ResourceData &foreign)
{
    const QJsonObject &d = foreign.data;
    if (!d.value(u"allDay"_s).toBool() || d.value(u"cancelled"_s).toBool() || d.value(u"recurs"_s).toBool()) {
        return std::optional<SyncOffer>();
    }
    // The words calendar apps and people use for an absence (whole words, any case).
    static const QRegularExpression words(
        u"\\b(vacation|vacations|holiday|holidays|out[ -]of[ -]office|ooo|time[ -]?off|leave|pto|"
        "annual leave|urlaub|cong[ée]s?|vacaciones|ferie|ferien)\\b"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QStringList texts{d.value(u"summary"_s).toString()};
    for (const QJsonValue &category : d.value(u"categories"_s).toArray()) {
        texts.append(category.toString());
    }
    if (!std::any_of(texts.cbegin(), texts.cend(), [](const QString &t) { return words.match(t).hasMatch(); })) {
        return std::optional<SyncOffer>();
    }
    const QDate from = QDate::fromString(d.value(u"start"_s).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(d.value(u"end"_s).toString(), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || to < from || from.daysTo(to) > 366) {
        return std::optional<SyncOffer>();
    }
    // Whose: the organizer, else the first attendee, who is on this team's roster.
    QStringList emails{d.value(u"organizer"_s).toString()};
    for (const QJsonValue &attendee : d.value(u"attendees"_s).toArray()) {
        emails.append(attendee.toString());
    }
    auto roster = current(ResourceRef{ResourceKind::Roster, m_team.toString()});
    if (!roster) {
        return roster.error();
    }
    if (!roster.value()) {
        return std::optional<SyncOffer>();
    }
    for (const QString &email : std::as_const(emails)) {
        if (email.isEmpty()) {
            continue;
        }
        for (const QJsonValue &value : roster.value()->value(u"people"_s).toArray()) {
            const QJsonObject person = value.toObject();
            if (person.value(u"email"_s).toString().compare(email.trimmed(), Qt::CaseInsensitive) == 0) {
                SyncOffer offer;
                offer.uid = foreign.uid;
                offer.person = person.value(u"id"_s).toString();
                offer.from = from;
                offer.to = to;
                offer.summary = d.value(u"summary"_s).toString().left(200);
                return std::optional<SyncOffer>(offer);
            }
        }
    }
    return std::optional<SyncOffer>();
}

Status LocalItems::applyRoster(const QJsonObject &theirs)
{
    // The team first, then people (memberships name the team), pools (members name people),
    // rotations (name a pool), holidays.
    auto team = teamFromJson(theirs.value(u"team"_s).toObject());
    if (!team) {
        return about(tr("team"), team.error());
    }
    if (team->id != m_team) {
        return Error{tr("The server's roster belongs to another team (%1).").arg(team->name)};
    }
    if (auto status = matchRoster(theirs); !status) {
        return status;
    }
    TeamRepository teams(m_db);
    if (auto status = upsert(teams, m_db, Entity::Team, tr("team"), team.value()); !status) {
        return status;
    }

    // People.
    PersonRepository people(m_db);
    auto allTeams = teams.all();
    if (!allTeams) {
        return allTeams.error();
    }
    QSet<TeamId> knownTeams;
    for (const Team &t : allTeams.value()) {
        knownTeams.insert(t.id);
    }
    QSet<PersonId> theirPeople;
    for (const QJsonValue &value : theirs.value(u"people"_s).toArray()) {
        auto person = personFromJson(value.toObject());
        if (!person) {
            return about(tr("roster"), person.error());
        }
        // Memberships of teams this database does not share stay out of it.
        person.value().teams.removeIf([&](const TeamId &t) { return !knownTeams.contains(t); });
        theirPeople.insert(person->id);
        auto local = people.find(person->id);
        if (!local) {
            return local.error();
        }
        if (local.value()) {
            // This team's membership follows the server; the teams they are in elsewhere stay.
            const bool member = person->teams.contains(m_team);
            person.value().teams = local.value()->teams;
            person.value().teams.removeAll(m_team);
            if (member) {
                person.value().teams.append(m_team);
            }
        }
        if (!local.value()) {
            if (auto status = writeLogged(
                    m_db, [&] { return about(tr("person %1").arg(person->name), people.insert(person.value())); },
                    ChangeRecord::created(Entity::Person, person->id.toString(), toJson(*person)));
                !status) {
                return status;
            }
            continue;
        }
        auto removed = people.isRemoved(person->id);
        if (!removed) {
            return removed.error();
        }
        if (removed.value() || !samePerson(*local.value(), person.value())) {
            // Removed here but on the server's roster: back, as the server has them.
            if (auto status = writeLogged(
                    m_db,
                    [&]() -> Status {
                        if (removed.value()) {
                            if (auto restored = people.setRemoved(person->id, {}); !restored) {
                                return restored;
                            }
                        }
                        return about(tr("person %1").arg(person->name), people.update(person.value()));
                    },
                    ChangeRecord::updated(Entity::Person, person->id.toString(), toJson(*local.value()),
                                          toJson(*person)));
                !status) {
                return status;
            }
        }
    }
    auto localPeople = people.all();
    if (!localPeople) {
        return localPeople.error();
    }
    for (const Person &person : localPeople.value()) {
        if (person.teams.contains(m_team) && !theirPeople.contains(person.id)) {
            if (auto status = writeLogged(
                    m_db, [&] { return people.setRemoved(person.id, m_db.clock().now().toUTC()); },
                    ChangeRecord::deleted(Entity::Person, person.id.toString(), toJson(person)));
                !status) {
                return status;
            }
        }
    }

    // Pools.
    PoolRepository pools(m_db);
    RotationRepository rotations(m_db);
    QSet<PoolId> localTeamPools; // pools the team's rotations drew from before this change
    if (auto before = rotations.all(); before) {
        for (const Rotation &rotation : before.value()) {
            if (rotation.teamId == m_team) {
                localTeamPools.insert(rotation.opsPoolId);
            }
        }
    } else {
        return before.error();
    }
    QSet<PoolId> theirPools;
    for (const QJsonValue &value : theirs.value(u"pools"_s).toArray()) {
        auto pool = poolFromJson(value.toObject());
        if (!pool) {
            return about(tr("roster"), pool.error());
        }
        theirPools.insert(pool->id);
        if (auto status = upsert(pools, m_db, Entity::Pool, tr("pool %1").arg(pool->name), pool.value()); !status) {
            return status;
        }
    }

    // Rotations.
    QSet<RotationId> theirRotations;
    for (const QJsonValue &value : theirs.value(u"rotations"_s).toArray()) {
        auto rotation = rotationFromJson(value.toObject());
        if (!rotation) {
            return about(tr("roster"), rotation.error());
        }
        theirRotations.insert(rotation->id);
        if (auto status =
                upsert(rotations, m_db, Entity::Rotation, tr("rotation %1").arg(rotation->name), rotation.value());
            !status) {
            return status;
        }
    }
    // Services, once the rotations they name are here.
    if (auto status = applyServices(theirs); !status) {
        return status;
    }
    auto localRotations = rotations.all();
    if (!localRotations) {
        return localRotations.error();
    }
    for (const Rotation &rotation : localRotations.value()) {
        if (rotation.teamId == m_team && !theirRotations.contains(rotation.id)) {
            if (auto status = write(rotations, m_db, Entity::Rotation, tr("rotation %1").arg(rotation.name),
                                    std::optional(rotation), std::optional<Rotation>());
                !status) {
                return status;
            }
        }
    }
    // Pools the server no longer has, once no rotation in use draws from them.
    auto localPools = pools.all();
    if (!localPools) {
        return localPools.error();
    }
    for (const OpsPool &pool : localPools.value()) {
        if (theirPools.contains(pool.id) || !localTeamPools.contains(pool.id)) {
            continue;
        }
        auto users = rotations.usingPool(pool.id);
        if (!users) {
            return users.error();
        }
        if (users->isEmpty()) {
            if (auto status = write(pools, m_db, Entity::Pool, tr("pool %1").arg(pool.name), std::optional(pool),
                                    std::optional<OpsPool>());
                !status) {
                return status;
            }
        }
    }

    // Holidays.
    HolidayRepository holidays(m_db);
    auto localHolidays = holidays.forTeam(m_team);
    if (!localHolidays) {
        return localHolidays.error();
    }
    QHash<HolidayId, Holiday> local;
    for (const Holiday &holiday : localHolidays.value()) {
        local.insert(holiday.id, holiday);
    }
    QList<Holiday> wanted;
    for (const QJsonValue &value : theirs.value(u"holidays"_s).toArray()) {
        auto holiday = holidayFromJson(value.toObject());
        if (!holiday) {
            return about(tr("roster"), holiday.error());
        }
        wanted.append(holiday.value());
    }
    for (const Holiday &holiday : localHolidays.value()) {
        const bool kept = std::any_of(wanted.cbegin(), wanted.cend(), [&](const Holiday &h) { return h == holiday; });
        if (!kept) {
            if (auto status = writeLogged(
                    m_db, [&] { return holidays.remove(holiday.id); },
                    ChangeRecord::deleted(Entity::Holiday, holiday.id.toString(), toJson(holiday)));
                !status) {
                return status;
            }
            local.remove(holiday.id);
        }
    }
    for (const Holiday &holiday : std::as_const(wanted)) {
        if (local.contains(holiday.id)) {
            continue;
        }
        // One holiday a day per team: another one of this day made here gives way.
        const auto same =
            std::find_if(local.cbegin(), local.cend(), [&holiday](const Holiday &h) { return h.date == holiday.date; });
        if (same != local.cend()) {
            const Holiday gone = *same;
            if (auto status = writeLogged(
                    m_db, [&] { return holidays.remove(gone.id); },
                    ChangeRecord::deleted(Entity::Holiday, gone.id.toString(), toJson(gone)));
                !status) {
                return status;
            }
            local.remove(gone.id);
        }
        if (auto status = writeLogged(
                m_db, [&] { return about(tr("holiday %1").arg(holiday.name), holidays.insert(holiday)); },
                ChangeRecord::created(Entity::Holiday, holiday.id.toString(), toJson(holiday)));
            !status) {
            return status;
        }
    }
    return {};
}

} // namespace Tandem
