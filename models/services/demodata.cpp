#include "demodata.h"

#include "rosterservice.h"
#include "rotationservice.h"
#include "store/database.h"
#include "store/timeoffrepository.h"
#include "store/transaction.h"

#include <QTimeZone>

#include <algorithm>
#include <array>
#include <functional>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

struct DemoPerson
{
    const char16_t *name;
    const char16_t *zone;
    const char16_t *phone;
    double capacity;
    bool senior;
};

struct DemoTeam
{
    const char16_t *name;
    const char16_t *zone;
    std::array<DemoPerson, 5> developers;
    std::array<DemoPerson, 5> operations;
};

// Realistic, varied names; zones in Europe and North America.
const std::array<DemoTeam, 3> demoTeams = {{
    {u"Payments",
     u"Europe/Berlin",
     {{{u"Lena Fischer", u"Europe/Berlin", u"+49 30 5550 1201", 1.0, true},
       {u"Tomasz Nowak", u"Europe/Warsaw", u"+48 22 555 0142", 1.0, false},
       {u"Amélie Laurent", u"Europe/Paris", u"+33 1 55 50 12 03", 0.8, false},
       {u"Jonas Becker", u"Europe/Berlin", u"+49 30 5550 1204", 1.0, false},
       {u"Sofia Rossi", u"Europe/Rome", u"+39 06 5550 1205", 0.6, false}}},
     {{{u"Markus Weber", u"Europe/Berlin", u"+49 30 5550 1301", 1.0, true},
       {u"Ingrid Johansson", u"Europe/Stockholm", u"+46 8 555 013 02", 1.0, true},
       {u"Pedro Alves", u"Europe/Lisbon", u"+351 21 555 1303", 1.0, false},
       {u"Hannah Schmidt", u"Europe/Berlin", u"+49 30 5550 1304", 0.5, false},
       {u"Niels de Vries", u"Europe/Amsterdam", u"+31 20 555 1305", 1.0, false}}}},
    {u"Search",
     u"America/New_York",
     {{{u"Maya Patel", u"America/New_York", u"+1 212 555 0101", 1.0, true},
       {u"Diego Hernández", u"America/Chicago", u"+1 312 555 0102", 1.0, false},
       {u"Grace Kim", u"America/New_York", u"+1 212 555 0103", 1.0, false},
       {u"Samuel Okafor", u"America/Toronto", u"+1 416 555 0104", 0.8, false},
       {u"Emily Walsh", u"America/New_York", u"+1 212 555 0105", 1.0, false}}},
     {{{u"Carlos Mendoza", u"America/Chicago", u"+1 312 555 0201", 1.0, true},
       {u"Rachel Cohen", u"America/New_York", u"+1 212 555 0202", 1.0, false},
       {u"Kwame Mensah", u"America/New_York", u"+1 212 555 0203", 1.0, true},
       {u"Olivia Brown", u"America/Toronto", u"+1 416 555 0204", 0.6, false},
       {u"Ethan Nguyen", u"America/Los_Angeles", u"+1 415 555 0205", 1.0, false}}}},
    {u"Platform",
     u"Europe/London",
     {{{u"Oliver Hughes", u"Europe/London", u"+44 20 7946 0301", 1.0, true},
       {u"Aisha Rahman", u"Europe/London", u"+44 20 7946 0302", 1.0, false},
       {u"Liam O'Connor", u"Europe/Dublin", u"+353 1 555 0303", 1.0, false},
       {u"Chloé Martin", u"Europe/Paris", u"+33 1 55 50 03 04", 0.8, false},
       {u"Ben Carter", u"America/New_York", u"+1 646 555 0305", 1.0, false}}},
     {{{u"Fiona Campbell", u"Europe/London", u"+44 20 7946 0401", 1.0, true},
       {u"Raj Sharma", u"Europe/London", u"+44 20 7946 0402", 1.0, false},
       {u"Siobhan Murphy", u"Europe/Dublin", u"+353 1 555 0403", 1.0, true},
       {u"Lucas Moreau", u"Europe/Paris", u"+33 1 55 50 04 04", 1.0, false},
       {u"Zoe Taylor", u"America/Toronto", u"+1 416 555 0405", 0.5, false}}}},
}};

QString emailFor(const QString &name)
{
    // "Amélie Laurent" -> "amelie.laurent@example.com": plain ASCII local parts.
    QString local = name.normalized(QString::NormalizationForm_D).toLower();
    local.removeIf([](QChar c) { return c.category() == QChar::Mark_NonSpacing || c == u'\''; });
    local.replace(u' ', u'.');
    return local + u"@example.com"_s;
}

QString chatFor(const QString &name)
{
    return u'@' + emailFor(name).section(u'@', 0, 0);
}

// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
QDate easter(int year)
{
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return QDate(year, month, day);
}

// The n-th (1-based) `weekday` of a month; n = -1 is the last one.
QDate nthWeekday(int year, int month, int weekday, int n)
{
    if (n < 0) {
        const QDate last(year, month, QDate(year, month, 1).daysInMonth());
        return last.addDays(-((last.dayOfWeek() - weekday + 7) % 7));
    }
    const QDate first(year, month, 1);
    return first.addDays((weekday - first.dayOfWeek() + 7) % 7 + 7 * (n - 1));
}

struct DemoHoliday
{
    QDate date;
    QString name;
};

// Local public holidays of a team's country in `year`, besides Christmas and New Year. Where a
// holiday is regional (Reformation Day, St Andrew's Day), the demo treats it as the team's.
QList<DemoHoliday> localHolidays(const QString &team, int year)
{
    const QDate e = easter(year);
    if (team == u"Payments") { // Germany, Berlin
        return {{QDate(year, 3, 8), u"International Women's Day"_s},
                {e.addDays(-2), u"Good Friday"_s},
                {e.addDays(1), u"Easter Monday"_s},
                {QDate(year, 5, 1), u"Labour Day"_s},
                {e.addDays(39), u"Ascension Day"_s},
                {e.addDays(50), u"Whit Monday"_s},
                {QDate(year, 10, 3), u"German Unity Day"_s},
                {QDate(year, 10, 31), u"Reformation Day"_s},
                {QDate(year, 12, 26), u"Second Day of Christmas"_s}};
    }
    if (team == u"Search") { // United States
        return {{nthWeekday(year, 1, Qt::Monday, 3), u"Martin Luther King Jr. Day"_s},
                {nthWeekday(year, 2, Qt::Monday, 3), u"Presidents' Day"_s},
                {nthWeekday(year, 5, Qt::Monday, -1), u"Memorial Day"_s},
                {QDate(year, 6, 19), u"Juneteenth"_s},
                {QDate(year, 7, 4), u"Independence Day"_s},
                {nthWeekday(year, 9, Qt::Monday, 1), u"Labor Day"_s},
                {nthWeekday(year, 10, Qt::Monday, 2), u"Columbus Day"_s},
                {QDate(year, 11, 11), u"Veterans Day"_s},
                {nthWeekday(year, 11, Qt::Thursday, 4), u"Thanksgiving"_s}};
    }
    // United Kingdom
    return {{QDate(year, 3, 17), u"St Patrick's Day"_s},
            {e.addDays(-2), u"Good Friday"_s},
            {e.addDays(1), u"Easter Monday"_s},
            {nthWeekday(year, 5, Qt::Monday, 1), u"Early May Bank Holiday"_s},
            {nthWeekday(year, 5, Qt::Monday, -1), u"Spring Bank Holiday"_s},
            {nthWeekday(year, 8, Qt::Monday, -1), u"Summer Bank Holiday"_s},
            {QDate(year, 11, 30), u"St Andrew's Day"_s},
            {QDate(year, 12, 26), u"Boxing Day"_s}};
}

// Christmas and New Year to come, and the next two local holidays within six months.
QList<DemoHoliday> demoHolidays(const QString &team, QDate today)
{
    QList<DemoHoliday> result;
    const QDate christmas(today.year(), 12, 25);
    result.append({christmas >= today ? christmas : christmas.addYears(1), u"Christmas Day"_s});
    result.append({QDate(today.year() + 1, 1, 1), u"New Year's Day"_s});
    QList<DemoHoliday> local = localHolidays(team, today.year()) + localHolidays(team, today.year() + 1);
    std::sort(local.begin(), local.end(), [](const DemoHoliday &a, const DemoHoliday &b) { return a.date < b.date; });
    int taken = 0;
    for (const DemoHoliday &h : std::as_const(local)) {
        if (taken < 2 && h.date >= today && h.date <= today.addMonths(6)) {
            result.append(h);
            ++taken;
        }
    }
    return result;
}

} // namespace

Status createDemoData(Database &db)
{
    Transaction transaction(db);
    if (!transaction.status()) {
        return transaction.status();
    }
    RosterService roster(db);
    QList<Person> everyone;
    QList<Team> teams;
    for (const DemoTeam &demoTeam : demoTeams) {
        auto team = roster.addTeam(Team{{}, QString::fromUtf16(demoTeam.name), QString::fromUtf16(demoTeam.zone)});
        if (!team) {
            return team.error();
        }
        teams.append(team.value());
        for (Role role : {Role::Developer, Role::Operations}) {
            const auto &members = role == Role::Developer ? demoTeam.developers : demoTeam.operations;
            for (const DemoPerson &d : members) {
                Person p;
                p.name = QString::fromUtf16(d.name);
                p.email = emailFor(p.name);
                p.role = role;
                p.teams = {team->id};
                p.timeZone = QString::fromUtf16(d.zone);
                p.phone = QString::fromUtf16(d.phone);
                p.chat = chatFor(p.name);
                p.capacity = d.capacity;
                p.productionAccess = Person::defaultProductionAccess(role);
                p.senior = d.senior;
                auto added = roster.addPerson(p);
                if (!added) {
                    return added.error();
                }
                everyone.append(added.value());
            }
        }
    }

    // Some time off around today: a holiday, a conference, a long leave.
    const QDate today = db.clock().now().date();
    const struct
    {
        int person;
        int fromDays;
        int lengthDays;
        const char16_t *reason;
    } leaves[] = {
        {0, 10, 14, u"Summer holiday"}, {6, 3, 5, u"Conference"},        {11, 20, 10, u"Family visit"},
        {15, 5, 3, u"Training"},        {18, 30, 21, u"Parental leave"}, {22, -2, 6, u"Sick leave"},
        {26, 14, 7, u"Hiking trip"},    {8, 45, 10, u"Holiday"},         {28, 60, 5, u"Moving house"},
    };
    for (const auto &leave : leaves) {
        const TimeOff t{{},
                        everyone.at(leave.person).id,
                        today.addDays(leave.fromDays),
                        today.addDays(leave.fromDays + leave.lengthDays - 1),
                        QString::fromUtf16(leave.reason)};
        if (auto added = roster.addTimeOff(t); !added) {
            return added.error();
        }
    }

    // Per team: an ops pool of its operations engineers and a weekly rotation, handing off on
    // Monday 09:00 in the team's zone from the Monday of this week. No shifts: the planner
    // makes them.
    RotationService rotations(db);
    for (const Team &team : std::as_const(teams)) {
        OpsPool pool;
        pool.name = team.name + u" ops"_s;
        for (const Person &p : std::as_const(everyone)) {
            if (p.teams.contains(team.id) && p.role == Role::Operations) {
                pool.members.append(p.id);
            }
        }
        auto addedPool = rotations.addPool(pool);
        if (!addedPool) {
            return addedPool.error();
        }
        const QDate localToday = db.clock().now().toTimeZone(QTimeZone(team.timeZone.toUtf8())).date();
        Rotation rotation;
        rotation.teamId = team.id;
        rotation.name = team.name + u" on call"_s;
        rotation.opsPoolId = addedPool->id;
        rotation.timeZone = team.timeZone;
        rotation.shiftMinutes = 7 * 24 * 60;
        rotation.handoffWeekday = Qt::Monday;
        rotation.handoffTime = QTime(9, 0);
        rotation.startDate = localToday.addDays(Qt::Monday - localToday.dayOfWeek());
        if (team.name == u"Payments") {
            // Onboarding: Sofia shadows three pairs before she joins the rotation.
            for (const Person &p : std::as_const(everyone)) {
                if (p.name == u"Sofia Rossi") {
                    rotation.rules.trainees = {p.id};
                    rotation.rules.shadowShiftsNeeded = 3;
                }
            }
        }
        if (auto added = rotations.addRotation(rotation); !added) {
            return added.error();
        }
        for (const DemoHoliday &h : demoHolidays(team.name, localToday)) {
            if (auto added = roster.addHoliday(Holiday{{}, team.id, h.date, h.name}); !added) {
                return added.error();
            }
        }
    }
    return transaction.commit();
}

} // namespace Tandem
