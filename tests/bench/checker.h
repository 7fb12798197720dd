#pragma once

#include "instances.h"

namespace Tandem::Bench {

/// Hard-rule violations of a schedule, counted without the planner's RuleBook: the bench's own
/// reading of the rules, so that a planner bug cannot hide itself.
struct Violations
{
    int leave = 0;         ///< seats held by someone on leave during the shift
    int rest = 0;          ///< shifts that start less than the minimum rest after the same person's previous shift
    int doubleBooking = 0; ///< overlapping shifts of one person where either seat is a developer seat
    int concurrency = 0;   ///< ops seats beyond the rotation's ops concurrency at that time
    int access = 0;        ///< ops seat without production access or outside the pool; dev seat outside the team
    int gaps = 0;          ///< empty seats (not a violation; reported beside them)

    int total() const { return leave + rest + doubleBooking + concurrency + access; }
};

/// Checks `shifts` (one per slot of the instance; empty seats allowed) against the instance.
Violations checkSchedule(const Instance &instance, const QList<Shift> &shifts);

} // namespace Tandem::Bench
