#pragma once

#include "domain/person.h"
#include "domain/rotation.h"
#include "domain/shift.h"
#include "domain/timeoff.h"
#include "slots.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>

namespace Tandem::Planner {

/// Everything the planner needs, as plain values: no database, no event loop.
struct PlanRequest
{
    QList<Rotation> rotations;    ///< the rotations to plan
    QHash<PoolId, OpsPool> pools; ///< their ops pools
    QList<Person> people;         ///< everyone who may appear (developers of the teams, pool members)
    QList<TimeOff> timeOff;
    QHash<TeamId, QList<QDate>> holidays;
    /// Shifts already in the database from the look-back start to the horizon end, of these
    /// rotations and of any other rotation (those count for double booking and concurrency).
    QList<Shift> existing;
    QDate from;       ///< first day of the horizon (rotation-local dates)
    QDate to;         ///< last day of the horizon, included
    QDateTime now;    ///< UTC: shifts that started before it are history
    quint64 seed = 1; ///< ties are broken by a generator seeded with this
    /// Re-planning keeps an existing assignment unless changing it improves the objective by
    /// more than this (in weighted load units) or restores a hard rule.
    double keepTolerance = 0.5;
    /// What a re-plan (a plan over existing shifts) puts first once no seat is left empty that
    /// could be filled.
    enum class Replan {
        /// The fewest changed seats, the fairest plan among those, and at most one seat more where
        /// handing it over lowers a pool's largest deviation. The lead's plan stays as it was
        /// wherever the new facts allow; the fairness figures say how far that is from the fairest.
        FewestChanges,
        /// The fairest plan the search finds, then the fewest changed seats among the plans whose
        /// every pool is within `keepTolerance` shifts of it: more seats change where the new
        /// facts move the fair shares.
        Fairest,
    };
    Replan replan = Replan::FewestChanges;
    /// Where the change log stood when the store was read for this request (PlanService). The
    /// planner only hands it on to the result, so that the plan is written only if nothing it
    /// was computed from changed meanwhile. -1: not known, not checked.
    qint64 dataVersion = -1;
    /// How hard the planner searches after the greedy fill.
    enum class Search {
        Full,    ///< exchanges, chains, deep gap repair, fewest changes on a re-plan, the bound
        Classic, ///< the single-seat moves and one-step gap repair of Tandem 0.1 (for benchmarks)
    };
    Search search = Search::Full;
};

/// The lexicographic objective of a plan, smaller is better, compared in this order:
/// 1. the largest deviation of anyone's weighted load from their fair share, per pool;
/// 2. the sum of squared deviations;
/// 3. pair variety: the most times one dev+ops pair works together (then more distinct pairs);
/// 4. spacing: the shortest gap between two shifts of one person (longer is better).
struct Objective
{
    double maxDeviation = 0;
    double sumSquares = 0;
    int maxPairCount = 0;
    int distinctPairs = 0;
    double minSpacingHours = 0;

    bool betterThan(const Objective &other, double epsilon = 1e-9) const;
};

/// How a shift of the plan compares with what is in the database.
enum class Change {
    Added,   ///< a new shift
    Changed, ///< an existing shift gets another person in a seat
    Unchanged,
    Fixed,   ///< past, locked or frozen: kept as it is
    Removed, ///< a planned shift that no longer fits the rotation's shape
};

/// One shift of the plan with the reasons for its seats.
struct PlannedShift
{
    Shift shift;
    Change change = Change::Added;
    QString devReason; ///< why this developer (or why the seat is empty)
    QString opsReason;
};

/// A seat nobody could fill without breaking a hard rule.
struct Gap
{
    RotationId rotation;
    ShiftId shift;
    QDateTime start;
    QDateTime end;
    Seat seat = Seat::Dev;
    QString reason; ///< "all 4 ops on leave 24-26 Dec"
};

/// Per person figures over the look-back window and the horizon.
struct PersonFigures
{
    PersonId person;
    Role role = Role::Developer;
    QString pool; ///< "dev: Payments" or the ops pool's name
    int shifts = 0;
    double load = 0;               ///< weighted
    double fairShare = 0;          ///< weighted load they should carry
    int weekends = 0;              ///< shifts touching a Saturday or Sunday
    int holidays = 0;              ///< shifts touching a public holiday
    int nights = 0;                ///< shifts with night hours
    QHash<PersonId, int> partners; ///< partner -> shifts together
};

struct PoolFigures
{
    QString name;
    Role role = Role::Developer;
    double minLoad = 0;
    double maxLoad = 0;
    double maxDeviation = 0;
    /// What the planner proved about `maxDeviation` (in a plan's summary; summarize() proves nothing).
    enum class Proof {
        None,    ///< nothing: the pool is too large for the exact search, or it could not tell
        Optimal, ///< no plan with as few empty seats in the pool has a smaller largest deviation
        Bounded, ///< no plan has a largest deviation below `bound`
    };
    Proof proof = Proof::None;
    double bound = 0; ///< Optimal: `maxDeviation`; Bounded: the lower bound
    /// A re-plan that kept the fewest changes (PlanRequest::Replan::FewestChanges): the largest
    /// deviation of the fairest plan its search found, which a Fairest re-plan starts from
    /// (-1: not a re-plan of that kind, or the pool has no seat to plan).
    double fairest = -1;
};

/// What a lead reads to judge a plan.
struct FairnessSummary
{
    QList<PersonFigures> people;
    QList<PoolFigures> pools;
    QHash<QPair<PersonId, PersonId>, int> pairs; ///< (dev, ops) -> shifts together
    QList<Gap> gaps;
    Objective objective;
};

struct PlanResult
{
    QList<PlannedShift> shifts; ///< the horizon's shifts, by start
    FairnessSummary summary;
    bool cancelled = false;
    /// Why the request could not be planned (a weight or capacity that is not a finite positive
    /// number): no shifts then. Empty for a plan.
    QString error;
    qint64 dataVersion = -1; ///< the request's
};

/// Reports progress (done of total steps); returning false cancels the plan.
using Progress = std::function<bool(int done, int total)>;

/// Computes fair dev+ops pairs for the horizon. Deterministic for the same request and seed.
PlanResult plan(const PlanRequest &request, const Progress &progress = {});

/// The weighted load of one shift of `rotation`: each hour counts 1/24, times the weekend or
/// holiday weight of its local day, times the night weight in night hours.
double shiftWeight(const QDateTime &start, const QDateTime &end, const Rotation &rotation, const QSet<QDate> &holidays);

/// The fairness figures of a set of shifts, as `tandem report fairness` shows them.
FairnessSummary summarize(const PlanRequest &request, const QList<Shift> &shifts);

} // namespace Tandem::Planner
