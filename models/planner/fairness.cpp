// The fairness figures of a RuleBook: loads against targets, the objective the planner
// minimises, and the summary a plan reports.
#include "rules.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace Tandem::Planner {

// --- fairness -----------------------------------------------------------------------------------

double RuleBook::load(int person) const
{
    double sum = 0;
    for (int index : m_people.at(person).entry) {
        sum += m_entries[index].load;
    }
    return sum;
}

double RuleBook::target(int person) const
{
    double sum = 0;
    for (int index : m_people.at(person).entry) {
        sum += m_entries[index].target;
    }
    return sum;
}

double RuleBook::load(int person, int pool) const
{
    const int index = m_people.at(person).entry.value(pool, -1);
    return index < 0 ? 0 : m_entries[index].load;
}

double RuleBook::target(int person, int pool) const
{
    const int index = m_people.at(person).entry.value(pool, -1);
    return index < 0 ? 0 : m_entries[index].target;
}

double RuleBook::progressAt(int slot, Seat seat) const
{
    const int poolIndex = m_slots.at(slot).pool[int(seat)];
    if (poolIndex < 0) {
        return 1.0;
    }
    const PoolState &pool = m_pools.at(poolIndex);
    if (pool.totalWeight <= 0) {
        return 1.0;
    }
    const qint64 start = m_slots.at(slot).slot.start.toSecsSinceEpoch();
    auto it = std::upper_bound(pool.cumulative.cbegin(), pool.cumulative.cend(), start,
                               [](qint64 value, const std::pair<qint64, double> &c) { return value < c.first; });
    if (it == pool.cumulative.cbegin()) {
        return 0;
    }
    return std::prev(it)->second / pool.totalWeight;
}

double RuleBook::poolMeanLoad(int pool) const
{
    const PoolState &p = m_pools.at(pool);
    if (p.members.isEmpty()) {
        return 0;
    }
    double sum = 0;
    for (int person : p.members) {
        sum += load(person, pool);
    }
    return sum / double(p.members.size());
}

QList<QPair<int, int>> RuleBook::entriesByDeviation() const
{
    const std::vector<Entry> &entries = m_entries;
    QList<int> order;
    for (int i = 0; i < int(entries.size()); ++i) {
        order.append(i);
    }
    std::sort(order.begin(), order.end(), [&entries](int a, int b) {
        const double da = entries[a].load - entries[a].target;
        const double db = entries[b].load - entries[b].target;
        return da > db || (da == db && a < b);
    });
    QList<QPair<int, int>> result;
    for (int i : order) {
        result.append({entries[i].person, entries[i].pool});
    }
    return result;
}

Objective RuleBook::objective() const
{
    Objective o;
    for (const Entry &e : m_entries) {
        const double d = e.load - e.target;
        o.maxDeviation = std::max(o.maxDeviation, std::abs(d));
        o.sumSquares += d * d;
    }
    for (auto it = m_pairs.cbegin(); it != m_pairs.cend(); ++it) {
        o.maxPairCount = std::max(o.maxPairCount, it.value());
    }
    o.distinctPairs = int(m_pairs.size());
    return o;
}

Objective RuleBook::objectiveAfterMove(int slot, Seat seat, int from, int to) const
{
    const SlotState &s = m_slots.at(slot);
    const int pool = s.pool[int(seat)];
    const double w = s.counts ? s.weight : 0;
    const int fromEntry = m_people.at(from).entry.value(pool, -1);
    const int toEntry = m_people.at(to).entry.value(pool, -1);
    Objective o;
    const std::vector<Entry> &entries = m_entries;
    for (int i = 0; i < int(entries.size()); ++i) {
        double d = entries[i].load - entries[i].target;
        if (i == fromEntry) {
            d -= w;
        }
        if (i == toEntry) {
            d += w;
        }
        o.maxDeviation = std::max(o.maxDeviation, std::abs(d));
        o.sumSquares += d * d;
    }
    return o;
}

FairnessSummary RuleBook::summary() const
{
    FairnessSummary summary;
    summary.objective = objective();
    const std::vector<Entry> &entries = m_entries;
    QHash<int, int> rowOf; // entry -> row in summary.people
    for (int i = 0; i < int(entries.size()); ++i) {
        const Entry &e = entries[i];
        PersonFigures f;
        f.person = m_people.at(e.person).person.id;
        f.role = m_pools.at(e.pool).role;
        f.pool = m_pools.at(e.pool).name;
        f.load = e.load;
        f.fairShare = e.target;
        rowOf.insert(i, int(summary.people.size()));
        summary.people.append(f);
    }
    for (const SlotState &s : m_slots) {
        if (!s.counts) {
            continue;
        }
        for (int seat = 0; seat < 2; ++seat) {
            const int person = s.seat[seat];
            if (person < 0 || s.pool[seat] < 0) {
                continue;
            }
            const int entry = m_people.at(person).entry.value(s.pool[seat], -1);
            if (entry < 0) {
                continue;
            }
            PersonFigures &f = summary.people[rowOf.value(entry)];
            ++f.shifts;
            f.weekends += s.weekend ? 1 : 0;
            f.holidays += s.holiday ? 1 : 0;
            f.nights += s.night ? 1 : 0;
            const int partner = s.seat[1 - seat];
            if (partner >= 0) {
                ++f.partners[m_people.at(partner).person.id];
            }
        }
    }
    // By pool (developers first), then by name: how a lead reads the table.
    std::stable_sort(
        summary.people.begin(), summary.people.end(), [this](const PersonFigures &a, const PersonFigures &b) {
            if (a.role != b.role) {
                return a.role == Role::Developer;
            }
            if (a.pool != b.pool) {
                return a.pool < b.pool;
            }
            return m_people.at(personIndex(a.person)).person.name < m_people.at(personIndex(b.person)).person.name;
        });
    for (auto it = m_pairs.cbegin(); it != m_pairs.cend(); ++it) {
        summary.pairs.insert({m_people.at(it.key().first).person.id, m_people.at(it.key().second).person.id},
                             it.value());
    }
    for (int p = 0; p < int(m_pools.size()); ++p) {
        PoolFigures figures;
        figures.name = m_pools.at(p).name;
        figures.role = m_pools.at(p).role;
        bool first = true;
        for (const Entry &e : entries) {
            if (e.pool != p) {
                continue;
            }
            figures.minLoad = first ? e.load : std::min(figures.minLoad, e.load);
            figures.maxLoad = first ? e.load : std::max(figures.maxLoad, e.load);
            figures.maxDeviation = std::max(figures.maxDeviation, std::abs(e.load - e.target));
            first = false;
        }
        summary.pools.append(figures);
    }
    // Spacing: the shortest rest between two counted shifts of one person.
    double minGap = -1;
    for (const PersonState &p : m_people) {
        qint64 lastEnd = std::numeric_limits<qint64>::min();
        for (const Booking &b : p.bookings) {
            if (!m_slots.at(b.slot).counts) {
                continue;
            }
            if (lastEnd != std::numeric_limits<qint64>::min() && b.start >= lastEnd) {
                const double gap = double(b.start - lastEnd) / 3600.0;
                minGap = minGap < 0 ? gap : std::min(minGap, gap);
            }
            lastEnd = std::max(lastEnd, b.end);
        }
    }
    summary.objective.minSpacingHours = std::max(0.0, minGap);
    return summary;
}

} // namespace Tandem::Planner
