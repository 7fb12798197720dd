#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/shift.h"

#include <QList>

#include <functional>

namespace Tandem {

class Database;

/// Where one developer onboarding into a rotation stands.
struct TraineeProgress
{
    Person person;
    int done = 0;      ///< shadow shifts of the rotation that ended
    int scheduled = 0; ///< shadow shifts of the rotation not ended yet (planned, under way)
    int needed = 0;    ///< the rotation's RotationRules::shadowShiftsNeeded

    /// Enough shadow shifts done: a lead may confirm them into the rotation.
    bool isReady() const { return done >= needed; }
};

/// Onboarding by shadowing: who is learning a rotation (RotationRules::trainees), how far they
/// are, taking them in and confirming them into the developer seat when they are ready. Rotation
/// changes go through RotationService (validation, change log); the GUI and the CLI call these.
class OnboardingService
{
public:
    explicit OnboardingService(Database &db) : m_db(db) {}

    /// The rotation's trainees in list order, with their progress (now from the database's clock).
    Result<QList<TraineeProgress>> progress(RotationId rotation) const;
    /// One trainee's progress; an error when they are not onboarding in the rotation.
    Result<TraineeProgress> progressOf(RotationId rotation, PersonId person) const;
    /// Puts a developer of the rotation's team on its onboarding list: the planner schedules
    /// them into shadow seats and no longer into the developer seat.
    Status onboard(RotationId rotation, PersonId person);
    /// A ready trainee leaves the onboarding list and joins the rotation's developer seat
    /// choices. Refused, naming their progress, before they have done enough shadow shifts.
    Status confirm(RotationId rotation, PersonId person);
    /// Takes a developer off the onboarding list without confirming (a mistake, a change of plan).
    Status withdraw(RotationId rotation, PersonId person);
    /// Sets how many shadow shifts a new developer of the rotation needs (0: no onboarding).
    Status setShadowShiftsNeeded(RotationId rotation, int count);
    /// The shifts `person` shadows over [from, to), any rotation, by start.
    Result<QList<Shift>> shadowed(PersonId person, const QDateTime &from, const QDateTime &to) const;
    /// What Home tells `person` about their onboarding, in words: the next shift they shadow
    /// ("You shadow Dana Dev and Olga Ops on Tue 24 Mar 09:00 in Payments primary.") and their
    /// progress in each rotation they are onboarding in ("Payments primary: 3 of 5 shadow
    /// shifts done, 1 more planned."). Empty when they neither shadow nor onboard.
    Result<QStringList> summaryFor(PersonId person, const QDateTime &now) const;

private:
    Result<Rotation> rotation(RotationId id) const;
    /// One transaction: reads the rotation, lets `change` check and edit it (its error refuses
    /// the edit), writes it through RotationService (logged, one undo step for the caller).
    Status editRotation(RotationId id, const std::function<Status(Rotation &)> &change);
    Database &m_db;
};

/// Whether `shift` (as it would be written) may have its shadow (Shift::shadow, set): the
/// planner's shadow rules (planner/shadows.h) over the person's leave and their other shifts in
/// the database. ShiftService::setShadow and the sync ask it.
Status checkShadowSeat(Database &db, const Shift &shift);

} // namespace Tandem
