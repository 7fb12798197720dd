#include "services/rotationservice.h"

#include "services/rosterservice.h"
#include "store/changelog.h"
#include "store/shiftrepository.h"
#include "testutil.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Tandem;

class RotationServiceTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    /// A team with two developers, an ops pool of two ops engineers, and Bob, an operations
    /// engineer without production access.
    struct Fixture
    {
        std::unique_ptr<Database> db;
        Team team;
        Person dev;
        Person newDev;
        Person ops1;
        Person ops2;
        Person bob;
        OpsPool pool;
    };

    Fixture make(const QTemporaryDir &dir)
    {
        Fixture f;
        f.db = Test::openFresh(dir, m_clock);
        RosterService roster(*f.db);
        f.team = roster.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        auto add = [&](Person p) {
            p.teams = {f.team.id};
            return roster.addPerson(p).value();
        };
        f.dev = add(Test::makePerson(u"Dana Dev"_s, u"dana@example.com"_s));
        f.newDev = add(Test::makePerson(u"Nico New"_s, u"nico@example.com"_s));
        f.ops1 = add(Test::makePerson(u"Olga Ops"_s, u"olga@example.com"_s, Role::Operations));
        f.ops2 = add(Test::makePerson(u"Omar Ops"_s, u"omar@example.com"_s, Role::Operations));
        Person bob = Test::makePerson(u"Bob"_s, u"bob@example.com"_s, Role::Operations);
        bob.productionAccess = false;
        f.bob = add(bob);
        f.pool = RotationService(*f.db).addPool(OpsPool{{}, u"Payments ops"_s, {f.ops2.id, f.ops1.id}}).value();
        return f;
    }

    static Rotation weekly(const Fixture &f, const QString &name = u"Payments on call"_s)
    {
        Rotation r;
        r.teamId = f.team.id;
        r.name = name;
        r.opsPoolId = f.pool.id;
        r.timeZone = u"Europe/Berlin"_s;
        r.startDate = QDate(2026, 3, 16);
        return r;
    }

    static int count(Database &db, const QString &table)
    {
        QSqlQuery q(db.connection());
        return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toInt() : -1;
    }

    struct Counts
    {
        int people;
        int rotations;
        int pools;
        int log;
        friend bool operator==(const Counts &, const Counts &) = default;
    };

    static Counts counts(Database &db)
    {
        return Counts{count(db, u"people"_s), count(db, u"rotations"_s), count(db, u"ops_pools"_s),
                      count(db, u"change_log"_s)};
    }

private Q_SLOTS:
    void addLogsTheRotationInTheSameTransaction()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationService service(*f.db);
        QList<QList<ChangeEntry>> announced;
        connect(f.db.get(), &Database::committed, this,
                [&announced](const QList<ChangeEntry> &changes) { announced.append(changes); });
        Rotation r = weekly(f, u"  Payments on call "_s);
        r.rules.newDevelopers = {f.newDev.id, f.newDev.id};
        const auto added = service.addRotation(r);
        QVERIFY2(added, qPrintable(added.errorMessage()));
        QCOMPARE(added->name, u"Payments on call"_s);                       // trimmed
        QCOMPARE(added->rules.newDevelopers, QList<PersonId>{f.newDev.id}); // once each
        QCOMPARE(*service.rotation(added->id).value(), added.value());
        QCOMPARE(service.rotationByName(u"payments ON CALL"_s).value()->id, added->id);
        // One commit announced the rotation with its log row: written together.
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.first().size(), 1);
        const auto log = ChangeLog(*f.db).entries(Entity::Rotation).value();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().action, ChangeAction::Create);
        QCOMPARE(log.first().entityId, added->id.toString());
        QCOMPARE(log.first().after.value(u"name"_s).toString(), u"Payments on call"_s);
        QCOMPARE(log.first().after.value(u"ops_pool"_s).toString(), f.pool.id.toString());
        QVERIFY(log.first().before.isEmpty());
    }

    void aFailedLogWriteLeavesNoRotation()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        const Counts before = counts(*f.db);
        QSqlQuery q(f.db->connection());
        QVERIFY(q.exec(u"CREATE TEMP TRIGGER refuse_log BEFORE INSERT ON change_log "
                       "BEGIN SELECT RAISE(ABORT, 'log is full'); END"_s));
        RotationService service(*f.db);
        const auto added = service.addRotation(weekly(f));
        QVERIFY(!added);
        QVERIFY2(added.errorMessage().contains(u"log is full"_s), qPrintable(added.errorMessage()));
        QVERIFY(!service.addPool(OpsPool{{}, u"Nights"_s, {f.ops1.id}}));
        QVERIFY(q.exec(u"DROP TRIGGER refuse_log"_s));
        QCOMPARE(counts(*f.db), before);
    }

    void badSettingsNameTheFieldAndWriteNothing_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty name") << u"empty name"_s << u"name"_s;
        QTest::newRow("blank name") << u"blank name"_s << u"name"_s;
        QTest::newRow("duplicate name") << u"duplicate name"_s << u"name"_s;
        QTest::newRow("no team") << u"no team"_s << u"team"_s;
        QTest::newRow("unknown team") << u"unknown team"_s << u"team"_s;
        QTest::newRow("no ops pool") << u"no ops pool"_s << u"ops_pool"_s;
        QTest::newRow("unknown ops pool") << u"unknown ops pool"_s << u"ops_pool"_s;
        QTest::newRow("empty ops pool") << u"empty ops pool"_s << u"ops_pool"_s;
        QTest::newRow("zero length") << u"zero length"_s << u"shift_minutes"_s;
        QTest::newRow("negative length") << u"negative length"_s << u"shift_minutes"_s;
        QTest::newRow("handoff weekday 0") << u"weekday 0"_s << u"handoff_weekday"_s;
        QTest::newRow("handoff weekday 8") << u"weekday 8"_s << u"handoff_weekday"_s;
        QTest::newRow("invalid handoff time") << u"bad time"_s << u"handoff_time"_s;
        QTest::newRow("no active day") << u"no day"_s << u"active_days"_s;
        QTest::newRow("empty time zone") << u"empty zone"_s << u"timezone"_s;
        QTest::newRow("unknown time zone") << u"bad zone"_s << u"timezone"_s;
        QTest::newRow("missing start date") << u"no start"_s << u"start_date"_s;
        QTest::newRow("min rest below -1") << u"min rest"_s << u"min_rest_hours"_s;
        QTest::newRow("negative max shifts") << u"max shifts"_s << u"max_shifts_per_4_weeks"_s;
        QTest::newRow("ops concurrency 0") << u"concurrency"_s << u"ops_concurrency"_s;
        QTest::newRow("negative weekend weight") << u"weekend weight"_s << u"weekend_weight"_s;
        QTest::newRow("negative holiday weight") << u"holiday weight"_s << u"holiday_weight"_s;
        QTest::newRow("NaN night weight") << u"night weight"_s << u"night_weight"_s;
        QTest::newRow("negative freeze days") << u"freeze"_s << u"freeze_days"_s;
        QTest::newRow("negative look-back") << u"lookback"_s << u"lookback_weeks"_s;
        QTest::newRow("unknown new developer") << u"unknown new dev"_s << u"new_developers"_s;
        QTest::newRow("ops marked new developer") << u"ops new dev"_s << u"new_developers"_s;
        QTest::newRow("removed person in forbidden pair") << u"removed forbidden"_s << u"forbidden_pairs"_s;
        QTest::newRow("same person twice in forbidden pair") << u"self pair"_s << u"forbidden_pairs"_s;
    }

    void badSettingsNameTheFieldAndWriteNothing()
    {
        QFETCH(QString, setting);
        QFETCH(QString, field);
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationService service(*f.db);
        QVERIFY(service.addRotation(weekly(f, u"Existing"_s)));
        Person gone = RosterService(*f.db).addPerson(Test::makePerson(u"Gone"_s, u"gone@example.com"_s)).value();
        QVERIFY(RosterService(*f.db).removePerson(gone.id));

        Rotation r = weekly(f);
        if (setting == u"empty name") {
            r.name.clear();
        } else if (setting == u"blank name") {
            r.name = u"   "_s;
        } else if (setting == u"duplicate name") {
            r.name = u"EXISTING"_s;
        } else if (setting == u"no team") {
            r.teamId = TeamId();
        } else if (setting == u"unknown team") {
            r.teamId = TeamId::create();
        } else if (setting == u"no ops pool") {
            r.opsPoolId = PoolId();
        } else if (setting == u"unknown ops pool") {
            r.opsPoolId = PoolId::create();
        } else if (setting == u"empty ops pool") {
            // Erasing its only member (the undo of adding them) leaves a pool empty.
            Person temp = RosterService(*f.db)
                              .addPerson(Test::makePerson(u"Temp"_s, u"temp@example.com"_s, Role::Operations))
                              .value();
            const OpsPool pool = service.addPool(OpsPool{{}, u"Temp pool"_s, {temp.id}}).value();
            QVERIFY(RosterService(*f.db).erasePerson(temp.id));
            r.opsPoolId = pool.id;
        } else if (setting == u"zero length") {
            r.shiftMinutes = 0;
        } else if (setting == u"negative length") {
            r.shiftMinutes = -60;
        } else if (setting == u"weekday 0") {
            r.handoffWeekday = 0;
        } else if (setting == u"weekday 8") {
            r.handoffWeekday = 8;
        } else if (setting == u"bad time") {
            r.handoffTime = QTime(25, 0);
        } else if (setting == u"no day") {
            r.activeDays = 0;
        } else if (setting == u"empty zone") {
            r.timeZone.clear();
        } else if (setting == u"bad zone") {
            r.timeZone = u"Mars/Olympus_Mons"_s;
        } else if (setting == u"no start") {
            r.startDate = QDate();
        } else if (setting == u"min rest") {
            r.rules.minRestHours = -2;
        } else if (setting == u"max shifts") {
            r.rules.maxShiftsPer4Weeks = -1;
        } else if (setting == u"concurrency") {
            r.rules.opsConcurrency = 0;
        } else if (setting == u"weekend weight") {
            r.rules.weekendWeight = -0.5;
        } else if (setting == u"holiday weight") {
            r.rules.holidayWeight = -1;
        } else if (setting == u"night weight") {
            r.rules.nightWeight = std::numeric_limits<double>::quiet_NaN();
        } else if (setting == u"freeze") {
            r.rules.freezeDays = -1;
        } else if (setting == u"lookback") {
            r.rules.lookbackWeeks = -1;
        } else if (setting == u"unknown new dev") {
            r.rules.newDevelopers = {PersonId::create()};
        } else if (setting == u"ops new dev") {
            r.rules.newDevelopers = {f.ops1.id};
        } else if (setting == u"removed forbidden") {
            r.rules.forbiddenPairs = {{gone.id, f.ops1.id}};
        } else if (setting == u"self pair") {
            r.rules.forbiddenPairs = {{f.dev.id, f.dev.id}};
        } else {
            QFAIL("unknown setting");
        }
        const Counts prepared = counts(*f.db); // "empty ops pool" needs a pool of its own first

        const auto added = service.addRotation(r);
        QVERIFY(!added);
        QCOMPARE(added.error().field, field);
        QVERIFY(!added.errorMessage().isEmpty());
        QCOMPARE(counts(*f.db), prepared);

        // The same settings are refused as an edit of an existing rotation, which stays as it was.
        Rotation existing = service.rotationByName(u"Existing"_s).value().value();
        const Rotation unchanged = existing;
        r.id = existing.id;
        if (setting == u"duplicate name") {
            QVERIFY(service.addRotation(weekly(f, u"Other"_s)));
            r.name = u"other"_s;
        }
        const Counts beforeEdit = counts(*f.db);
        const Status updated = service.updateRotation(r);
        QVERIFY(!updated);
        QCOMPARE(updated.error().field, field);
        QCOMPARE(counts(*f.db), beforeEdit);
        QCOMPARE(*service.rotation(existing.id).value(), unchanged);
    }

    void updateAndRemoveAreLoggedWithBeforeAndAfter()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationService service(*f.db);
        Rotation r = service.addRotation(weekly(f)).value();
        QVERIFY(service.updateRotation(r)); // nothing changed: no log row
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Rotation)->size(), 1);
        r.shiftMinutes = 24 * 60;
        r.rules.opsConcurrency = 2;
        QVERIFY(service.updateRotation(r));
        QCOMPARE(*service.rotation(r.id).value(), r);
        auto log = ChangeLog(*f.db).entries(Entity::Rotation, r.id.toString()).value();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.last().action, ChangeAction::Update);
        QCOMPARE(log.last().before.value(u"shift_minutes"_s).toInt(), 7 * 24 * 60);
        QCOMPARE(log.last().after.value(u"shift_minutes"_s).toInt(), 24 * 60);
        QCOMPARE(log.last().after.value(u"rules"_s).toObject().value(u"ops_concurrency"_s).toInt(), 2);

        QVERIFY(service.removeRotation(r.id));
        QVERIFY(service.rotations()->isEmpty());
        QVERIFY(!service.rotationByName(u"Payments on call"_s).value());
        log = ChangeLog(*f.db).entries(Entity::Rotation, r.id.toString()).value();
        QCOMPARE(log.last().action, ChangeAction::Delete);
        QCOMPARE(log.last().before.value(u"name"_s).toString(), u"Payments on call"_s);
        QVERIFY(!service.updateRotation(r)); // removed rotations are not edited
        // Its name is free again.
        QVERIFY(service.addRotation(weekly(f)));
    }

    void removingARotationDeletesOnlyShiftsNotYetStarted()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationService service(*f.db);
        const Rotation r = service.addRotation(weekly(f)).value();
        ShiftRepository shifts(*f.db);
        auto makeShift = [&](int hoursFromNow) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = r.id;
            s.start = m_clock.now().addSecs(qint64(hoursFromNow) * 3600);
            s.end = s.start.addDays(1);
            s.dev = f.dev.id;
            s.ops = f.ops1.id;
            return s;
        };
        const Shift past = makeShift(-72);
        const Shift underway = makeShift(-2);
        const Shift future = makeShift(48);
        for (const Shift &s : {past, underway, future}) {
            QVERIFY(shifts.insert(s));
        }
        QVERIFY(service.removeRotation(r.id));
        QVERIFY(shifts.find(past.id).value());
        QVERIFY(shifts.find(underway.id).value());
        QVERIFY(!shifts.find(future.id).value());
        const auto shiftLog = ChangeLog(*f.db).entries(Entity::Shift).value();
        QCOMPARE(shiftLog.size(), 1);
        QCOMPARE(shiftLog.first().entityId, future.id.toString());
        QCOMPARE(shiftLog.first().action, ChangeAction::Delete);
        // The removed rotation is still known by id, for the history.
        QVERIFY(service.rotation(r.id).value());
        QCOMPARE(service.shifts(m_clock.now().addDays(-7), m_clock.now().addDays(7), r.id)->size(), 2);
    }

    void poolMembersNeedProductionAccessAndTheRoster_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("message");
        QTest::newRow("no production access") << u"bob"_s << u"Bob has no production access; the ops seat needs it."_s;
        QTest::newRow("removed") << u"removed"_s << u"Olga Ops is no longer on the roster."_s;
        QTest::newRow("unknown") << u"unknown"_s << QString();
    }

    void poolMembersNeedProductionAccessAndTheRoster()
    {
        QFETCH(QString, member);
        QFETCH(QString, message);
        QTemporaryDir dir;
        Fixture f = make(dir);
        PersonId id = member == u"bob" ? f.bob.id : member == u"removed" ? f.ops1.id : PersonId::create();
        if (member == u"removed") {
            QVERIFY(RosterService(*f.db).removePerson(f.ops1.id));
        }
        const Counts before = counts(*f.db);
        RotationService service(*f.db);
        const auto added = service.addPool(OpsPool{{}, u"Nights"_s, {f.ops2.id, id}});
        QVERIFY(!added);
        QCOMPARE(added.error().field, u"members"_s);
        if (!message.isEmpty()) {
            QCOMPARE(added.errorMessage(), message);
        }
        QCOMPARE(counts(*f.db), before);
        // Nor can an existing pool take them in.
        OpsPool pool = f.pool;
        pool.members = {f.ops2.id, id};
        const Status updated = service.updatePool(pool);
        QVERIFY(!updated);
        QCOMPARE(updated.error().field, u"members"_s);
        QCOMPARE(counts(*f.db), before);
    }

    void badPoolsAreRefused()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationService service(*f.db);
        const Counts before = counts(*f.db);
        auto empty = service.addPool(OpsPool{{}, u"Empty"_s, {}});
        QVERIFY(!empty);
        QCOMPARE(empty.error().field, u"members"_s);
        auto unnamed = service.addPool(OpsPool{{}, u" "_s, {f.ops1.id}});
        QVERIFY(!unnamed);
        QCOMPARE(unnamed.error().field, u"name"_s);
        auto duplicate = service.addPool(OpsPool{{}, u"PAYMENTS OPS"_s, {f.ops1.id}});
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().field, u"name"_s);
        QCOMPARE(counts(*f.db), before);
        OpsPool emptied = f.pool;
        emptied.members.clear();
        QCOMPARE(service.updatePool(emptied).error().field, u"members"_s);
        QCOMPARE(service.pool(f.pool.id).value()->members.size(), 2);
    }

    void poolsAreLoggedAndSharedAndRemovedOnlyWhenUnused()
    {
        QTemporaryDir dir;
        Fixture f = make(dir);
        RotationService service(*f.db);
        // addPool kept each member once, by name.
        QCOMPARE(f.pool.members, (QList<PersonId>{f.ops1.id, f.ops2.id}));
        QCOMPARE(*service.pool(f.pool.id).value(), f.pool);
        auto log = ChangeLog(*f.db).entries(Entity::Pool, f.pool.id.toString()).value();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().action, ChangeAction::Create);

        OpsPool renamed = f.pool;
        renamed.name = u"Europe ops"_s;
        renamed.members = {f.ops2.id};
        QVERIFY(service.updatePool(renamed));
        QCOMPARE(service.poolByName(u"europe ops"_s).value()->members, QList<PersonId>{f.ops2.id});
        log = ChangeLog(*f.db).entries(Entity::Pool, f.pool.id.toString()).value();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.last().before.value(u"members"_s).toArray().size(), 2);
        QCOMPARE(log.last().after.value(u"members"_s).toArray().size(), 1);

        // Two rotations of different teams share the pool; it cannot go while either uses it.
        const Team search = RosterService(*f.db).addTeam(Team{{}, u"Search"_s, u"America/New_York"_s}).value();
        Rotation a = service.addRotation(weekly(f, u"Payments on call"_s)).value();
        Rotation b = weekly(f, u"Search on call"_s);
        b.teamId = search.id;
        b = service.addRotation(b).value();
        const Counts before = counts(*f.db);
        const Status refused = service.removePool(f.pool.id);
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(u"Payments on call"_s), qPrintable(refused.errorMessage()));
        QVERIFY(refused.errorMessage().contains(u"Search on call"_s));
        QCOMPARE(counts(*f.db), before);
        QVERIFY(service.removeRotation(a.id));
        QVERIFY(!service.removePool(f.pool.id));
        QVERIFY(service.removeRotation(b.id));
        QVERIFY(service.removePool(f.pool.id));
        QVERIFY(service.pools()->isEmpty());
        log = ChangeLog(*f.db).entries(Entity::Pool, f.pool.id.toString()).value();
        QCOMPARE(log.last().action, ChangeAction::Delete);
        QCOMPARE(log.last().before.value(u"name"_s).toString(), u"Europe ops"_s);
    }
};

QTEST_GUILESS_MAIN(RotationServiceTest)
#include "rotationservicetest.moc"
