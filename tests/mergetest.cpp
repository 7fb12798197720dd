#include "sync/merge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {

/// A JSON object written with single quotes, for readable rows: "{'note': 'x'}".
QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text).replace('\'', '"'), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        qFatal("bad JSON in a test row: %s (%s)", text, qPrintable(error.errorString()));
    }
    return doc.object();
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QString text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

/// The three-way merge of the sync (models/sync/merge.h) over the kinds of fields the resources
/// carry: scalars (a shift's note, its people), nested objects (a rotation's rules), keyed lists
/// (a roster's people by id) and string sets (a pool's members). Each row gives base, mine and
/// theirs, and the two merged versions and the conflicting paths it must give.
class MergeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merges_data()
    {
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<QJsonObject>("mine");
        QTest::addColumn<QJsonObject>("theirs");
        QTest::addColumn<QJsonObject>("preferMine");
        QTest::addColumn<QJsonObject>("preferTheirs");
        QTest::addColumn<QStringList>("conflicts");

        const auto row = [](const char *name, const char *base, const char *mine, const char *theirs,
                            const char *preferMine, const char *preferTheirs, const QStringList &conflicts) {
            QTest::newRow(name) << json(base) << json(mine) << json(theirs) << json(preferMine) << json(preferTheirs)
                                << conflicts;
        };
        const auto clean = [&row](const char *name, const char *base, const char *mine, const char *theirs,
                                  const char *merged) { row(name, base, mine, theirs, merged, merged, {}); };

        // Scalars.
        clean("nothing changed", "{'note': 'x', 'dev': 'a'}", "{'note': 'x', 'dev': 'a'}", "{'note': 'x', 'dev': 'a'}",
              "{'note': 'x', 'dev': 'a'}");
        clean("scalar: mine only", "{'note': 'x', 'dev': 'a'}", "{'note': 'y', 'dev': 'a'}",
              "{'note': 'x', 'dev': 'a'}", "{'note': 'y', 'dev': 'a'}");
        clean("scalar: theirs only", "{'note': 'x', 'dev': 'a'}", "{'note': 'x', 'dev': 'a'}",
              "{'note': 'x', 'dev': 'b'}", "{'note': 'x', 'dev': 'b'}");
        clean("scalar: different fields", "{'note': 'x', 'dev': 'a', 'ops': 'o'}",
              "{'note': 'y', 'dev': 'a', 'ops': 'o'}", "{'note': 'x', 'dev': 'a', 'ops': 'p'}",
              "{'note': 'y', 'dev': 'a', 'ops': 'p'}");
        clean("scalar: same change on both", "{'note': 'x'}", "{'note': 'y'}", "{'note': 'y'}", "{'note': 'y'}");
        row("scalar: same field, different values", "{'note': 'x', 'dev': 'a'}", "{'note': 'mine', 'dev': 'a'}",
            "{'note': 'theirs', 'dev': 'b'}", "{'note': 'mine', 'dev': 'b'}", "{'note': 'theirs', 'dev': 'b'}",
            {u"note"_s});
        row("scalar: two fields both sides", "{'note': 'x', 'dev': 'a', 'ops': 'o'}",
            "{'note': 'm', 'dev': 'c', 'ops': 'o'}", "{'note': 't', 'dev': 'd', 'ops': 'p'}",
            "{'note': 'm', 'dev': 'c', 'ops': 'p'}", "{'note': 't', 'dev': 'd', 'ops': 'p'}", {u"dev"_s, u"note"_s});
        row("scalar: number against string", "{'weight': 1}", "{'weight': 2}", "{'weight': 'two'}", "{'weight': 2}",
            "{'weight': 'two'}", {u"weight"_s});
        clean("scalar: added by mine", "{'dev': 'a'}", "{'dev': 'a', 'phone': '1'}", "{'dev': 'a'}",
              "{'dev': 'a', 'phone': '1'}");
        clean("scalar: added by both, the same", "{'dev': 'a'}", "{'dev': 'a', 'phone': '1'}",
              "{'dev': 'a', 'phone': '1'}", "{'dev': 'a', 'phone': '1'}");
        row("scalar: added by both, different", "{'dev': 'a'}", "{'dev': 'a', 'phone': '1'}",
            "{'dev': 'a', 'phone': '2'}", "{'dev': 'a', 'phone': '1'}", "{'dev': 'a', 'phone': '2'}", {u"phone"_s});
        clean("scalar: removed by theirs", "{'dev': 'a', 'phone': '1'}", "{'dev': 'a', 'phone': '1'}", "{'dev': 'a'}",
              "{'dev': 'a'}");
        clean("scalar: removed by both", "{'dev': 'a', 'phone': '1'}", "{'dev': 'a'}", "{'dev': 'a'}", "{'dev': 'a'}");
        row("scalar: removed by mine, changed by theirs", "{'dev': 'a', 'phone': '1'}", "{'dev': 'a'}",
            "{'dev': 'a', 'phone': '2'}", "{'dev': 'a'}", "{'dev': 'a', 'phone': '2'}", {u"phone"_s});
        row("scalar: changed by mine, removed by theirs", "{'dev': 'a', 'phone': '1'}", "{'dev': 'a', 'phone': '3'}",
            "{'dev': 'a'}", "{'dev': 'a', 'phone': '3'}", "{'dev': 'a'}", {u"phone"_s});
        clean("empty base: different fields", "{}", "{'note': 'n'}", "{'dev': 'a'}", "{'note': 'n', 'dev': 'a'}");
        row("empty base: same field", "{}", "{'note': 'n', 'x': 1}", "{'note': 'm', 'x': 1}", "{'note': 'n', 'x': 1}",
            "{'note': 'm', 'x': 1}", {u"note"_s});

        // Nested objects (a rotation's rules), merged per key with the path of the key.
        clean("nested: different keys", "{'rules': {'minRest': 12, 'maxShifts': 2}}",
              "{'rules': {'minRest': 24, 'maxShifts': 2}}", "{'rules': {'minRest': 12, 'maxShifts': 3}}",
              "{'rules': {'minRest': 24, 'maxShifts': 3}}");
        row("nested: same key", "{'rules': {'minRest': 12, 'maxShifts': 2}, 'name': 'r'}",
            "{'rules': {'minRest': 24, 'maxShifts': 2}, 'name': 'r'}",
            "{'rules': {'minRest': 36, 'maxShifts': 3}, 'name': 's'}",
            "{'rules': {'minRest': 24, 'maxShifts': 3}, 'name': 's'}",
            "{'rules': {'minRest': 36, 'maxShifts': 3}, 'name': 's'}", {u"rules/minRest"_s});
        row("nested: object removed against an edit inside", "{'rules': {'minRest': 12}}", "{}",
            "{'rules': {'minRest': 24}}", "{}", "{'rules': {'minRest': 24}}", {u"rules"_s});
        row("nested: object against scalar", "{'rules': {'minRest': 12}}", "{'rules': {'minRest': 24}}",
            "{'rules': 'none'}", "{'rules': {'minRest': 24}}", "{'rules': 'none'}", {u"rules"_s});
        clean("nested: two levels", "{'a': {'b': {'c': 1, 'd': 1}}}", "{'a': {'b': {'c': 2, 'd': 1}}}",
              "{'a': {'b': {'c': 1, 'd': 2}}}", "{'a': {'b': {'c': 2, 'd': 2}}}");
        row("nested: two levels, same key", "{'a': {'b': {'c': 1}}}", "{'a': {'b': {'c': 2}}}",
            "{'a': {'b': {'c': 3}}}", "{'a': {'b': {'c': 2}}}", "{'a': {'b': {'c': 3}}}", {u"a/b/c"_s});

        // Keyed lists (objects with an "id"): merged per element, in mine's order then theirs'.
        const char *people = "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '1'}, "
                             "{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}";
        clean("keyed: both add", people,
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '1'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}, "
              "{'id': 'p3', 'name': 'Cy', 'phone': '3'}]}",
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '1'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}, "
              "{'id': 'p4', 'name': 'Di', 'phone': '4'}]}",
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '1'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}, "
              "{'id': 'p3', 'name': 'Cy', 'phone': '3'}, {'id': 'p4', 'name': 'Di', 'phone': '4'}]}");
        clean("keyed: different fields of one element", people,
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '11'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
              "{'people': [{'id': 'p1', 'name': 'Anna', 'phone': '1'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
              "{'people': [{'id': 'p1', 'name': 'Anna', 'phone': '11'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}");
        clean("keyed: different elements", people,
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '11'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '1'}, {'id': 'p2', 'name': 'Bob', 'phone': '22'}]}",
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '11'}, {'id': 'p2', 'name': 'Bob', 'phone': '22'}]}");
        row("keyed: same field of one element", people,
            "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '11'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
            "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '12'}, {'id': 'p2', 'name': 'Bob', 'phone': '22'}]}",
            "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '11'}, {'id': 'p2', 'name': 'Bob', 'phone': '22'}]}",
            "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '12'}, {'id': 'p2', 'name': 'Bob', 'phone': '22'}]}",
            {u"people/p1/phone"_s});
        clean("keyed: deleted by mine, untouched by theirs", people,
              "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}", people,
              "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}");
        clean("keyed: deleted by both", people, "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
              "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
              "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}");
        clean("keyed: deleted by theirs, another edited by mine", people,
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '11'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '1'}]}",
              "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '11'}]}");
        row("keyed: deleted by mine, edited by theirs", people,
            "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
            "{'people': [{'id': 'p1', 'name': 'Ann', 'phone': '11'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
            "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
            "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}, {'id': 'p1', 'name': 'Ann', 'phone': '11'}]}",
            {u"people/p1"_s});
        row("keyed: edited by mine, deleted by theirs", people,
            "{'people': [{'id': 'p1', 'name': 'Anna', 'phone': '1'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
            "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
            "{'people': [{'id': 'p1', 'name': 'Anna', 'phone': '1'}, {'id': 'p2', 'name': 'Bob', 'phone': '2'}]}",
            "{'people': [{'id': 'p2', 'name': 'Bob', 'phone': '2'}]}", {u"people/p1"_s});
        row("keyed: same id added by both, different", "{'people': []}",
            "{'people': [{'id': 'p3', 'name': 'Cy', 'phone': '3'}]}",
            "{'people': [{'id': 'p3', 'name': 'Cy', 'phone': '4'}]}",
            "{'people': [{'id': 'p3', 'name': 'Cy', 'phone': '3'}]}",
            "{'people': [{'id': 'p3', 'name': 'Cy', 'phone': '4'}]}", {u"people/p3/phone"_s});
        clean("keyed: nested list in an element", "{'teams': [{'id': 't', 'people': [{'id': 'p', 'phone': '1'}]}]}",
              "{'teams': [{'id': 't', 'name': 'T', 'people': [{'id': 'p', 'phone': '1'}]}]}",
              "{'teams': [{'id': 't', 'people': [{'id': 'p', 'phone': '2'}]}]}",
              "{'teams': [{'id': 't', 'name': 'T', 'people': [{'id': 'p', 'phone': '2'}]}]}");
        row("keyed: nested list, same field", "{'teams': [{'id': 't', 'people': [{'id': 'p', 'phone': '1'}]}]}",
            "{'teams': [{'id': 't', 'people': [{'id': 'p', 'phone': '2'}]}]}",
            "{'teams': [{'id': 't', 'people': [{'id': 'p', 'phone': '3'}]}]}",
            "{'teams': [{'id': 't', 'people': [{'id': 'p', 'phone': '2'}]}]}",
            "{'teams': [{'id': 't', 'people': [{'id': 'p', 'phone': '3'}]}]}", {u"teams/t/people/p/phone"_s});

        // String sets (a pool's members): both sides' additions and removals.
        clean("set: both add", "{'members': ['a', 'b']}", "{'members': ['a', 'b', 'c']}",
              "{'members': ['a', 'b', 'd']}", "{'members': ['a', 'b', 'c', 'd']}");
        clean("set: add and remove", "{'members': ['a', 'b']}", "{'members': ['a', 'b', 'c']}",
              "{'members': ['b', 'd']}", "{'members': ['b', 'c', 'd']}");
        clean("set: both remove different", "{'members': ['a', 'b', 'c']}", "{'members': ['b', 'c']}",
              "{'members': ['a', 'b']}", "{'members': ['b']}");
        clean("set: both add the same", "{'members': ['a']}", "{'members': ['a', 'c']}", "{'members': ['c', 'a']}",
              "{'members': ['a', 'c']}");
        clean("set: removed by one, kept by other", "{'members': ['a', 'b']}", "{'members': ['b']}",
              "{'members': ['a', 'b']}", "{'members': ['b']}");
        clean("set: removed by one, others added", "{'members': ['a', 'b']}", "{'members': ['a', 'b', 'x']}",
              "{'members': ['b', 'y']}", "{'members': ['b', 'x', 'y']}");
        clean("set: created by both", "{}", "{'members': ['a']}", "{'members': ['b']}", "{'members': ['a', 'b']}");
        row("set against scalar", "{'members': ['a']}", "{'members': ['a', 'b']}", "{'members': 'all'}",
            "{'members': ['a', 'b']}", "{'members': 'all'}", {u"members"_s});
        row("numbers: not a set", "{'weights': [1, 2]}", "{'weights': [1, 3]}", "{'weights': [4, 2]}",
            "{'weights': [1, 3]}", "{'weights': [4, 2]}", {u"weights"_s});

        // Everything at once: a conflict in each kind stays apart from the clean changes.
        row("mixed", "{'note': 'x', 'rules': {'r': 1}, 'members': ['a'], 'people': [{'id': 'p', 'phone': '1'}]}",
            "{'note': 'm', 'rules': {'r': 2}, 'members': ['a', 'b'], 'people': [{'id': 'p', 'phone': '2'}]}",
            "{'note': 't', 'rules': {'r': 1}, 'members': [], 'people': [{'id': 'p', 'phone': '3'}]}",
            "{'note': 'm', 'rules': {'r': 2}, 'members': ['b'], 'people': [{'id': 'p', 'phone': '2'}]}",
            "{'note': 't', 'rules': {'r': 2}, 'members': ['b'], 'people': [{'id': 'p', 'phone': '3'}]}",
            {u"note"_s, u"people/p/phone"_s});
        // A keyed list written only when it has elements (the roster's services): one side
        // removed the last one while the other added one; removed on one side, changed on the
        // other, is a conflict; both emptied it, the key stays away.
        clean("keyed list: last one removed here, one added there", "{'team': 't', 'services': [{'id': 's1'}]}",
              "{'team': 't'}", "{'team': 't', 'services': [{'id': 's1'}, {'id': 's2'}]}",
              "{'team': 't', 'services': [{'id': 's2'}]}");
        clean("keyed list: last one removed here, another removed there",
              "{'team': 't', 'services': [{'id': 's1'}, {'id': 's2'}]}", "{'team': 't'}",
              "{'team': 't', 'services': [{'id': 's2'}]}", "{'team': 't'}");
        row("keyed list: removed here, changed there", "{'services': [{'id': 's1', 'name': 'a'}]}", "{}",
            "{'services': [{'id': 's1', 'name': 'b'}]}", "{}", "{'services': [{'id': 's1', 'name': 'b'}]}",
            {u"services/s1"_s});
    }

    void merges()
    {
        QFETCH(QJsonObject, base);
        QFETCH(QJsonObject, mine);
        QFETCH(QJsonObject, theirs);
        QFETCH(QJsonObject, preferMine);
        QFETCH(QJsonObject, preferTheirs);
        QFETCH(QStringList, conflicts);

        const MergeResult r = mergeThreeWay(base, mine, theirs);
        QCOMPARE(sorted(r.conflicts), sorted(conflicts));
        QCOMPARE(r.clean(), conflicts.isEmpty());
        QVERIFY2(r.preferMine == preferMine, qPrintable(text(r.preferMine)));
        QVERIFY2(r.preferTheirs == preferTheirs, qPrintable(text(r.preferTheirs)));

        // The other way round: the same conflicts, the two versions swapped (up to the order of
        // list elements, which follows the first side).
        const MergeResult swapped = mergeThreeWay(base, theirs, mine);
        QCOMPARE(sorted(swapped.conflicts), sorted(conflicts));
        QCOMPARE(swapped.preferMine.keys(), preferTheirs.keys());
        QCOMPARE(swapped.preferTheirs.keys(), preferMine.keys());
    }
};

QTEST_GUILESS_MAIN(MergeTest)
#include "mergetest.moc"
