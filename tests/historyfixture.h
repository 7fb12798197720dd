#pragma once

#include "domain/team.h"
#include "services/rosterservice.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "testutil.h"

#include <QDir>

namespace Tandem::Test {

/// The sample exports of other on-call tools in tests/data/history (see the comments in each).
inline QString historySample(const QString &name)
{
    return QStringLiteral(TANDEM_TEST_DATA "/history/") + name;
}

/// The team the sample exports were "exported" for, on Wednesday 18 March 2026 (Test::fixedNow()):
/// five developers (two of them named Alex Kim, one Zoë Müller), three ops engineers (one José
/// García) in one pool, and a weekly rotation (Monday 09:00 Berlin) with three shifts that Tandem
/// already holds: 2 March (ops Markus, developer seat empty), 9 March (Zoë + Priya) and the week
/// under way from 16 March (Lena + José).
struct HistoryFixture
{
    std::unique_ptr<Database> db;
    Team team;
    Rotation rotation;
    Person jane, zoe, lena, alexKim, alexKim2;
    Person markus, priya, jose;
    QList<Shift> shifts;

    HistoryFixture(const QTemporaryDir &dir, const Clock &clock, const QString &file = QStringLiteral("tandem.sqlite"))
    {
        db = openFresh(dir, clock, file);
        RosterService roster(*db);
        team = roster.addTeam(Team{{}, QStringLiteral("Payments"), QStringLiteral("Europe/Berlin")}).value();
        auto dev = [&](const QString &name, const QString &email) {
            Person p = makePerson(name, email);
            p.teams = {team.id};
            return roster.addPerson(p).value();
        };
        auto op = [&](const QString &name, const QString &email) {
            Person p = makePerson(name, email, Role::Operations);
            return roster.addPerson(p).value();
        };
        jane = dev(QStringLiteral("Jane Doe"), QStringLiteral("jane.doe@example.com"));
        zoe = dev(QStringLiteral("Zoë Müller"), QStringLiteral("zoe.mueller@example.com"));
        lena = dev(QStringLiteral("Lena Fischer"), QStringLiteral("lena.fischer@example.com"));
        alexKim = dev(QStringLiteral("Alex Kim"), QStringLiteral("alex.kim@example.com"));
        alexKim2 = dev(QStringLiteral("Alex  Kim"), QStringLiteral("akim@example.com"));
        markus = op(QStringLiteral("Markus Weber"), QStringLiteral("markus.weber@example.com"));
        priya = op(QStringLiteral("Priya Nair"), QStringLiteral("priya.nair@example.com"));
        jose = op(QStringLiteral("José García"), QStringLiteral("jose.garcia@example.com"));
        OpsPool pool{PoolId::create(), QStringLiteral("Payments ops"), {markus.id, priya.id, jose.id}};
        PoolRepository(*db).insert(pool).ok();
        rotation.id = RotationId::create();
        rotation.teamId = team.id;
        rotation.name = QStringLiteral("Payments on call");
        rotation.opsPoolId = pool.id;
        rotation.timeZone = QStringLiteral("Europe/Berlin");
        rotation.startDate = QDate(2026, 3, 2);
        RotationRepository(*db).insert(rotation).ok();
        const QDateTime first(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC); // Monday 09:00 in Berlin
        const QList<QPair<PersonId, PersonId>> pairs = {{{}, markus.id}, {zoe.id, priya.id}, {lena.id, jose.id}};
        ShiftRepository repository(*db);
        for (int week = 0; week < 3; ++week) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = rotation.id;
            s.start = first.addDays(7 * week);
            s.end = first.addDays(7 * (week + 1));
            s.dev = pairs.at(week).first;
            s.ops = pairs.at(week).second;
            s.state = ShiftState::Published;
            repository.insert(s).ok();
            shifts.append(s);
        }
    }

    /// Every shift of the rotation, by start.
    QList<Shift> all() const
    {
        return ShiftRepository(*db)
            .overlapping(QDateTime(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC),
                         QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC), rotation.id)
            .value();
    }
};

} // namespace Tandem::Test
