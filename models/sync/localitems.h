#pragma once

#include "domain/ids.h"
#include "domain/result.h"
#include "ical/icalcodec.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace Tandem {

class Database;
struct OutboxEntry;

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
    /// change-log rows. Must run inside a Transaction.
    Status apply(const ResourceRef &ref, const std::optional<QJsonObject> &theirs);
    /// Names, contacts and zones for the iCalendar text.
    Result<IcalDirectory> directory();

private:
    Result<QJsonObject> roster();
    Status applyRoster(const QJsonObject &theirs);
    Status applyShift(const QString &uid, const std::optional<QJsonObject> &theirs);
    Status applyTimeOff(const QString &uid, const std::optional<QJsonObject> &theirs);
    Status applyRequest(const QString &uid, const std::optional<QJsonObject> &theirs);
    Result<bool> shiftInTeam(ShiftId id);

    Database &m_db;
    TeamId m_team;
};

} // namespace Tandem
