#include "sync/localitems.h"

#include "domain/serialize.h"
#include "shiftfixture.h"
#include "store/changelog.h"
#include "store/transaction.h"

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
};

QTEST_GUILESS_MAIN(LocalItemsTest)
#include "localitemstest.moc"
