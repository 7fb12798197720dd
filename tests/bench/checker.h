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

/// The fewest empty seats, then the fewest changed seats, of one pool's seats after new leave:
/// a DP over the seats in time order whose state is who holds the previous seat (in these
/// instances the rest rule is one shift length, so only neighbouring seats can clash). The
/// pairing rules are left out: the figure is a lower bound on what any plan must change.
struct Minimum
{
    int gaps = 0;
    int changes = 0;
};

/// For the quality harness and the planner's churn tests: `dev` the developer pool, else the ops
/// pool of the instance's first rotation; `existing` the plan before the new leave (one shift per slot).
Minimum minimumChanges(const Instance &instance, bool dev, const QList<Shift> &existing);

} // namespace Tandem::Bench
