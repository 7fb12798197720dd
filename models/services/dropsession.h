#pragma once

#include "shiftservice.h"

#include <QHash>
#include <QMetaObject>
#include <QSet>

#include <memory>

namespace Tandem {

namespace Planner {
struct PlanRequest;
class RuleBook;
} // namespace Planner

/// The rules and loads for one drag, read once when the drag starts and reused for every hover:
/// the planner's RuleBook over the rotations' look-back window and the visible days, with every
/// shift of that window in it. A hover tries the gesture on the RuleBook (the same check() the
/// planner asks), reads the effect on loads, and puts the RuleBook back. Any commit to the
/// database makes the session stale; the next hover reads it again.
class DropSession final
{
public:
    /// `rotations`: whose shifts are dragged or targeted; [from, to]: the visible days (UTC dates).
    static Result<std::unique_ptr<DropSession>> create(Database &db, const QList<RotationId> &rotations, QDate from,
                                                       QDate to);
    ~DropSession();
    DropSession(const DropSession &) = delete;
    DropSession &operator=(const DropSession &) = delete;

    bool isStale() const { return m_stale; }
    /// The shift as this session knows it, if it is in its window.
    std::optional<Shift> shift(ShiftId id) const;

    DropPreview assignSeat(ShiftId shift, Seat seat, PersonId person);
    DropPreview clearSeat(ShiftId shift, Seat seat);
    DropPreview swapPairs(ShiftId a, ShiftId b);
    DropPreview swapSeat(ShiftId a, ShiftId b, Seat seat);
    DropPreview moveHandoff(ShiftId shift, const QDateTime &boundary);

    /// Whether `edit` keeps every hard rule, and what it does to loads. The shifts must be in
    /// the session (shift() finds them); the session reads itself again first when stale.
    DropPreview check(const ShiftEdit &edit);
    /// The seats of the session's rotations over its days whose occupant breaks a hard rule
    /// there (the same check() as every drop); reads the session again first when stale.
    Result<QList<SeatProblem>> problems();
    /// The same for the shifts of `only` (those of the session's rotations and days).
    Result<QList<SeatProblem>> problems(const QSet<ShiftId> &only);

    /// Takes committed edits of shifts in without reading the database again: the seats move in
    /// the RuleBook, loads follow. Returns the shifts whose problems may have changed: the
    /// edited ones, every shift of the people in them (rest, double booking, the 4-week cap and
    /// fair share are theirs) and each edited shift's neighbours in its rotation (pairing rules).
    /// Null when the session cannot follow the edits and must be built again: a shift created,
    /// deleted or moved in time, one it does not hold, or one that differs from the edit's
    /// `before` and `after` (another edit came in between).
    std::optional<QSet<ShiftId>> apply(const ShiftEdit &edits);

private:
    DropSession(Database &db, QList<RotationId> rotations, QDate from, QDate to);
    Status build();
    /// Reads the session again when stale, or widened to take in `ids` when it misses one.
    Status ensure(const QList<ShiftId> &ids);
    int slotFor(const Shift &shift);
    DropPreview preview(const QList<ShiftId> &ids, const std::function<Result<ShiftEdit>()> &build);
    /// Problems of the slots `wanted` accepts (all of the session's rotations and days otherwise).
    Result<QList<SeatProblem>> findProblems(const QSet<ShiftId> *wanted);

    Database &m_db;
    QList<RotationId> m_rotations;
    QDate m_from;
    QDate m_to;
    std::unique_ptr<Planner::PlanRequest> m_request; // the RuleBook refers to it
    std::unique_ptr<Planner::RuleBook> m_book;
    QList<Shift> m_shifts; // slot i of the RuleBook is m_shifts[i]
    QHash<ShiftId, int> m_slotOf;
    QHash<QString, int> m_movedSlots; // slots for shifts at other times (handoff moves)
    bool m_stale = true;
    QMetaObject::Connection m_connection;
};

} // namespace Tandem
