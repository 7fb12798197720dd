#include "shadows.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Tandem::Planner {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Planner", text);
}

QString firstName(const QString &name)
{
    return name.section(u' ', 0, 0);
}

QString dayText(const QDateTime &at, const QTimeZone &zone)
{
    return QLocale::c().toString(at.toTimeZone(zone).date(), u"d MMM"_s);
}

bool holds(const Shift &s, PersonId person)
{
    return s.dev == person || s.ops == person || s.shadow == person;
}

} // namespace

std::optional<Violation> checkShadow(const Shift &shift, const Person &person, const Rotation &rotation,
                                     const QList<TimeOff> &timeOff, const QList<Shift> &theirShifts)
{
    const QString name = firstName(person.name);
    if (shift.dev == person.id || shift.ops == person.id) {
        return Violation{RuleKind::PairRule, tr("%1 already in a seat").arg(name),
                         tr("%1 already holds a seat of this shift; the shadow is a third person who watches the "
                            "pair.")
                             .arg(person.name)};
    }
    if (!person.active) {
        return Violation{RuleKind::Access, tr("%1 is inactive").arg(name),
                         tr("%1 is marked inactive on the roster.").arg(person.name)};
    }
    QTimeZone zone(person.timeZone.toUtf8());
    if (!zone.isValid()) {
        zone = QTimeZone::utc();
    }
    for (const TimeOff &t : timeOff) {
        if (t.personId != person.id) {
            continue;
        }
        // Whole days in the person's own zone, as the RuleBook reads leave.
        const QDateTime from = localDateTime(t.from, QTime(0, 0), zone);
        const QDateTime to = localDateTime(t.to.addDays(1), QTime(0, 0), zone);
        if (from < shift.end && to > shift.start) {
            const QString when = t.from == t.to ? dayText(from, zone)
                                                : u"%1–%2"_s.arg(dayText(from, zone), dayText(to.addSecs(-1), zone));
            return Violation{RuleKind::Leave, tr("%1 on leave").arg(name),
                             tr("%1 is on leave %2 and cannot shadow this shift.").arg(person.name, when)};
        }
    }
    const qint64 start = shift.start.toSecsSinceEpoch();
    const qint64 end = shift.end.toSecsSinceEpoch();
    const qint64 rest = rotation.rules.minRestHours < 0 ? end - start : qint64(rotation.rules.minRestHours) * 3600;
    const QTimeZone rotationZone(rotation.timeZone.toUtf8());
    for (const Shift &other : theirShifts) {
        if (other.id == shift.id || !holds(other, person.id)) {
            continue;
        }
        const qint64 otherStart = other.start.toSecsSinceEpoch();
        const qint64 otherEnd = other.end.toSecsSinceEpoch();
        const QString day = dayText(other.start, rotationZone.isValid() ? rotationZone : QTimeZone::utc());
        if (otherStart < end && otherEnd > start) {
            return Violation{
                RuleKind::DoubleBooking, tr("%1 double-booked").arg(name),
                other.shadow == person.id
                    ? tr("%1 shadows another shift at that time (%2); a shadow needs the whole shift.")
                          .arg(person.name, day)
                    : tr("%1 is on call at that time (%2); a shadow needs the whole shift.").arg(person.name, day)};
        }
        const qint64 gap = otherStart >= end ? otherStart - end : start - otherEnd;
        if (gap < rest) {
            return Violation{RuleKind::Rest, tr("rest rule broken with %1").arg(day),
                             tr("%1 would rest only %2 h between this shift and %3 (at least %4 h), shadowing too.")
                                 .arg(person.name)
                                 .arg(gap / 3600)
                                 .arg(day)
                                 .arg(rest / 3600)};
        }
    }
    return std::nullopt;
}

void planShadows(const PlanRequest &request, QList<PlannedShift> &shifts)
{
    bool onboarding = false;
    for (const Rotation &r : request.rotations) {
        onboarding = onboarding || (r.rules.shadowShiftsNeeded > 0 && !r.rules.trainees.isEmpty());
    }
    // Shadows set by hand must still be checked on a re-plan, onboarding or not.
    bool anyShadow = false;
    for (const PlannedShift &p : std::as_const(shifts)) {
        anyShadow = anyShadow || !p.shift.shadow.isNull();
    }
    if (!onboarding && !anyShadow) {
        return;
    }

    QHash<PersonId, const Person *> people;
    for (const Person &p : request.people) {
        people.insert(p.id, &p);
    }
    QHash<RotationId, const Rotation *> rotations;
    for (const Rotation &r : request.rotations) {
        rotations.insert(r.id, &r);
    }
    QHash<PersonId, QList<TimeOff>> leave;
    for (const TimeOff &t : request.timeOff) {
        leave[t.personId].append(t);
    }

    // Everyone's shifts: the plan's (not removed) and the rest of what exists (history, shifts
    // of other rotations), the plan taking precedence for the same shift.
    QSet<ShiftId> planned;
    for (const PlannedShift &p : std::as_const(shifts)) {
        planned.insert(p.shift.id);
    }
    QHash<PersonId, QList<Shift>> theirs;
    auto book = [&theirs](const Shift &s) {
        for (const PersonId &id : {s.dev, s.ops, s.shadow}) {
            if (!id.isNull()) {
                theirs[id].append(s);
            }
        }
    };
    // Progress per (rotation, trainee), and whom they met: (dev, ops) pairs, developers and ops.
    struct Seen
    {
        int done = 0;
        QHash<QPair<PersonId, PersonId>, int> pairs;
        QHash<PersonId, int> met;
    };
    QHash<QPair<RotationId, PersonId>, Seen> progress;
    auto count = [&progress](const Shift &s) {
        Seen &p = progress[{s.rotationId, s.shadow}];
        ++p.done;
        ++p.pairs[{s.dev, s.ops}];
        ++p.met[s.dev];
        ++p.met[s.ops];
    };
    for (const Shift &s : request.existing) {
        if (!planned.contains(s.id)) {
            book(s);
            if (!s.shadow.isNull()) {
                count(s);
            }
        }
    }
    for (const PlannedShift &p : std::as_const(shifts)) {
        if (p.change != Change::Removed) {
            book(p.shift);
        }
        if (p.change == Change::Fixed && !p.shift.shadow.isNull()) {
            count(p.shift);
        }
    }

    auto isTrainee = [](const Rotation *r, PersonId person) { return r && r->rules.trainees.contains(person); };
    auto needed = [](const Rotation *r) { return r ? std::max(0, r->rules.shadowShiftsNeeded) : 0; };
    auto setShadow = [&theirs](PlannedShift &p, PersonId shadow) {
        if (!p.shift.shadow.isNull()) {
            theirs[p.shift.shadow].removeIf([&p](const Shift &s) { return s.id == p.shift.id; });
        }
        p.shift.shadow = shadow;
        if (!shadow.isNull()) {
            theirs[shadow].append(p.shift);
        }
        if (p.change == Change::Unchanged) {
            p.change = Change::Changed;
            ++p.shift.sequence;
        }
    };

    // 1. Shadows already on movable shifts stay where still allowed and still needed (a lead's
    // choice is kept), in time order; the others go.
    QList<int> order;
    for (int i = 0; i < shifts.size(); ++i) {
        order.append(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&shifts](int a, int b) { return shifts.at(a).shift.start < shifts.at(b).shift.start; });
    for (int i : std::as_const(order)) {
        PlannedShift &p = shifts[i];
        if (p.change == Change::Fixed || p.change == Change::Removed || p.shift.shadow.isNull()) {
            continue;
        }
        const Rotation *r = rotations.value(p.shift.rotationId);
        const Person *person = people.value(p.shift.shadow);
        bool keep =
            r && person && !checkShadow(p.shift, *person, *r, leave.value(person->id), theirs.value(person->id));
        if (keep && isTrainee(r, person->id)) {
            keep = progress.value({r->id, person->id}).done < needed(r);
        }
        if (keep) {
            count(p.shift);
        } else {
            setShadow(p, PersonId());
        }
    }

    // 2. Trainees who still need shadow shifts get them, one at a time, the one with the most to
    // go first, each in the shift with the pair they have seen least.
    for (const Rotation &r : request.rotations) {
        const int need = needed(&r);
        if (need == 0) {
            continue;
        }
        QList<PersonId> waiting;
        for (const PersonId &id : r.rules.trainees) {
            if (people.contains(id) && !waiting.contains(id)) {
                waiting.append(id);
            }
        }
        while (!waiting.isEmpty()) {
            int pick = -1;
            for (int t = 0; t < waiting.size(); ++t) {
                if (pick < 0 ||
                    progress.value({r.id, waiting.at(t)}).done < progress.value({r.id, waiting.at(pick)}).done) {
                    pick = t;
                }
            }
            const PersonId trainee = waiting.at(pick);
            const Seen &mine = progress[{r.id, trainee}];
            if (mine.done >= need) {
                waiting.removeAt(pick);
                continue;
            }
            int best = -1;
            std::tuple<int, int, QDateTime> bestKey;
            for (int i : std::as_const(order)) {
                const PlannedShift &p = shifts.at(i);
                // Not a shift under way or over (a plan written from a past day): shadowing is
                // learning ahead, not a record.
                if (p.shift.rotationId != r.id || p.change == Change::Fixed || p.change == Change::Removed ||
                    !p.shift.shadow.isNull() || p.shift.dev.isNull() || p.shift.ops.isNull() ||
                    p.shift.start < request.now) {
                    continue;
                }
                const std::tuple<int, int, QDateTime> key{mine.pairs.value({p.shift.dev, p.shift.ops}),
                                                          mine.met.value(p.shift.dev) + mine.met.value(p.shift.ops),
                                                          p.shift.start};
                if (best >= 0 && !(key < bestKey)) {
                    continue;
                }
                if (checkShadow(p.shift, *people.value(trainee), r, leave.value(trainee), theirs.value(trainee))) {
                    continue;
                }
                best = i;
                bestKey = key;
            }
            if (best < 0) {
                waiting.removeAt(pick); // nothing left this trainee may shadow in the horizon
                continue;
            }
            setShadow(shifts[best], trainee);
            count(shifts.at(best).shift);
        }
    }
}

} // namespace Tandem::Planner
