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
    // One query through the seat indexes, not one per seat.
    return ShiftRepository(m_db).heldBy(person, from, to);
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
    QList<PersonId> wanted;
    for (const Rotation &rotation : rotations.value()) {
        if (!only.isNull() && rotation.id != only) {
            continue;
        }
        OnCall entry;
        entry.rotation = rotation;
        // One query per rotation: the shift under way (at most MaxShiftSeconds long) and the next
        // one, looked for as far after its end as before.
        auto window = shifts.overlapping(now, now.addSecs(2 * MaxShiftSeconds), rotation.id);
        if (!window) {
            return window.error();
        }
        for (const Shift &s : window.value()) {
            if (!entry.shift && s.start <= now && s.end > now) {
                entry.shift = s;
            }
        }
        // The next shift: the first one that starts after now (after the current one, if any).
        const QDateTime after = entry.shift ? entry.shift->end : now;
        for (const Shift &s : window.value()) {
            if (s.start >= after && (!entry.shift || s.id != entry.shift->id)) {
                entry.next = s;
                break;
            }
        }
        for (const PersonId &id :
             {entry.shift ? entry.shift->dev : PersonId(), entry.shift ? entry.shift->ops : PersonId(),
              entry.next ? entry.next->dev : PersonId(), entry.next ? entry.next->ops : PersonId()}) {
            if (!id.isNull() && !wanted.contains(id)) {
                wanted.append(id);
            }
        }
        result.append(entry);
    }
    // Everyone named, in one query, not one per person.
    auto people = PersonRepository(m_db).findMany(wanted);
    if (!people) {
        return people.error();
    }
    auto lookup = [&people](PersonId id) {
        const auto it = people->constFind(id);
        return it == people->constEnd() ? std::optional<Person>() : std::optional<Person>(*it);
    };
    for (OnCall &entry : result) {
        entry.dev = lookup(entry.shift ? entry.shift->dev : PersonId());
        entry.ops = lookup(entry.shift ? entry.shift->ops : PersonId());
        entry.nextDev = lookup(entry.next ? entry.next->dev : PersonId());
        entry.nextOps = lookup(entry.next ? entry.next->ops : PersonId());
    }
    return result;
}

} // namespace Tandem
