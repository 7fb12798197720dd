#include "syncflagger.h"

#include "domain/deserialize.h"
#include "shiftservice.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::SyncFlagger", text);
}

using Interval = std::pair<QDateTime, QDateTime>;

// The parts of [from, to) that no shift of the list covers.
QList<Interval> uncovered(const QDateTime &from, const QDateTime &to, QList<Shift> shifts)
{
    std::sort(shifts.begin(), shifts.end(), [](const Shift &a, const Shift &b) { return a.start < b.start; });
    QList<Interval> gaps;
    QDateTime at = from;
    for (const Shift &s : std::as_const(shifts)) {
        if (s.end <= at || s.start >= to) {
            continue;
        }
        if (s.start > at) {
            gaps.append({at, std::min(s.start, to)});
        }
        at = std::max(at, s.end);
        if (at >= to) {
            break;
        }
    }
    if (at < to) {
        gaps.append({at, to});
    }
    return gaps;
}

std::optional<Shift> shiftOf(const QJsonObject &json)
{
    if (json.isEmpty()) {
        return std::nullopt;
    }
    auto shift = shiftFromJson(json);
    return shift ? std::optional(shift.value()) : std::nullopt;
}

} // namespace

Result<QList<SyncFlag>> SyncFlagger::find(const QList<ChangeEntry> &changes, const QString &actor) const
{
    RotationRepository rotations(m_db);
    ShiftRepository shifts(m_db);
    QHash<RotationId, Rotation> teamRotations;
    if (auto all = rotations.all(); all) {
        for (const Rotation &r : all.value()) {
            if (r.teamId == m_team) {
                teamRotations.insert(r.id, r);
            }
        }
    } else {
        return all.error();
    }
    const QDateTime now = m_db.clock().now().toUTC();
    const QLocale locale;
    const auto day = [&](const QDateTime &utc, const Rotation &r) {
        return locale.toString(utc.toTimeZone(QTimeZone(r.timeZone.toUtf8())), u"d MMM"_s);
    };
    const auto moment = [&](const QDateTime &utc, const Rotation &r) {
        const QDateTime local = utc.toTimeZone(QTimeZone(r.timeZone.toUtf8()));
        return locale.toString(local, u"d MMM HH:mm"_s) + u' ' + local.timeZoneAbbreviation();
    };

    QList<SyncFlag> flags;
    const auto flag = [&](const QString &kind, const Shift &s, const Interval &at, const QString &text) {
        SyncFlag f;
        f.kind = kind;
        f.shift = s.id.toString();
        f.rotation = s.rotationId.toString();
        f.start = at.first;
        f.end = at.second;
        f.actor = actor;
        f.text = text;
        f.detected = now;
        flags.append(f);
    };

    // Seats to check with the rules: the shifts the server moved or re-seated, and those of
    // people whose time off it changed.
    QHash<ShiftId, QSet<Seat>> toCheck;
    QHash<ShiftId, QString> changeWords;
    QDate checkFrom;
    QDate checkTo;
    const auto widen = [&](const QDateTime &from, const QDateTime &to) {
        checkFrom = checkFrom.isValid() ? std::min(checkFrom, from.date()) : from.date();
        checkTo = checkTo.isValid() ? std::max(checkTo, to.date()) : to.date();
    };

    for (const ChangeEntry &c : changes) {
        if (c.actor != actor) {
            continue;
        }
        if (c.entity == Entity::TimeOff && !c.after.isEmpty()) {
            auto timeOff = timeOffFromJson(c.after);
            if (!timeOff) {
                continue;
            }
            const QDateTime from(timeOff->from.addDays(-1), QTime(0, 0), Qt::UTC);
            const QDateTime to(timeOff->to.addDays(2), QTime(0, 0), Qt::UTC);
            auto seats = shifts.seatsFrom(timeOff->personId, from);
            if (!seats) {
                return seats.error();
            }
            for (const SeatRef &seat : seats.value()) {
                auto s = shifts.find(seat.shift);
                if (!s) {
                    return s.error();
                }
                if (s.value() && s.value()->start < to && teamRotations.contains(s.value()->rotationId)) {
                    toCheck[seat.shift].insert(seat.seat);
                    changeWords.insert(seat.shift, tr("%1 added time off").arg(actor));
                    widen(s.value()->start, s.value()->end);
                }
            }
            continue;
        }
        if (c.entity != Entity::Shift) {
            continue;
        }
        const std::optional<Shift> before = shiftOf(c.before);
        const std::optional<Shift> after = shiftOf(c.after);
        const Shift &any = after ? *after : *before;
        if (!before && !after) {
            continue;
        }
        if (!teamRotations.contains(any.rotationId)) {
            continue;
        }
        const Rotation &rotation = teamRotations.value(any.rotationId);
        if (any.end <= now && (!before || before->end <= now)) {
            continue; // the past: nobody can be on call there any more
        }
        // A gap: time the shift covered before that no shift of the rotation covers now.
        if (before) {
            auto around = shifts.overlapping(before->start, before->end, rotation.id);
            if (!around) {
                return around.error();
            }
            for (const Interval &gap : uncovered(before->start, before->end, around.value())) {
                const QString what =
                    !after ? tr("%1 deleted the shift of %2: gap").arg(actor, day(before->start, rotation))
                           : tr("%1 moved the shift of %2: gap from %3 to %4")
                                 .arg(actor, day(before->start, rotation), moment(gap.first, rotation),
                                      moment(gap.second, rotation));
                flag(u"gap"_s, *before, gap, tr("%1 (%2)").arg(what, rotation.name));
            }
        }
        if (!after) {
            continue;
        }
        // An overlap: the shift now runs into another shift of its rotation.
        if (!before || before->start != after->start || before->end != after->end) {
            auto around = shifts.overlapping(after->start, after->end, rotation.id);
            if (!around) {
                return around.error();
            }
            for (const Shift &other : around.value()) {
                if (other.id == after->id || other.end <= after->start || other.start >= after->end) {
                    continue;
                }
                if (before && other.start < before->end && other.end > before->start) {
                    continue; // overlapped before this change too
                }
                const Interval at{std::max(after->start, other.start), std::min(after->end, other.end)};
                flag(u"overlap"_s, *after, at,
                     tr("%1 moved the shift of %2 to %3–%4: it overlaps the shift of %5 (%6)")
                         .arg(actor, day(after->start, rotation), moment(after->start, rotation),
                              moment(after->end, rotation), day(other.start, rotation), rotation.name));
            }
        }
        // An emptied seat.
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            if (before && !before->seat(seat).isNull() && after->seat(seat).isNull()) {
                flag(u"seat"_s, *after, {after->start, after->end},
                     (seat == Seat::Dev ? tr("%1 emptied the developer seat of the shift of %2: gap (%3)")
                                        : tr("%1 emptied the ops seat of the shift of %2: gap (%3)"))
                         .arg(actor, day(after->start, rotation), rotation.name));
            }
        }
        // Seats the change filled or moved: checked with the rules below.
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            const bool moved = !before || before->start != after->start || before->end != after->end;
            if (!after->seat(seat).isNull() && (moved || before->seat(seat) != after->seat(seat))) {
                toCheck[after->id].insert(seat);
                changeWords.insert(after->id, tr("%1 changed the shift of %2").arg(actor, day(after->start, rotation)));
                widen(after->start, after->end);
            }
        }
    }

    if (!toCheck.isEmpty()) {
        auto problems = ShiftService(m_db).problems(teamRotations.keys(), checkFrom.addDays(-1), checkTo.addDays(1));
        if (!problems) {
            return problems.error();
        }
        for (const SeatProblem &p : problems.value()) {
            if (p.soft || !toCheck.value(p.shift).contains(p.seat)) {
                continue;
            }
            auto s = shifts.find(p.shift);
            if (!s) {
                return s.error();
            }
            if (!s.value()) {
                continue;
            }
            const Rotation &rotation = teamRotations.value(s.value()->rotationId);
            flag(u"rule"_s, *s.value(), {s.value()->start, s.value()->end},
                 tr("%1: %2 (%3)").arg(changeWords.value(p.shift), p.text, rotation.name));
        }
    }
    return flags;
}

Result<bool> SyncFlagger::holds(const SyncFlag &flag) const
{
    ShiftRepository shifts(m_db);
    const RotationId rotation = RotationId::fromString(flag.rotation);
    if (flag.kind == u"gap") {
        auto around = shifts.overlapping(flag.start, flag.end, rotation);
        if (!around) {
            return around.error();
        }
        return !uncovered(flag.start, flag.end, around.value()).isEmpty();
    }
    auto shift = shifts.find(ShiftId::fromString(flag.shift));
    if (!shift) {
        return shift.error();
    }
    if (!shift.value()) {
        return false; // the shift is gone: a gap there is flagged on its own
    }
    const Shift &s = *shift.value();
    if (flag.kind == u"overlap") {
        auto around = shifts.overlapping(flag.start, flag.end, rotation);
        if (!around) {
            return around.error();
        }
        return std::any_of(around->cbegin(), around->cend(), [&](const Shift &other) {
            return other.id != s.id && other.start < s.end && other.end > s.start && other.start < flag.end &&
                   other.end > flag.start;
        });
    }
    if (flag.kind == u"seat") {
        return s.dev.isNull() || s.ops.isNull();
    }
    if (flag.kind == u"rule") {
        auto problems =
            ShiftService(m_db).problems({s.rotationId}, s.start.date().addDays(-1), s.end.date().addDays(1));
        if (!problems) {
            return problems.error();
        }
        return std::any_of(problems->cbegin(), problems->cend(),
                           [&](const SeatProblem &p) { return !p.soft && p.shift == s.id; });
    }
    return true;
}

} // namespace Tandem
