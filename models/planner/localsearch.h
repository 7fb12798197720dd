#pragma once

#include "poolsolver.h"
#include "rules.h"

#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QSet>
#include <QVarLengthArray>

#include <array>
#include <functional>
#include <random>
#include <vector>

namespace Tandem::Planner {

/// The planner's search: what each phase took, what the exact search proved (debug level).
Q_DECLARE_LOGGING_CATEGORY(lcPlanner)

/// The improvement moves of the planner's full search over a filled schedule: a gap repair that
/// moves seats several steps deep, fairness moves per pool (a seat handed over, exchanges of
/// seats of any weights between two people, chains through a third person, and Kempe swaps of a
/// run of seats along the time line where the rest rule blocks a single move), the fewest changed
/// seats on a re-plan, and pair variety. Every move goes through RuleBook::check() seat by seat
/// and is undone as a whole when one seat fails it, so no move breaks a hard rule. Owns nothing:
/// it works on the caller's RuleBook and writes the reasons of the seats it moves.
class LocalSearch
{
public:
    /// `movable`: the slots of the horizon whose seats may change, in time order. `previous`: on
    /// a re-plan, who held each seat of a slot before ({dev, ops} person indices, -1 for an empty
    /// seat); slots without an entry are new. `reasons`: slot -> explanation, per seat.
    /// `replan`: what reduceChurn() puts first (PlanRequest::Replan).
    LocalSearch(RuleBook &book, const QList<int> &movable, const QHash<int, std::array<int, 2>> &previous,
                double keepTolerance, PlanRequest::Replan replan, std::array<QHash<int, QString>, 2> &reasons,
                std::function<bool()> cancelled);

    /// Fills empty seats where a chain of up to `depth` moved seats frees someone; kept seats of a
    /// re-plan may move too. Returns how many seats it filled.
    int repairGaps(int depth = 4);
    /// Per pool: lowers the largest deviation from fair share, then the sum of squares, until no
    /// move of the families above improves them.
    void improveFairness();
    /// The seats (and their reasons) as they stand, to come back to with restore().
    struct Snapshot
    {
        std::vector<std::array<int, 2>> seats; ///< per movable slot: {dev, ops}
        std::array<QHash<int, QString>, 2> reasons;
    };
    Snapshot snapshot() const;
    void restore(const Snapshot &snapshot);

    /// On a re-plan, after improveFairness(): the plan with the fewest seats changed against the
    /// current plan among those whose every pool is within a ceiling: with Replan::Fairest the
    /// keep tolerance above the largest deviation improveFairness() reached, with
    /// Replan::FewestChanges none (the fairest among the fewest changes, then, where something
    /// had to change and a pool ended beyond the keep tolerance, at most one more seat handed
    /// over where that lowers its largest deviation). Small pools are searched exactly;
    /// otherwise two ways, the fewer changes win: give seats back from the fairest plan found,
    /// or start again from `start` (the current plan with only what the rules forced changed)
    /// and make the moves that change fewest seats until every pool is within the ceiling. No
    /// way leaves a seat empty that the plan before it filled.
    void reduceChurn(const Snapshot &start);
    /// Pool -> the largest deviation improveFairness() reached (the fairest plan it found).
    const QHash<int, double> &reached() const { return m_reached; }
    /// Exchanges seats of equal weight between slots (both seats, and three-way rotations) while
    /// the pair-variety objective improves; loads stay as they are. Only slots new to the plan.
    void improveVariety(std::mt19937_64 &rng);

    /// What the exact search found for a pool of a small rotation.
    struct PoolBound
    {
        bool known = false; ///< the pool was small enough to search
        bool exact = false; ///< the search finished: `bound` and `fewestGaps` are the optimum
        double bound = 0;   ///< no plan has a smaller largest deviation in the pool (with `fewestGaps` gaps if exact)
        int fewestGaps = 0; ///< no plan leaves fewer of the pool's seats empty
    };
    /// Pool -> bound, for the pools improveFairness() searched exactly.
    const QHash<int, PoolBound> &bounds() const { return m_bounds; }

    /// Seats whose person differs from `previous`.
    int changedSeats() const;
    /// How many seat checks the search made (its work, for budgets and benchmarks).
    qint64 checks() const { return m_checks; }

private:
    struct SeatRef
    {
        int slot = -1;
        Seat seat = Seat::Dev;
    };
    /// One seat that changes hands; -1 is an empty seat.
    struct Change
    {
        int slot = -1;
        Seat seat = Seat::Dev;
        int from = -1;
        int to = -1;
    };
    using Move = QVarLengthArray<Change, 8>;

    /// Largest |load - fair share| of a pool's members, then the sum of squares.
    struct Score
    {
        double maxDeviation = 0;
        double sumSquares = 0;
        bool betterThan(const Score &other) const;
    };

    /// A pool as the fairness moves see it: members, their deviations and their movable seats
    /// by weight class, rebuilt after every applied move.
    struct PoolView
    {
        int pool = -1;
        QList<int> members;            ///< person indices
        QHash<int, int> memberIndex;   ///< person -> index in members
        std::vector<double> deviation; ///< per member: load - fair share
        std::vector<double> weights;   ///< the weight classes of the pool's seats, ascending
        std::vector<SeatRef> timeline; ///< the pool's movable seats, in time order
        std::vector<int> holder;       ///< per timeline seat: member index, -1 empty or other
        std::vector<int> weightClass;  ///< per timeline seat
        /// [member][class] -> timeline indices of the member's seats of that weight, in time order.
        std::vector<std::vector<std::vector<int>>> seats;
        /// People who carry load in the pool but no longer belong to it (they left the team): no
        /// move changes their part of the score.
        double fixedMax = 0;
        double fixedSum = 0;
        std::vector<int> top; ///< up to four members with the largest |deviation|, largest first
        double squares = 0;   ///< sum of the members' squared deviations
        Score score;
    };

    /// A move described by the loads it shifts; the seats are found when it is tried.
    struct Candidate
    {
        enum Kind { Transfer, Exchange, Chain, Kempe };
        Kind kind = Transfer;
        int a = -1; ///< gives to b
        int b = -1; ///< in an exchange gives back to a; in a chain gives on to c
        int c = -1;
        std::array<int, 2> giveA = {-1, -1}; ///< weight classes a gives
        std::array<int, 2> giveB = {-1, -1}; ///< weight classes b gives
        int from = 0;                        ///< Kempe: timeline indices [from, to] of a and b's seats swapped
        int to = 0;
        int size = 1;  ///< seats that change hands
        int index = 0; ///< in the order found: the last tie-breaker, so the order is the same everywhere
        Score after;
    };

    bool apply(const Move &move);
    void undo(const Move &move);
    bool isMovable(int slot) const { return m_movable.contains(slot); }
    int previousOf(int slot, Seat seat) const;

    // Gaps.
    bool fill(SeatRef gap, int depth, QList<int> &busy, std::vector<Move> &journal, int &budget);

    // Fairness.
    QList<int> pools() const;
    PoolView view(int pool) const;
    Score scoreWith(const PoolView &v, const QVarLengthArray<std::pair<int, double>, 4> &delta) const;
    QList<Candidate> candidates(const PoolView &v, int x) const;
    /// Applies the first concrete move of `candidate` that keeps every rule; with `leastChurn`,
    /// those that change the fewest seats against the current plan are tried first.
    bool realize(const PoolView &v, const Candidate &candidate, int &budget, Move *applied, bool leastChurn = false);
    /// Seats the move changes against the current plan, minus those it gives back.
    int churnOf(const Move &move) const;
    void explain(const PoolView &v, const Candidate &candidate, const Move &move);
    bool improvePool(int pool, qint64 budget);
    /// Runs PoolSolver on the pool as if no other pool's seats were filled (a relaxation: its
    /// optimum bounds every plan) and takes its answer where that keeps every rule and is better.
    void solveExactly(int pool);
    /// Re-planning a small pool: the fewest seats changed against the current plan among plans
    /// whose largest deviation is at most `ceiling`, searched exactly, taken where it keeps every rule.
    void exactChurn(int pool, double ceiling);
    bool isSmall(int pool) const;
    PoolSolver::Input relaxedInput(const PoolView &v);
    /// Moves the pool's seats to `assignment` (member index or -1 per timeline seat) if that
    /// keeps every rule; `why` explains a seat that changes ("%1" is the person).
    bool install(const PoolView &v, const std::vector<int> &assignment, const QString &why);

    // Churn.
    double tolerance(int pool) const;
    void reduceChurnBelow(const QHash<int, double> &ceiling, const Snapshot &start);
    /// Replan::FewestChanges: hands over the one seat kept from the current plan whose move lowers
    /// the largest deviation of a pool more than the keep tolerance off the fairest plan found the
    /// most (in shifts of the pool's mean weight), if one does.
    bool giveLoadBack();
    bool revertSome(int pool, double ceiling);
    bool fewestChanges(int pool, double ceiling, int &budget);

    RuleBook &m_book;
    QList<int> m_order;  ///< movable slots in time order
    QSet<int> m_movable; ///< the same, for look-ups
    /// Pool -> its movable seats in time order (a seat's pool never changes), pools ascending.
    QList<int> m_pools;
    QHash<int, std::vector<SeatRef>> m_poolSeats;
    /// Pool -> (largest |deviation|, sum of squares) of those who carry load in it without
    /// belonging to it: only fixed seats give them load, so it never changes.
    QHash<int, std::pair<double, double>> m_outsiders;
    const QHash<int, std::array<int, 2>> &m_previous;
    double m_keepTolerance = 0.5;
    PlanRequest::Replan m_replan = PlanRequest::Replan::FewestChanges;
    std::array<QHash<int, QString>, 2> &m_reasons;
    std::function<bool()> m_cancelled;
    QHash<int, double> m_reached; ///< pool -> largest deviation improveFairness() reached
    QHash<int, PoolBound> m_bounds;
    qint64 m_checks = 0;
};

} // namespace Tandem::Planner
