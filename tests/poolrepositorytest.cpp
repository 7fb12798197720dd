#include "store/poolrepository.h"

#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "testutil.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Tandem;

class PoolRepositoryTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    static Person addOps(Database &db, const QString &name, const QString &email)
    {
        Person p = Test::makePerson(name, email, Role::Operations);
        p.id = PersonId::create();
        if (!PersonRepository(db).insert(p)) {
            qFatal("cannot insert %s", qPrintable(email));
        }
        return p;
    }

    static int rowCount(Database &db, const QString &table)
    {
        QSqlQuery q(db.connection());
        return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toInt() : -1;
    }

private Q_SLOTS:
    void roundTripWithMembersByName()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const Person zoe = addOps(*db, u"Zoe"_s, u"zoe@example.com"_s);
        const Person bob = addOps(*db, u"Bob"_s, u"bob@example.com"_s);
        PoolRepository repo(*db);
        const OpsPool pool{PoolId::create(), u"Payments ops"_s, {zoe.id, bob.id}};
        QVERIFY(repo.insert(pool));
        const auto found = repo.find(pool.id);
        QVERIFY(found && found.value());
        QCOMPARE(found.value()->name, pool.name);
        // Members come back ordered by name, whatever order they were given in.
        QCOMPARE(found.value()->members, (QList<PersonId>{bob.id, zoe.id}));
        QCOMPARE(repo.findByName(u"PAYMENTS OPS"_s).value()->id, pool.id); // case-insensitive
        QVERIFY(!repo.findByName(u"Search ops"_s).value());
        QVERIFY(!repo.find(PoolId::create()).value());
    }

    void namesAreUniqueCaseInsensitively()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const Person bob = addOps(*db, u"Bob"_s, u"bob@example.com"_s);
        PoolRepository repo(*db);
        QVERIFY(repo.insert(OpsPool{PoolId::create(), u"Ops"_s, {bob.id}}));
        QVERIFY(!repo.insert(OpsPool{PoolId::create(), u"OPS"_s, {bob.id}}));
        QCOMPARE(repo.all()->size(), 1);
    }

    void poolsAreSharedAndIndependentOfTeams()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const Person bob = addOps(*db, u"Bob"_s, u"bob@example.com"_s);
        const Person ann = addOps(*db, u"Ann"_s, u"ann@example.com"_s);
        PoolRepository repo(*db);
        // One person may sit in several pools.
        QVERIFY(repo.insert(OpsPool{PoolId::create(), u"Europe"_s, {bob.id, ann.id}}));
        QVERIFY(repo.insert(OpsPool{PoolId::create(), u"Nights"_s, {bob.id}}));
        const auto all = repo.all().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, u"Europe"_s);
        QCOMPARE(all.at(0).members, (QList<PersonId>{ann.id, bob.id}));
        QCOMPARE(all.at(1).members, QList<PersonId>{bob.id});
    }

    void updateRenamesAndReplacesMembers()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const Person bob = addOps(*db, u"Bob"_s, u"bob@example.com"_s);
        const Person ann = addOps(*db, u"Ann"_s, u"ann@example.com"_s);
        PoolRepository repo(*db);
        OpsPool pool{PoolId::create(), u"Ops"_s, {bob.id}};
        QVERIFY(repo.insert(pool));
        pool.name = u"Payments ops"_s;
        pool.members = {ann.id};
        QVERIFY(repo.update(pool));
        QCOMPARE(*repo.find(pool.id).value(), pool);
        QCOMPARE(rowCount(*db, u"ops_pool_members"_s), 1);
        QVERIFY(!repo.update(OpsPool{PoolId::create(), u"Ghost"_s, {}}));
    }

    void removeDeletesMembersAndIsRefusedWhileARotationUsesIt()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const Person bob = addOps(*db, u"Bob"_s, u"bob@example.com"_s);
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        QVERIFY(TeamRepository(*db).insert(team));
        PoolRepository repo(*db);
        const OpsPool pool{PoolId::create(), u"Ops"_s, {bob.id}};
        QVERIFY(repo.insert(pool));
        Rotation rotation;
        rotation.id = RotationId::create();
        rotation.teamId = team.id;
        rotation.name = u"Primary"_s;
        rotation.opsPoolId = pool.id;
        rotation.timeZone = team.timeZone;
        rotation.startDate = QDate(2026, 3, 16);
        RotationRepository rotations(*db);
        QVERIFY(rotations.insert(rotation));
        // The foreign key holds while a rotation in use points at the pool.
        QVERIFY(!repo.remove(pool.id));
        QVERIFY(repo.find(pool.id).value());
        // A removed rotation does not hold it: it loses the reference, its row stays.
        QVERIFY(rotations.remove(rotation.id));
        QVERIFY(repo.remove(pool.id));
        QVERIFY(!repo.find(pool.id).value());
        QCOMPARE(rowCount(*db, u"ops_pool_members"_s), 0);
        QVERIFY(rotations.find(rotation.id).value()->opsPoolId.isNull());
    }
};

QTEST_GUILESS_MAIN(PoolRepositoryTest)
#include "poolrepositorytest.moc"
