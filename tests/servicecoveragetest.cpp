#include "reports/servicecoverage.h"

#include "servicefixture.h"
#include "services/servicecatalog.h"
#include "store/changelog.h"
#include "testutil.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Tandem {

using Reports::ServiceHole;

class ServiceCoverageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The two-continent service over one week of each season: the legs tile the day in winter and
    // summer, and leave 05:00-06:00 UTC to nobody (with 17:00-18:00 UTC held twice) only in the
    // weeks the US has switched and the EU has not.
    void acrossDst_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<int>("holeMinutesPerDay");
        QTest::newRow("winter") << QDate(2026, 1, 12) << 0;
        QTest::newRow("US switched, EU not (March)") << QDate(2026, 3, 10) << 60;
        QTest::newRow("both switched (April)") << QDate(2026, 4, 6) << 0;
        QTest::newRow("summer") << QDate(2026, 7, 13) << 0;
        QTest::newRow("EU back, US not (October)") << QDate(2026, 10, 26) << 60;
        QTest::newRow("both back (November)") << QDate(2026, 11, 9) << 0;
    }
    void acrossDst()
    {
        QFETCH(QDate, from);
        QFETCH(int, holeMinutesPerDay);
        Test::ServiceFixture f;
        const int days = 5;
        auto c = ServiceCatalog(*f.db).coverage(f.service.id, Test::ServiceFixture::utc(from, 0),
                                                Test::ServiceFixture::utc(from.addDays(days), 0));
        QVERIFY2(c, qPrintable(c.errorMessage()));
        QCOMPARE(c->requiredMinutes, days * 24 * 60);
        QCOMPARE(c->uncoveredMinutes, qint64(days * holeMinutesPerDay));
        QCOMPARE(c->noPairMinutes, 0);
        QCOMPARE(c->overlapMinutes, qint64(days * holeMinutesPerDay));
        QCOMPARE(c->coveredMinutes, c->requiredMinutes - c->uncoveredMinutes);
        QCOMPARE(c->holes.size(), holeMinutesPerDay ? days : 0);
        QCOMPARE(c->overlaps.size(), holeMinutesPerDay ? days : 0);
        for (int i = 0; i < c->holes.size(); ++i) {
            const ServiceHole &h = c->holes.at(i);
            QCOMPARE(h.kind, ServiceHole::Uncovered);
            // Nobody's hour: after New York's 01:00 (05:00 UTC), before Berlin's 07:00 (06:00 UTC).
            QCOMPARE(h.start, Test::ServiceFixture::utc(from.addDays(i), 5));
            QCOMPARE(h.end, Test::ServiceFixture::utc(from.addDays(i), 6));
            const Reports::ServiceOverlap &o = c->overlaps.at(i);
            QCOMPARE(o.start, Test::ServiceFixture::utc(from.addDays(i), 17));
            QCOMPARE(o.end, Test::ServiceFixture::utc(from.addDays(i), 18));
            QCOMPARE(o.legs, (QList<RotationId>{f.berlin.id, f.newYork.id}));
        }
        QCOMPARE(c->legs.size(), 2);
        QCOMPARE(c->legs.at(0).pairedMinutes, qint64(days * 12 * 60));
        QCOMPARE(c->legs.at(1).pairedMinutes, qint64(days * 12 * 60));
    }

    // Over the whole year the holes are exactly the days between the switches, nothing else: from
    // 9 March (New York's shift of the 8th is the first to end at 05:00 UTC) to 28 March (Berlin
    // starts at 05:00 UTC from the 29th), and from 25 October to 31 October; 1 November too when
    // the ambiguous 01:00 of that night (it happens twice in New York) is read as the first one.
    void wholeYearFindsOnlyTheSwitchWeeks()
    {
        Test::ServiceFixture f;
        auto c = ServiceCatalog(*f.db).coverage(f.service.id, QDate(2026, 1, 2), QDate(2026, 12, 30));
        QVERIFY2(c, qPrintable(c.errorMessage()));
        QSet<QDate> holeDays;
        for (const ServiceHole &h : std::as_const(c->holes)) {
            QCOMPARE(h.kind, ServiceHole::Uncovered);
            QCOMPARE(h.minutes(), 60);
            QCOMPARE(h.start.time(), QTime(5, 0));
            holeDays.insert(h.start.date());
        }
        QSet<QDate> expected;
        for (QDate d(2026, 3, 9); d <= QDate(2026, 3, 28); d = d.addDays(1)) {
            expected.insert(d);
        }
        for (QDate d(2026, 10, 25); d <= QDate(2026, 10, 31); d = d.addDays(1)) {
            expected.insert(d);
        }
        holeDays.remove(QDate(2026, 11, 1));
        QCOMPARE(holeDays, expected);
        QVERIFY(c->uncoveredMinutes == 27 * 60 || c->uncoveredMinutes == 28 * 60);
        QVERIFY(c->coveredPercent() < 100.0 && c->coveredPercent() > 99.0);
        // The hole in the service's zone (Berlin): 06:00-07:00 local, before the Berlin leg starts.
        const auto json = Reports::serviceCoverageJson(c.value());
        QCOMPARE(json.value(u"holes"_s).toArray().first().toObject().value(u"start_local"_s).toString(),
                 u"2026-03-09T06:00:00+01:00"_s);
        QCOMPARE(json.value(u"hole_minutes"_s).toInteger(), c->uncoveredMinutes);
    }

    // A leg's shift with only the ops seat is someone on call, but not a pair: a hole of its own
    // kind, with the reason and the leg, not counted as covered.
    void emptySeatIsNoPair()
    {
        Test::ServiceFixture f(QDate(2026, 1, 10), QDate(2026, 1, 20));
        ShiftRepository shifts(*f.db);
        auto day = shifts.overlapping(Test::ServiceFixture::utc({2026, 1, 14}, 10),
                                      Test::ServiceFixture::utc({2026, 1, 14}, 11), f.berlin.id);
        QVERIFY(day && day->size() == 1);
        Shift s = day->first();
        s.dev = {};
        QVERIFY(shifts.update(s));
        auto c = ServiceCatalog(*f.db).coverage(f.service.id, QDate(2026, 1, 13), QDate(2026, 1, 15));
        QVERIFY2(c, qPrintable(c.errorMessage()));
        QCOMPARE(c->uncoveredMinutes, 0);
        QCOMPARE(c->noPairMinutes, 12 * 60);
        QCOMPARE(c->holes.size(), 1);
        QCOMPARE(c->holes.first().kind, ServiceHole::NoPair);
        QCOMPARE(c->holes.first().reason, Reports::GapReason::NoDeveloper);
        QCOMPARE(c->holes.first().legs, QList<RotationId>{f.berlin.id});
        QCOMPARE(c->holes.first().start, s.start);
        QCOMPARE(c->holes.first().end, s.end);
        QCOMPARE(c->holeMinutes(), 12 * 60);
        QVERIFY(Reports::serviceCoverageCsv(c.value()).contains(",no_pair,"_ba) ||
                Reports::serviceCoverageCsv(c.value()).contains("no_pair,"_ba));
    }

    // The pure function on hand-made shifts: a developer alone in one leg and an ops engineer
    // alone in another are not a pair ("not paired"); an ops engineer without production access
    // does not count; shifts of rotations that are not legs are ignored.
    void seatsAcrossLegs()
    {
        const auto at = [](int hour) { return QDateTime(QDate(2026, 5, 4), QTime(hour, 0), Qt::UTC); };
        Reports::ServiceCoverageInput in;
        const RotationId a = RotationId::create();
        const RotationId b = RotationId::create();
        in.service.name = u"S"_s;
        in.service.timeZone = u"UTC"_s;
        in.service.legs = {a, b};
        Person dev = Test::makePerson(u"D"_s, u"d@example.com"_s);
        dev.id = PersonId::create();
        Person op = Test::makePerson(u"O"_s, u"o@example.com"_s, Role::Operations);
        op.id = PersonId::create();
        Person noAccess = Test::makePerson(u"N"_s, u"n@example.com"_s, Role::Operations);
        noAccess.id = PersonId::create();
        noAccess.productionAccess = false;
        in.people = {{dev.id, dev}, {op.id, op}, {noAccess.id, noAccess}};
        const auto shift = [](RotationId r, QDateTime s, QDateTime e, PersonId d, PersonId o) {
            Shift x;
            x.id = ShiftId::create();
            x.rotationId = r;
            x.start = s;
            x.end = e;
            x.dev = d;
            x.ops = o;
            return x;
        };
        in.shifts = {shift(a, at(0), at(4), dev.id, {}),                        // 0-4: dev alone in a...
                     shift(b, at(2), at(6), {}, op.id),                         // 2-6: ...ops alone in b
                     shift(a, at(6), at(8), dev.id, noAccess.id),               // 6-8: ops without access
                     shift(RotationId::create(), at(8), at(10), dev.id, op.id), // not a leg
                     shift(b, at(10), at(12), dev.id, op.id)};
        in.from = at(0);
        in.to = at(12);
        const auto c = Reports::serviceCoverage(in);
        QCOMPARE(c.coveredMinutes, 120);
        QCOMPARE(c.noPairMinutes, 8 * 60);
        QCOMPARE(c.uncoveredMinutes, 120);
        QCOMPARE(c.holes.size(), 5);
        QCOMPARE(c.holes.at(0).reason, Reports::GapReason::NoOps);
        QCOMPARE(c.holes.at(1).reason, Reports::GapReason::NotPaired);
        QCOMPARE(c.holes.at(1).legs, (QList<RotationId>{a, b}));
        QCOMPARE(c.holes.at(2).reason, Reports::GapReason::NoDeveloper);
        QCOMPARE(c.holes.at(3).reason, Reports::GapReason::NoOps);
        QCOMPARE(c.holes.at(3).start, at(6));
        QCOMPARE(c.holes.at(4).kind, ServiceHole::Uncovered);
        QCOMPARE(c.holes.at(4).start, at(8));
        QCOMPARE(c.holes.at(4).end, at(10));
        QVERIFY(c.overlaps.isEmpty());
    }

    // A removed leg keeps its place (its past shifts stay), is marked removed, and its future
    // shifts are gone: the service shows the holes it leaves.
    void removedRotation()
    {
        Test::ServiceFixture f(QDate(2026, 3, 10), QDate(2026, 3, 31));
        // now is 2026-03-18 12:00 UTC: the New York shifts that have not started go.
        QVERIFY(RotationService(*f.db).removeRotation(f.newYork.id));
        ServiceCatalog catalog(*f.db);
        auto c = catalog.coverage(f.service.id, QDate(2026, 3, 20), QDate(2026, 3, 21));
        QVERIFY2(c, qPrintable(c.errorMessage()));
        QVERIFY(c->legs.at(1).removed);
        QCOMPARE(c->legs.at(1).pairedMinutes, 0);
        QCOMPARE(c->uncoveredMinutes, c->requiredMinutes - c->coveredMinutes);
        QVERIFY(c->uncoveredMinutes >= 2 * 12 * 60);
        // The service can still be renamed with the removed leg in it...
        Service renamed = f.service;
        renamed.name = u"Payments prod"_s;
        QVERIFY2(catalog.updateService(renamed), "rename with a removed leg");
        // ...but a removed rotation cannot become a new leg.
        Service other;
        other.name = u"Other"_s;
        other.legs = {f.newYork.id};
        const auto refused = catalog.addService(other);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, u"legs"_s);
        QVERIFY2(refused.errorMessage().contains(u"New York days"_s), qPrintable(refused.errorMessage()));
    }

    // Add, rename, set legs, remove: each written with its change-log row; refusals write nothing.
    void editsAreLogged()
    {
        Test::ServiceFixture f(QDate(2026, 3, 10), QDate(2026, 3, 11));
        ServiceCatalog catalog(*f.db);
        QCOMPARE(f.service.teamId, f.team.id);            // the first leg's team
        QCOMPARE(f.service.timeZone, u"Europe/Berlin"_s); // the team's zone
        Service s = f.service;
        s.name = u"  Payments EU  "_s;
        s.legs = {f.berlin.id, f.berlin.id};
        QVERIFY(catalog.updateService(s));
        auto stored = catalog.serviceByName(u"payments eu"_s);
        QVERIFY(stored && stored.value());
        QCOMPARE(stored.value()->name, u"Payments EU"_s);
        QCOMPARE(stored.value()->legs, QList<RotationId>{f.berlin.id});
        QVERIFY(catalog.removeService(s.id));
        QVERIFY(catalog.services()->isEmpty());
        const auto log = ChangeLog(*f.db).entries(Entity::Service);
        QVERIFY(log);
        QCOMPARE(log->size(), 3);
        QCOMPARE(log->at(0).action, ChangeAction::Create);
        QCOMPARE(log->at(1).action, ChangeAction::Update);
        QCOMPARE(log->at(1).after.value(u"name"_s).toString(), u"Payments EU"_s);
        QCOMPARE(log->at(2).action, ChangeAction::Delete);
        // Adding it back under its id (what an undo does) restores it.
        QVERIFY(catalog.addService(f.service));
        QCOMPARE(catalog.service(f.service.id)->value(), f.service);
    }

    void hostileInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<bool>("unknownLeg");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty name") << u"   "_s << QString() << false << u"name"_s;
        QTest::newRow("newline in name") << u"Pay\nments"_s << QString() << false << u"name"_s;
        QTest::newRow("escape in name") << u"Pay\x1b[31mments"_s << QString() << false << u"name"_s;
        QTest::newRow("very long name") << QString(5000, u'x') << QString() << false << u"name"_s;
        QTest::newRow("same name, other case") << u"PAYMENTS PRODUCTION"_s << QString() << false << u"name"_s;
        QTest::newRow("unknown zone") << u"Zone"_s << u"Mars/Olympus"_s << false << u"timezone"_s;
        QTest::newRow("unknown rotation") << u"Ghost"_s << QString() << true << u"legs"_s;
    }
    void hostileInput()
    {
        QFETCH(QString, name);
        QFETCH(QString, zone);
        QFETCH(bool, unknownLeg);
        QFETCH(QString, field);
        Test::ServiceFixture f(QDate(2026, 3, 10), QDate(2026, 3, 11));
        const auto before = ChangeLog(*f.db).count();
        Service s;
        s.name = name;
        s.timeZone = zone;
        s.legs = {f.berlin.id};
        if (unknownLeg) {
            s.legs.append(RotationId::create());
        }
        const auto added = ServiceCatalog(*f.db).addService(s);
        QVERIFY(!added);
        QCOMPARE(added.error().field, field);
        QVERIFY(!added.errorMessage().isEmpty());
        QCOMPARE(ChangeLog(*f.db).count().value(), before.value());
        QCOMPARE(ServiceCatalog(*f.db).services()->size(), 1);
    }

    // Who holds the service now: the leg whose pair is on, or nothing, saying why.
    void onCallAt()
    {
        Test::ServiceFixture f(QDate(2026, 3, 1), QDate(2026, 3, 31));
        ServiceCatalog catalog(*f.db);
        auto day = catalog.onCallAt(Test::ServiceFixture::utc({2026, 3, 18}, 12));
        QVERIFY(day && day->size() == 1);
        QVERIFY(day->first().covered());
        QCOMPARE(day->first().leg->id, f.berlin.id);
        QCOMPARE(day->first().dev->id, f.devs.at(0).id);
        QCOMPARE(day->first().ops->id, f.ops.at(0).id);
        auto night = catalog.onCallAt(Test::ServiceFixture::utc({2026, 3, 18}, 22));
        QCOMPARE(night->first().leg->id, f.newYork.id);
        auto hole = catalog.onCallAt(Test::ServiceFixture::utc({2026, 3, 18}, 5).addSecs(30 * 60));
        QVERIFY(!hole->first().covered());
        QVERIFY(!hole->first().incomplete);
    }

    void periodChecked()
    {
        Test::ServiceFixture f(QDate(2026, 3, 10), QDate(2026, 3, 11));
        ServiceCatalog catalog(*f.db);
        QVERIFY(!catalog.coverage(f.service.id, QDate(2026, 3, 11), QDate(2026, 3, 10)));
        QVERIFY(!catalog.coverage(f.service.id, QDate(2020, 1, 1), QDate(2030, 1, 1)));
        QVERIFY(!catalog.coverage(ServiceId::create(), QDate(2026, 3, 10), QDate(2026, 3, 11)));
    }
};

} // namespace Tandem

QTEST_GUILESS_MAIN(Tandem::ServiceCoverageTest)
#include "servicecoveragetest.moc"
