#include "demodata.h"

#include "rosterservice.h"
#include "store/database.h"
#include "store/timeoffrepository.h"
#include "store/transaction.h"

#include <array>

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

} // namespace

Status createDemoData(Database &db)
{
    Transaction transaction(db);
    if (!transaction.status()) {
        return transaction.status();
    }
    RosterService roster(db);
    QList<Person> everyone;
    for (const DemoTeam &demoTeam : demoTeams) {
        auto team = roster.addTeam(Team{{}, QString::fromUtf16(demoTeam.name), QString::fromUtf16(demoTeam.zone)});
        if (!team) {
            return team.error();
        }
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
        {0, 10, 14, u"Summer holiday"},  {6, 3, 5, u"Conference"},      {11, 20, 10, u"Family visit"},
        {15, 5, 3, u"Training"},         {18, 30, 21, u"Parental leave"}, {22, -2, 6, u"Sick leave"},
        {26, 14, 7, u"Hiking trip"},     {8, 45, 10, u"Holiday"},         {28, 60, 5, u"Moving house"},
    };
    for (const auto &leave : leaves) {
        const TimeOff t{{}, everyone.at(leave.person).id, today.addDays(leave.fromDays),
                        today.addDays(leave.fromDays + leave.lengthDays - 1), QString::fromUtf16(leave.reason)};
        if (auto added = roster.addTimeOff(t); !added) {
            return added.error();
        }
    }
    return transaction.commit();
}

} // namespace Tandem
