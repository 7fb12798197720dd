#pragma once

#include "domain/timeoff.h"
#include "fakeclock.h"
#include "services/rosterservice.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "testutil.h"

namespace Tandem::Test {

/// A team of four developers and four ops engineers in one pool, a weekly rotation with eight
/// shifts from Monday 23 March 2026 09:00 Berlin (dev i and ops i in week i mod 4), and a second
/// rotation of the same team with one shift in the first week (Dev 3 on call there).
struct ShiftFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    Team team;
    Rotation rotation;
    Rotation other;
    QList<Person> devs;
    QList<Person> ops;
    QList<Shift> shifts;
    Shift otherShift;

    explicit ShiftFixture(const Clock &clock)
    {
        db = openFresh(dir, clock);
        RosterService roster(*db);
        team = roster.addTeam(Team{{}, QStringLiteral("Payments"), QStringLiteral("Europe/Berlin")}).value();
        OpsPool pool{PoolId::create(), QStringLiteral("Payments ops"), {}};
        for (int i = 0; i < 4; ++i) {
            Person dev = makePerson(QStringLiteral("Dev %1").arg(i), QStringLiteral("dev%1@example.com").arg(i));
            dev.teams = {team.id};
            devs.append(roster.addPerson(dev).value());
            Person op = makePerson(QStringLiteral("Ops %1").arg(i), QStringLiteral("ops%1@example.com").arg(i),
                                   Role::Operations);
            ops.append(roster.addPerson(op).value());
            pool.members.append(ops.last().id);
        }
        PoolRepository(*db).insert(pool).ok();
        rotation.id = RotationId::create();
        rotation.teamId = team.id;
        rotation.name = QStringLiteral("Payments on call");
        rotation.opsPoolId = pool.id;
        rotation.timeZone = QStringLiteral("Europe/Berlin");
        rotation.startDate = QDate(2026, 3, 23);
        RotationRepository(*db).insert(rotation).ok();
        other = rotation;
        other.id = RotationId::create();
        other.name = QStringLiteral("Checkout on call");
        RotationRepository(*db).insert(other).ok();

        ShiftRepository repository(*db);
        const QDateTime first(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC); // 09:00 in Berlin
        for (int week = 0; week < 8; ++week) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = rotation.id;
            s.start = first.addDays(7 * week);
            s.end = first.addDays(7 * (week + 1));
            s.dev = devs.at(week % 4).id;
            s.ops = ops.at(week % 4).id;
            repository.insert(s).ok();
            shifts.append(s);
        }
        otherShift.id = ShiftId::create();
        otherShift.rotationId = other.id;
        otherShift.start = first.addDays(1);
        otherShift.end = first.addDays(3);
        otherShift.dev = devs.at(3).id;
        repository.insert(otherShift).ok();
    }

    Shift current(int week) const { return ShiftRepository(*db).find(shifts.at(week).id).value().value(); }

    /// Every shift in the database, by start: the state an undo must bring back exactly.
    QList<Shift> all() const
    {
        return ShiftRepository(*db)
            .overlapping(QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC),
                         QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC))
            .value();
    }
};

} // namespace Tandem::Test
