#include "domain/serialize.h"
#include "personfixture.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "testutil.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

class RotationRepositoryTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    struct Fixture
    {
        std::unique_ptr<Database> db;
        Team team;
        OpsPool pool;
        Person dev;
        Person ops;
    };

    Fixture make(const QTemporaryDir &dir)
    {
        Fixture f;
        f.db = Test::openFresh(dir, m_clock);
        f.team = Team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        TeamRepository(*f.db).insert(f.team).ok();
        const Test::DevAndOps pair = Test::insertDevAndOps(*f.db);
        f.dev = pair.dev;
        f.ops = pair.ops;
        f.pool = OpsPool{PoolId::create(), u"Payments ops"_s, {f.ops.id}};
        PoolRepository(*f.db).insert(f.pool).ok();
        return f;
    }

    static Rotation rotation(const Fixture &f, const QString &name)
    {
        Rotation r;
        r.id = RotationId::create();
        r.teamId = f.team.id;
        r.name = name;
        r.opsPoolId = f.pool.id;
        r.timeZone = f.team.timeZone;
        r.startDate = QDate(2026, 3, 16);
        return r;
    }

private Q_SLOTS:
    void roundTripsEverySettingAndRule()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        Rotation r = rotation(f, u"Payments nights"_s);
        r.timeZone = u"America/New_York"_s;
        r.shiftMinutes = 12 * 60;
        r.handoffWeekday = 3;
        r.handoffTime = QTime(8, 30);
        r.activeDays = 0x1f;
        r.color = u"#3366cc"_s;
        r.rules.minRestHours = 36;
        r.rules.maxShiftsPer4Weeks = 4;
        r.rules.opsConcurrency = 2;
        r.rules.noSamePairConsecutive = false;
        r.rules.newDevelopers = {f.dev.id};
        r.rules.forbiddenPairs = {{f.dev.id, f.ops.id}};
        r.rules.weekendWeight = 1.25;
        r.rules.holidayWeight = 3.0;
        r.rules.nightWeight = 1.5;
        r.rules.nightStart = QTime(23, 0);
        r.rules.nightEnd = QTime(7, 0);
        r.rules.freezeDays = 7;
        r.rules.lookbackWeeks = 13;
        RotationRepository repo(*f.db);
        QVERIFY(repo.insert(r));
        QCOMPARE(*repo.find(r.id).value(), r);
        QCOMPARE(repo.findByName(u"PAYMENTS NIGHTS"_s).value()->id, r.id);
        QCOMPARE(repo.usingPool(f.pool.id).value(), QList<Rotation>{r});
    }

    void updateChangesOnlyRotationsInUse()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationRepository repo(*f.db);
        Rotation r = rotation(f, u"Primary"_s);
        QVERIFY(repo.insert(r));
        r.name = u"Primary on call"_s;
        r.shiftMinutes = 24 * 60;
        r.rules.opsConcurrency = 3;
        QVERIFY(repo.update(r));
        QCOMPARE(*repo.find(r.id).value(), r);
        QVERIFY(!repo.findByName(u"Primary"_s).value());
        QVERIFY(repo.remove(r.id));
        QVERIFY(!repo.update(r)); // removed: no row to change
        QVERIFY(!repo.update(rotation(f, u"Ghost"_s)));
    }

    void removeKeepsTheRowAndFreesTheName()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationRepository repo(*f.db);
        const Rotation r = rotation(f, u"Primary"_s);
        QVERIFY(repo.insert(r));
        Shift past;
        past.id = ShiftId::create();
        past.rotationId = r.id;
        past.start = m_clock.now().addDays(-7);
        past.end = m_clock.now().addDays(-6);
        past.dev = f.dev.id;
        past.ops = f.ops.id;
        QVERIFY(ShiftRepository(*f.db).insert(past));

        QVERIFY(repo.remove(r.id));
        QVERIFY(repo.all()->isEmpty());
        QVERIFY(!repo.findByName(u"Primary"_s).value());
        QVERIFY(repo.usingPool(f.pool.id)->isEmpty());
        QVERIFY(repo.isRemoved(r.id).value());
        // History: the row and its shift are still there.
        const auto removed = repo.find(r.id).value();
        QVERIFY(removed);
        QVERIFY(removed->name.startsWith(u"Primary"_s));
        QCOMPARE(ShiftRepository(*f.db).find(past.id).value()->rotationId, r.id);
        // The name is free for a new rotation.
        QVERIFY(repo.insert(rotation(f, u"Primary"_s)));
        QCOMPARE(repo.all()->size(), 1);
    }

    void overlappingFiltersByRotation()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationRepository repo(*f.db);
        const Rotation a = rotation(f, u"A"_s);
        const Rotation b = rotation(f, u"B"_s);
        QVERIFY(repo.insert(a));
        QVERIFY(repo.insert(b));
        ShiftRepository shifts(*f.db);
        const QDateTime monday(QDate(2026, 3, 16), QTime(8, 0), Qt::UTC);
        for (const Rotation &r : {a, b}) {
            for (int day = 0; day < 3; ++day) {
                Shift s;
                s.id = ShiftId::create();
                s.rotationId = r.id;
                s.start = monday.addDays(day);
                s.end = monday.addDays(day + 1);
                QVERIFY(shifts.insert(s));
            }
        }
        QCOMPARE(shifts.overlapping(monday, monday.addDays(3))->size(), 6);
        const auto onlyB = shifts.overlapping(monday.addDays(1), monday.addDays(3), b.id).value();
        QCOMPARE(onlyB.size(), 2);
        QVERIFY(std::all_of(onlyB.cbegin(), onlyB.cend(), [&b](const Shift &s) { return s.rotationId == b.id; }));
        QVERIFY(shifts.remove(onlyB.first().id));
        QCOMPARE(shifts.overlapping(monday, monday.addDays(3), b.id)->size(), 2);
    }
};

QTEST_GUILESS_MAIN(RotationRepositoryTest)
#include "rotationrepositorytest.moc"
