#include "store/shiftrepository.h"

#include "personfixture.h"
#include "store/teamrepository.h"
#include "testutil.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

class ShiftRepositoryTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    struct Fixture
    {
        std::unique_ptr<Database> db;
        Rotation rotation;
        Person dev;
        Person ops;
    };

    Fixture make(const QTemporaryDir &dir)
    {
        Fixture f;
        f.db = Test::openFresh(dir, m_clock);
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        TeamRepository(*f.db).insert(team).ok();
        f.rotation.id = RotationId::create();
        f.rotation.teamId = team.id;
        f.rotation.name = u"Payments primary"_s;
        f.rotation.timeZone = u"Europe/Berlin"_s;
        f.rotation.startDate = QDate(2026, 1, 5);
        RotationRepository(*f.db).insert(f.rotation).ok();
        const Test::DevAndOps pair = Test::insertDevAndOps(*f.db);
        f.dev = pair.dev;
        f.ops = pair.ops;
        return f;
    }

    static Shift shiftAt(const Fixture &f, const QDateTime &start, int hours)
    {
        Shift s;
        s.id = ShiftId::create();
        s.rotationId = f.rotation.id;
        s.start = start;
        s.end = start.addSecs(hours * 3600);
        s.dev = f.dev.id;
        s.ops = f.ops.id;
        return s;
    }

private Q_SLOTS:
    void roundTripAndRangeQuery()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        ShiftRepository repo(*f.db);
        const QDateTime monday(QDate(2026, 3, 16), QTime(8, 0), Qt::UTC);
        QList<Shift> shifts;
        for (int day = 0; day < 7; ++day) {
            Shift s = shiftAt(f, monday.addDays(day), 24);
            if (day == 3) {
                s.ops = PersonId(); // a gap
                s.state = ShiftState::Locked;
                s.note = u"watch the batch job"_s;
            }
            QVERIFY(repo.insert(s));
            shifts.append(s);
        }
        QCOMPARE(*repo.find(shifts.at(3).id).value(), shifts.at(3));
        // [Wed 08:00, Thu 08:00) overlaps only Wednesday's shift; touching ends do not overlap.
        const auto wed = repo.overlapping(monday.addDays(2), monday.addDays(3));
        QCOMPARE(wed->size(), 1);
        QCOMPARE(wed->first().id, shifts.at(2).id);
        QCOMPARE(repo.overlapping(monday.addDays(2).addSecs(3600), monday.addDays(4))->size(), 2);
    }

    void seatsFromNowOn()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        ShiftRepository repo(*f.db);
        const QDateTime now = m_clock.now();
        Shift past = shiftAt(f, now.addDays(-2), 24);
        Shift future = shiftAt(f, now.addDays(1), 24);
        future.dev = PersonId();
        QVERIFY(repo.insert(past));
        QVERIFY(repo.insert(future));
        const auto devSeats = repo.seatsFrom(f.dev.id, now);
        QVERIFY(devSeats->isEmpty());
        const auto opsSeats = repo.seatsFrom(f.ops.id, now);
        QCOMPARE(opsSeats.value(), (QList<SeatRef>{SeatRef{future.id, Seat::Ops}}));
    }

    void endMustFollowStart()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        Shift s = shiftAt(f, m_clock.now(), 0);
        QVERIFY(!ShiftRepository(*f.db).insert(s));
    }
};

QTEST_GUILESS_MAIN(ShiftRepositoryTest)
#include "shiftrepositorytest.moc"
