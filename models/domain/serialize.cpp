#include "serialize.h"

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
    return QJsonObject{
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
}

} // namespace Tandem
