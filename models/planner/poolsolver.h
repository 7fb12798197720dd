#pragma once

#include <QtGlobal>

#include <vector>

namespace Tandem::Planner {

/// Exact search over the seats of one pool of a small rotation, as plain numbers: the fewest
/// empty seats, then the smallest largest deviation of anyone's load from their fair share
/// (objective 1). A branch and bound over the seats in time order; each person's loads still
/// reachable from a seat on (subset sums of the seats they may take, neighbours that clash left
/// out) bound what the rest of the search can reach. Pure: the planner fills the input from its
/// RuleBook and checks the answer against every rule before using it.
class PoolSolver
{
public:
    struct Input
    {
        std::vector<double> weight;              ///< per seat, in time order
        std::vector<std::vector<int>> eligible;  ///< per seat: the people who may take it alone
        std::vector<std::vector<int>> conflicts; ///< per seat: earlier seats one person cannot also hold
        std::vector<double> need;                ///< per person: fair share minus load outside these seats
        std::vector<int> start;                  ///< a known assignment (person or -1 per seat), or empty
        double floor = 0;                        ///< a deviation no assignment goes below (people outside)
        qint64 nodeLimit = 200000;
        /// Re-planning: who held each seat before (person, -1 empty, -2 a new seat). When given,
        /// the search minimises the seats that change instead, among assignments whose largest
        /// deviation is at most `ceiling` (the fewest gaps still first, then the deviation).
        std::vector<int> previous;
        double ceiling = 0;
    };

    struct Result
    {
        bool complete = false;       ///< the search finished: nothing better than `assignment` exists
        std::vector<int> assignment; ///< the best found: person or -1 per seat
        int gaps = 0;                ///< empty seats of `assignment`
        double maxDeviation = 0;     ///< largest |need - load| of `assignment` (at least `floor`)
        /// No assignment has a smaller largest deviation: `maxDeviation` when complete (among
        /// those with as few gaps), else what each person alone can reach (for any gaps).
        double bound = 0;
        int fewestGaps = 0; ///< no assignment has fewer gaps (exact when complete)
        int changes = 0;    ///< re-planning: seats of `assignment` that differ from `previous`
        qint64 nodes = 0;
    };

    static Result solve(const Input &input);
};

} // namespace Tandem::Planner
