#pragma once

#include "domain/ids.h"
#include "domain/result.h"
#include "domain/team.h"
#include "ical/icalcodec.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>
#include <utility>

namespace Tandem {

class Database;
struct OutboxEntry;
struct SyncOffer;

/// A resource of the collection as the local database sees it.
struct ResourceRef
{
    ResourceKind kind = ResourceKind::Shift;
    QString uid;

    friend bool operator==(const ResourceRef &, const ResourceRef &) = default;
};

/// The local side of a team's collection: which resources the team's data makes, their JSON,
/// and writing the server's version back. Everything the sync engine knows of the database
/// beyond its own bookkeeping goes through here.
///
/// What travels for a team: its shifts (rotations of the team), the time off of its members,
/// and one roster resource (the team, its members, its rotations with their rules, the ops
/// pools, the team's holidays) whose uid is the team's id; and the swap and cover requests
/// on its shifts.
class LocalItems
{
public:
    LocalItems(Database &db, TeamId team);

    TeamId team() const { return m_team; }

    /// The resource a changed entity belongs to; nullopt when it is not the team's business.
    /// `known` tells whether the server already has a resource of that uid (deleted entities
    /// are in scope when it does).
    Result<std::optional<ResourceRef>> resourceFor(const QString &entity, const QString &entityId,
                                                   const std::function<bool(const QString &)> &known);
    /// The resource's JSON now; nullopt when it does not exist locally (deleted).
    Result<std::optional<QJsonObject>> current(const ResourceRef &ref);
    /// Every resource the team's data makes now.
    Result<QList<ResourceRef>> all();
    /// Writes the server's version (nullopt: deleted there) through the repositories, with
    /// change-log rows. Must run inside a Transaction. People of the roster that this database
    /// knows under another id are matched by e-mail (case-insensitive) and take the server's
    /// id; local teams, rotations and pools whose names the shared team's take are renamed
    /// (see notes()).
    Status apply(const ResourceRef &ref, const std::optional<QJsonObject> &theirs);
    /// Why the server's version of a resource cannot be written here: the same checks as a
    /// local edit (validation.h), worded with what it is about; empty when it can be written.
    QString problemWith(const ResourceRef &ref, const QJsonObject &theirs) const;
    /// Makes room for the server's roster before it is written: people this database knows
    /// under another id are matched by e-mail and take the shared id; this team's rotations and
    /// pools of the same name as the server's take the shared id too (their shifts follow);
    /// other local teams, rotations and pools of a name the roster takes are renamed. Part of
    /// apply(); called alone before a linked team's roster is merged.
    Status matchRoster(const QJsonObject &theirs);
    /// An all-day event of another client that reads as time off (its summary or a category
    /// says vacation, out of office, time off, leave, PTO...) of someone on the team's roster
    /// (as organizer or attendee, by e-mail): the offer to import it; nullopt when it is not.
    Result<std::optional<SyncOffer>> timeOffOffer(const ResourceData &foreign);
    /// What apply() did beyond writing the server's version, in words ("Renamed your rotation
    /// …"), since the last call to takeNotes().
    QStringList takeNotes() { return std::exchange(m_notes, {}); }
    /// Names, contacts and zones for the iCalendar text.
    Result<IcalDirectory> directory();

private:
    Result<QJsonObject> roster();
    Status applyRoster(const QJsonObject &theirs);
    Status applyShift(const QString &uid, const std::optional<QJsonObject> &theirs);
    Status applyTimeOff(const QString &uid, const std::optional<QJsonObject> &theirs);
    Status applyRequest(const QString &uid, const std::optional<QJsonObject> &theirs);
    Result<bool> shiftInTeam(ShiftId id);
    Status matchPerson(const Person &theirs);
    Status makeRoomForRotation(const Rotation &theirs);
    Status makeRoomForPool(const OpsPool &theirs, const QSet<PoolId> &teamPools);
    Status makeRoomForTeam(const Team &theirs);
    Status applyServices(const QJsonObject &theirs);

    Database &m_db;
    TeamId m_team;
    QStringList m_notes;
};

} // namespace Tandem
