#include "engineerservice.h"

#include "store/database.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

/// How far back the shift before another may have ended: rotations that skip days (weekdays
/// only) leave a gap between two shifts; beyond two weeks there is no "pair before".
constexpr qint64 PreviousShiftWindowSeconds = 14 * 24 * 3600;

} // namespace

Result<std::optional<Person>> EngineerService::person(PersonId id) const
{
    if (id.isNull()) {
        return std::optional<Person>();
    }
    return PersonRepository(m_db).find(id);
}

Result<QList<Shift>> EngineerService::shiftsOf(PersonId person, const QDateTime &from, const QDateTime &to) const
{
    ShiftRepository repository(m_db);
    // No shift is longer than MaxShiftSeconds: one that overlaps `from` started after this.
    auto seats = repository.seatsFrom(person, from.addSecs(-MaxShiftSeconds));
    if (!seats) {
        return seats.error();
    }
    QList<Shift> result;
    for (const SeatRef &seat : seats.value()) {
        auto found = repository.find(seat.shift);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            continue;
        }
        const Shift &s = *found.value();
        if (s.end > from && s.start < to && (result.isEmpty() || result.last().id != s.id)) {
            result.append(s);
        }
    }
    std::sort(result.begin(), result.end(), [](const Shift &a, const Shift &b) { return a.start < b.start; });
    return result;
}

Result<MyShift> EngineerService::describe(const Shift &shift, PersonId who) const
{
    MyShift my;
    my.shift = shift;
    my.seat = shift.ops == who && !who.isNull() ? Seat::Ops : Seat::Dev;
    auto rotation = RotationRepository(m_db).find(shift.rotationId);
    if (!rotation) {
        return rotation.error();
    }
    if (rotation.value()) {
        my.rotation = *rotation.value();
    }
    auto dev = person(shift.dev);
    auto ops = person(shift.ops);
    if (!dev) {
        return dev.error();
    }
    if (!ops) {
        return ops.error();
    }
    my.dev = dev.value();
    my.ops = ops.value();
    my.partner = my.seat == Seat::Dev ? my.ops : my.dev;

    // The pair before: the latest shift of the rotation that ended at or before this start.
    auto before = ShiftRepository(m_db).overlapping(shift.start.addSecs(-PreviousShiftWindowSeconds), shift.start,
                                                    shift.rotationId);
    if (!before) {
        return before.error();
    }
    for (const Shift &candidate : before.value()) {
        if (candidate.id != shift.id && candidate.end <= shift.start &&
            (!my.previous || candidate.end > my.previous->end)) {
            my.previous = candidate;
        }
    }
    if (my.previous) {
        my.handoffNote = my.previous->note;
        auto noteDev = person(my.previous->dev);
        auto noteOps = person(my.previous->ops);
        if (!noteDev) {
            return noteDev.error();
        }
        if (!noteOps) {
            return noteOps.error();
        }
        my.noteDev = noteDev.value();
        my.noteOps = noteOps.value();
    }
    return my;
}

Result<QList<MyShift>> EngineerService::upcoming(PersonId who, const QDateTime &now, int months) const
{
    auto shifts = shiftsOf(who, now, now.addMonths(std::max(months, 0)));
    if (!shifts) {
        return shifts.error();
    }
    QList<MyShift> result;
    for (const Shift &s : shifts.value()) {
        auto described = describe(s, who);
        if (!described) {
            return described.error();
        }
        result.append(described.value());
    }
    return result;
}

Result<std::optional<MyShift>> EngineerService::nextShift(PersonId who, const QDateTime &now) const
{
    // The first of the shifts that end after now: the one under way, else the next to start.
    // Seats are held at most a plan horizon ahead; look far enough for any of them.
    auto shifts = shiftsOf(who, now, now.addYears(2));
    if (!shifts) {
        return shifts.error();
    }
    if (shifts->isEmpty()) {
        return std::optional<MyShift>();
    }
    auto described = describe(shifts->first(), who);
    if (!described) {
        return described.error();
    }
    return std::optional<MyShift>(described.value());
}

Result<std::optional<MyShift>> EngineerService::currentOrLastShift(PersonId who, const QDateTime &now) const
{
    auto shifts = shiftsOf(who, now.addDays(-60), now.addSecs(1));
    if (!shifts) {
        return shifts.error();
    }
    std::optional<Shift> chosen;
    for (const Shift &s : shifts.value()) {
        if (s.start <= now) {
            chosen = s; // by start: the last one wins, which is the current one when under way
        }
    }
    if (!chosen) {
        return std::optional<MyShift>();
    }
    auto described = describe(*chosen, who);
    if (!described) {
        return described.error();
    }
    return std::optional<MyShift>(described.value());
}

Result<QList<OnCall>> EngineerService::onCallNow(const QDateTime &now, RotationId only) const
{
    auto rotations = RotationRepository(m_db).all();
    if (!rotations) {
        return rotations.error();
    }
    ShiftRepository shifts(m_db);
    QList<OnCall> result;
    for (const Rotation &rotation : rotations.value()) {
        if (!only.isNull() && rotation.id != only) {
            continue;
        }
        OnCall entry;
        entry.rotation = rotation;
        auto current = shifts.overlapping(now, now.addSecs(1), rotation.id);
        if (!current) {
            return current.error();
        }
        if (!current->isEmpty()) {
            entry.shift = current->first();
        }
        // The next shift: the first one that starts after now (after the current one, if any).
        const QDateTime after = entry.shift ? entry.shift->end : now;
        auto later = shifts.overlapping(after, after.addDays(62), rotation.id);
        if (!later) {
            return later.error();
        }
        for (const Shift &s : later.value()) {
            if (s.start >= after && (!entry.shift || s.id != entry.shift->id)) {
                entry.next = s;
                break;
            }
        }
        for (auto [id, slot] : {std::pair{entry.shift ? entry.shift->dev : PersonId(), &entry.dev},
                                std::pair{entry.shift ? entry.shift->ops : PersonId(), &entry.ops},
                                std::pair{entry.next ? entry.next->dev : PersonId(), &entry.nextDev},
                                std::pair{entry.next ? entry.next->ops : PersonId(), &entry.nextOps}}) {
            auto found = person(id);
            if (!found) {
                return found.error();
            }
            *slot = found.value();
        }
        result.append(entry);
    }
    return result;
}

} // namespace Tandem
