#include "sync/merge.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tandem;

class MergeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesOnDifferentFieldsBothSurvive()
    {
        const QJsonObject base{{u"note"_s, u""_s}, {u"dev"_s, u"a"_s}, {u"ops"_s, u"b"_s}};
        QJsonObject mine = base;
        mine[u"note"_s] = u"db failover at 2am"_s;
        QJsonObject theirs = base;
        theirs[u"ops"_s] = u"c"_s;
        const MergeResult r = mergeThreeWay(base, mine, theirs);
        QVERIFY(r.clean());
        QCOMPARE(r.preferMine.value(u"note"_s).toString(), u"db failover at 2am"_s);
        QCOMPARE(r.preferMine.value(u"ops"_s).toString(), u"c"_s);
        QCOMPARE(r.preferMine, r.preferTheirs);
    }

    void sameFieldChangedDifferentlyIsAConflictWithBothVersions()
    {
        const QJsonObject base{{u"note"_s, u"x"_s}, {u"dev"_s, u"a"_s}};
        QJsonObject mine = base;
        mine[u"note"_s] = u"mine"_s;
        QJsonObject theirs = base;
        theirs[u"note"_s] = u"theirs"_s;
        theirs[u"dev"_s] = u"z"_s;
        const MergeResult r = mergeThreeWay(base, mine, theirs);
        QCOMPARE(r.conflicts, QStringList{u"note"_s});
        QCOMPARE(r.preferMine.value(u"note"_s).toString(), u"mine"_s);
        QCOMPARE(r.preferTheirs.value(u"note"_s).toString(), u"theirs"_s);
        // The field only they changed is merged in both versions.
        QCOMPARE(r.preferMine.value(u"dev"_s).toString(), u"z"_s);
    }

    void sameChangeOnBothSidesIsNoConflict()
    {
        const QJsonObject base{{u"note"_s, u"x"_s}};
        const QJsonObject both{{u"note"_s, u"y"_s}};
        QVERIFY(mergeThreeWay(base, both, both).clean());
    }

    void rosterPeopleMergePerPersonAndField()
    {
        const auto person = [](const QString &id, const QString &phone) {
            return QJsonObject{{u"id"_s, id}, {u"name"_s, id}, {u"phone"_s, phone}};
        };
        const QJsonObject base{{u"people"_s, QJsonArray{person(u"p1"_s, u"1"_s), person(u"p2"_s, u"2"_s)}}};
        // Mine: adds p3, changes p1's phone. Theirs: removes p2, changes p1's name.
        QJsonObject p1Theirs = person(u"p1"_s, u"1"_s);
        p1Theirs[u"name"_s] = u"Alice"_s;
        const QJsonObject mine{
            {u"people"_s, QJsonArray{person(u"p1"_s, u"111"_s), person(u"p2"_s, u"2"_s), person(u"p3"_s, u"3"_s)}}};
        const QJsonObject theirs{{u"people"_s, QJsonArray{p1Theirs}}};
        const MergeResult r = mergeThreeWay(base, mine, theirs);
        QVERIFY2(r.clean(), qPrintable(r.conflicts.join(u", "_s)));
        const QJsonArray people = r.preferMine.value(u"people"_s).toArray();
        QCOMPARE(people.size(), 2);
        QCOMPARE(people.at(0).toObject().value(u"name"_s).toString(), u"Alice"_s);
        QCOMPARE(people.at(0).toObject().value(u"phone"_s).toString(), u"111"_s);
        QCOMPARE(people.at(1).toObject().value(u"id"_s).toString(), u"p3"_s);
    }

    void changedOnOneSideDeletedOnTheOtherIsAConflict()
    {
        const QJsonObject p{{u"id"_s, u"p1"_s}, {u"phone"_s, u"1"_s}};
        QJsonObject changed = p;
        changed[u"phone"_s] = u"2"_s;
        const QJsonObject base{{u"people"_s, QJsonArray{p}}};
        const MergeResult r = mergeThreeWay(base, QJsonObject{{u"people"_s, QJsonArray{changed}}},
                                            QJsonObject{{u"people"_s, QJsonArray{}}});
        QCOMPARE(r.conflicts, QStringList{u"people/p1"_s});
        QCOMPARE(r.preferMine.value(u"people"_s).toArray().size(), 1);
        QCOMPARE(r.preferTheirs.value(u"people"_s).toArray().size(), 0);
    }

    void stringListsMergeAsSets()
    {
        const QJsonObject base{{u"members"_s, QJsonArray{u"a"_s, u"b"_s}}};
        const QJsonObject mine{{u"members"_s, QJsonArray{u"a"_s, u"b"_s, u"c"_s}}};
        const QJsonObject theirs{{u"members"_s, QJsonArray{u"b"_s, u"d"_s}}};
        const MergeResult r = mergeThreeWay(base, mine, theirs);
        QVERIFY(r.clean());
        QCOMPARE(r.preferMine.value(u"members"_s).toArray(), (QJsonArray{u"b"_s, u"c"_s, u"d"_s}));
    }
};

QTEST_GUILESS_MAIN(MergeTest)
#include "mergetest.moc"
