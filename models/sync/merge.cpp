#include "merge.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

struct Merged
{
    QJsonValue mine;
    QJsonValue theirs;
};

bool isKeyedArray(const QJsonValue &value)
{
    if (!value.isArray()) {
        return value.isUndefined();
    }
    for (const QJsonValue &element : value.toArray()) {
        if (!element.isObject() || !element.toObject().value(u"id"_s).isString()) {
            return false;
        }
    }
    return true;
}

bool isStringArray(const QJsonValue &value)
{
    if (!value.isArray()) {
        return value.isUndefined();
    }
    for (const QJsonValue &element : value.toArray()) {
        if (!element.isString()) {
            return false;
        }
    }
    return true;
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'/' + key;
}

Merged mergeValue(const QString &path, const QJsonValue &b, const QJsonValue &m, const QJsonValue &t,
                  QStringList &conflicts);

Merged mergeObjects(const QString &path, const QJsonObject &b, const QJsonObject &m, const QJsonObject &t,
                    QStringList &conflicts)
{
    QJsonObject mine;
    QJsonObject theirs;
    QStringList keys = m.keys();
    for (const QString &key : t.keys()) {
        if (!m.contains(key)) {
            keys.append(key);
        }
    }
    for (const QString &key : b.keys()) {
        if (!keys.contains(key)) {
            keys.append(key);
        }
    }
    for (const QString &key : std::as_const(keys)) {
        const Merged merged = mergeValue(join(path, key), b.value(key), m.value(key), t.value(key), conflicts);
        if (!merged.mine.isUndefined()) {
            mine.insert(key, merged.mine);
        }
        if (!merged.theirs.isUndefined()) {
            theirs.insert(key, merged.theirs);
        }
    }
    return {mine, theirs};
}

QHash<QString, QJsonObject> byId(const QJsonValue &array)
{
    QHash<QString, QJsonObject> result;
    for (const QJsonValue &element : array.toArray()) {
        const QJsonObject object = element.toObject();
        result.insert(object.value(u"id"_s).toString(), object);
    }
    return result;
}

QStringList idsInOrder(const QJsonValue &first, const QJsonValue &second)
{
    QStringList ids;
    QSet<QString> seen;
    for (const QJsonValue &array : {first, second}) {
        for (const QJsonValue &element : array.toArray()) {
            const QString id = element.toObject().value(u"id"_s).toString();
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }
    return ids;
}

Merged mergeKeyedArrays(const QString &path, const QJsonValue &b, const QJsonValue &m, const QJsonValue &t,
                        QStringList &conflicts)
{
    const auto base = byId(b);
    const auto mine = byId(m);
    const auto theirs = byId(t);
    QJsonArray outMine;
    QJsonArray outTheirs;
    for (const QString &id : idsInOrder(m, t)) {
        const auto value = [](const QHash<QString, QJsonObject> &map, const QString &key) {
            return map.contains(key) ? QJsonValue(map.value(key)) : QJsonValue(QJsonValue::Undefined);
        };
        const Merged merged =
            mergeValue(join(path, id), value(base, id), value(mine, id), value(theirs, id), conflicts);
        if (!merged.mine.isUndefined()) {
            outMine.append(merged.mine);
        }
        if (!merged.theirs.isUndefined()) {
            outTheirs.append(merged.theirs);
        }
    }
    return {outMine, outTheirs};
}

Merged mergeStringSets(const QJsonValue &b, const QJsonValue &m, const QJsonValue &t)
{
    const auto set = [](const QJsonValue &array) {
        QSet<QString> result;
        for (const QJsonValue &element : array.toArray()) {
            result.insert(element.toString());
        }
        return result;
    };
    const QSet<QString> base = set(b);
    const QSet<QString> mine = set(m);
    const QSet<QString> theirs = set(t);
    QJsonArray out;
    QSet<QString> seen;
    for (const QJsonValue &array : {m, t}) {
        for (const QJsonValue &element : array.toArray()) {
            const QString s = element.toString();
            const bool removedByOne = base.contains(s) && (!mine.contains(s) || !theirs.contains(s));
            if (!removedByOne && !seen.contains(s)) {
                seen.insert(s);
                out.append(s);
            }
        }
    }
    return {out, out};
}

Merged mergeValue(const QString &path, const QJsonValue &b, const QJsonValue &m, const QJsonValue &t,
                  QStringList &conflicts)
{
    if (m == t) {
        return {m, t};
    }
    if (m == b) {
        return {t, t};
    }
    if (t == b) {
        return {m, m};
    }
    if (m.isObject() && t.isObject() && (b.isObject() || b.isUndefined())) {
        return mergeObjects(path, b.toObject(), m.toObject(), t.toObject(), conflicts);
    }
    if (b.isArray() && (m.isUndefined() != t.isUndefined()) && isKeyedArray(b) && isKeyedArray(m) && isKeyedArray(t)) {
        // A keyed list one side dropped altogether (a key written only when it has elements, as
        // the roster's services): an empty list. Merged to nothing, the key stays away.
        Merged merged = mergeKeyedArrays(path, b, m.isUndefined() ? QJsonArray() : m,
                                         t.isUndefined() ? QJsonArray() : t, conflicts);
        for (QJsonValue *side : {&merged.mine, &merged.theirs}) {
            if (side->toArray().isEmpty()) {
                *side = QJsonValue(QJsonValue::Undefined);
            }
        }
        return merged;
    }
    if (m.isArray() && t.isArray()) {
        if (isKeyedArray(b) && isKeyedArray(m) && isKeyedArray(t)) {
            return mergeKeyedArrays(path, b, m, t, conflicts);
        }
        if (isStringArray(b) && isStringArray(m) && isStringArray(t)) {
            return mergeStringSets(b, m, t);
        }
    }
    conflicts.append(path);
    return {m, t};
}

} // namespace

MergeResult mergeThreeWay(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs)
{
    MergeResult result;
    const Merged merged = mergeObjects({}, base, mine, theirs, result.conflicts);
    result.preferMine = merged.mine.toObject();
    result.preferTheirs = merged.theirs.toObject();
    return result;
}

} // namespace Tandem
