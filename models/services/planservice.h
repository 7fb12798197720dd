#pragma once

#include "domain/result.h"
#include "planner/planner.h"

namespace Tandem {

class Database;

/// What applying a plan wrote, so that an undo can take it back.
struct AppliedPlan
{
    QList<Shift> added;
    QList<QPair<Shift, Shift>> changed; ///< (before, after)
    QList<Shift> removed;

    int count() const { return int(added.size() + changed.size() + removed.size()); }
};

/// The longest horizon planned at once: five years of days. The work grows with the slots, and
/// a typo (0001-9999) must be refused in words, not run for minutes.
inline constexpr qint64 MaxPlanDays = 5 * 366;

/// Planning use cases over the database: build the planner's request from the store, preview a
/// plan, apply it in one transaction (with the change log), take it back, and report fairness.
class PlanService
{
public:
    explicit PlanService(Database &db) : m_db(db) {}

    /// Everything the planner needs for `rotations` over [from, to] (rotation-local dates): people,
    /// pools, time off, holidays, and existing shifts from the look-back start to the horizon end.
    Result<Planner::PlanRequest> request(const QList<RotationId> &rotations, QDate from, QDate to,
                                         quint64 seed = 1) const;
    /// Runs the planner without writing anything.
    Result<Planner::PlanResult> preview(const QList<RotationId> &rotations, QDate from, QDate to,
                                        const Planner::Progress &progress = {}) const;
    /// Writes what the plan adds, changes and removes, in one transaction with its change log.
    /// Fixed and unchanged shifts are not touched. Refused (Error::field Field::Stale, nothing
    /// written) when anything the plan was computed from changed since its request was read.
    Result<AppliedPlan> apply(const Planner::PlanResult &plan);
    /// Takes an applied plan back (its undo).
    Status revert(const AppliedPlan &applied);
    /// Where a plan of `rotations` should start: the first day (in the first rotation's zone) of
    /// the earliest slot that is not over and has no shift at all, the one under way included.
    /// Looks `days` ahead; when every slot is planned that far, the day after.
    Result<QDate> firstUnplannedDay(const QList<RotationId> &rotations, int days = 366) const;
    /// Fairness of the shifts already in the database over [from, to].
    Result<Planner::FairnessSummary> fairness(const QList<RotationId> &rotations, QDate from, QDate to) const;

private:
    Status checkCurrent(const Planner::PlanResult &plan) const;

    Database &m_db;
};

} // namespace Tandem
