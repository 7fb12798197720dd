#pragma once

#include "instances.h"

#include <limits>

namespace Tandem::Bench {

/// One CBC solve of an instance's MIP model.
struct CbcSolve
{
    bool ran = false;
    QString status; ///< CBC's "Result - ..." line, or why it did not run
    bool optimal = false;
    double objective = std::numeric_limits<double>::quiet_NaN(); ///< best integer solution, as CBC reports it
    double bound = std::numeric_limits<double>::quiet_NaN();     ///< best bound (= objective when optimal)
    double seconds = 0;                                          ///< wall time of the cbc process
    int gaps = 0;                                                ///< empty seats in the solution
    QList<Shift> shifts;                                         ///< the solution, decoded
    QString modelFile;
};

/// Objectives 1 and 2 of the planner solved exactly (1) and as a tangent outer approximation
/// (2, lower bound on the true sum of squares), each from its own LP file.
struct CbcComparison
{
    CbcSolve maxDeviation; ///< objective 1: min z, z >= |load - fair share| for every pool member
    CbcSolve sumSquares;   ///< objective 2 with z fixed to objective 1's best value
    /// Objective 1 again with exactly as many empty seats as another plan has (no gap penalty):
    /// the best fairness at that plan's coverage. Not run when `sameCoverageGaps` is negative.
    CbcSolve sameCoverage;
    double zFixed = 0; ///< the z objective 2 was solved under
    int tangents = 0;  ///< tangents per person of the sum-of-squares approximation
};

/// Writes the models of `instance` into `folder` and solves them with the `cbc` executable.
/// `start` (a plan without hard-rule violations, e.g. Tandem's) is CBC's first incumbent for
/// objective 1; objective 2 starts from objective 1's solution.
CbcComparison solveWithCbc(const Instance &instance, const QString &cbc, const QString &folder, int seconds1,
                           int seconds2, const QList<Shift> &start, int sameCoverageGaps = -1);

/// Objective 1 of one pool alone (`poolKey` "dev:<team id>" or "ops:<pool id>", see devPoolKey()),
/// written to `lp` and solved by `cbc`: the fewest empty seats first (each weighs 1000), then the
/// smallest largest |load - fair share| of the pool's members. Only the pool's seats; the pairing
/// rules are left out, so the optimum is a lower bound for any plan that keeps them. `start` (a
/// plan) is CBC's first incumbent. The decoded shifts hold this pool's seats only.
CbcSolve solvePoolWithCbc(const Instance &instance, const QString &poolKey, const QString &cbc, const QString &lp,
                          int seconds, const QList<Shift> &start);

} // namespace Tandem::Bench
