#include "store/teamrepository.h"

#include "store/personrepository.h"
#include "testutil.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

class TeamRepositoryTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void insertFindUpdateRemove()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        TeamRepository repo(*db);
        Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        QVERIFY(repo.insert(team));
        QCOMPARE(*repo.find(team.id).value(), team);
        QCOMPARE(repo.findByName(u"payments"_s).value()->id, team.id);
        team.name = u"Payments Core"_s;
        team.timeZone = u"Europe/Paris"_s;
        QVERIFY(repo.update(team));
        QCOMPARE(*repo.find(team.id).value(), team);
        QVERIFY(repo.remove(team.id));
        QVERIFY(!repo.find(team.id).value());
    }

    void namesAreUniqueAndMembersCounted()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        TeamRepository repo(*db);
        const Team team{TeamId::create(), u"Search"_s, u"America/New_York"_s};
        QVERIFY(repo.insert(team));
        QVERIFY(!repo.insert(Team{TeamId::create(), u"SEARCH"_s, u"UTC"_s}));
        Person p = Test::makePerson(u"Maya"_s, u"maya@example.com"_s);
        p.id = PersonId::create();
        p.teams = {team.id};
        QVERIFY(PersonRepository(*db).insert(p));
        QCOMPARE(repo.memberCount(team.id).value(), 1);
        QVERIFY(PersonRepository(*db).setRemoved(p.id, m_clock.now()));
        QCOMPARE(repo.memberCount(team.id).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TeamRepositoryTest)
#include "teamrepositorytest.moc"
