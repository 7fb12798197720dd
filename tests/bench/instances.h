#pragma once

#include "planner/planner.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace Tandem::Bench {

/// A small deterministic generator (SplitMix64): the same seed gives the same instance on every
/// platform, which std:: distributions do not promise.
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    /// Uniform in [0, n).
    int below(int n) { return int(next() % std::uint64_t(n)); }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_state;
};

/// One seat-to-fill of an instance, in the order the rotations list them.
struct BenchSlot
{
    int rotation = -1; ///< index in request.rotations
    Planner::Slot slot;
    qint64 start = 0; ///< UTC seconds
    qint64 end = 0;
    double weight = 0; ///< Planner::shiftWeight of the slot
    ShiftId id;        ///< the id the planner gives a new shift here
};

/// A benchmark instance: the request the planner gets, and what the baselines, the checker and
/// the MIP writer need to read it the same way.
struct Instance
{
    QString name;        ///< "S", "M", "L"
    QString description; ///< one line for the report
    Planner::PlanRequest request;
    QList<BenchSlot> slots;    ///< every slot of every rotation, rotation by rotation, in time order
    QList<QList<int>> devPool; ///< per rotation: person indices of its developers
    QList<QList<int>> opsPool; ///< per rotation: person indices of its ops pool
    double leaveFraction = 0;  ///< person-days off / person-days of the horizon
};

/// Builds size "S", "M" or "L" (see README "Planner benchmark"), or "Y<years>": one daily
/// rotation of 6 developers and 4 ops over that many years (the long-horizon series).
/// Deterministic for a seed.
Instance makeInstance(const QString &size, std::uint64_t seed);

/// A small random instance of the planner quality harness: one rotation, weekly (8-26 weeks) or
/// daily (14-28 days), 4-12 developers, 3-8 ops, some part-time people, leave in blocks of 2-9
/// days, 0-3 public holidays. Deterministic for a seed; the name is "Q<seed>".
Instance makeSmallInstance(std::uint64_t seed);

/// Fills `slots`, `devPool` and `opsPool` from `request` (called by makeInstance).
void indexInstance(Instance &instance);

/// [from, to) in UTC seconds of each leave of `person`: whole days in the person's zone.
QList<QPair<qint64, qint64>> leaveOf(const Planner::PlanRequest &request, int person);

/// Fair shares per (person, pool key) computed from the instance alone, by the planner's
/// documented definition: pool weight x capacity x available weight / sum over the pool.
/// Pool keys: "dev:<team id>" and "ops:<pool id>".
QHash<QPair<int, QString>, double> fairShares(const Instance &instance);

/// Pool key of the developer / ops seat of rotation `r`.
QString devPoolKey(const Instance &instance, int r);
QString opsPoolKey(const Instance &instance, int r);

} // namespace Tandem::Bench
