#include "store/timeoffrepository.h"

#include "store/personrepository.h"
#include "store/teamrepository.h"
#include "testutil.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

class TimeOffRepositoryTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void overlapFindsEveryLeaveTouchingTheRange_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("expected");
        // The leave runs 2026-12-24 to 2026-12-26, both included.
        QTest::newRow("before") << QDate(2026, 12, 1) << QDate(2026, 12, 23) << 0;
        QTest::newRow("touches first day") << QDate(2026, 12, 20) << QDate(2026, 12, 24) << 1;
        QTest::newRow("inside") << QDate(2026, 12, 25) << QDate(2026, 12, 25) << 1;
        QTest::newRow("touches last day") << QDate(2026, 12, 26) << QDate(2027, 1, 2) << 1;
        QTest::newRow("after") << QDate(2026, 12, 27) << QDate(2027, 1, 2) << 0;
        QTest::newRow("around") << QDate(2026, 12, 1) << QDate(2027, 1, 31) << 1;
    }

    void overlapFindsEveryLeaveTouchingTheRange()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, expected);
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        Person p = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        p.id = PersonId::create();
        QVERIFY(PersonRepository(*db).insert(p));
        TimeOffRepository repo(*db);
        QVERIFY(repo.insert(TimeOff{TimeOffId::create(), p.id, QDate(2026, 12, 24), QDate(2026, 12, 26), u"Xmas"_s}));
        QCOMPARE(repo.overlapping(from, to)->size(), expected);
    }

    void updateAndRemove()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        Person p = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        p.id = PersonId::create();
        QVERIFY(PersonRepository(*db).insert(p));
        TimeOffRepository repo(*db);
        TimeOff t{TimeOffId::create(), p.id, QDate(2026, 7, 1), QDate(2026, 7, 14), u"Summer"_s};
        QVERIFY(repo.insert(t));
        t.to = QDate(2026, 7, 21);
        QVERIFY(repo.update(t));
        QCOMPARE(*repo.find(t.id).value(), t);
        QCOMPARE(repo.forPerson(p.id)->size(), 1);
        QVERIFY(repo.remove(t.id));
        QCOMPARE(repo.forPerson(p.id)->size(), 0);
    }

    void refusesEndBeforeStartAndUnknownPerson()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        Person p = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        p.id = PersonId::create();
        QVERIFY(PersonRepository(*db).insert(p));
        TimeOffRepository repo(*db);
        QVERIFY(!repo.insert(TimeOff{TimeOffId::create(), p.id, QDate(2026, 7, 14), QDate(2026, 7, 1), {}}));
        QVERIFY(
            !repo.insert(TimeOff{TimeOffId::create(), PersonId::create(), QDate(2026, 7, 1), QDate(2026, 7, 2), {}}));
    }

    void holidaysPerTeam()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        QVERIFY(TeamRepository(*db).insert(team));
        HolidayRepository repo(*db);
        const Holiday xmas{HolidayId::create(), team.id, QDate(2026, 12, 25), u"Christmas Day"_s};
        QVERIFY(repo.insert(xmas));
        QVERIFY(!repo.insert(Holiday{HolidayId::create(), team.id, QDate(2026, 12, 25), u"Twice"_s}));
        QCOMPARE(repo.forTeam(team.id).value(), QList<Holiday>{xmas});
        QVERIFY(repo.remove(xmas.id));
        QVERIFY(repo.forTeam(team.id)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TimeOffRepositoryTest)
#include "timeoffrepositorytest.moc"
