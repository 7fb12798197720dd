#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/shift.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace Tandem {

class Database;

/// One of a person's shifts as they see it: the rotation (name and zone), the seat they hold,
/// both people, their partner and the handoff note the pair before left.
struct MyShift
{
    Shift shift;
    Rotation rotation;
    Seat seat = Seat::Dev;         ///< the seat the person holds
    std::optional<Person> dev;     ///< null: an empty seat
    std::optional<Person> ops;     ///< null: an empty seat
    std::optional<Person> partner; ///< the other seat; null when it is empty (a gap)
    std::optional<Shift> previous; ///< the shift of the same rotation before this one
    QString handoffNote;           ///< the previous shift's note (what the pair before left)
    std::optional<Person> noteDev; ///< who left it
    std::optional<Person> noteOps; ///< who left it

    bool isUnderway(const QDateTime &now) const { return shift.start <= now && now < shift.end; }
};

/// Who is on call for one rotation at a moment, or why nobody is.
struct OnCall
{
    Rotation rotation;
    std::optional<Shift> shift;    ///< null: the rotation has no shift now (a gap in the plan)
    std::optional<Person> dev;     ///< null: the dev seat is empty
    std::optional<Person> ops;     ///< null: the ops seat is empty
    std::optional<Shift> next;     ///< the next shift that starts after now, if planned
    std::optional<Person> nextDev; ///< who takes over (null: an empty seat, or no next shift)
    std::optional<Person> nextOps;

    bool hasGap() const { return !shift || !dev || !ops; }
    /// When the current pair hands over (the end of the shift), or null without a shift.
    QDateTime handoff() const { return shift ? shift->end : QDateTime(); }
};

/// What an engineer asks Tandem: my next shift and with whom, my shifts to come, who is on
/// call now. Reads only; "now" is a parameter so callers pass their Clock's time (tests a
/// FakeClock's). The home page, the reminders and the command line call these, so each answer
/// costs a query per rotation (or per shift shown), not per person: the people named are read
/// together at the end.
class EngineerService
{
public:
    explicit EngineerService(Database &db) : m_db(db) {}

    /// The shift the person holds a seat in that is under way at `now`, else the next one to
    /// start; nothing when they have none planned.
    Result<std::optional<MyShift>> nextShift(PersonId person, const QDateTime &now) const;
    /// The person's shifts that end after `now` and start before `now` + `months`, by start.
    Result<QList<MyShift>> upcoming(PersonId person, const QDateTime &now, int months = 3) const;
    /// The person's shift under way at `now`, else the last one that ended: where they leave
    /// their handoff note.
    Result<std::optional<MyShift>> currentOrLastShift(PersonId person, const QDateTime &now) const;
    /// A shift as `person` sees it (the seat they hold, the partner, the note before it).
    Result<MyShift> describe(const Shift &shift, PersonId person) const;
    /// Every rotation in use (or only `rotation` when set), by name: the pair on call at `now`.
    Result<QList<OnCall>> onCallNow(const QDateTime &now, RotationId rotation = {}) const;

private:
    /// The shifts as `person` sees them: their rotations once each, the pair before each.
    Result<QList<MyShift>> describeAll(const QList<Shift> &shifts, PersonId person) const;
    /// The people with these ids (removed ones too); ids nobody has are left out.
    Result<QHash<PersonId, Person>> people(const QSet<PersonId> &ids) const;

    Database &m_db;
};

} // namespace Tandem
