#include "serialize.h"

#include "hourwindows.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tandem {

QJsonObject toJson(const Person &person)
{
    QJsonArray teams;
    for (const TeamId &team : person.teams) {
        teams.append(team.toString());
    }
    return QJsonObject{
        {u"id"_s, person.id.toString()},
        {u"name"_s, person.name},
        {u"email"_s, person.email},
        {u"role"_s, roleToString(person.role)},
        {u"teams"_s, teams},
        {u"timezone"_s, person.timeZone},
        {u"phone"_s, person.phone},
        {u"chat"_s, person.chat},
        {u"capacity"_s, person.capacity},
        {u"production_access"_s, person.productionAccess},
        {u"senior"_s, person.senior},
        {u"active"_s, person.active},
        {u"notes"_s, person.notes},
    };
}

QJsonObject toJson(const Team &team)
{
    return QJsonObject{{u"id"_s, team.id.toString()}, {u"name"_s, team.name}, {u"timezone"_s, team.timeZone}};
}

QJsonObject toJson(const TimeOff &timeOff)
{
    return QJsonObject{
        {u"id"_s, timeOff.id.toString()},
        {u"person"_s, timeOff.personId.toString()},
        {u"from"_s, timeOff.from.toString(Qt::ISODate)},
        {u"to"_s, timeOff.to.toString(Qt::ISODate)},
        {u"reason"_s, timeOff.reason},
    };
}

QJsonObject toJson(const Holiday &holiday)
{
    return QJsonObject{
        {u"id"_s, holiday.id.toString()},
        {u"team"_s, holiday.teamId.toString()},
        {u"date"_s, holiday.date.toString(Qt::ISODate)},
        {u"name"_s, holiday.name},
    };
}

QJsonObject toJson(const Shift &shift)
{
    QJsonObject o{
        {u"id"_s, shift.id.toString()},
        {u"rotation"_s, shift.rotationId.toString()},
        {u"start"_s, shift.start.toUTC().toString(Qt::ISODate)},
        {u"end"_s, shift.end.toUTC().toString(Qt::ISODate)},
        {u"dev"_s, shift.dev.isNull() ? QJsonValue() : QJsonValue(shift.dev.toString())},
        {u"ops"_s, shift.ops.isNull() ? QJsonValue() : QJsonValue(shift.ops.toString())},
        {u"state"_s, shiftStateToString(shift.state)},
        {u"note"_s, shift.note},
        {u"bridge"_s, shift.bridgeUrl},
        {u"sequence"_s, shift.sequence},
    };
    // Only when there is one: the JSON of a shift without a shadow stays as it was (change log,
    // server copies written by an older Tandem, three-way merge bases).
    if (!shift.shadow.isNull()) {
        o.insert(u"shadow"_s, shift.shadow.toString());
    }
    return o;
}

QJsonObject toJson(const RotationRules &r)
{
    QJsonArray newDevelopers;
    for (const PersonId &id : r.newDevelopers) {
        newDevelopers.append(id.toString());
    }
    QJsonArray forbidden;
    for (const auto &pair : r.forbiddenPairs) {
        forbidden.append(QJsonArray{pair.first.toString(), pair.second.toString()});
    }
    QJsonObject o{
        {u"min_rest_hours"_s, r.minRestHours},
        {u"max_shifts_per_4_weeks"_s, r.maxShiftsPer4Weeks},
        {u"ops_concurrency"_s, r.opsConcurrency},
        {u"no_same_pair_consecutive"_s, r.noSamePairConsecutive},
        {u"new_developers"_s, newDevelopers},
        {u"forbidden_pairs"_s, forbidden},
        {u"weekend_weight"_s, r.weekendWeight},
        {u"holiday_weight"_s, r.holidayWeight},
        {u"night_weight"_s, r.nightWeight},
        {u"night_start"_s, r.nightStart.toString(u"HH:mm"_s)},
        {u"night_end"_s, r.nightEnd.toString(u"HH:mm"_s)},
        {u"freeze_days"_s, r.freezeDays},
        {u"lookback_weeks"_s, r.lookbackWeeks},
        {u"swaps_need_approval"_s, r.swapsNeedApproval},
    };
    // Onboarding only when used, so rotations without it keep their JSON.
    if (r.shadowShiftsNeeded != 0 || !r.trainees.isEmpty()) {
        QJsonArray trainees;
        for (const PersonId &id : r.trainees) {
            trainees.append(id.toString());
        }
        o.insert(u"shadow_shifts_needed"_s, r.shadowShiftsNeeded);
        o.insert(u"trainees"_s, trainees);
    }
    return o;
}

RotationRules rulesFromJson(const QJsonObject &o)
{
    RotationRules r;
    r.minRestHours = o.value(u"min_rest_hours"_s).toInt(r.minRestHours);
    r.maxShiftsPer4Weeks = o.value(u"max_shifts_per_4_weeks"_s).toInt(r.maxShiftsPer4Weeks);
    r.opsConcurrency = o.value(u"ops_concurrency"_s).toInt(r.opsConcurrency);
    r.noSamePairConsecutive = o.value(u"no_same_pair_consecutive"_s).toBool(r.noSamePairConsecutive);
    for (const QJsonValue &v : o.value(u"new_developers"_s).toArray()) {
        r.newDevelopers.append(PersonId::fromString(v.toString()));
    }
    for (const QJsonValue &v : o.value(u"forbidden_pairs"_s).toArray()) {
        const QJsonArray pair = v.toArray();
        if (pair.size() == 2) {
            r.forbiddenPairs.append(
                {PersonId::fromString(pair.at(0).toString()), PersonId::fromString(pair.at(1).toString())});
        }
    }
    r.weekendWeight = o.value(u"weekend_weight"_s).toDouble(r.weekendWeight);
    r.holidayWeight = o.value(u"holiday_weight"_s).toDouble(r.holidayWeight);
    r.nightWeight = o.value(u"night_weight"_s).toDouble(r.nightWeight);
    if (o.contains(u"night_start"_s)) {
        r.nightStart = QTime::fromString(o.value(u"night_start"_s).toString(), u"HH:mm"_s);
    }
    if (o.contains(u"night_end"_s)) {
        r.nightEnd = QTime::fromString(o.value(u"night_end"_s).toString(), u"HH:mm"_s);
    }
    r.freezeDays = o.value(u"freeze_days"_s).toInt(r.freezeDays);
    r.lookbackWeeks = o.value(u"lookback_weeks"_s).toInt(r.lookbackWeeks);
    r.swapsNeedApproval = o.value(u"swaps_need_approval"_s).toBool(r.swapsNeedApproval);
    r.shadowShiftsNeeded = o.value(u"shadow_shifts_needed"_s).toInt(r.shadowShiftsNeeded);
    for (const QJsonValue &v : o.value(u"trainees"_s).toArray()) {
        r.trainees.append(PersonId::fromString(v.toString()));
    }
    return r;
}

QJsonObject toJson(const Rotation &r)
{
    QJsonObject o{
        {u"id"_s, r.id.toString()},
        {u"team"_s, r.teamId.toString()},
        {u"name"_s, r.name},
        {u"ops_pool"_s, r.opsPoolId.isNull() ? QJsonValue() : QJsonValue(r.opsPoolId.toString())},
        {u"timezone"_s, r.timeZone},
        {u"shift_minutes"_s, r.shiftMinutes},
        {u"handoff_weekday"_s, r.handoffWeekday},
        {u"handoff_time"_s, r.handoffTime.toString(u"HH:mm"_s)},
        {u"active_days"_s, r.activeDays},
        {u"start_date"_s, r.startDate.toString(Qt::ISODate)},
        {u"rules"_s, toJson(r.rules)},
        {u"color"_s, r.color},
    };
    // Only when there are windows: a rotation that runs all the time reads as it always did.
    if (!r.windows.isEmpty()) {
        o.insert(u"windows"_s, windowsText(r.windows));
    }
    return o;
}

QJsonObject toJson(const OpsPool &pool)
{
    QJsonArray members;
    for (const PersonId &id : pool.members) {
        members.append(id.toString());
    }
    return QJsonObject{{u"id"_s, pool.id.toString()}, {u"name"_s, pool.name}, {u"members"_s, members}};
}

namespace {

QJsonValue idValue(const QString &id, bool isNull)
{
    return isNull ? QJsonValue() : QJsonValue(id);
}

QJsonValue instantValue(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QDateTime instantFrom(const QJsonValue &value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODate).toUTC() : QDateTime();
}

} // namespace

QJsonObject toJson(const SwapRequest &r)
{
    return QJsonObject{
        {u"id"_s, r.id.toString()},
        {u"kind"_s, swapKindToString(r.kind)},
        {u"shift"_s, r.shiftId.toString()},
        {u"seat"_s, seatToString(r.seat)},
        {u"requester"_s, r.requester.toString()},
        {u"target"_s, r.target.toString()},
        {u"other_shift"_s, idValue(r.otherShiftId.toString(), r.otherShiftId.isNull())},
        {u"part_from"_s, instantValue(r.partFrom)},
        {u"part_to"_s, instantValue(r.partTo)},
        {u"state"_s, swapStateToString(r.state)},
        {u"needs_approval"_s, r.needsApproval},
        {u"decided_by"_s, idValue(r.decidedBy.toString(), r.decidedBy.isNull())},
        {u"message"_s, r.message},
        {u"created"_s, instantValue(r.created)},
        {u"updated"_s, instantValue(r.updated)},
    };
}

std::optional<SwapRequest> swapRequestFromJson(const QJsonObject &o)
{
    SwapRequest r;
    r.id = SwapRequestId::fromString(o.value(u"id"_s).toString());
    const auto kind = swapKindFromString(o.value(u"kind"_s).toString());
    const auto seat = seatFromString(o.value(u"seat"_s).toString());
    const auto state = swapStateFromString(o.value(u"state"_s).toString());
    r.shiftId = ShiftId::fromString(o.value(u"shift"_s).toString());
    r.requester = PersonId::fromString(o.value(u"requester"_s).toString());
    r.target = PersonId::fromString(o.value(u"target"_s).toString());
    if (r.id.isNull() || !kind || !seat || !state || r.shiftId.isNull() || r.requester.isNull() || r.target.isNull()) {
        return std::nullopt;
    }
    r.kind = *kind;
    r.seat = *seat;
    r.state = *state;
    r.otherShiftId = ShiftId::fromString(o.value(u"other_shift"_s).toString());
    r.partFrom = instantFrom(o.value(u"part_from"_s));
    r.partTo = instantFrom(o.value(u"part_to"_s));
    r.needsApproval = o.value(u"needs_approval"_s).toBool(false);
    r.decidedBy = PersonId::fromString(o.value(u"decided_by"_s).toString());
    r.message = o.value(u"message"_s).toString();
    r.created = instantFrom(o.value(u"created"_s));
    r.updated = instantFrom(o.value(u"updated"_s));
    return r;
}

} // namespace Tandem
