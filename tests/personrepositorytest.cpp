#include "store/personrepository.h"

#include "store/teamrepository.h"
#include "testutil.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

class PersonRepositoryTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void roundTripsEveryField()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        const Team other{TeamId::create(), u"Search"_s, u"America/New_York"_s};
        QVERIFY(TeamRepository(*db).insert(team));
        QVERIFY(TeamRepository(*db).insert(other));
        Person p = Test::makePerson(u"Amélie Laurent"_s, u"amelie@example.com"_s, Role::Operations);
        p.id = PersonId::create();
        p.teams = {team.id, other.id};
        p.phone = u"+33 1 55 50 12 03"_s;
        p.chat = u"@amelie"_s;
        p.capacity = 0.6;
        p.senior = true;
        p.active = false;
        p.notes = u"Prefers nights"_s;
        PersonRepository repo(*db);
        QVERIFY(repo.insert(p));
        const auto found = repo.find(p.id);
        QVERIFY(found && found.value());
        QCOMPARE(*found.value(), p);
        QCOMPARE(repo.findByEmail(u"AMELIE@example.com"_s).value()->id, p.id); // case-insensitive
    }

    void emailIsUniqueCaseInsensitively()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        PersonRepository repo(*db);
        Person a = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        a.id = PersonId::create();
        Person b = Test::makePerson(u"Other Ada"_s, u"ADA@example.com"_s);
        b.id = PersonId::create();
        QVERIFY(repo.insert(a));
        const Status status = repo.insert(b);
        QVERIFY(!status);
        // In words, not SQLite's "UNIQUE constraint failed: people.email".
        QVERIFY2(status.errorMessage().contains(u"e-mail is already on the roster"_s),
                 qPrintable(status.errorMessage()));
        QVERIFY(!status.errorMessage().contains(u"UNIQUE"_s));
    }

    void updateReplacesTeamsAndRemovalHidesFromRoster()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        QVERIFY(TeamRepository(*db).insert(team));
        PersonRepository repo(*db);
        Person p = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        p.id = PersonId::create();
        QVERIFY(repo.insert(p));
        p.teams = {team.id};
        p.name = u"Ada Lovelace"_s;
        QVERIFY(repo.update(p));
        QCOMPARE(repo.find(p.id).value()->teams, QList<TeamId>{team.id});
        QCOMPARE(repo.all()->size(), 1);
        QVERIFY(repo.setRemoved(p.id, m_clock.now()));
        QCOMPARE(repo.all()->size(), 0);
        QVERIFY(repo.isRemoved(p.id).value());
        QVERIFY(repo.find(p.id).value()); // history keeps the row
        QVERIFY(repo.setRemoved(p.id, {}));
        QCOMPARE(repo.all()->size(), 1);
    }

    void updatingSomeoneUnknownFails()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        Person ghost = Test::makePerson(u"Ghost"_s, u"ghost@example.com"_s);
        ghost.id = PersonId::create();
        QVERIFY(!PersonRepository(*db).update(ghost));
    }

    void rosterIsSortedByName()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        PersonRepository repo(*db);
        for (const QString &name : {u"zoe"_s, u"Bob"_s, u"alice"_s}) {
            Person p = Test::makePerson(name, name.toLower() + u"@example.com"_s);
            p.id = PersonId::create();
            QVERIFY(repo.insert(p));
        }
        QStringList names;
        for (const Person &p : repo.all().value()) {
            names.append(p.name);
        }
        QCOMPARE(names, (QStringList{u"alice"_s, u"Bob"_s, u"zoe"_s}));
    }
};

QTEST_GUILESS_MAIN(PersonRepositoryTest)
#include "personrepositorytest.moc"
