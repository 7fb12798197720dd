#include "sync/localitems.h"

#include "domain/serialize.h"
#include "services/servicecatalog.h"
#include "shiftfixture.h"
#include "store/changelog.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The local side of a team's collection on a real database, without a server: which
/// resources the team's data makes, which changes are the team's business, the JSON of a
/// resource, and the server's version written back (and refused when it fails the checks).
class LocalItemsTest : public QObject
{
    Q_OBJECT

    FakeClock m_clock{Test::fixedNow()};

    static bool unknown(const QString &) { return false; }

private Q_SLOTS:
    void theTeamsResources()
    {
        Test::ShiftFixture f(m_clock);
        RosterService roster(*f.db);
        const TimeOff leave =
            roster.addTimeOff(TimeOff{{}, f.devs.at(0).id, QDate(2026, 4, 6), QDate(2026, 4, 10), u"Easter"_s}).value();
        // Another team with a rotation and a shift: none of Payments' business.
        const Team search = roster.addTeam(Team{{}, u"Search"_s, u"UTC"_s}).value();
        Rotation elsewhere = f.rotation;
        elsewhere.id = RotationId::create();
        elsewhere.teamId = search.id;
        elsewhere.name = u"Search on call"_s;
        QVERIFY(RotationRepository(*f.db).insert(elsewhere));
        Shift theirs = f.shifts.first();
        theirs.id = ShiftId::create();
        theirs.rotationId = elsewhere.id;
        QVERIFY(ShiftRepository(*f.db).insert(theirs));

        LocalItems items(*f.db, f.team.id);
        const QList<ResourceRef> all = items.all().value();
        QVERIFY(all.contains(ResourceRef{ResourceKind::Roster, f.team.id.toString()}));
        QVERIFY(all.contains(ResourceRef{ResourceKind::TimeOff, leave.id.toString()}));
        for (const Shift &s : f.shifts) {
            QVERIFY(all.contains(ResourceRef{ResourceKind::Shift, s.id.toString()}));
        }
        QVERIFY(all.contains(ResourceRef{ResourceKind::Shift, f.otherShift.id.toString()}));
        QVERIFY(!all.contains(ResourceRef{ResourceKind::Shift, theirs.id.toString()}));
        QCOMPARE(all.size(), 1 + 1 + f.shifts.size() + 1);

        // Which change is whose: a shift of the team, the roster for a person, none for Search's.
        const auto shift = items.resourceFor(Entity::Shift.toString(), f.shifts.at(2).id.toString(), unknown).value();
        QCOMPARE(shift, std::optional(ResourceRef{ResourceKind::Shift, f.shifts.at(2).id.toString()}));
        QCOMPARE(items.resourceFor(Entity::Shift.toString(), theirs.id.toString(), unknown).value(), std::nullopt);
        QCOMPARE(items.resourceFor(Entity::Person.toString(), f.devs.at(1).id.toString(), unknown).value(),
                 std::optional(ResourceRef{ResourceKind::Roster, f.team.id.toString()}));
        QCOMPARE(items.resourceFor(Entity::Team.toString(), search.id.toString(), unknown).value(), std::nullopt);
        // A deleted shift is the team's only while the server has it.
        const QString gone = ShiftId::create().toString();
        QCOMPARE(items.resourceFor(Entity::Shift.toString(), gone, unknown).value(), std::nullopt);
        QCOMPARE(items.resourceFor(Entity::Shift.toString(), gone, [](const QString &) { return true; }).value(),
                 std::optional(ResourceRef{ResourceKind::Shift, gone}));
    }

    void currentAndApply()
    {
        Test::ShiftFixture f(m_clock);
        LocalItems items(*f.db, f.team.id);
        const Shift week = f.shifts.at(1);
        const ResourceRef ref{ResourceKind::Shift, week.id.toString()};
        QCOMPARE(items.current(ref).value(), std::optional(toJson(week)));

        // The server's version with a note and Dev 2 in the dev seat: written, with a log row.
        Shift changed = week;
        changed.note = u"Disk on db-3 at 85%"_s;
        changed.dev = f.devs.at(2).id;
        const qint64 logged = ChangeLog(*f.db).count().value();
        {
            Transaction transaction(*f.db);
            QVERIFY(transaction.status());
            const Status applied = items.apply(ref, toJson(changed));
            QVERIFY2(applied, qPrintable(applied.errorMessage()));
            QVERIFY(transaction.commit());
        }
        QCOMPARE(f.current(1).note, u"Disk on db-3 at 85%"_s);
        QCOMPARE(f.current(1).dev, f.devs.at(2).id);
        QVERIFY(ChangeLog(*f.db).count().value() > logged);
        QCOMPARE(items.current(ref).value()->value(u"note"_s).toString(), u"Disk on db-3 at 85%"_s);

        // Deleted there: deleted here.
        {
            Transaction transaction(*f.db);
            QVERIFY(items.apply(ref, std::nullopt));
            QVERIFY(transaction.commit());
        }
        QCOMPARE(items.current(ref).value(), std::nullopt);
        QVERIFY(!ShiftRepository(*f.db).find(week.id).value());
    }

    void theServersVersionIsCheckedFirst()
    {
        Test::ShiftFixture f(m_clock);
        LocalItems items(*f.db, f.team.id);
        const ResourceRef ref{ResourceKind::Shift, f.shifts.at(0).id.toString()};
        // An end before the start does not even read as a shift.
        Shift backwards = f.shifts.at(0);
        backwards.end = backwards.start.addSecs(-3600);
        const QString unreadable = items.problemWith(ref, toJson(backwards));
        QVERIFY2(unreadable.contains(u"cannot be read"_s) && unreadable.contains(u"end"_s), qPrintable(unreadable));
        // Readable, but not a shift anyone may write.
        Shift badBridge = f.shifts.at(0);
        badBridge.bridgeUrl = u"javascript:alert(1)"_s;
        const QString bridge = items.problemWith(ref, toJson(badBridge));
        QVERIFY2(bridge.contains(u"http or https"_s), qPrintable(bridge));
        Shift twice = f.shifts.at(0);
        twice.ops = twice.dev;
        QVERIFY2(items.problemWith(ref, toJson(twice)).contains(u"both seats"_s),
                 qPrintable(items.problemWith(ref, toJson(twice))));
        QCOMPARE(items.problemWith(ref, toJson(f.shifts.at(0))), QString());
        QVERIFY(items.problemWith(ref, QJsonObject{{u"nonsense"_s, 1}}).contains(u"cannot be read"_s));
    }

    // A follow-the-sun service travels in its team's roster: its changes are the roster's, the
    // roster lists it (only when there is one), and a server's version is checked, then written.
    void servicesInTheRoster()
    {
        Test::ShiftFixture f(m_clock);
        LocalItems items(*f.db, f.team.id);
        const ResourceRef roster{ResourceKind::Roster, f.team.id.toString()};
        const QJsonObject before = items.current(roster).value().value();
        QVERIFY(!before.contains(u"services"_s)); // no services: the roster as it always was

        ServiceCatalog catalog(*f.db);
        auto added = catalog.addService(
            Service{{}, f.team.id, u"Payments production"_s, u"Europe/Berlin"_s, {f.other.id, f.rotation.id}});
        QVERIFY2(added, qPrintable(added.errorMessage()));
        const Service service = added.value();
        QCOMPARE(items.resourceFor(Entity::Service.toString(), service.id.toString(), unknown).value(),
                 std::optional(roster));
        const QJsonArray listed = items.current(roster).value().value().value(u"services"_s).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(u"id"_s).toString(), service.id.toString());
        QCOMPARE(listed.at(0).toObject().value(u"name"_s).toString(), u"Payments production"_s);
        QCOMPARE(listed.at(0).toObject().value(u"timezone"_s).toString(), u"Europe/Berlin"_s);
        QCOMPARE(listed.at(0).toObject().value(u"legs"_s).toArray(),
                 (QJsonArray{f.other.id.toString(), f.rotation.id.toString()})); // in the lead's order

        // Another team's service is not Payments' business; a removed one is, by its log.
        const Team search = RosterService(*f.db).addTeam(Team{{}, u"Search"_s, u"UTC"_s}).value();
        const Service theirs = catalog.addService(Service{{}, search.id, u"Search API"_s, u"UTC"_s, {}}).value();
        QCOMPARE(items.resourceFor(Entity::Service.toString(), theirs.id.toString(), unknown).value(), std::nullopt);
        QVERIFY(catalog.removeService(theirs.id));
        QCOMPARE(items.resourceFor(Entity::Service.toString(), theirs.id.toString(), unknown).value(), std::nullopt);
        QCOMPARE(items.current(roster).value().value().value(u"services"_s).toArray().size(), 1);

        // Hostile or malformed services from a server are refused, naming the service.
        const auto withServices = [&](const QJsonValue &services) {
            QJsonObject json = items.current(roster).value().value();
            json.insert(u"services"_s, services);
            return items.problemWith(roster, json);
        };
        QJsonObject service1 = listed.at(0).toObject();
        QCOMPARE(withServices(QJsonArray{service1}), QString());
        QJsonObject control = service1;
        control.insert(u"name"_s, u"Pay"_s + QChar(7) + u"ments"_s);
        QVERIFY2(withServices(QJsonArray{control}).contains(u"one line without control characters"_s),
                 qPrintable(withServices(QJsonArray{control})));
        QJsonObject stranger = service1;
        stranger.insert(u"legs"_s, QJsonArray{RotationId::create().toString()});
        const QString unknownLeg = withServices(QJsonArray{stranger});
        QVERIFY2(unknownLeg.contains(u"Payments production"_s) && unknownLeg.contains(u"not on the team's roster"_s),
                 qPrintable(unknownLeg));
        QJsonObject zone = service1;
        zone.insert(u"timezone"_s, u"Mars/Olympus"_s);
        QVERIFY2(withServices(QJsonArray{zone}).contains(u"Mars/Olympus"_s),
                 qPrintable(withServices(QJsonArray{zone})));
        QJsonObject many = service1;
        QJsonArray legs;
        for (int i = 0; i < 1000; ++i) {
            legs.append(RotationId::create().toString());
        }
        many.insert(u"legs"_s, legs);
        QVERIFY2(withServices(QJsonArray{many}).contains(u"at most %1 legs, not 1000"_s.arg(MaxServiceLegs)),
                 qPrintable(withServices(QJsonArray{many})));
        QJsonObject twin = service1;
        twin.insert(u"id"_s, ServiceId::create().toString());
        QVERIFY(withServices(QJsonArray{service1, twin}).contains(u"two services named Payments production"_s));
        QJsonObject noId = service1;
        noId.remove(u"id"_s);
        const QString unreadable = withServices(QJsonArray{noId});
        QVERIFY2(unreadable.contains(u"service Payments production cannot be read"_s) && unreadable.contains(u"id"_s),
                 qPrintable(unreadable));
        QJsonObject badLegs = service1;
        badLegs.insert(u"legs"_s, u"all of them"_s);
        QVERIFY(withServices(QJsonArray{badLegs}).contains(u"cannot be read"_s));
        QVERIFY(withServices(u"many"_s).contains(u"services are not a list"_s));
        QVERIFY(withServices(QJsonArray{42}).contains(u"cannot be read"_s));

        // A server's roster renamed one, dropped a leg and added another: written, each logged.
        QJsonObject renamed = service1;
        renamed.insert(u"name"_s, u"Payments 24/7"_s);
        renamed.insert(u"legs"_s, QJsonArray{f.rotation.id.toString()});
        const Service second{ServiceId::create(), f.team.id, u"Checkout"_s, u"America/New_York"_s, {f.other.id}};
        QJsonObject json = items.current(roster).value().value();
        json.insert(u"services"_s, QJsonArray{renamed, QJsonObject{{u"id"_s, second.id.toString()},
                                                                   {u"name"_s, second.name},
                                                                   {u"timezone"_s, second.timeZone},
                                                                   {u"legs"_s, QJsonArray{f.other.id.toString()}}}});
        QCOMPARE(items.problemWith(roster, json), QString());
        const qint64 logged = ChangeLog(*f.db).count().value();
        {
            Transaction transaction(*f.db);
            const Status applied = items.apply(roster, json);
            QVERIFY2(applied, qPrintable(applied.errorMessage()));
            QVERIFY(transaction.commit());
        }
        QCOMPARE(ChangeLog(*f.db).count().value(), logged + 2);
        Service expected = service;
        expected.name = u"Payments 24/7"_s;
        expected.legs = {f.rotation.id};
        QCOMPARE(*catalog.service(service.id).value(), expected);
        QCOMPARE(*catalog.service(second.id).value(), second);
        QCOMPARE(items.current(roster).value().value().value(u"services"_s).toArray().size(), 2);

        // A service of that name made here for another team under another id steps aside.
        const Service local = catalog.addService(Service{{}, search.id, u"Billing"_s, u"UTC"_s, {}}).value();
        QJsonArray withBilling = json.value(u"services"_s).toArray();
        withBilling.append(QJsonObject{{u"id"_s, ServiceId::create().toString()},
                                       {u"name"_s, u"billing"_s},
                                       {u"timezone"_s, u"UTC"_s},
                                       {u"legs"_s, QJsonArray{}}});
        json.insert(u"services"_s, withBilling);
        {
            Transaction transaction(*f.db);
            const Status applied = items.apply(roster, json);
            QVERIFY2(applied, qPrintable(applied.errorMessage()));
            QVERIFY(transaction.commit());
        }
        QCOMPARE(catalog.service(local.id).value()->name, u"Billing (this computer)"_s);
        QCOMPARE(catalog.serviceByName(u"billing"_s).value()->teamId, f.team.id);
        QVERIFY(items.takeNotes().join(u' ').contains(u"Billing (this computer)"_s));

        // The server's roster without services: the team's services go, logged as removed.
        json.remove(u"services"_s);
        {
            Transaction transaction(*f.db);
            QVERIFY(items.apply(roster, json));
            QVERIFY(transaction.commit());
        }
        QVERIFY(!catalog.service(service.id).value());
        QVERIFY(!catalog.service(second.id).value());
        QCOMPARE(items.current(roster).value().value(), json);
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Service, service.id.toString()).value().last().action,
                 ChangeAction::Delete);
        QCOMPARE(items.resourceFor(Entity::Service.toString(), service.id.toString(), unknown).value(),
                 std::optional(roster));
    }
};

QTEST_GUILESS_MAIN(LocalItemsTest)
#include "localitemstest.moc"
