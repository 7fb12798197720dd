#include "checker.h"

#include <algorithm>

namespace Tandem::Bench {

namespace {

struct Booking
{
    qint64 start = 0;
    qint64 end = 0;
    qint64 rest = 0; ///< minimum rest before this shift
    bool dev = false;
    int concurrency = 1;
};

} // namespace

Violations checkSchedule(const Instance &instance, const QList<Shift> &shifts)
{
    const Planner::PlanRequest &request = instance.request;
    Violations v;
    QHash<PersonId, int> indexOf;
    for (int i = 0; i < request.people.size(); ++i) {
        indexOf.insert(request.people.at(i).id, i);
    }
    QHash<RotationId, int> rotationOf;
    for (int r = 0; r < request.rotations.size(); ++r) {
        rotationOf.insert(request.rotations.at(r).id, r);
    }
    QList<QList<QPair<qint64, qint64>>> leave;
    for (int i = 0; i < request.people.size(); ++i) {
        leave.append(leaveOf(request, i));
    }
    std::vector<std::vector<Booking>> bookings(size_t(request.people.size()));

    for (const Shift &s : shifts) {
        const int r = rotationOf.value(s.rotationId, -1);
        if (r < 0) {
            continue;
        }
        const Rotation &rotation = request.rotations.at(r);
        const qint64 start = s.start.toSecsSinceEpoch();
        const qint64 end = s.end.toSecsSinceEpoch();
        for (const bool dev : {true, false}) {
            const PersonId id = dev ? s.dev : s.ops;
            if (id.isNull()) {
                ++v.gaps;
                continue;
            }
            const int person = indexOf.value(id, -1);
            if (person < 0) {
                ++v.access;
                continue;
            }
            const Person &p = request.people.at(person);
            if (!p.active) {
                ++v.access;
            } else if (dev && (p.role != Role::Developer || !p.teams.contains(rotation.teamId))) {
                ++v.access;
            } else if (!dev && (!p.productionAccess || !request.pools.value(rotation.opsPoolId).members.contains(id))) {
                ++v.access;
            }
            const auto &away = leave.at(person);
            if (std::any_of(away.cbegin(), away.cend(),
                            [&](const QPair<qint64, qint64> &l) { return l.first < end && l.second > start; })) {
                ++v.leave;
            }
            const qint64 rest =
                rotation.rules.minRestHours < 0 ? end - start : qint64(rotation.rules.minRestHours) * 3600;
            bookings[size_t(person)].push_back(
                Booking{start, end, rest, dev, std::max(1, rotation.rules.opsConcurrency)});
        }
    }

    for (auto &list : bookings) {
        std::sort(list.begin(), list.end(), [](const Booking &a, const Booking &b) { return a.start < b.start; });
        for (size_t i = 0; i < list.size(); ++i) {
            const Booking &b = list[i];
            bool restBroken = false;
            bool doubleBooked = false;
            int overlapping = 1; // b itself, for the ops concurrency at b's start
            for (size_t j = 0; j < i; ++j) {
                const Booking &a = list[j];
                if (a.end > b.start) {
                    // Overlap: a developer seat allows nothing else; ops seats count against concurrency.
                    if (a.dev || b.dev) {
                        doubleBooked = true;
                    } else {
                        ++overlapping;
                    }
                } else if (b.start - a.end < b.rest) {
                    restBroken = true;
                }
            }
            v.rest += restBroken ? 1 : 0;
            v.doubleBooking += doubleBooked ? 1 : 0;
            v.concurrency += !b.dev && overlapping > b.concurrency ? 1 : 0;
        }
    }
    return v;
}

Minimum minimumChanges(const Instance &instance, bool dev, const QList<Shift> &existing)
{
    const Planner::PlanRequest &request = instance.request;
    const QList<int> &members = dev ? instance.devPool.at(0) : instance.opsPool.at(0);
    const int m = int(members.size());
    QList<QList<QPair<qint64, qint64>>> leave;
    for (int person : members) {
        leave.append(leaveOf(request, person));
    }
    QHash<PersonId, int> memberOf;
    for (int k = 0; k < m; ++k) {
        memberOf.insert(request.people.at(members.at(k)).id, k);
    }
    QHash<ShiftId, Shift> before;
    for (const Shift &s : existing) {
        before.insert(s.id, s);
    }
    // A gap costs Big, a change 1; a person on leave can never hold the seat (Never, far above
    // any real cost: the empty seat is always possible, so the minimum is always real).
    constexpr qint64 Big = qint64(1) << 20;
    constexpr qint64 Never = qint64(1) << 50;
    const int gap = m; // state index of an empty seat
    std::vector<qint64> cost(size_t(m + 1), 0);
    std::vector<qint64> next(size_t(m + 1), 0);
    for (int i = 0; i < instance.slots.size(); ++i) {
        const BenchSlot &slot = instance.slots.at(i);
        if (i > 0) {
            const BenchSlot &previous = instance.slots.at(i - 1);
            const Rotation &r = request.rotations.at(slot.rotation);
            const qint64 rest = r.rules.minRestHours < 0 ? slot.end - slot.start : qint64(r.rules.minRestHours) * 3600;
            // The DP sees only the previous seat: one further back must never clash.
            if (i > 1 && slot.start - instance.slots.at(i - 2).end < rest) {
                qFatal("minimumChanges: the rest rule reaches two seats back");
            }
            Q_UNUSED(previous);
        }
        const PersonId held = before.value(slot.id).seat(dev ? Seat::Dev : Seat::Ops);
        const int heldBy = held.isNull() ? gap : memberOf.value(held, -2);
        // The best cost up to the previous seat, and the best two (to exclude the same person).
        qint64 best = Never;
        int bestState = -1;
        qint64 second = Never;
        for (int q = 0; q <= m; ++q) {
            if (cost[size_t(q)] < best) {
                second = best;
                best = cost[size_t(q)];
                bestState = q;
            } else if (cost[size_t(q)] < second) {
                second = cost[size_t(q)];
            }
        }
        for (int p = 0; p <= m; ++p) {
            const bool away =
                p < m && std::any_of(leave.at(p).cbegin(), leave.at(p).cend(), [&slot](const QPair<qint64, qint64> &l) {
                    return l.first < slot.end && l.second > slot.start;
                });
            if (away) {
                next[size_t(p)] = Never;
                continue;
            }
            // The same person in two neighbouring seats breaks the rest rule; a gap never does.
            const qint64 upTo = i == 0 ? 0 : (p < m && bestState == p ? second : best);
            next[size_t(p)] = upTo + (p == gap ? Big : 0) + (p == heldBy ? 0 : 1);
        }
        std::swap(cost, next);
    }
    const qint64 total = *std::min_element(cost.cbegin(), cost.cend());
    return Minimum{int(total / Big), int(total % Big)};
}

} // namespace Tandem::Bench
