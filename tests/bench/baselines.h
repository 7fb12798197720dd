#pragma once

#include "instances.h"

namespace Tandem::Bench {

/// What on-call tools do today, one person per schedule, run twice (developers, ops).

/// PagerDuty/GoAlert style: per rotation, developers and ops each cycle in a fixed order,
/// independently, ignoring leave. Rotation r starts its ops cycle at member r (staggered), so
/// rotations that share a pool do not all pick the same person on the same day.
QList<Shift> roundRobin(const Instance &instance);

/// LinkedIn oncall style: in time order, each seat goes to the pool member who was on call least
/// recently (never first; ties by roster order), skipping people on leave. No other rule.
QList<Shift> leastRecentlyOnCall(const Instance &instance);

} // namespace Tandem::Bench
