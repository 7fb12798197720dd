#include "store/changelog.h"

#include "store/transaction.h"
#include "testutil.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

class ChangeLogTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void recordsWhoWhenWhatBeforeAndAfter()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        db->setActor(u"lead@example.com"_s);
        {
            Transaction t(*db);
            QVERIFY(
                ChangeLog(*db).append(Entity::Person, u"id-1"_s, ChangeAction::Create, {}, {{u"name"_s, u"Ada"_s}}));
            m_clock.advanceSecs(60);
            QVERIFY(ChangeLog(*db).append(Entity::Person, u"id-1"_s, ChangeAction::Update, {{u"name"_s, u"Ada"_s}},
                                          {{u"name"_s, u"Ada L."_s}}));
            QVERIFY(ChangeLog(*db).append(Entity::Team, u"t-1"_s, ChangeAction::Delete, {{u"name"_s, u"X"_s}}, {}));
            QVERIFY(t.commit());
        }
        const auto all = ChangeLog(*db).entries();
        QCOMPARE(all->size(), 3);
        const ChangeEntry &update = all->at(1);
        QCOMPARE(update.actor, u"lead@example.com"_s);
        QCOMPARE(update.at, Test::fixedNow().addSecs(60));
        QCOMPARE(update.at.timeSpec(), Qt::UTC);
        QCOMPARE(update.entity, u"person"_s);
        QCOMPARE(update.action, ChangeAction::Update);
        QCOMPARE(update.before.value(u"name"_s).toString(), u"Ada"_s);
        QCOMPARE(update.after.value(u"name"_s).toString(), u"Ada L."_s);
        QVERIFY(all->at(0).before.isEmpty());
        QVERIFY(all->at(2).after.isEmpty());
        QVERIFY(all->at(0).seq < all->at(1).seq);
        QCOMPARE(ChangeLog(*db).entries(Entity::Person, u"id-1"_s)->size(), 2);
        QCOMPARE(ChangeLog(*db).entries(Entity::Team)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(ChangeLogTest)
#include "changelogtest.moc"
