#include "localitems.h"

#include "domain/changeentry.h"
#include "domain/deserialize.h"
#include "domain/serialize.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/swaprequestrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"

#include <QCoreApplication>
#include <QJsonArray>

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

// Brings one entity to the server's version (`wanted`; nullopt: deleted) through its
// repository, with its change-log row; writes nothing when both already agree.
template <typename Repo, typename T>
Status write(Repo &repo, ChangeLog &log, QStringView entity, const QString &what, const std::optional<T> &existing,
             const std::optional<T> &wanted)
{
    if (!wanted) {
        if (!existing) {
            return {};
        }
        if (auto status = repo.remove(existing->id); !status) {
            return about(what, status.error());
        }
        return log.append(entity, existing->id.toString(), ChangeAction::Delete, toJson(*existing), {});
    }
    if (existing && *existing == *wanted) {
        return {};
    }
    if (auto status = existing ? repo.update(*wanted) : repo.insert(*wanted); !status) {
        return about(what, status.error());
    }
    return log.append(entity, wanted->id.toString(), existing ? ChangeAction::Update : ChangeAction::Create,
                      existing ? toJson(*existing) : QJsonObject(), toJson(*wanted));
}

// The same for a value the server has, looking up this database's version by its id.
template <typename Repo, typename T>
Status upsert(Repo &repo, ChangeLog &log, QStringView entity, const QString &what, const T &wanted)
{
    auto existing = repo.find(wanted.id);
    if (!existing) {
        return existing.error();
    }
    return write(repo, log, entity, what, existing.value(), std::optional<T>(wanted));
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
    if (!team) {
        return team.error();
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
    for (const Person &person : people.value()) {
        if (person.teams.contains(m_team) || poolMembers.contains(person.id)) {
            members.append(person);
        }
    }
    return QJsonObject{
        {u"team"_s, toJson(*team.value())},         {u"people"_s, toArray(members)},
        {u"rotations"_s, toArray(teamRotations)},   {u"pools"_s, toArray(teamPools)},
        {u"holidays"_s, toArray(holidays.value())},
    };
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
    ChangeLog log(m_db);
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
    return write(repo, log, Entity::Request, what, existing.value(), wanted);
}

Status LocalItems::applyShift(const QString &uid, const std::optional<QJsonObject> &theirs)
{
    ShiftRepository shifts(m_db);
    ChangeLog log(m_db);
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
    return write(shifts, log, Entity::Shift, what, existing.value(), wanted);
}

Status LocalItems::applyTimeOff(const QString &uid, const std::optional<QJsonObject> &theirs)
{
    TimeOffRepository repo(m_db);
    ChangeLog log(m_db);
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
    return write(repo, log, Entity::TimeOff, what, existing.value(), wanted);
}

Status LocalItems::applyRoster(const QJsonObject &theirs)
{
    ChangeLog log(m_db);
    // The team first, then people (memberships name the team), pools (members name people),
    // rotations (name a pool), holidays.
    auto team = teamFromJson(theirs.value(u"team"_s).toObject());
    if (!team) {
        return about(tr("team"), team.error());
    }
    if (team->id != m_team) {
        return Error{tr("The server's roster belongs to another team (%1).").arg(team->name)};
    }
    TeamRepository teams(m_db);
    if (auto status = upsert(teams, log, Entity::Team, tr("team"), team.value()); !status) {
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
        if (!local.value()) {
            if (auto status = people.insert(person.value()); !status) {
                return about(tr("person %1").arg(person->name), status.error());
            }
            if (auto status =
                    log.append(Entity::Person, person->id.toString(), ChangeAction::Create, {}, toJson(*person));
                !status) {
                return status;
            }
            continue;
        }
        auto removed = people.isRemoved(person->id);
        if (!removed) {
            return removed.error();
        }
        if (removed.value()) {
            if (auto status = people.setRemoved(person->id, {}); !status) {
                return status;
            }
        }
        if (removed.value() || !(*local.value() == person.value())) {
            if (auto status = people.update(person.value()); !status) {
                return about(tr("person %1").arg(person->name), status.error());
            }
            if (auto status = log.append(Entity::Person, person->id.toString(), ChangeAction::Update,
                                         toJson(*local.value()), toJson(*person));
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
            if (auto status = people.setRemoved(person.id, m_db.clock().now().toUTC()); !status) {
                return status;
            }
            if (auto status =
                    log.append(Entity::Person, person.id.toString(), ChangeAction::Delete, toJson(person), {});
                !status) {
                return status;
            }
        }
    }

    // Pools.
    PoolRepository pools(m_db);
    QSet<PoolId> theirPools;
    for (const QJsonValue &value : theirs.value(u"pools"_s).toArray()) {
        auto pool = poolFromJson(value.toObject());
        if (!pool) {
            return about(tr("roster"), pool.error());
        }
        theirPools.insert(pool->id);
        if (auto status = upsert(pools, log, Entity::Pool, tr("pool %1").arg(pool->name), pool.value()); !status) {
            return status;
        }
    }

    // Rotations.
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
    QSet<RotationId> theirRotations;
    for (const QJsonValue &value : theirs.value(u"rotations"_s).toArray()) {
        auto rotation = rotationFromJson(value.toObject());
        if (!rotation) {
            return about(tr("roster"), rotation.error());
        }
        theirRotations.insert(rotation->id);
        if (auto status =
                upsert(rotations, log, Entity::Rotation, tr("rotation %1").arg(rotation->name), rotation.value());
            !status) {
            return status;
        }
    }
    auto localRotations = rotations.all();
    if (!localRotations) {
        return localRotations.error();
    }
    for (const Rotation &rotation : localRotations.value()) {
        if (rotation.teamId == m_team && !theirRotations.contains(rotation.id)) {
            if (auto status = write(rotations, log, Entity::Rotation, tr("rotation %1").arg(rotation.name),
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
            if (auto status = write(pools, log, Entity::Pool, tr("pool %1").arg(pool.name), std::optional(pool),
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
            if (auto status = holidays.remove(holiday.id); !status) {
                return status;
            }
            if (auto status =
                    log.append(Entity::Holiday, holiday.id.toString(), ChangeAction::Delete, toJson(holiday), {});
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
        if (auto status = holidays.insert(holiday); !status) {
            return about(tr("holiday %1").arg(holiday.name), status.error());
        }
        if (auto status = log.append(Entity::Holiday, holiday.id.toString(), ChangeAction::Create, {}, toJson(holiday));
            !status) {
            return status;
        }
    }
    return {};
}

} // namespace Tandem
