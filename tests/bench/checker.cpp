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

} // namespace Tandem::Bench
