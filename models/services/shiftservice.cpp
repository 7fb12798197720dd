#include "shiftservice.h"

#include "domain/hourwindows.h"
#include "domain/serialize.h"
#include "dropsession.h"
#include "onboardingservice.h"
#include "planner/windowcut.h"
#include "store/database.h"
#include "store/loggedwrite.h"
#include "store/shiftrepository.h"
#include "store/transaction.h"
#include "validation.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::ShiftService", text);
}

constexpr qint64 MinimumShiftSeconds = 3600;

Status notLocked(const Shift &shift)
{
    if (shift.state == ShiftState::Locked) {
        return Error{
            tr("The shift of %1 is locked; unlock it first.").arg(shift.start.toString(u"d MMM yyyy hh:mm 'UTC'"_s))};
    }
    return {};
}

ShiftChange changed(const Shift &before, Shift after)
{
    after.sequence = before.sequence + 1;
    return ShiftChange{before, after};
}

/// The UTC days around a set of shifts: the horizon of the RuleBook that checks an edit of them.
QPair<QDate, QDate> daysAround(const QList<Shift> &shifts)
{
    QDate from;
    QDate to;
    for (const Shift &s : shifts) {
        const QDate first = s.start.toUTC().date().addDays(-1);
        const QDate last = s.end.toUTC().date().addDays(1);
        from = from.isValid() ? std::min(from, first) : first;
        to = to.isValid() ? std::max(to, last) : last;
    }
    return {from, to};
}

} // namespace

// --- What each gesture writes -------------------------------------------------------------------

Result<std::optional<Shift>> ShiftService::shift(ShiftId id) const
{
    return ShiftRepository(m_db).find(id);
}

Result<ShiftEdit> ShiftService::assignSeatEdit(const Shift &shift, Seat seat, PersonId person)
{
    if (auto status = notLocked(shift); !status) {
        return status.error();
    }
    if (person.isNull()) {
        return clearSeatEdit(shift, seat);
    }
    if (shift.seat(seat) == person) {
        return ShiftEdit{};
    }
    if (shift.seat(seat == Seat::Dev ? Seat::Ops : Seat::Dev) == person) {
        return Error{tr("That person already holds the other seat of this shift.")};
    }
    if (shift.shadow == person) {
        return Error{tr("That person shadows this shift; a shadow takes no seat of the shift they shadow. Remove "
                        "them as its shadow first.")};
    }
    Shift after = shift;
    after.setSeat(seat, person);
    return ShiftEdit{changed(shift, after)};
}

Result<ShiftEdit> ShiftService::clearSeatEdit(const Shift &shift, Seat seat)
{
    if (auto status = notLocked(shift); !status) {
        return status.error();
    }
    if (shift.seat(seat).isNull()) {
        return ShiftEdit{};
    }
    Shift after = shift;
    after.setSeat(seat, {});
    return ShiftEdit{changed(shift, after)};
}

Result<ShiftEdit> ShiftService::swapPairsEdit(const Shift &a, const Shift &b)
{
    if (a.id == b.id) {
        return ShiftEdit{};
    }
    for (const Shift *s : {&a, &b}) {
        if (auto status = notLocked(*s); !status) {
            return status.error();
        }
    }
    Shift newA = a;
    Shift newB = b;
    newA.dev = b.dev;
    newA.ops = b.ops;
    newB.dev = a.dev;
    newB.ops = a.ops;
    return ShiftEdit{changed(a, newA), changed(b, newB)};
}

Result<ShiftEdit> ShiftService::swapSeatEdit(const Shift &a, const Shift &b, Seat seat)
{
    if (a.id == b.id || a.seat(seat) == b.seat(seat)) {
        return ShiftEdit{};
    }
    for (const Shift *s : {&a, &b}) {
        if (auto status = notLocked(*s); !status) {
            return status.error();
        }
    }
    Shift newA = a;
    Shift newB = b;
    newA.setSeat(seat, b.seat(seat));
    newB.setSeat(seat, a.seat(seat));
    return ShiftEdit{changed(a, newA), changed(b, newB)};
}

Result<ShiftEdit> ShiftService::moveHandoffEdit(const Shift &shift, const std::optional<Shift> &next,
                                                const QDateTime &boundary, const Rotation *rotation)
{
    if (!boundary.isValid()) {
        return Error{tr("The new handoff time is not valid.")};
    }
    const QDateTime at = boundary.toUTC();
    if (at == shift.end) {
        return ShiftEdit{};
    }
    if (auto status = notLocked(shift); !status) {
        return status.error();
    }
    if (next) {
        if (auto status = notLocked(*next); !status) {
            return status.error();
        }
    }
    if (shift.start.secsTo(at) < MinimumShiftSeconds || (next && at.secsTo(next->end) < MinimumShiftSeconds)) {
        return Error{tr("A shift must last at least one hour.")};
    }
    if (rotation && !rotation->windows.isEmpty() && shift.start < at) {
        // Hour windows: the shift may grow or shrink inside them, never out into hours off.
        const Planner::WindowCut cut(*rotation);
        const qint64 from = shift.start.toSecsSinceEpoch();
        if (cut.seconds(from, at.toSecsSinceEpoch()) != at.toSecsSinceEpoch() - from) {
            return Error{tr("%1 runs only %2; a shift cannot reach outside those hours.")
                             .arg(rotation->name, windowsText(rotation->windows))};
        }
    }
    Shift newShift = shift;
    newShift.end = at;
    ShiftEdit edit{changed(shift, newShift)};
    if (next) {
        Shift newNext = *next;
        newNext.start = at;
        edit.append(changed(*next, newNext));
    }
    return edit;
}

// --- Edits --------------------------------------------------------------------------------------

Result<ShiftEdit> ShiftService::edit(const QList<ShiftId> &ids, bool checkRules,
                                     const std::function<Result<ShiftEdit>(const QList<Shift> &)> &build)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    ShiftRepository repository(m_db);
    QList<Shift> shifts;
    for (const ShiftId &id : ids) {
        auto found = repository.find(id);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            return Error{tr("The shift is no longer in the database.")};
        }
        shifts.append(*found.value());
    }
    auto built = build(shifts);
    if (!built) {
        return built.error();
    }
    const ShiftEdit &changes = built.value();
    if (changes.isEmpty()) {
        return changes;
    }
    if (checkRules) {
        // The planner's own rules over a window around the shifts (with their look-back).
        QList<Shift> around;
        QList<RotationId> rotations;
        for (const ShiftChange &c : changes) {
            around << c.before << c.after;
            if (!rotations.contains(c.before.rotationId)) {
                rotations.append(c.before.rotationId);
            }
        }
        const auto [from, to] = daysAround(around);
        auto session = DropSession::create(m_db, rotations, from, to);
        if (!session) {
            return session.error();
        }
        const DropPreview verdict = session.value()->check(changes);
        if (!verdict.allowed) {
            return Error{verdict.reason};
        }
    }
    if (auto status = write(changes); !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return changes;
}

Status ShiftService::write(const ShiftEdit &changes)
{
    ShiftRepository repository(m_db);
    for (const ShiftChange &c : changes) {
        if (auto status = writeLogged(
                m_db, [&] { return repository.update(c.after); },
                ChangeRecord::updated(Entity::Shift, c.after.id.toString(), toJson(c.before), toJson(c.after)));
            !status) {
            return status;
        }
    }
    return {};
}

Result<ShiftEdit> ShiftService::assignSeat(ShiftId shift, Seat seat, PersonId person)
{
    return edit({shift}, true, [&](const QList<Shift> &shifts) { return assignSeatEdit(shifts.at(0), seat, person); });
}

Result<ShiftEdit> ShiftService::clearSeat(ShiftId shift, Seat seat)
{
    return edit({shift}, false, [&](const QList<Shift> &shifts) { return clearSeatEdit(shifts.at(0), seat); });
}

Result<ShiftEdit> ShiftService::swapPairs(ShiftId a, ShiftId b)
{
    return edit({a, b}, true, [](const QList<Shift> &shifts) { return swapPairsEdit(shifts.at(0), shifts.at(1)); });
}

Result<ShiftEdit> ShiftService::swapSeat(ShiftId a, ShiftId b, Seat seat)
{
    return edit({a, b}, true,
                [&](const QList<Shift> &shifts) { return swapSeatEdit(shifts.at(0), shifts.at(1), seat); });
}

Result<ShiftEdit> ShiftService::moveHandoff(ShiftId shift, const QDateTime &boundary)
{
    return edit({shift}, true, [&](const QList<Shift> &shifts) -> Result<ShiftEdit> {
        const Shift &s = shifts.at(0);
        // The next shift of the rotation is the one that starts exactly when this one ends.
        auto neighbours = ShiftRepository(m_db).overlapping(s.end, s.end.addSecs(1), s.rotationId);
        if (!neighbours) {
            return neighbours.error();
        }
        std::optional<Shift> next;
        for (const Shift &candidate : neighbours.value()) {
            if (candidate.start == s.end && candidate.id != s.id) {
                next = candidate;
            }
        }
        auto rotation = RotationRepository(m_db).find(s.rotationId);
        if (!rotation) {
            return rotation.error();
        }
        return moveHandoffEdit(s, next, boundary, rotation.value() ? &*rotation.value() : nullptr);
    });
}

Result<ShiftEdit> ShiftService::setState(ShiftId shift, ShiftState state)
{
    return edit({shift}, false, [&](const QList<Shift> &shifts) -> Result<ShiftEdit> {
        if (shifts.at(0).state == state) {
            return ShiftEdit{};
        }
        Shift after = shifts.at(0);
        after.state = state;
        return ShiftEdit{changed(shifts.at(0), after)};
    });
}

Result<ShiftEdit> ShiftService::setNote(ShiftId shift, const QString &note)
{
    return edit({shift}, false, [&](const QList<Shift> &shifts) -> Result<ShiftEdit> {
        const QString text = note.trimmed();
        if (shifts.at(0).note == text) {
            return ShiftEdit{};
        }
        Shift after = shifts.at(0);
        after.note = text;
        return ShiftEdit{changed(shifts.at(0), after)};
    });
}

Result<ShiftEdit> ShiftService::setBridgeUrl(ShiftId shift, const QString &url)
{
    const QString text = url.trimmed();
    if (!text.isEmpty() && !isValidBridgeUrl(text)) {
        return Error{tr("The bridge link must be an http or https address, such as https://meet.example.com/room."),
                     u"bridgeUrl"_s};
    }
    return edit({shift}, false, [&](const QList<Shift> &shifts) -> Result<ShiftEdit> {
        if (shifts.at(0).bridgeUrl == text) {
            return ShiftEdit{};
        }
        Shift after = shifts.at(0);
        after.bridgeUrl = text;
        return ShiftEdit{changed(shifts.at(0), after)};
    });
}

Result<ShiftEdit> ShiftService::setShadow(ShiftId shift, PersonId person)
{
    return edit({shift}, false, [&](const QList<Shift> &shifts) -> Result<ShiftEdit> {
        if (shifts.at(0).shadow == person) {
            return ShiftEdit{};
        }
        if (auto status = notLocked(shifts.at(0)); !status) {
            return status.error();
        }
        Shift after = shifts.at(0);
        after.shadow = person;
        if (auto status = checkShadowSeat(m_db, after); !status) {
            return status.error();
        }
        return ShiftEdit{changed(shifts.at(0), after)};
    });
}

// --- Undo and redo ------------------------------------------------------------------------------

Status ShiftService::replay(const ShiftEdit &changes)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    ShiftRepository repository(m_db);
    for (const ShiftChange &c : changes) {
        auto current = repository.find(c.before.id);
        if (!current) {
            return current.error();
        }
        if (!current.value() || *current.value() != c.before) {
            return Error{tr("The shift was changed meanwhile.")};
        }
    }
    if (auto status = write(changes); !status) {
        return status;
    }
    return transaction.commit();
}

ShiftEdit ShiftService::inverse(const ShiftEdit &changes)
{
    ShiftEdit result;
    for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
        result.append(ShiftChange{it->after, it->before});
    }
    return result;
}

// --- Drag sessions ------------------------------------------------------------------------------

Result<std::unique_ptr<DropSession>> ShiftService::beginDrop(const QList<ShiftId> &shifts, QDate from, QDate to) const
{
    ShiftRepository repository(m_db);
    QList<RotationId> rotations;
    for (const ShiftId &id : shifts) {
        auto found = repository.find(id);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            return Error{tr("The shift is no longer in the database.")};
        }
        const Shift &s = *found.value();
        if (!rotations.contains(s.rotationId)) {
            rotations.append(s.rotationId);
        }
        from = std::min(from, s.start.toUTC().date().addDays(-1));
        to = std::max(to, s.end.toUTC().date().addDays(1));
    }
    return DropSession::create(m_db, rotations, from, to);
}

Result<QList<SeatProblem>> ShiftService::problems(const QList<RotationId> &rotations, QDate from, QDate to) const
{
    if (rotations.isEmpty()) {
        return QList<SeatProblem>();
    }
    auto session = DropSession::create(m_db, rotations, from, to);
    if (!session) {
        return session.error();
    }
    return session.value()->problems();
}

Result<std::unique_ptr<DropSession>> ShiftService::beginDropOn(const QList<RotationId> &rotations, QDate from,
                                                               QDate to) const
{
    return DropSession::create(m_db, rotations, from, to);
}

} // namespace Tandem
