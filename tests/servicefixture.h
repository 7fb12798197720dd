#pragma once

#include "services/rotationservice.h"
#include "services/servicecatalog.h"
#include "store/shiftrepository.h"
#include "store/transaction.h"
#include "testutil.h"

#include <QTimeZone>

namespace Tandem::Test {

/// A two-continent follow-the-sun service in a real SQLite file: a Berlin leg every day 07:00-19:00
/// Europe/Berlin and a New York leg every day 13:00-01:00 America/New_York, from `first` to `last`
/// (local days of each leg), each shift with a complete pair. In winter and in summer the legs
/// tile the day (06:00-18:00 and 18:00-06:00 UTC in winter); between the US and the EU switches
/// (2026: 8 to 29 March, 25 October to 1 November) New York is an hour early: 05:00-06:00 UTC is
/// nobody's, 17:00-18:00 UTC both legs'.
struct ServiceFixture
{
    QTemporaryDir dir;
    FakeClock clock{fixedNow()};
    std::unique_ptr<Database> db;
    Team team;
    QList<Person> devs;
    QList<Person> ops;
    OpsPool pool;
    Rotation berlin;
    Rotation newYork;
    Service service;

    explicit ServiceFixture(QDate first = QDate(2026, 1, 1), QDate last = QDate(2026, 12, 31))
    {
        db = openFresh(dir, clock);
        RosterService roster(*db);
        team = roster.addTeam(Team{{}, QStringLiteral("Payments"), QStringLiteral("Europe/Berlin")}).value();
        RotationService rotations(*db);
        for (int i = 0; i < 2; ++i) {
            Person dev = makePerson(QStringLiteral("Dev %1").arg(i), QStringLiteral("dev%1@example.com").arg(i));
            dev.teams = {team.id};
            devs.append(roster.addPerson(dev).value());
            Person op = makePerson(QStringLiteral("Ops %1").arg(i), QStringLiteral("ops%1@example.com").arg(i),
                                   Role::Operations);
            op.teams = {team.id};
            ops.append(roster.addPerson(op).value());
        }
        pool.name = QStringLiteral("Payments ops");
        pool.members = {ops.at(0).id, ops.at(1).id};
        pool = rotations.addPool(pool).value();
        berlin = addLeg(QStringLiteral("Berlin days"), QStringLiteral("Europe/Berlin"), QTime(7, 0), 12 * 60);
        newYork = addLeg(QStringLiteral("New York days"), QStringLiteral("America/New_York"), QTime(13, 0), 12 * 60);
        fill(berlin, first, last, 0);
        fill(newYork, first, last, 1);
        Service s;
        s.name = QStringLiteral("Payments production");
        s.legs = {berlin.id, newYork.id};
        auto added = ServiceCatalog(*db).addService(s);
        if (!added) {
            qFatal("addService: %s", qPrintable(added.errorMessage()));
        }
        service = added.value();
    }

    Rotation addLeg(const QString &name, const QString &zone, QTime handoff, int minutes)
    {
        Rotation r;
        r.teamId = team.id;
        r.name = name;
        r.opsPoolId = pool.id;
        r.timeZone = zone;
        r.shiftMinutes = minutes;
        r.handoffTime = handoff;
        r.startDate = QDate(2026, 1, 1);
        auto added = RotationService(*db).addRotation(r);
        if (!added) {
            qFatal("addRotation: %s", qPrintable(added.errorMessage()));
        }
        return added.value();
    }

    /// One shift a day from the rotation's handoff time for its length, in its zone, with pair `who`.
    void fill(const Rotation &r, QDate first, QDate last, int who)
    {
        Transaction transaction(*db); // a year of shifts in one commit, not 365
        ShiftRepository shifts(*db);
        const QTimeZone zone(r.timeZone.toUtf8());
        for (QDate d = first; d <= last; d = d.addDays(1)) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = r.id;
            s.start = QDateTime(d, r.handoffTime, zone).toUTC();
            // The end is wall-clock too: 13:00-01:00 stays 13:00-01:00 across a switch.
            const QDateTime wallEnd = QDateTime(d, r.handoffTime, Qt::UTC).addSecs(qint64(r.shiftMinutes) * 60);
            s.end = QDateTime(wallEnd.date(), wallEnd.time(), zone).toUTC();
            s.dev = devs.at(who).id;
            s.ops = ops.at(who).id;
            if (auto status = shifts.insert(s); !status) {
                qFatal("insert shift: %s", qPrintable(status.errorMessage()));
            }
        }
        if (auto status = transaction.commit(); !status) {
            qFatal("commit: %s", qPrintable(status.errorMessage()));
        }
    }

    static QDateTime utc(QDate day, int hour) { return QDateTime(day, QTime(hour, 0), Qt::UTC); }
};

} // namespace Tandem::Test
