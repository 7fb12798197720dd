#include "baselines.h"

#include <algorithm>
#include <limits>

namespace Tandem::Bench {

namespace {

Shift shiftAt(const Instance &instance, const BenchSlot &slot)
{
    Shift s;
    s.id = slot.id;
    s.rotationId = instance.request.rotations.at(slot.rotation).id;
    s.start = slot.slot.start;
    s.end = slot.slot.end;
    return s;
}

} // namespace

QList<Shift> roundRobin(const Instance &instance)
{
    QList<Shift> shifts;
    QList<int> position(instance.request.rotations.size(), 0);
    for (const BenchSlot &slot : instance.slots) {
        const int r = slot.rotation;
        const QList<int> &devs = instance.devPool.at(r);
        const QList<int> &ops = instance.opsPool.at(r);
        const int i = position[r]++;
        Shift s = shiftAt(instance, slot);
        if (!devs.isEmpty()) {
            s.dev = instance.request.people.at(devs.at(i % devs.size())).id;
        }
        if (!ops.isEmpty()) {
            s.ops = instance.request.people.at(ops.at((i + r) % ops.size())).id;
        }
        shifts.append(s);
    }
    return shifts;
}

QList<Shift> leastRecentlyOnCall(const Instance &instance)
{
    const Planner::PlanRequest &request = instance.request;
    QList<QList<QPair<qint64, qint64>>> leave;
    for (int i = 0; i < request.people.size(); ++i) {
        leave.append(leaveOf(request, i));
    }
    // Slots in time order across rotations (rotation order breaks ties).
    QList<int> order;
    for (int i = 0; i < instance.slots.size(); ++i) {
        order.append(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&instance](int a, int b) { return instance.slots.at(a).start < instance.slots.at(b).start; });
    QList<qint64> lastStart(request.people.size(), std::numeric_limits<qint64>::min());
    QList<Shift> shifts(instance.slots.size());
    auto pick = [&](const QList<int> &pool, const BenchSlot &slot) {
        int best = -1;
        for (int person : pool) {
            const auto &away = leave.at(person);
            if (std::any_of(away.cbegin(), away.cend(), [&slot](const QPair<qint64, qint64> &l) {
                    return l.first < slot.end && l.second > slot.start;
                })) {
                continue;
            }
            if (best < 0 || lastStart.at(person) < lastStart.at(best)) {
                best = person;
            }
        }
        if (best >= 0) {
            lastStart[best] = slot.start;
        }
        return best;
    };
    for (int index : std::as_const(order)) {
        const BenchSlot &slot = instance.slots.at(index);
        Shift s = shiftAt(instance, slot);
        const int dev = pick(instance.devPool.at(slot.rotation), slot);
        const int ops = pick(instance.opsPool.at(slot.rotation), slot);
        if (dev >= 0) {
            s.dev = request.people.at(dev).id;
        }
        if (ops >= 0) {
            s.ops = request.people.at(ops).id;
        }
        shifts[index] = s;
    }
    return shifts;
}

} // namespace Tandem::Bench
