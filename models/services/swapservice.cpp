#include "swapservice.h"

#include "domain/serialize.h"
#include "dropsession.h"
#include "shiftservice.h"
#include "store/database.h"
#include "store/loggedwrite.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/swaprequestrepository.h"
#include "store/transaction.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::SwapService", text);
}

constexpr qint64 MinimumPieceSeconds = 3600;

QString seatWords(Seat seat)
{
    return seat == Seat::Ops ? tr("ops seat") : tr("developer seat");
}

Result<Shift> loadShift(Database &db, ShiftId id)
{
    auto found = ShiftRepository(db).find(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return Error{tr("The shift is no longer in the database.")};
    }
    return *found.value();
}

Result<Person> rosterPerson(Database &db, PersonId id, const QString &field)
{
    PersonRepository people(db);
    auto found = people.find(id);
    if (!found) {
        return found.error();
    }
    auto removed = id.isNull() ? Result<bool>(true) : people.isRemoved(id);
    if (!removed) {
        return removed.error();
    }
    if (!found.value() || removed.value()) {
        return Error{tr("That person is not on the roster."), field};
    }
    return *found.value();
}

} // namespace

Result<SwapRequest> SwapService::build(const SwapAsk &ask) const
{
    auto requester = rosterPerson(m_db, ask.requester, u"requester"_s);
    if (!requester) {
        return requester.error();
    }
    auto target = rosterPerson(m_db, ask.target, u"target"_s);
    if (!target) {
        return target.error();
    }
    if (ask.requester == ask.target) {
        return Error{tr("Ask a colleague, not yourself."), u"target"_s};
    }
    auto shift = loadShift(m_db, ask.shift);
    if (!shift) {
        return shift.error();
    }
    SwapRequest r;
    r.kind = ask.kind;
    r.shiftId = ask.shift;
    r.requester = ask.requester;
    r.target = ask.target;
    r.message = ask.message.trimmed();
    if (shift->dev == ask.requester) {
        r.seat = Seat::Dev;
    } else if (shift->ops == ask.requester) {
        r.seat = Seat::Ops;
    } else {
        return Error{tr("%1 holds no seat in that shift.").arg(requester->name), u"shift"_s};
    }
    const QDateTime now = m_db.clock().now();
    if (shift->end <= now) {
        return Error{tr("That shift is over."), u"shift"_s};
    }
    QList<RotationId> rotations{shift->rotationId};
    if (ask.kind == SwapKind::Swap) {
        if (ask.partFrom.isValid() || ask.partTo.isValid()) {
            return Error{tr("A swap trades whole shifts; ask for cover of a part instead."), u"part"_s};
        }
        auto other = loadShift(m_db, ask.otherShift);
        if (!other) {
            return Error{other.errorMessage(), u"otherShift"_s};
        }
        if (other->id == shift->id) {
            return Error{tr("Pick another shift to swap with."), u"otherShift"_s};
        }
        if (other->seat(r.seat) != ask.target) {
            return Error{tr("%1 does not hold the %2 of that shift.").arg(target->name, seatWords(r.seat)),
                         u"otherShift"_s};
        }
        if (other->end <= now) {
            return Error{tr("The colleague's shift is over."), u"otherShift"_s};
        }
        r.otherShiftId = other->id;
        if (!rotations.contains(other->rotationId)) {
            rotations.append(other->rotationId);
        }
    } else if (ask.partFrom.isValid() || ask.partTo.isValid()) {
        const QDateTime from = ask.partFrom.toUTC();
        const QDateTime to = ask.partTo.toUTC();
        if (!from.isValid() || !to.isValid() || from >= to || from < shift->start || to > shift->end) {
            return Error{tr("The part to cover must lie within the shift."), u"part"_s};
        }
        const bool whole = from == shift->start && to == shift->end;
        if (!whole && (from.secsTo(to) < MinimumPieceSeconds ||
                       (from > shift->start && shift->start.secsTo(from) < MinimumPieceSeconds) ||
                       (to < shift->end && to.secsTo(shift->end) < MinimumPieceSeconds))) {
            return Error{tr("Each part of a shift must last at least one hour."), u"part"_s};
        }
        if (!whole) {
            r.partFrom = from;
            r.partTo = to;
        }
    }
    for (const RotationId &id : rotations) {
        auto rotation = RotationRepository(m_db).find(id);
        if (!rotation) {
            return rotation.error();
        }
        if (rotation.value() && rotation.value()->rules.swapsNeedApproval) {
            r.needsApproval = true;
        }
    }
    return r;
}

Status SwapService::check(const SwapAsk &ask) const
{
    auto built = build(ask);
    if (!built) {
        return built.error();
    }
    const SwapRequest &r = built.value();
    auto shift = loadShift(m_db, r.shiftId);
    if (!shift) {
        return shift.error();
    }
    QList<Shift> shifts{*shift};
    Result<ShiftEdit> proposed = ShiftEdit{};
    if (r.kind == SwapKind::Swap) {
        auto other = loadShift(m_db, r.otherShiftId);
        if (!other) {
            return other.error();
        }
        shifts.append(*other);
        proposed = ShiftService::swapSeatEdit(*shift, *other, r.seat);
    } else {
        proposed = ShiftService::assignSeatEdit(*shift, r.seat, r.target);
    }
    if (!proposed) {
        return proposed.error();
    }
    ShiftEdit edit = proposed.value();
    if (r.kind == SwapKind::Cover && r.isPartial() && !edit.isEmpty()) {
        // The colleague takes the seat over the part only: the rules judge them there.
        edit[0].after.start = r.partFrom;
        edit[0].after.end = r.partTo;
    }
    QDate from;
    QDate to;
    QList<RotationId> rotations;
    for (const Shift &s : shifts) {
        from = from.isValid() ? std::min(from, s.start.date().addDays(-1)) : s.start.date().addDays(-1);
        to = to.isValid() ? std::max(to, s.end.date().addDays(1)) : s.end.date().addDays(1);
        if (!rotations.contains(s.rotationId)) {
            rotations.append(s.rotationId);
        }
    }
    auto session = DropSession::create(m_db, rotations, from, to);
    if (!session) {
        return session.error();
    }
    const DropPreview verdict = session.value()->check(edit);
    if (!verdict.allowed) {
        return Error{verdict.reason};
    }
    return {};
}

Status SwapService::store(const SwapRequest &before, const SwapRequest &after)
{
    SwapRequestRepository repository(m_db);
    const bool creating = before.id.isNull();
    return writeLogged(
        m_db, [&] { return creating ? repository.insert(after) : repository.update(after); },
        creating ? ChangeRecord::created(Entity::Request, after.id.toString(), toJson(after))
                 : ChangeRecord::updated(Entity::Request, after.id.toString(), toJson(before), toJson(after)));
}

Result<SwapRequest> SwapService::request(const SwapAsk &ask)
{
    if (auto status = check(ask); !status) {
        return status.error();
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    auto built = build(ask);
    if (!built) {
        return built.error();
    }
    SwapRequest r = built.value();
    auto open = SwapRequestRepository(m_db).forShift(r.shiftId);
    if (!open) {
        return open.error();
    }
    for (const SwapRequest &other : open.value()) {
        if (other.isOpen() && other.shiftId == r.shiftId && other.seat == r.seat && other.requester == r.requester) {
            return Error{tr("You already asked about this shift; cancel that request first.")};
        }
    }
    r.id = SwapRequestId::create();
    r.state = SwapState::Pending;
    r.created = m_db.clock().now().toUTC();
    r.updated = r.created;
    if (auto status = store(SwapRequest{}, r); !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return r;
}

Status SwapService::apply(SwapRequest &r)
{
    auto shift = loadShift(m_db, r.shiftId);
    if (!shift) {
        return shift.error();
    }
    if (shift->seat(r.seat) != r.requester) {
        return Error{tr("The requester no longer holds that seat; the request cannot apply.")};
    }
    ShiftService shifts(m_db);
    if (r.kind == SwapKind::Swap) {
        auto other = loadShift(m_db, r.otherShiftId);
        if (!other) {
            return other.error();
        }
        if (other->seat(r.seat) != r.target) {
            return Error{tr("The colleague no longer holds that seat; the request cannot apply.")};
        }
        if (auto swapped = shifts.swapSeat(r.shiftId, r.otherShiftId, r.seat); !swapped) {
            return swapped.error();
        }
    } else {
        ShiftId covered = r.shiftId;
        if (r.isPartial()) {
            // Split the shift at the part's ends; the pieces keep the pair, then the colleague
            // takes the seat of the middle piece through the checked edit.
            if (shift->state == ShiftState::Locked) {
                return Error{tr("The shift is locked; it cannot be split for cover.")};
            }
            ShiftRepository repository(m_db);
            QList<QPair<QDateTime, QDateTime>> pieces;
            if (r.partFrom > shift->start) {
                pieces.append({shift->start, r.partFrom});
            }
            pieces.append({r.partFrom, r.partTo});
            if (r.partTo < shift->end) {
                pieces.append({r.partTo, shift->end});
            }
            for (qsizetype i = 0; i < pieces.size(); ++i) {
                Shift piece = *shift;
                piece.start = pieces.at(i).first;
                piece.end = pieces.at(i).second;
                if (i == 0) {
                    piece.sequence = shift->sequence + 1;
                    if (auto status = writeLogged(
                            m_db, [&] { return repository.update(piece); },
                            ChangeRecord::updated(Entity::Shift, piece.id.toString(), toJson(*shift), toJson(piece)));
                        !status) {
                        return status;
                    }
                } else {
                    piece.id = ShiftId::create();
                    piece.sequence = 0;
                    if (auto status = writeLogged(
                            m_db, [&] { return repository.insert(piece); },
                            ChangeRecord::created(Entity::Shift, piece.id.toString(), toJson(piece)));
                        !status) {
                        return status;
                    }
                }
                if (piece.start == r.partFrom) {
                    covered = piece.id;
                }
            }
        }
        if (auto assigned = shifts.assignSeat(covered, r.seat, r.target); !assigned) {
            return assigned.error();
        }
    }
    return {};
}

Result<SwapRequest> SwapService::decide(SwapRequestId id, PersonId by, SwapState from, SwapState to)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    auto found = SwapRequestRepository(m_db).find(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return Error{tr("There is no such request.")};
    }
    const SwapRequest before = *found.value();
    const bool lead = from == SwapState::Accepted && (to == SwapState::Approved || to == SwapState::Cancelled);
    const bool withdraw = to == SwapState::Cancelled && !lead;
    if (withdraw) {
        if (by != before.requester) {
            return Error{tr("Only the person who asked can cancel the request.")};
        }
        if (!before.isOpen()) {
            return Error{tr("The request is %1; it can no longer be cancelled.").arg(swapStateToString(before.state))};
        }
    } else if (lead) {
        if (before.state != SwapState::Accepted) {
            return Error{
                tr("Only an accepted request waits for a lead; this one is %1.").arg(swapStateToString(before.state))};
        }
        if (by == before.requester || by == before.target) {
            return Error{tr("A lead other than the two colleagues must approve the request.")};
        }
        auto approver = rosterPerson(m_db, by, u"person"_s);
        if (!approver) {
            return approver.error();
        }
    } else {
        if (by != before.target) {
            return Error{tr("Only the colleague who was asked can answer the request.")};
        }
        if (before.state != from) {
            return Error{tr("The request is %1; it can no longer be answered.").arg(swapStateToString(before.state))};
        }
    }
    SwapRequest after = before;
    after.state = to;
    after.updated = m_db.clock().now().toUTC();
    if (lead) {
        after.decidedBy = by;
    }
    if (auto status = store(before, after); !status) {
        return status.error();
    }
    const bool applies = to == SwapState::Approved || (to == SwapState::Accepted && !before.needsApproval);
    if (applies) {
        if (auto status = apply(after); !status) {
            return status.error(); // nothing is written: not the answer, not the seats
        }
        SwapRequest applied = after;
        applied.state = SwapState::Applied;
        if (auto status = store(after, applied); !status) {
            return status.error();
        }
        after = applied;
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return after;
}

Result<SwapRequest> SwapService::accept(SwapRequestId id, PersonId by)
{
    return decide(id, by, SwapState::Pending, SwapState::Accepted);
}

Result<SwapRequest> SwapService::decline(SwapRequestId id, PersonId by)
{
    return decide(id, by, SwapState::Pending, SwapState::Declined);
}

Result<SwapRequest> SwapService::approve(SwapRequestId id, PersonId by)
{
    return decide(id, by, SwapState::Accepted, SwapState::Approved);
}

Result<SwapRequest> SwapService::refuse(SwapRequestId id, PersonId by)
{
    return decide(id, by, SwapState::Accepted, SwapState::Cancelled);
}

Result<SwapRequest> SwapService::cancel(SwapRequestId id, PersonId by)
{
    return decide(id, by, SwapState::Pending, SwapState::Cancelled);
}

Result<std::optional<SwapRequest>> SwapService::find(SwapRequestId id) const
{
    return SwapRequestRepository(m_db).find(id);
}

Result<QList<SwapRequest>> SwapService::involving(PersonId person) const
{
    return SwapRequestRepository(m_db).involving(person);
}

Result<QList<SwapRequest>> SwapService::awaitingApproval() const
{
    auto all = SwapRequestRepository(m_db).all();
    if (!all) {
        return all.error();
    }
    QList<SwapRequest> result;
    for (const SwapRequest &r : all.value()) {
        if (r.state == SwapState::Accepted && r.needsApproval) {
            result.append(r);
        }
    }
    return result;
}

} // namespace Tandem
