#include "deserialize.h"

#include "hourwindows.h"
#include "serialize.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Deserialize", text);
}

Error missing(const QString &field)
{
    return Error{tr("The field “%1” is missing or invalid.").arg(field), field};
}

template <typename IdT> std::optional<IdT> readId(const QJsonObject &o, const QString &key, bool allowNull = false)
{
    const QJsonValue value = o.value(key);
    if (value.isNull() || value.isUndefined() || value.toString().isEmpty()) {
        return allowNull ? std::optional<IdT>(IdT()) : std::nullopt;
    }
    const IdT id = IdT::fromString(value.toString());
    if (id.isNull()) {
        return std::nullopt;
    }
    return id;
}

std::optional<QDate> readDate(const QJsonObject &o, const QString &key)
{
    const QDate date = QDate::fromString(o.value(key).toString(), Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

std::optional<QDateTime> readInstant(const QJsonObject &o, const QString &key)
{
    QDateTime at = QDateTime::fromString(o.value(key).toString(), Qt::ISODate);
    if (!at.isValid()) {
        return std::nullopt;
    }
    return at.toUTC();
}

bool validZone(const QString &zone)
{
    return QTimeZone(zone.toUtf8()).isValid();
}

} // namespace

Result<Person> personFromJson(const QJsonObject &o)
{
    Person p;
    const auto id = readId<PersonId>(o, u"id"_s);
    if (!id) {
        return missing(u"id"_s);
    }
    p.id = *id;
    p.name = o.value(u"name"_s).toString();
    p.email = o.value(u"email"_s).toString();
    if (p.name.isEmpty()) {
        return missing(u"name"_s);
    }
    if (p.email.isEmpty()) {
        return missing(u"email"_s);
    }
    const auto role = roleFromString(o.value(u"role"_s).toString());
    if (!role) {
        return missing(u"role"_s);
    }
    p.role = *role;
    for (const QJsonValue &team : o.value(u"teams"_s).toArray()) {
        const TeamId t = TeamId::fromString(team.toString());
        if (t.isNull()) {
            return missing(u"teams"_s);
        }
        p.teams.append(t);
    }
    p.timeZone = o.value(u"timezone"_s).toString();
    if (!validZone(p.timeZone)) {
        return missing(u"timezone"_s);
    }
    p.phone = o.value(u"phone"_s).toString();
    p.chat = o.value(u"chat"_s).toString();
    p.capacity = o.value(u"capacity"_s).toDouble(1.0);
    p.productionAccess = o.value(u"production_access"_s).toBool();
    p.senior = o.value(u"senior"_s).toBool();
    p.active = o.value(u"active"_s).toBool(true);
    p.notes = o.value(u"notes"_s).toString();
    return p;
}

Result<Team> teamFromJson(const QJsonObject &o)
{
    Team t;
    const auto id = readId<TeamId>(o, u"id"_s);
    if (!id) {
        return missing(u"id"_s);
    }
    t.id = *id;
    t.name = o.value(u"name"_s).toString();
    if (t.name.isEmpty()) {
        return missing(u"name"_s);
    }
    t.timeZone = o.value(u"timezone"_s).toString();
    if (!validZone(t.timeZone)) {
        return missing(u"timezone"_s);
    }
    return t;
}

Result<TimeOff> timeOffFromJson(const QJsonObject &o)
{
    TimeOff t;
    const auto id = readId<TimeOffId>(o, u"id"_s);
    const auto person = readId<PersonId>(o, u"person"_s);
    const auto from = readDate(o, u"from"_s);
    const auto to = readDate(o, u"to"_s);
    if (!id) {
        return missing(u"id"_s);
    }
    if (!person) {
        return missing(u"person"_s);
    }
    if (!from) {
        return missing(u"from"_s);
    }
    if (!to || *to < *from) {
        return missing(u"to"_s);
    }
    t.id = *id;
    t.personId = *person;
    t.from = *from;
    t.to = *to;
    t.reason = o.value(u"reason"_s).toString();
    return t;
}

Result<Holiday> holidayFromJson(const QJsonObject &o)
{
    Holiday h;
    const auto id = readId<HolidayId>(o, u"id"_s);
    const auto team = readId<TeamId>(o, u"team"_s);
    const auto date = readDate(o, u"date"_s);
    if (!id) {
        return missing(u"id"_s);
    }
    if (!team) {
        return missing(u"team"_s);
    }
    if (!date) {
        return missing(u"date"_s);
    }
    h.id = *id;
    h.teamId = *team;
    h.date = *date;
    h.name = o.value(u"name"_s).toString();
    return h;
}

Result<Shift> shiftFromJson(const QJsonObject &o)
{
    Shift s;
    const auto id = readId<ShiftId>(o, u"id"_s);
    const auto rotation = readId<RotationId>(o, u"rotation"_s);
    const auto start = readInstant(o, u"start"_s);
    const auto end = readInstant(o, u"end"_s);
    const auto dev = readId<PersonId>(o, u"dev"_s, true);
    const auto ops = readId<PersonId>(o, u"ops"_s, true);
    const auto shadow = readId<PersonId>(o, u"shadow"_s, true);
    const auto state = shiftStateFromString(o.value(u"state"_s).toString(u"planned"_s));
    if (!id) {
        return missing(u"id"_s);
    }
    if (!rotation) {
        return missing(u"rotation"_s);
    }
    if (!start) {
        return missing(u"start"_s);
    }
    if (!end || *end <= *start || start->secsTo(*end) > MaxShiftSeconds) {
        return missing(u"end"_s);
    }
    if (!dev) {
        return missing(u"dev"_s);
    }
    if (!ops) {
        return missing(u"ops"_s);
    }
    if (!shadow) {
        return missing(u"shadow"_s);
    }
    if (!state) {
        return missing(u"state"_s);
    }
    s.id = *id;
    s.rotationId = *rotation;
    s.start = *start;
    s.end = *end;
    s.dev = *dev;
    s.ops = *ops;
    s.shadow = *shadow;
    s.state = *state;
    s.note = o.value(u"note"_s).toString();
    s.bridgeUrl = o.value(u"bridge"_s).toString();
    s.sequence = o.value(u"sequence"_s).toInt();
    return s;
}

Result<Rotation> rotationFromJson(const QJsonObject &o)
{
    Rotation r;
    const auto id = readId<RotationId>(o, u"id"_s);
    const auto team = readId<TeamId>(o, u"team"_s);
    const auto pool = readId<PoolId>(o, u"ops_pool"_s, true);
    const auto start = readDate(o, u"start_date"_s);
    const QTime handoff = QTime::fromString(o.value(u"handoff_time"_s).toString(), u"HH:mm"_s);
    if (!id) {
        return missing(u"id"_s);
    }
    if (!team) {
        return missing(u"team"_s);
    }
    if (!pool) {
        return missing(u"ops_pool"_s);
    }
    if (!start) {
        return missing(u"start_date"_s);
    }
    if (!handoff.isValid()) {
        return missing(u"handoff_time"_s);
    }
    r.id = *id;
    r.teamId = *team;
    r.opsPoolId = *pool;
    r.startDate = *start;
    r.handoffTime = handoff;
    r.name = o.value(u"name"_s).toString();
    if (r.name.isEmpty()) {
        return missing(u"name"_s);
    }
    r.timeZone = o.value(u"timezone"_s).toString();
    if (!validZone(r.timeZone)) {
        return missing(u"timezone"_s);
    }
    r.shiftMinutes = o.value(u"shift_minutes"_s).toInt();
    if (r.shiftMinutes <= 0) {
        return missing(u"shift_minutes"_s);
    }
    r.handoffWeekday = o.value(u"handoff_weekday"_s).toInt();
    if (r.handoffWeekday < 1 || r.handoffWeekday > 7) {
        return missing(u"handoff_weekday"_s);
    }
    r.activeDays = o.value(u"active_days"_s).toInt(0x7f);
    r.rules = rulesFromJson(o.value(u"rules"_s).toObject());
    r.color = o.value(u"color"_s).toString();
    // Hour windows, from a server or a file: refused in words when they do not read or do not fit.
    const QJsonValue windows = o.value(u"windows"_s);
    if (!windows.isUndefined() && !windows.isNull()) {
        if (!windows.isString() || windows.toString().size() > 4096) {
            return missing(u"windows"_s);
        }
        auto parsed = parseWindows(windows.toString());
        if (!parsed) {
            return parsed.error();
        }
        if (const QStringList problems = windowProblems(*parsed); !problems.isEmpty()) {
            return Error{problems.first(), u"windows"_s};
        }
        r.windows = *parsed;
    }
    return r;
}

Result<OpsPool> poolFromJson(const QJsonObject &o)
{
    OpsPool p;
    const auto id = readId<PoolId>(o, u"id"_s);
    if (!id) {
        return missing(u"id"_s);
    }
    p.id = *id;
    p.name = o.value(u"name"_s).toString();
    if (p.name.isEmpty()) {
        return missing(u"name"_s);
    }
    for (const QJsonValue &member : o.value(u"members"_s).toArray()) {
        const PersonId m = PersonId::fromString(member.toString());
        if (m.isNull()) {
            return missing(u"members"_s);
        }
        p.members.append(m);
    }
    return p;
}

} // namespace Tandem
