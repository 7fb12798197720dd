#include "localitems.h"

#include "domain/changeentry.h"
#include "domain/deserialize.h"
#include "domain/serialize.h"
#include "services/validation.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/idrewrite.h"
#include "store/loggedwrite.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
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

// Brings one entity to the server's version (`wanted`; nullopt: deleted) through its
// repository, with its change-log row (writeLogged: both or neither); writes nothing when both
// already agree.
template <typename Repo, typename T>
Status write(Database &db, Repo &repo, QStringView entity, const QString &what, const std::optional<T> &existing,
             const std::optional<T> &wanted)
{
    if (!wanted) {
        if (!existing) {
            return {};
        }
        return writeLogged(
            db,
            [&]() -> Status {
                if (auto status = repo.remove(existing->id); !status) {
                    return about(what, status.error());
                }
                return {};
            },
            ChangeRecord::deleted(entity, existing->id.toString(), toJson(*existing)));
    }
    if (existing && *existing == *wanted) {
        return {};
    }
    return writeLogged(
        db,
        [&]() -> Status {
            if (auto status = existing ? repo.update(*wanted) : repo.insert(*wanted); !status) {
                return about(what, status.error());
            }
            return {};
        },
        existing ? ChangeRecord::updated(entity, wanted->id.toString(), toJson(*existing), toJson(*wanted))
                 : ChangeRecord::created(entity, wanted->id.toString(), toJson(*wanted)));
}

// The same for a value the server has, looking up this database's version by its id.
template <typename Repo, typename T>
Status upsert(Database &db, Repo &repo, QStringView entity, const QString &what, const T &wanted)
{
    auto existing = repo.find(wanted.id);
    if (!existing) {
        return existing.error();
    }
    return write(db, repo, entity, what, existing.value(), std::optional<T>(wanted));
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
    for (Person person : people.value()) {
        if (person.teams.contains(m_team) || poolMembers.contains(person.id)) {
            // Only the membership of this team travels: the teams someone is in elsewhere are
            // that database's business (and another collection's).
            person.teams = person.teams.contains(m_team) ? QList<TeamId>{m_team} : QList<TeamId>{};
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
    return write(m_db, repo, Entity::Request, what, existing.value(), wanted);
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
    return write(m_db, shifts, Entity::Shift, what, existing.value(), wanted);
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
    return write(m_db, repo, Entity::TimeOff, what, existing.value(), wanted);
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
    if (auto status = IdRewrite(m_db).person(local.id, theirs.id); !status) {
        return about(tr("person %1").arg(local.name), status.error());
    }
    ChangeLog log(m_db);
    Person moved = local;
    moved.id = theirs.id;
    if (auto status = log.append(Entity::Person, local.id.toString(), ChangeAction::Delete, toJson(local), {});
        !status) {
        return status;
    }
    if (auto status = log.append(Entity::Person, moved.id.toString(), ChangeAction::Create, {}, toJson(moved));
        !status) {
        return status;
    }
    for (const Shift &shift : std::as_const(before)) {
        auto after = shifts.find(shift.id);
        if (!after) {
            return after.error();
        }
        if (after.value()) {
            if (auto status = log.append(Entity::Shift, shift.id.toString(), ChangeAction::Update, toJson(shift),
                                         toJson(*after.value()));
                !status) {
                return status;
            }
        }
    }
    for (TimeOff t : leave.value()) {
        const QJsonObject old = toJson(t);
        t.personId = theirs.id;
        if (auto status = log.append(Entity::TimeOff, t.id.toString(), ChangeAction::Update, old, toJson(t)); !status) {
            return status;
        }
    }
    for (const SwapRequest &request : asks.value()) {
        auto after = requests.find(request.id);
        if (!after) {
            return after.error();
        }
        if (after.value()) {
            if (auto status = log.append(Entity::Request, request.id.toString(), ChangeAction::Update, toJson(request),
                                         toJson(*after.value()));
                !status) {
                return status;
            }
        }
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
            m_db,
            [&]() -> Status {
                if (auto updated = teams.update(renamed); !updated) {
                    return about(tr("team %1").arg(named.value()->name), updated.error());
                }
                return {};
            },
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
    ChangeLog log(m_db);
    if (local.teamId == m_team) {
        // The team's own rotation of that name, made here before the team was shared: the same
        // rotation. Its shifts join the shared one.
        auto shifts = ShiftRepository(m_db).overlapping(QDateTime::fromSecsSinceEpoch(0, Qt::UTC),
                                                        QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC), local.id);
        if (!shifts) {
            return shifts.error();
        }
        if (auto status = IdRewrite(m_db).rotation(local.id, theirs.id); !status) {
            return about(tr("rotation %1").arg(local.name), status.error());
        }
        Rotation moved = local;
        moved.id = theirs.id;
        if (auto status = log.append(Entity::Rotation, local.id.toString(), ChangeAction::Delete, toJson(local), {});
            !status) {
            return status;
        }
        if (auto status = log.append(Entity::Rotation, moved.id.toString(), ChangeAction::Create, {}, toJson(moved));
            !status) {
            return status;
        }
        for (Shift shift : shifts.value()) {
            const QJsonObject old = toJson(shift);
            shift.rotationId = theirs.id;
            if (auto status = log.append(Entity::Shift, shift.id.toString(), ChangeAction::Update, old, toJson(shift));
                !status) {
                return status;
            }
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
            m_db,
            [&]() -> Status {
                if (auto updated = rotations.update(renamed); !updated) {
                    return about(tr("rotation %1").arg(local.name), updated.error());
                }
                return {};
            },
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
    ChangeLog log(m_db);
    if (teamPools.contains(local.id)) {
        // The pool this team's rotations drew from here, of the same name: the same pool.
        if (auto status = IdRewrite(m_db).pool(local.id, theirs.id); !status) {
            return about(tr("pool %1").arg(local.name), status.error());
        }
        OpsPool moved = local;
        moved.id = theirs.id;
        if (auto status = log.append(Entity::Pool, local.id.toString(), ChangeAction::Delete, toJson(local), {});
            !status) {
            return status;
        }
        return log.append(Entity::Pool, moved.id.toString(), ChangeAction::Create, {}, toJson(moved));
    }
    OpsPool renamed = local;
    renamed.name = freeName(local.name, tr("this computer"), [&pools](const QString &name) {
        auto taken = pools.findByName(name);
        return !taken || taken.value().has_value();
    });
    if (auto status = writeLogged(
            m_db,
            [&]() -> Status {
                if (auto updated = pools.update(renamed); !updated) {
                    return about(tr("pool %1").arg(local.name), updated.error());
                }
                return {};
            },
            ChangeRecord::updated(Entity::Pool, renamed.id.toString(), toJson(local), toJson(renamed)));
        !status) {
        return status;
    }
    m_notes.append(tr("Your ops pool “%1” is now called “%2”: the shared team has one of that name.")
                       .arg(local.name, renamed.name));
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
    if (auto status = matchRoster(theirs); !status) {
        return status;
    }
    TeamRepository teams(m_db);
    if (auto status = upsert(m_db, teams, Entity::Team, tr("team"), team.value()); !status) {
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
                    m_db,
                    [&]() -> Status {
                        if (auto written = people.insert(person.value()); !written) {
                            return about(tr("person %1").arg(person->name), written.error());
                        }
                        return {};
                    },
                    ChangeRecord{Entity::Person, person->id.toString(), ChangeAction::Create, {}, toJson(*person)});
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
        if (removed.value() || !samePerson(*local.value(), person.value())) {
            if (auto status = writeLogged(
                    m_db,
                    [&]() -> Status {
                        if (auto written = people.update(person.value()); !written) {
                            return about(tr("person %1").arg(person->name), written.error());
                        }
                        return {};
                    },
                    ChangeRecord{Entity::Person, person->id.toString(), ChangeAction::Update, toJson(*local.value()),
                                 toJson(*person)});
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
                    m_db, [&]() -> Status { return people.setRemoved(person.id, m_db.clock().now().toUTC()); },
                    ChangeRecord{Entity::Person, person.id.toString(), ChangeAction::Delete, toJson(person), {}});
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
        if (auto status = upsert(m_db, pools, Entity::Pool, tr("pool %1").arg(pool->name), pool.value()); !status) {
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
                upsert(m_db, rotations, Entity::Rotation, tr("rotation %1").arg(rotation->name), rotation.value());
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
            if (auto status = write(m_db, rotations, Entity::Rotation, tr("rotation %1").arg(rotation.name),
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
            if (auto status = write(m_db, pools, Entity::Pool, tr("pool %1").arg(pool.name), std::optional(pool),
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
                    m_db, [&]() -> Status { return holidays.remove(holiday.id); },
                    ChangeRecord{Entity::Holiday, holiday.id.toString(), ChangeAction::Delete, toJson(holiday), {}});
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
                    m_db, [&]() -> Status { return holidays.remove(gone.id); },
                    ChangeRecord{Entity::Holiday, gone.id.toString(), ChangeAction::Delete, toJson(gone), {}});
                !status) {
                return status;
            }
            local.remove(gone.id);
        }
        if (auto status = writeLogged(
                m_db,
                [&]() -> Status {
                    if (auto written = holidays.insert(holiday); !written) {
                        return about(tr("holiday %1").arg(holiday.name), written.error());
                    }
                    return {};
                },
                ChangeRecord{Entity::Holiday, holiday.id.toString(), ChangeAction::Create, {}, toJson(holiday)});
            !status) {
            return status;
        }
    }
    return {};
}

} // namespace Tandem
