#pragma once

#include "domain/result.h"
#include "domain/shift.h"

#include <QDate>
#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace Tandem {

class Database;
class DropSession;
struct Rotation;

/// A seated person who breaks a hard rule where they sit (leave, rest, double booking, access,
/// pairing, the 4-week cap), as the planner's RuleBook words it.
struct SeatProblem
{
    ShiftId shift;
    Seat seat = Seat::Dev;
    PersonId person;
    QString shortText; ///< "Alice on leave"
    QString text;      ///< "Alice is on leave 7–9 Dec."
    bool soft = false; ///< a preference, not a hard rule: more than a shift above fair share
};

/// One shift before and after an edit: enough to take the edit back or to do it again.
struct ShiftChange
{
    Shift before;
    Shift after;

    friend bool operator==(const ShiftChange &, const ShiftChange &) = default;
};

/// What one edit wrote (empty when it changed nothing).
using ShiftEdit = QList<ShiftChange>;

/// What a drop would do, for the calendar while a drag hovers.
struct DropPreview
{
    bool allowed = false;
    QString reason; ///< the violated rule's text, empty when allowed
    /// What the edit does to weighted loads (days on call weighted for weekends, holidays and
    /// nights, as `tandem report fairness` counts them), empty seats, and the broken rule:
    /// "Alice +8.0 days (load 24.0, fair share 16.0); Bob −8.0 days; rest rule broken with 4 Dec"
    QString effect;
    /// The soft rule, said before the drop: "Alice would be 10.5 days above fair share". Allowed.
    QString warning;
};

/// Edits of single shifts (seats, handoffs, state, note, bridge link). Each edit is checked with
/// the planner's RuleBook (the same rule code the planner uses), written in one transaction with
/// its change-log rows, and raises the sequence of every shift it changes. The GUI and the
/// command line call these; ShiftEditor puts them on the undo stack.
class ShiftService
{
public:
    explicit ShiftService(Database &db) : m_db(db) {}

    /// The shift, or nothing when there is none with that id (a deleted one).
    Result<std::optional<Shift>> shift(ShiftId id) const;

    /// Puts `person` in the seat; refused with the rule's text when a hard rule forbids it.
    Result<ShiftEdit> assignSeat(ShiftId shift, Seat seat, PersonId person);
    /// Empties the seat (a coverage gap).
    Result<ShiftEdit> clearSeat(ShiftId shift, Seat seat);
    /// Exchanges both seats of two shifts; both shifts are checked after the swap.
    Result<ShiftEdit> swapPairs(ShiftId a, ShiftId b);
    /// Exchanges one seat of two shifts; both shifts are checked after the swap.
    Result<ShiftEdit> swapSeat(ShiftId a, ShiftId b, Seat seat);
    /// Moves the end of `shift` and the start of the next shift of its rotation to `boundary`
    /// together (no gap, no overlap). Refused when either would last less than an hour or is locked.
    Result<ShiftEdit> moveHandoff(ShiftId shift, const QDateTime &boundary);
    Result<ShiftEdit> setState(ShiftId shift, ShiftState state);
    Result<ShiftEdit> setNote(ShiftId shift, const QString &note);
    /// An http or https URL, or empty to remove the link.
    Result<ShiftEdit> setBridgeUrl(ShiftId shift, const QString &url);
    /// Puts `person` in the shadow seat (null: nobody shadows); refused with the shadow rule's
    /// text (leave, another shift at the time, rest, a seat of the same shift).
    Result<ShiftEdit> setShadow(ShiftId shift, PersonId person);

    /// Writes each change's `after` where the database still holds its `before` exactly (undo
    /// and redo); refused, with nothing written, when one of the shifts changed meanwhile.
    Status replay(const ShiftEdit &edit);
    /// The edit that takes `edit` back.
    static ShiftEdit inverse(const ShiftEdit &edit);

    /// A cache of rules and loads for one drag over the visible days [from, to] (UTC dates):
    /// for the rotations of `shifts` (dragging shifts), or of `rotations` (dragging a person).
    Result<std::unique_ptr<DropSession>> beginDrop(const QList<ShiftId> &shifts, QDate from, QDate to) const;
    Result<std::unique_ptr<DropSession>> beginDropOn(const QList<RotationId> &rotations, QDate from, QDate to) const;
    /// Every seat of the shifts of `rotations` over the days [from, to] (UTC dates) whose
    /// occupant breaks a hard rule, checked by the planner's RuleBook. Reads only.
    Result<QList<SeatProblem>> problems(const QList<RotationId> &rotations, QDate from, QDate to) const;

    // What each gesture would write, from the shifts as they are; refused for locked shifts and
    // malformed gestures. No rule check: DropSession::check() does that.
    static Result<ShiftEdit> assignSeatEdit(const Shift &shift, Seat seat, PersonId person);
    static Result<ShiftEdit> clearSeatEdit(const Shift &shift, Seat seat);
    static Result<ShiftEdit> swapPairsEdit(const Shift &a, const Shift &b);
    static Result<ShiftEdit> swapSeatEdit(const Shift &a, const Shift &b, Seat seat);
    /// `next` is the shift of the same rotation that starts when `shift` ends, if any. With
    /// `rotation`, a shift of a rotation with hour windows keeps inside them.
    static Result<ShiftEdit> moveHandoffEdit(const Shift &shift, const std::optional<Shift> &next,
                                             const QDateTime &boundary, const Rotation *rotation = nullptr);

private:
    /// Runs `build` on the current shifts inside one transaction, checks the result with the
    /// rules when `checkRules`, and writes it with the change log.
    Result<ShiftEdit> edit(const QList<ShiftId> &ids, bool checkRules,
                           const std::function<Result<ShiftEdit>(const QList<Shift> &)> &build);
    Status write(const ShiftEdit &edit);

    Database &m_db;
};

} // namespace Tandem
