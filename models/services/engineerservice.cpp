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

std::optional<Person> lookUp(const QHash<PersonId, Person> &people, PersonId id)
{
    const auto it = people.constFind(id);
    return it == people.cend() ? std::nullopt : std::optional<Person>(*it);
}

} // namespace

Result<QHash<PersonId, Person>> EngineerService::people(const QSet<PersonId> &ids) const
{
    // In a few queries however many are named, removed people included (they keep their past shifts).
    QList<PersonId> wanted;
    for (const PersonId &id : ids) {
        if (!id.isNull()) {
            wanted.append(id);
        }
    }
    return PersonRepository(m_db).findMany(wanted);
}

Result<QList<MyShift>> EngineerService::describeAll(const QList<Shift> &shifts, PersonId who) const
{
    RotationRepository rotations(m_db);
    ShiftRepository repository(m_db);
    QHash<RotationId, Rotation> rotationById;
    QList<std::optional<Shift>> previous;
    QSet<PersonId> named;
    for (const Shift &shift : shifts) {
        if (!rotationById.contains(shift.rotationId)) {
            auto rotation = rotations.find(shift.rotationId);
            if (!rotation) {
                return rotation.error();
            }
            // A shift's rotation stays in its table (removing only marks it; the foreign key keeps
            // it), so an absent one cannot happen; an unnamed rotation would only leave a name out.
            rotationById.insert(shift.rotationId, rotation.value().value_or(Rotation{}));
        }
        // The pair before: the latest shift of the rotation that ended at or before this start.
        auto before = repository.endedBy(shift.rotationId, shift.start, PreviousShiftWindowSeconds);
        if (!before) {
            return before.error();
        }
        previous.append(before.value());
        named << shift.dev << shift.ops;
        if (before.value()) {
            named << before.value()->dev << before.value()->ops;
        }
    }
    auto people = this->people(named);
    if (!people) {
        return people.error();
    }
    QList<MyShift> result;
    for (qsizetype i = 0; i < shifts.size(); ++i) {
        const Shift &shift = shifts.at(i);
        MyShift my;
        my.shift = shift;
        my.seat = shift.ops == who && !who.isNull() ? Seat::Ops : Seat::Dev;
        my.rotation = rotationById.value(shift.rotationId);
        my.dev = lookUp(people.value(), shift.dev);
        my.ops = lookUp(people.value(), shift.ops);
        my.partner = my.seat == Seat::Dev ? my.ops : my.dev;
        my.previous = previous.at(i);
        if (my.previous) {
            my.handoffNote = my.previous->note;
            my.noteDev = lookUp(people.value(), my.previous->dev);
            my.noteOps = lookUp(people.value(), my.previous->ops);
        }
        result.append(my);
    }
    return result;
}

Result<MyShift> EngineerService::describe(const Shift &shift, PersonId who) const
{
    auto described = describeAll({shift}, who);
    if (!described) {
        return described.error();
    }
    return described->first();
}

Result<QList<MyShift>> EngineerService::upcoming(PersonId who, const QDateTime &now, int months) const
{
    auto shifts = ShiftRepository(m_db).ofPerson(who, now, now.addMonths(std::max(months, 0)));
    if (!shifts) {
        return shifts.error();
    }
    return describeAll(shifts.value(), who);
}

Result<std::optional<MyShift>> EngineerService::nextShift(PersonId who, const QDateTime &now) const
{
    // The first of the shifts that end after now: the one under way, else the next to start.
    // Seats are held at most a plan horizon ahead; look far enough for any of them.
    auto shifts = ShiftRepository(m_db).ofPerson(who, now, now.addYears(2), 1);
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
    auto shifts = ShiftRepository(m_db).ofPerson(who, now.addDays(-60), now.addSecs(1));
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
    QSet<PersonId> named;
    for (const Rotation &rotation : rotations.value()) {
        if (!only.isNull() && rotation.id != only) {
            continue;
        }
        OnCall entry;
        entry.rotation = rotation;
        // One query: the shift under way (if any) and the ones after it, by start. A few more
        // than two, in case shifts of the rotation overlap.
        auto coming = shifts.endingAfter(rotation.id, now, 4);
        if (!coming) {
            return coming.error();
        }
        for (const Shift &s : coming.value()) {
            if (s.start <= now) {
                entry.shift = s;
                break;
            }
        }
        // The next shift: the first one that starts after now (after the current one, if any).
        const QDateTime after = entry.shift ? entry.shift->end : now;
        for (const Shift &s : coming.value()) {
            if (s.start >= after && (!entry.shift || s.id != entry.shift->id)) {
                entry.next = s;
                break;
            }
        }
        for (const std::optional<Shift> *s : {&entry.shift, &entry.next}) {
            if (*s) {
                named << (*s)->dev << (*s)->ops;
            }
        }
        result.append(entry);
    }
    auto people = this->people(named);
    if (!people) {
        return people.error();
    }
    for (OnCall &entry : result) {
        entry.dev = entry.shift ? lookUp(people.value(), entry.shift->dev) : std::nullopt;
        entry.ops = entry.shift ? lookUp(people.value(), entry.shift->ops) : std::nullopt;
        entry.nextDev = entry.next ? lookUp(people.value(), entry.next->dev) : std::nullopt;
        entry.nextOps = entry.next ? lookUp(people.value(), entry.next->ops) : std::nullopt;
    }
    return result;
}

} // namespace Tandem
