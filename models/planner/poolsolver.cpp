#include "poolsolver.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Tandem::Planner {

namespace {

constexpr double Epsilon = 1e-9;
/// Beyond this many distinct sums a set keeps only the range it spans (a weaker, still valid bound).
constexpr size_t MaxSums = 1024;

/// Loads one person can still add: the distinct sums of conflict-free subsets of their seats.
struct Sums
{
    std::vector<double> values; ///< sorted; with `range` just {lowest, highest}
    bool range = false;

    /// The smallest and the largest sum in [lo, hi] (lowest > highest when there is none).
    std::pair<double, double> within(double lo, double hi) const
    {
        if (range) {
            return {std::max(lo, values[0]), std::min(hi, values[1])};
        }
        const auto first = std::lower_bound(values.cbegin(), values.cend(), lo - Epsilon);
        const auto last = std::upper_bound(values.cbegin(), values.cend(), hi + Epsilon);
        if (first >= last) {
            return {1.0, 0.0};
        }
        return {*first, *std::prev(last)};
    }

    double distance(double x) const
    {
        if (range) {
            return x < values[0] ? values[0] - x : x > values[1] ? x - values[1] : 0.0;
        }
        const auto it = std::lower_bound(values.cbegin(), values.cend(), x - Epsilon);
        double d = std::numeric_limits<double>::infinity();
        if (it != values.cend()) {
            d = std::abs(*it - x);
        }
        if (it != values.cbegin()) {
            d = std::min(d, std::abs(x - *std::prev(it)));
        }
        return d;
    }
};

Sums unite(const Sums &skip, const Sums &take, double weight)
{
    Sums result;
    if (skip.range || take.range || skip.values.size() + take.values.size() > MaxSums) {
        const double lo = std::min(skip.values.front(), take.values.front() + weight);
        const double hi = std::max(skip.values.back(), take.values.back() + weight);
        result.values = {lo, hi};
        result.range = true;
        return result;
    }
    result.values.reserve(skip.values.size() + take.values.size());
    auto a = skip.values.cbegin();
    auto b = take.values.cbegin();
    auto push = [&result](double v) {
        if (result.values.empty() || v > result.values.back() + Epsilon) {
            result.values.push_back(v);
        }
    };
    while (a != skip.values.cend() || b != take.values.cend()) {
        if (b == take.values.cend() || (a != skip.values.cend() && *a <= *b + weight)) {
            push(*a++);
        } else {
            push(*b++ + weight);
        }
    }
    return result;
}

class Search
{
public:
    explicit Search(const PoolSolver::Input &input) : m_in(input)
    {
        m_n = int(input.weight.size());
        m_m = int(input.need.size());
        order();
        m_load.assign(size_t(m_m), 0.0);
        m_held.assign(size_t(m_m), 0);
        m_holder.assign(size_t(m_n), -1);
        m_forced.assign(size_t(m_n) + 1, 0);
        m_fill.assign(size_t(m_n) + 1, 0.0);
        for (int i = m_n - 1; i >= 0; --i) {
            const bool nobody = m_eligible[size_t(i)].empty();
            m_forced[size_t(i)] = m_forced[size_t(i) + 1] + (nobody ? 1 : 0);
            m_fill[size_t(i)] = m_fill[size_t(i) + 1] + (nobody ? 0.0 : m_weight[size_t(i)]);
        }
        m_churn = int(m_previous.size()) == m_n;
        m_forcedChanges.assign(size_t(m_n) + 1, 0);
        if (m_churn) {
            // A seat whose former holder may not take it any more changes in any case.
            for (int i = m_n - 1; i >= 0; --i) {
                const int before = m_previous[size_t(i)];
                const auto &eligible = m_eligible[size_t(i)];
                const bool forced =
                    before >= 0 && std::find(eligible.cbegin(), eligible.cend(), before) == eligible.cend();
                m_forcedChanges[size_t(i)] = m_forcedChanges[size_t(i) + 1] + (forced ? 1 : 0);
            }
        }
        // Per position: the weights of the seats from there on that someone may take, lightest and
        // heaviest first, summed: what k empty seats among them can leave out at least and at most.
        m_lightest.assign(size_t(m_n) + 1, {0.0});
        m_heaviest.assign(size_t(m_n) + 1, {0.0});
        for (int i = 0; i < m_n; ++i) {
            std::vector<double> ws;
            for (int j = i; j < m_n; ++j) {
                if (!m_eligible[size_t(j)].empty()) {
                    ws.push_back(m_weight[size_t(j)]);
                }
            }
            std::sort(ws.begin(), ws.end());
            for (double w : ws) {
                m_lightest[size_t(i)].push_back(m_lightest[size_t(i)].back() + w);
            }
            for (auto it = ws.crbegin(); it != ws.crend(); ++it) {
                m_heaviest[size_t(i)].push_back(m_heaviest[size_t(i)].back() + *it);
            }
        }
        ceilings();
        reachable();
        if (!m_churn) {
            twins(); // the former holders make people differ
        } else {
            m_twin.assign(size_t(m_m), -1);
        }
    }

    PoolSolver::Result run() { return m_churn ? runChurn() : runOptimum(); }

private:
    enum class Outcome { Found, Infeasible, Unknown };

    /// The fewest gaps, then the smallest largest deviation: a search for an assignment with at
    /// most G gaps and a deviation of at most Z, for the fewest G and then, by bisection, the
    /// smallest Z among the deviations a person can end with. A narrow Z lets the reachable
    /// loads prune hard, which a search that starts from the best plan known cannot.
    PoolSolver::Result runOptimum()
    {
        PoolSolver::Result result;
        const double root = std::max(m_in.floor, bound(0));
        result.bound = root;
        result.fewestGaps = m_forced[0];
        if (int(m_in.start.size()) == m_n) {
            m_best = permuted(m_in.start);
        } else {
            m_best.assign(size_t(m_n), -1);
        }
        m_bestGaps = int(std::count(m_best.cbegin(), m_best.cend(), -1));
        m_bestZ = deviationOf(m_best);
        qint64 budget = m_in.nodeLimit;
        bool complete = true;

        // 1. The fewest gaps: by a DP over the seats where one person's clashes reach only a
        // seat or two back (one rotation), else by search.
        int gaps = m_bestGaps;
        const std::vector<int> covering = fewestGapsByDp();
        if (!covering.empty()) {
            const int fewest = int(std::count(covering.cbegin(), covering.cend(), -1));
            if (fewest < gaps) {
                m_best = permuted(covering);
                m_bestGaps = fewest;
                m_bestZ = deviationOf(m_best);
                gaps = fewest;
            }
        }
        for (int g = m_forced[0]; covering.empty() && g < gaps; ++g) {
            const Outcome outcome = decide(std::numeric_limits<double>::infinity(), g, budget / 2, budget);
            if (outcome == Outcome::Found) {
                gaps = g;
                break;
            }
            if (outcome == Outcome::Unknown) {
                complete = false;
                break;
            }
            result.fewestGaps = g + 1;
        }
        if (complete) {
            result.fewestGaps = gaps;
        }
        m_fewest = result.fewestGaps;

        // 2. The smallest deviation with that many gaps, by bisection over the values it can take.
        std::vector<double> values{m_in.floor};
        for (int p = 0; p < m_m; ++p) {
            const Sums &s = m_sums[size_t(p)][0];
            if (s.range) {
                continue; // too many to list: the bisection skips this person's values
            }
            for (double v : s.values) {
                values.push_back(std::max(m_in.floor, std::abs(m_in.need[size_t(p)] - v)));
            }
        }
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end(), [](double a, double b) { return b - a < Epsilon; }),
                     values.end());
        values.erase(std::remove_if(values.begin(), values.end(),
                                    [&](double v) { return v < root - Epsilon || v > m_bestZ - Epsilon; }),
                     values.end());
        size_t lo = 0;
        size_t hi = values.size(); // hi: the best found so far
        double proven = root;
        bool top = true;
        while (lo < hi) {
            const size_t mid = top ? hi - 1 : (lo + hi) / 2;
            const Outcome outcome = decide(values[mid], gaps, budget / 2, budget);
            if (outcome == Outcome::Found) {
                hi = size_t(std::lower_bound(values.cbegin(), values.cend(), m_bestZ - Epsilon) - values.cbegin());
                hi = std::min(hi, mid);
                top = !top;
            } else if (outcome == Outcome::Infeasible) {
                proven = std::max(proven, mid + 1 < values.size() ? values[mid + 1] : m_bestZ);
                lo = mid + 1;
                top = !top;
            } else if (top) {
                top = false;
            } else {
                complete = false;
                lo = mid + 1;
            }
        }
        result.nodes = m_in.nodeLimit - budget;
        result.complete = complete;
        result.assignment = inTimeOrder(m_best);
        result.gaps = m_bestGaps;
        result.maxDeviation = m_bestZ;
        result.bound = complete ? m_bestZ : std::min(proven, m_bestZ);
        return result;
    }

    /// An assignment (in time order) with the fewest empty seats, or empty where the clashes
    /// reach further than two seats back or the states would be too many. The state is who
    /// holds the last one or two seats; the fewest gaps is exact for the seats as given. With
    /// `churn`, the fewest seats changed against `previous` among those (fairness ignored).
    std::vector<int> fewestGapsByDp(bool churn = false) const
    {
        int window = 1;
        for (int i = 0; i < m_n; ++i) {
            for (int j : m_in.conflicts[size_t(i)]) {
                window = std::max(window, i - j);
            }
        }
        const int base = m_m + 1; // holder + 1: 0 is an empty seat
        const int states = window == 1 ? base : base * base;
        if (window > 2 || qint64(states) * m_n > 4000000) {
            return {};
        }
        // A gap costs Big, a changed seat 1: the fewest gaps first, then the fewest changes.
        constexpr qint64 Infinite = std::numeric_limits<qint64>::max() / 4;
        constexpr qint64 Big = qint64(1) << 32;
        auto changeCost = [&](int i, int person) -> qint64 {
            const int before = churn ? m_in.previous[size_t(i)] : -2;
            return before != -2 && before != person ? 1 : 0;
        };
        std::vector<qint64> cost(size_t(states), Infinite);
        cost[0] = 0;
        std::vector<std::vector<int>> parent(size_t(m_n), std::vector<int>(size_t(states), -1));
        for (int i = 0; i < m_n; ++i) {
            std::vector<qint64> next(size_t(states), Infinite);
            const auto &clash = m_in.conflicts[size_t(i)];
            for (int state = 0; state < states; ++state) {
                if (cost[size_t(state)] >= Infinite) {
                    continue;
                }
                const int last = state % base - 1;                      // holder of seat i - 1
                const int before = window == 2 ? state / base - 1 : -1; // holder of seat i - 2
                auto step = [&](int person, qint64 extra) {
                    const int to = window == 1 ? person + 1 : (person + 1) + base * (last + 1);
                    if (cost[size_t(state)] + extra < next[size_t(to)]) {
                        next[size_t(to)] = cost[size_t(state)] + extra;
                        parent[size_t(i)][size_t(to)] = state;
                    }
                };
                for (int p : m_in.eligible[size_t(i)]) {
                    bool ok = true;
                    for (int j : clash) {
                        ok = ok && !((i - j == 1 && last == p) || (i - j == 2 && before == p));
                    }
                    if (ok) {
                        step(p, changeCost(i, p));
                    }
                }
                step(-1, Big + changeCost(i, -1));
            }
            cost = std::move(next);
        }
        int state = int(std::min_element(cost.cbegin(), cost.cend()) - cost.cbegin());
        std::vector<int> assignment(size_t(m_n), -1);
        for (int i = m_n - 1; i >= 0; --i) {
            assignment[size_t(i)] = state % base - 1;
            state = parent[size_t(i)][size_t(state)];
        }
        return assignment;
    }

    Outcome decide(double z, int gaps, qint64 limit, qint64 &budget)
    {
        if (m_in.floor > z + Epsilon) {
            return Outcome::Infeasible;
        }
        std::fill(m_load.begin(), m_load.end(), 0.0);
        std::fill(m_held.begin(), m_held.end(), 0);
        std::fill(m_holder.begin(), m_holder.end(), -1);
        m_nodes = 0;
        m_limit = std::max<qint64>(1, limit);
        m_aborted = false;
        const bool found = fits(0, 0, z, gaps);
        budget -= m_nodes;
        if (found) {
            m_best = m_holder;
            m_bestGaps = int(std::count(m_best.cbegin(), m_best.cend(), -1));
            m_bestZ = deviationOf(m_best);
            return Outcome::Found;
        }
        return m_aborted ? Outcome::Unknown : Outcome::Infeasible;
    }

    /// Depth first: an assignment of seats i.. with at most `maxGaps` gaps in all and every
    /// person within `z` of their share; leaves it in m_holder.
    bool fits(int i, int gaps, double z, int maxGaps)
    {
        if (++m_nodes > m_limit) {
            m_aborted = true;
            return false;
        }
        const int atLeast = gaps + m_forced[size_t(i)];
        if (atLeast > maxGaps || bound(i) > z + Epsilon) {
            return false;
        }
        if (std::isfinite(z)) {
            double needed = 0;
            double room = 0;
            for (int p = 0; p < m_m; ++p) {
                const Sums &s = m_sums[size_t(p)][size_t(m_firstFrom[size_t(p)][size_t(i)])];
                const auto [lo, hi] = s.within(
                    m_in.need[size_t(p)] - z - m_load[size_t(p)],
                    std::min(m_in.need[size_t(p)] + z - m_load[size_t(p)], m_ceiling[size_t(p)][size_t(i)] + Epsilon));
                if (lo > hi) {
                    return false;
                }
                needed += lo;
                room += hi;
            }
            // Every assignment has at least m_fewest gaps: the seats from i on leave at least the
            // lightest of those still to come empty, at most as many as maxGaps allows.
            const auto &light = m_lightest[size_t(i)];
            const auto &heavy = m_heaviest[size_t(i)];
            const int fewer = std::clamp(m_fewest - atLeast, 0, int(light.size()) - 1);
            const int more = std::clamp(maxGaps - atLeast, 0, int(heavy.size()) - 1);
            if (needed > m_fill[size_t(i)] - light[size_t(fewer)] + Epsilon ||
                room < m_fill[size_t(i)] - heavy[size_t(more)] - Epsilon) {
                return false;
            }
        }
        if (i == m_n) {
            return true;
        }
        const double w = m_weight[size_t(i)];
        std::vector<int> order;
        for (int p : m_eligible[size_t(i)]) {
            if (m_twin[size_t(p)] >= 0 && m_held[size_t(p)] == 0 && m_held[size_t(m_twin[size_t(p)])] == 0) {
                continue;
            }
            bool clash = false;
            for (int earlier : m_clash[size_t(i)]) {
                clash = clash || m_holder[size_t(earlier)] == p;
            }
            if (!clash && m_load[size_t(p)] + w - m_in.need[size_t(p)] <= z + Epsilon) {
                order.push_back(p);
            }
        }
        std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
            return m_in.need[size_t(a)] - m_load[size_t(a)] > m_in.need[size_t(b)] - m_load[size_t(b)];
        });
        for (int p : order) {
            m_holder[size_t(i)] = p;
            m_load[size_t(p)] += w;
            ++m_held[size_t(p)];
            if (fits(i + 1, gaps, z, maxGaps)) {
                return true;
            }
            --m_held[size_t(p)];
            m_load[size_t(p)] -= w;
            m_holder[size_t(i)] = -1;
            if (m_aborted) {
                return false;
            }
        }
        return fits(i + 1, gaps + 1, z, maxGaps);
    }

    PoolSolver::Result runChurn()
    {
        PoolSolver::Result result;
        result.fewestGaps = m_forced[0];
        result.bound = std::max(m_in.floor, bound(0));
        const std::vector<int> start = permuted(m_in.start);
        if (int(start.size()) == m_n && deviationOf(start) <= m_in.ceiling + Epsilon) {
            m_best = start;
            m_bestGaps = int(std::count(start.cbegin(), start.cend(), -1));
            m_bestZ = deviationOf(start);
            m_bestChanges = changesOf(start);
        }
        // The fewest gaps and then changes by the DP where it applies (fairness ignored): a strong
        // first answer, which the search then only has to beat on fairness.
        const std::vector<int> cheapest = fewestGapsByDp(true);
        if (!cheapest.empty()) {
            const std::vector<int> seed = permuted(cheapest);
            const int gaps = int(std::count(seed.cbegin(), seed.cend(), -1));
            const double z = deviationOf(seed);
            if (z <= m_in.ceiling + Epsilon && better(gaps, changesOf(seed), z)) {
                m_best = seed;
                m_bestGaps = gaps;
                m_bestZ = z;
                m_bestChanges = changesOf(seed);
            }
        }
        m_limit = m_in.nodeLimit;
        dfs(0, 0, 0);
        result.nodes = m_nodes;
        result.complete = !m_aborted;
        if (m_bestGaps == std::numeric_limits<int>::max()) {
            return result; // no assignment at all (cannot happen: every seat may stay empty)
        }
        result.assignment = inTimeOrder(m_best);
        result.gaps = m_bestGaps;
        result.maxDeviation = m_bestZ;
        result.changes = m_bestChanges;
        if (result.complete && !m_churn) {
            result.bound = m_bestZ;
            result.fewestGaps = m_bestGaps;
        }
        return result;
    }

private:
    /// The order the search takes the seats in: the rarest weights first (holidays, weekends),
    /// then the common ones, each in time order. Once the rare seats are placed, how many of
    /// the common ones each person still needs is nearly fixed, and the counts prune hard.
    void order()
    {
        std::vector<int> group(size_t(m_n), 0);
        std::vector<double> weights;
        std::vector<int> sizes;
        for (int i = 0; i < m_n; ++i) {
            const double w = m_in.weight[size_t(i)];
            auto it =
                std::find_if(weights.cbegin(), weights.cend(), [w](double x) { return std::abs(x - w) < Epsilon; });
            if (it == weights.cend()) {
                weights.push_back(w);
                sizes.push_back(0);
                it = std::prev(weights.cend());
            }
            const int k = int(it - weights.cbegin());
            group[size_t(i)] = k;
            ++sizes[size_t(k)];
        }
        m_seatAt.resize(size_t(m_n));
        for (int i = 0; i < m_n; ++i) {
            m_seatAt[size_t(i)] = i;
        }
        std::stable_sort(m_seatAt.begin(), m_seatAt.end(), [&](int a, int b) {
            const int ka = group[size_t(a)];
            const int kb = group[size_t(b)];
            if (sizes[size_t(ka)] != sizes[size_t(kb)]) {
                return sizes[size_t(ka)] < sizes[size_t(kb)];
            }
            return weights[size_t(ka)] > weights[size_t(kb)];
        });
        m_position.assign(size_t(m_n), 0);
        for (int d = 0; d < m_n; ++d) {
            m_position[size_t(m_seatAt[size_t(d)])] = d;
        }
        m_weight.resize(size_t(m_n));
        m_eligible.resize(size_t(m_n));
        m_clash.assign(size_t(m_n), {});
        for (int d = 0; d < m_n; ++d) {
            const int i = m_seatAt[size_t(d)];
            m_weight[size_t(d)] = m_in.weight[size_t(i)];
            m_eligible[size_t(d)] = m_in.eligible[size_t(i)];
        }
        for (int i = 0; i < m_n; ++i) {
            for (int j : m_in.conflicts[size_t(i)]) {
                m_clash[size_t(m_position[size_t(i)])].push_back(m_position[size_t(j)]);
                m_clash[size_t(m_position[size_t(j)])].push_back(m_position[size_t(i)]);
            }
        }
        if (int(m_in.previous.size()) == m_n) {
            m_previous = permuted(m_in.previous);
        }
    }

    std::vector<int> permuted(const std::vector<int> &byTime) const
    {
        if (int(byTime.size()) != m_n) {
            return {};
        }
        auto result = std::vector<int>(size_t(m_n));
        for (int d = 0; d < m_n; ++d) {
            result[size_t(d)] = byTime[size_t(m_seatAt[size_t(d)])];
        }
        return result;
    }

    std::vector<int> inTimeOrder(const std::vector<int> &byPosition) const
    {
        std::vector<int> result(size_t(m_n), -1);
        for (int d = 0; d < int(byPosition.size()); ++d) {
            result[size_t(m_seatAt[size_t(d)])] = byPosition[size_t(d)];
        }
        return result;
    }

    /// Per person, from each seat on: the sums of seats they may still add. A seat that clashes
    /// with the one taken just before it is skipped; clashes further apart are left out, which
    /// makes the sets larger, never smaller, so the bound stays valid.
    void reachable()
    {
        m_sums.assign(size_t(m_m), {});
        m_firstFrom.assign(size_t(m_m), std::vector<int>(size_t(m_n) + 1, 0));
        auto seatsOf = std::vector<std::vector<int>>(size_t(m_m));
        for (int i = 0; i < m_n; ++i) {
            for (int p : m_eligible[size_t(i)]) {
                seatsOf[size_t(p)].push_back(i);
            }
        }
        for (int p = 0; p < m_m; ++p) {
            const std::vector<int> &seats = seatsOf[size_t(p)];
            const int k = int(seats.size());
            std::vector<Sums> &sums = m_sums[size_t(p)];
            sums.assign(size_t(k) + 1, Sums{{0.0}, false});
            for (int j = k - 1; j >= 0; --j) {
                int next = j + 1;
                while (next < k && clashes(seats[size_t(next)], seats[size_t(j)])) {
                    ++next;
                }
                sums[size_t(j)] = unite(sums[size_t(j) + 1], sums[size_t(next)], m_weight[size_t(seats[size_t(j)])]);
            }
            int j = 0;
            for (int i = 0; i <= m_n; ++i) {
                while (j < k && seats[size_t(j)] < i) {
                    ++j;
                }
                m_firstFrom[size_t(p)][size_t(i)] = j;
            }
        }
    }

    /// Per person and position: the most load they can add from the seats at that position on,
    /// with the clashes between neighbours in time counted (the sums above see only those between
    /// neighbours in the search order): a path of seats, so a DP over time.
    void ceilings()
    {
        m_ceiling.assign(size_t(m_m), std::vector<double>(size_t(m_n) + 1, 0.0));
        auto eligible = std::vector<bool>(size_t(m_n));
        for (int p = 0; p < m_m; ++p) {
            for (int t = 0; t < m_n; ++t) {
                const auto &e = m_in.eligible[size_t(t)];
                eligible[size_t(t)] = std::find(e.cbegin(), e.cend(), p) != e.cend();
            }
            for (int i = 0; i < m_n; ++i) {
                double with = 0;    // the best up to seat t, taking seat t
                double without = 0; // the best up to seat t, not taking it
                for (int t = 0; t < m_n; ++t) {
                    const double best = std::max(with, without);
                    if (!eligible[size_t(t)] || m_position[size_t(t)] < i) {
                        with = -1;
                        without = best;
                        continue;
                    }
                    const auto &c = m_in.conflicts[size_t(t)];
                    const bool clash = t > 0 && std::find(c.cbegin(), c.cend(), t - 1) != c.cend();
                    with = m_in.weight[size_t(t)] + (clash ? without : best);
                    without = best;
                }
                m_ceiling[size_t(p)][size_t(i)] = std::max(with, without);
            }
        }
    }

    bool clashes(int later, int earlier) const
    {
        const auto &list = m_clash[size_t(later)];
        return std::find(list.cbegin(), list.cend(), earlier) != list.cend();
    }

    /// People who may take exactly the same seats and need the same load are interchangeable:
    /// of those still without a seat, only the first is tried.
    void twins()
    {
        m_twin.assign(size_t(m_m), -1);
        auto seatsOf = std::vector<std::vector<int>>(size_t(m_m));
        for (int i = 0; i < m_n; ++i) {
            for (int p : m_eligible[size_t(i)]) {
                seatsOf[size_t(p)].push_back(i);
            }
        }
        // Each points to the previous one of its kind: p is tried while unused only if that one is used.
        for (int p = 0; p < m_m; ++p) {
            for (int q = p - 1; q >= 0; --q) {
                if (seatsOf[size_t(p)] == seatsOf[size_t(q)] &&
                    std::abs(m_in.need[size_t(p)] - m_in.need[size_t(q)]) < Epsilon) {
                    m_twin[size_t(p)] = q;
                    break;
                }
            }
        }
    }

    int changesOf(const std::vector<int> &assignment) const
    {
        int changes = 0;
        for (int i = 0; m_churn && i < m_n; ++i) {
            changes += cost(i, assignment[size_t(i)]);
        }
        return changes;
    }

    int cost(int i, int person) const
    {
        const int before = m_previous[size_t(i)];
        return before != -2 && before != person ? 1 : 0;
    }

    double deviationOf(const std::vector<int> &assignment) const
    {
        std::vector<double> load(size_t(m_m), 0.0);
        for (int i = 0; i < m_n; ++i) {
            if (assignment[size_t(i)] >= 0) {
                load[size_t(assignment[size_t(i)])] += m_weight[size_t(i)];
            }
        }
        double z = m_in.floor;
        for (int p = 0; p < m_m; ++p) {
            z = std::max(z, std::abs(m_in.need[size_t(p)] - load[size_t(p)]));
        }
        return z;
    }

    /// The largest deviation someone must end with, whatever the seats from `i` on do.
    double bound(int i) const
    {
        double lb = 0;
        for (int p = 0; p < m_m; ++p) {
            const Sums &s = m_sums[size_t(p)][size_t(m_firstFrom[size_t(p)][size_t(i)])];
            const double behind = m_in.need[size_t(p)] - m_load[size_t(p)];
            lb = std::max({lb, s.distance(behind), behind - m_ceiling[size_t(p)][size_t(i)]});
        }
        return lb;
    }

    /// Is (gaps, changes, deviation) better than the best found? Re-planning compares changes
    /// before the deviation; otherwise changes are always 0.
    bool better(int gaps, int changes, double z) const
    {
        if (gaps != m_bestGaps) {
            return gaps < m_bestGaps;
        }
        if (changes != m_bestChanges) {
            return changes < m_bestChanges;
        }
        return z < m_bestZ - Epsilon;
    }

    void dfs(int i, int gaps, int changes)
    {
        if (m_aborted) {
            return;
        }
        if (++m_nodes > m_limit) {
            m_aborted = true;
            return;
        }
        const int atLeast = gaps + m_forced[size_t(i)];
        if (atLeast > m_bestGaps) {
            return;
        }
        const double lb = std::max(m_in.floor, bound(i));
        if (m_churn && lb > m_in.ceiling + Epsilon) {
            return;
        }
        const int changesAtLeast = changes + m_forcedChanges[size_t(i)];
        if (atLeast == m_bestGaps &&
            (changesAtLeast > m_bestChanges || (changesAtLeast == m_bestChanges && lb >= m_bestZ - Epsilon))) {
            return;
        }
        // The load still to hand out must fit between what people need and what they can take:
        // a flow argument over the remaining seats that one person alone does not see.
        if (m_churn || atLeast == m_bestGaps) {
            const double z = m_churn ? m_in.ceiling : m_bestZ - 2 * Epsilon;
            double needed = 0;
            double room = 0;
            for (int p = 0; p < m_m; ++p) {
                const Sums &s = m_sums[size_t(p)][size_t(m_firstFrom[size_t(p)][size_t(i)])];
                const auto [lo, hi] = s.within(
                    m_in.need[size_t(p)] - z - m_load[size_t(p)],
                    std::min(m_in.need[size_t(p)] + z - m_load[size_t(p)], m_ceiling[size_t(p)][size_t(i)] + Epsilon));
                if (lo > hi) {
                    return; // this person can end nowhere near their share
                }
                needed += lo;
                room += hi;
            }
            if (needed > m_fill[size_t(i)] + Epsilon || (atLeast == m_bestGaps && room < m_fill[size_t(i)] - Epsilon)) {
                return;
            }
        }
        if (i == m_n) {
            double z = m_in.floor;
            for (int p = 0; p < m_m; ++p) {
                z = std::max(z, std::abs(m_in.need[size_t(p)] - m_load[size_t(p)]));
            }
            if ((!m_churn || z <= m_in.ceiling + Epsilon) && better(gaps, changes, z)) {
                m_bestGaps = gaps;
                m_bestChanges = changes;
                m_bestZ = z;
                m_best = m_holder;
            }
            return;
        }
        const double w = m_weight[size_t(i)];
        const double top = m_churn ? m_in.ceiling + Epsilon : std::numeric_limits<double>::infinity();
        // Who may take seat i: eligible, no clash with a seat they already hold, not pushed past
        // the best deviation found (or the ceiling); the former holder first when re-planning,
        // then the most behind their share.
        std::vector<int> order;
        for (int p : m_eligible[size_t(i)]) {
            if (m_twin[size_t(p)] >= 0 && m_held[size_t(p)] == 0 && m_held[size_t(m_twin[size_t(p)])] == 0) {
                continue;
            }
            bool clash = false;
            for (int earlier : m_clash[size_t(i)]) {
                clash = clash || m_holder[size_t(earlier)] == p;
            }
            if (clash) {
                continue;
            }
            const double over = m_load[size_t(p)] + w - m_in.need[size_t(p)];
            if (over > top) {
                continue;
            }
            if (!m_churn && gaps + m_forced[size_t(i) + 1] >= m_bestGaps && over >= m_bestZ - Epsilon) {
                continue;
            }
            order.push_back(p);
        }
        std::stable_sort(order.begin(), order.end(), [this, i](int a, int b) {
            if (m_churn && cost(i, a) != cost(i, b)) {
                return cost(i, a) < cost(i, b);
            }
            return m_in.need[size_t(a)] - m_load[size_t(a)] > m_in.need[size_t(b)] - m_load[size_t(b)];
        });
        for (int p : order) {
            m_holder[size_t(i)] = p;
            m_load[size_t(p)] += w;
            ++m_held[size_t(p)];
            dfs(i + 1, gaps, changes + (m_churn ? cost(i, p) : 0));
            --m_held[size_t(p)];
            m_load[size_t(p)] -= w;
            m_holder[size_t(i)] = -1;
            if (m_aborted) {
                return;
            }
        }
        dfs(i + 1, gaps + 1, changes + (m_churn ? cost(i, -1) : 0));
    }

    const PoolSolver::Input &m_in;
    // The seats in the order the search takes them (see order()).
    std::vector<int> m_seatAt;   ///< position -> seat
    std::vector<int> m_position; ///< seat -> position
    std::vector<double> m_weight;
    std::vector<std::vector<int>> m_eligible;
    std::vector<std::vector<int>> m_clash; ///< positions of the seats one person cannot also hold
    std::vector<int> m_previous;
    int m_n = 0;
    int m_m = 0;
    std::vector<double> m_load;
    std::vector<int> m_held;
    std::vector<int> m_holder;
    std::vector<int> m_forced;                   ///< seats from i on that nobody may take
    std::vector<double> m_fill;                  ///< weight of the seats from i on that someone may take
    std::vector<std::vector<double>> m_lightest; ///< per position: sums of the k lightest seats from there on
    std::vector<std::vector<double>> m_heaviest; ///< per position: sums of the k heaviest seats from there on
    std::vector<std::vector<double>> m_ceiling;  ///< per person, position: the most load they can still add
    int m_fewest = 0;                            ///< no assignment has fewer gaps (all seats)
    std::vector<std::vector<Sums>> m_sums;
    std::vector<std::vector<int>> m_firstFrom;
    std::vector<int> m_twin;
    std::vector<int> m_best;
    int m_bestGaps = std::numeric_limits<int>::max();
    int m_bestChanges = 0;
    bool m_churn = false;
    std::vector<int> m_forcedChanges; ///< re-planning: seats from i on whose former holder may not stay
    double m_bestZ = std::numeric_limits<double>::infinity();
    qint64 m_nodes = 0;
    qint64 m_limit = 0;
    bool m_aborted = false;
};

} // namespace

PoolSolver::Result PoolSolver::solve(const Input &input)
{
    return Search(input).run();
}

} // namespace Tandem::Planner
