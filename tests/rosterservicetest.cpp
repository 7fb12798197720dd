#include "services/rosterservice.h"

#include "store/changelog.h"
#include "store/shiftrepository.h"
#include "store/transaction.h"
#include "testutil.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Tandem;

class RosterServiceTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    static qint64 logCount(Database &db) { return ChangeLog(db).count().value(); }

private Q_SLOTS:
    void addLogsInTheSameTransaction()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const auto added = roster.addPerson(Test::makePerson(u"  Ada  "_s, u"ada@example.com "_s));
        QVERIFY2(added, qPrintable(added.errorMessage()));
        QCOMPARE(added->name, u"Ada"_s); // trimmed
        const auto log = ChangeLog(*db).entries(Entity::Person);
        QCOMPARE(log->size(), 1);
        QCOMPARE(log->first().entityId, added->id.toString());
        QCOMPARE(log->first().action, ChangeAction::Create);
        QCOMPARE(log->first().actor, u"tester@example.com"_s);
        QCOMPARE(log->first().after.value(u"email"_s).toString(), u"ada@example.com"_s);
    }

    void aFailedLogWriteLeavesNeitherChangeNorLog()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        // Make the change-log insert fail inside the service's transaction.
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(u"CREATE TEMP TRIGGER refuse_log BEFORE INSERT ON change_log "
                       "BEGIN SELECT RAISE(ABORT, 'log is full'); END"_s));
        RosterService roster(*db);
        const auto added = roster.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s));
        QVERIFY(!added);
        QVERIFY2(added.errorMessage().contains(u"log is full"_s), qPrintable(added.errorMessage()));
        QVERIFY(roster.people()->isEmpty());
        QVERIFY(q.exec(u"DROP TRIGGER refuse_log"_s));
        QCOMPARE(logCount(*db), 0);
    }

    void aFailedChangeWritesNoLog()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        QVERIFY(roster.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
        const auto duplicate = roster.addPerson(Test::makePerson(u"Imposter"_s, u"ADA@example.com"_s));
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().field, u"email"_s);
        QVERIFY(duplicate.errorMessage().contains(u"Ada"_s));
        QCOMPARE(logCount(*db), 1);
        QCOMPARE(roster.people()->size(), 1);
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("empty name") << u"name"_s << QString();
        QTest::newRow("bad email") << u"email"_s << u"ada.example.com"_s;
        QTest::newRow("unknown zone") << u"timezone"_s << u"Mars/Olympus"_s;
        QTest::newRow("capacity too high") << u"capacity"_s << u"1.5"_s;
        QTest::newRow("capacity too low") << u"capacity"_s << u"0.05"_s;
        QTest::newRow("phone with letters") << u"phone"_s << u"call me"_s;
    }

    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        Person p = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        if (field == u"name") {
            p.name = value;
        } else if (field == u"email") {
            p.email = value;
        } else if (field == u"timezone") {
            p.timeZone = value;
        } else if (field == u"capacity") {
            p.capacity = value.toDouble();
        } else if (field == u"phone") {
            p.phone = value;
        }
        const auto added = RosterService(*db).addPerson(p);
        QVERIFY(!added);
        QCOMPARE(added.error().field, field);
        QVERIFY(!added.errorMessage().isEmpty());
        QCOMPARE(logCount(*db), 0);
    }

    void updateLogsBeforeAndAfterAndSkipsNoOps()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        Person p = roster.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)).value();
        QVERIFY(roster.updatePerson(p)); // nothing changed: no log row
        QCOMPARE(logCount(*db), 1);
        p.phone = u"+49 30 123"_s;
        QVERIFY(roster.updatePerson(p));
        const auto log = ChangeLog(*db).entries(Entity::Person, p.id.toString()).value();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.last().before.value(u"phone"_s).toString(), QString());
        QCOMPARE(log.last().after.value(u"phone"_s).toString(), u"+49 30 123"_s);
    }

    void removingEmptiesFutureSeatsKeepsHistoryAndRestores()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const Team team = roster.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        Person dev = Test::makePerson(u"Dev"_s, u"dev@example.com"_s);
        dev.teams = {team.id};
        dev = roster.addPerson(dev).value();
        const Person ops = roster.addPerson(Test::makePerson(u"Ops"_s, u"ops@example.com"_s, Role::Operations)).value();
        Rotation rotation;
        rotation.id = RotationId::create();
        rotation.teamId = team.id;
        rotation.name = u"Primary"_s;
        rotation.timeZone = team.timeZone;
        rotation.startDate = QDate(2026, 1, 1);
        QVERIFY(RotationRepository(*db).insert(rotation));
        ShiftRepository shifts(*db);
        auto makeShift = [&](int dayOffset) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = rotation.id;
            s.start = m_clock.now().addDays(dayOffset);
            s.end = s.start.addDays(1);
            s.dev = dev.id;
            s.ops = ops.id;
            return s;
        };
        const Shift past = makeShift(-3);
        const Shift future = makeShift(2);
        QVERIFY(shifts.insert(past));
        QVERIFY(shifts.insert(future));

        QCOMPARE(roster.futureSeats(dev.id)->size(), 1);
        const auto removal = roster.removePerson(dev.id);
        QVERIFY2(removal, qPrintable(removal.errorMessage()));
        QCOMPARE(removal->clearedSeats, (QList<SeatRef>{SeatRef{future.id, Seat::Dev}}));
        QCOMPARE(shifts.find(past.id).value()->dev, dev.id);   // history untouched
        QVERIFY(shifts.find(future.id).value()->dev.isNull()); // a gap now
        QCOMPARE(shifts.find(future.id).value()->ops, ops.id);
        QCOMPARE(roster.people()->size(), 1);
        QVERIFY(!roster.rosterPerson(dev.id).value());
        QVERIFY(roster.person(dev.id).value()); // still known for the audit
        // The removal logged the person and the shift in one go.
        const auto log = ChangeLog(*db).entries().value();
        QCOMPARE(log.last().entity, u"person"_s);
        QCOMPARE(log.last().action, ChangeAction::Delete);
        QCOMPARE(log.at(log.size() - 2).entityId, future.id.toString());

        QVERIFY(roster.restorePerson(removal.value()));
        QCOMPARE(roster.people()->size(), 2);
        QCOMPARE(shifts.find(future.id).value()->dev, dev.id);
        // A person with shifts cannot be erased, only removed.
        QVERIFY(!roster.erasePerson(dev.id));
        QVERIFY(roster.person(dev.id).value());
    }

    void teamsAndTimeOff()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const Team team = roster.addTeam(Team{{}, u"Search"_s, u"America/New_York"_s}).value();
        QVERIFY(!roster.addTeam(Team{{}, u"search"_s, u"UTC"_s}));
        Person p = Test::makePerson(u"Maya"_s, u"maya@example.com"_s);
        p.teams = {team.id};
        p = roster.addPerson(p).value();
        const Status refused = roster.removeTeam(team.id);
        QVERIFY(!refused);
        QVERIFY(refused.errorMessage().contains(u"1 member"_s));
        const auto bad = roster.addTimeOff(TimeOff{{}, p.id, QDate(2026, 5, 10), QDate(2026, 5, 1), {}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, u"to"_s);
        const auto off = roster.addTimeOff(TimeOff{{}, p.id, QDate(2026, 5, 1), QDate(2026, 5, 10), u"Trip"_s});
        QVERIFY(off);
        QCOMPARE(roster.timeOff(p.id)->size(), 1);
        QVERIFY(roster.removeTimeOff(off->id));
        QVERIFY(roster.allTimeOff()->isEmpty());
        QCOMPARE(ChangeLog(*db).entries(Entity::TimeOff)->size(), 2);
    }

    void holidaysArePerTeamAndLogged()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const Team team = roster.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        const Team other = roster.addTeam(Team{{}, u"Search"_s, u"America/New_York"_s}).value();
        const auto xmas = roster.addHoliday(Holiday{{}, team.id, QDate(2026, 12, 25), u" Christmas Day "_s});
        QVERIFY2(xmas, qPrintable(xmas.errorMessage()));
        QCOMPARE(xmas->name, u"Christmas Day"_s);
        QVERIFY(roster.addHoliday(Holiday{{}, other.id, QDate(2026, 12, 25), u"Christmas Day"_s}));
        const qint64 logged = logCount(*db);
        // One holiday per team and day; bad input names the field and writes nothing.
        const auto twice = roster.addHoliday(Holiday{{}, team.id, QDate(2026, 12, 25), u"Again"_s});
        QVERIFY(!twice);
        QCOMPARE(twice.error().field, u"date"_s);
        QCOMPARE(roster.addHoliday(Holiday{{}, team.id, QDate(), u"Someday"_s}).error().field, u"date"_s);
        QCOMPARE(roster.addHoliday(Holiday{{}, team.id, QDate(2026, 5, 1), u"  "_s}).error().field, u"name"_s);
        QCOMPARE(roster.addHoliday(Holiday{{}, TeamId::create(), QDate(2026, 5, 1), u"Labour Day"_s}).error().field,
                 u"team"_s);
        QCOMPARE(logCount(*db), logged);
        QCOMPARE(roster.holidays(team.id).value(), QList<Holiday>{xmas.value()});

        QVERIFY(roster.removeHoliday(xmas->id));
        QVERIFY(roster.holidays(team.id)->isEmpty());
        QCOMPARE(roster.holidays(other.id)->size(), 1);
        const auto log = ChangeLog(*db).entries(Entity::Holiday).value();
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.last().action, ChangeAction::Delete);
        QCOMPARE(log.last().before.value(u"date"_s).toString(), u"2026-12-25"_s);
    }
};

QTEST_GUILESS_MAIN(RosterServiceTest)
#include "rosterservicetest.moc"
