#pragma once

#include "planner.h"
#include "rules.h"

#include <optional>

namespace Tandem::Planner {

/// Why `person` cannot shadow `shift` (Shift::shadow): a seat of the same shift, leave, another
/// shift of theirs at the same time (any seat, or shadowing), too little rest before or after
/// one (the rotation's rest rule), inactive. `theirShifts` are the person's other shifts around
/// it (any rotation, any seat or shadow; the shift itself is skipped); `timeOff` theirs.
/// A shadow carries no load and no production access, so the rules of the working seats
/// (access, pairs, the 4-week cap, fairness) do not apply.
std::optional<Violation> checkShadow(const Shift &shift, const Person &person, const Rotation &rotation,
                                     const QList<TimeOff> &timeOff, const QList<Shift> &theirShifts);

/// Fills the shadow seats of a plan for the onboarding developers of its rotations
/// (RotationRules::trainees, up to RotationRules::shadowShiftsNeeded shadow shifts each,
/// counting the shadow shifts of `request.existing` and the fixed shifts of the plan).
/// Past, locked and frozen shifts keep their shadow; other shadows stay where they are still
/// allowed and still needed. Each trainee then gets, earliest first, the shift whose
/// (developer, ops) pair they have shadowed least, then whose developer and ops they have met
/// least, so that they see as many people as the plan has. Shifts with an empty seat, and
/// shifts that started before `request.now`, get no new shadow. Deterministic. A shift whose
/// shadow changes is marked Changed.
void planShadows(const PlanRequest &request, QList<PlannedShift> &shifts);

} // namespace Tandem::Planner
