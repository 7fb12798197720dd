#include "remoteversion.h"

#include "store/database.h"
#include "store/syncrepository.h"
#include "syncengine.h"

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

int sequenceOf(const QJsonObject &o)
{
    return o.value(u"sequence"_s).toInt();
}

QJsonObject withoutSequence(QJsonObject o)
{
    o.remove(u"sequence"_s);
    return o;
}

// SEQUENCE is raised by every edit on both sides: it is not a field people change, so it is
// kept out of the merge and set afterwards so that it never goes back: the newer of both
// sides, one more where the result differs from the server's version (a new revision for
// other clients).
QJsonObject sequenced(QJsonObject merged, const QJsonObject &mine, const QJsonObject &theirs)
{
    if (!mine.contains(u"sequence"_s) && !theirs.contains(u"sequence"_s)) {
        return merged;
    }
    const int top = std::max(sequenceOf(mine), sequenceOf(theirs));
    merged.insert(u"sequence"_s, top + (withoutSequence(merged) != withoutSequence(theirs) ? 1 : 0));
    return merged;
}

} // namespace

MergeResult mergeResource(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs)
{
    MergeResult result = mergeThreeWay(withoutSequence(base), withoutSequence(mine), withoutSequence(theirs));
    result.preferMine = sequenced(result.preferMine, mine, theirs);
    result.preferTheirs = sequenced(result.preferTheirs, mine, theirs);
    return result;
}

Result<bool> writeRemote(Database &db, LocalItems &local, const QUrl &server, const ResourceRef &ref,
                         const std::optional<QJsonObject> &value, bool synced)
{
    SyncRepository repo(db);
    auto before = repo.lastSeq();
    if (!before) {
        return before.error();
    }
    const QString me = db.actor();
    db.setActor(remoteActor(server));
    const Status applied = local.apply(ref, value);
    db.setActor(me);
    if (!applied) {
        return applied.error();
    }
    auto after = repo.lastSeq();
    if (!after) {
        return after.error();
    }
    if (synced) {
        if (auto status = repo.markSyncedAfter(before.value()); !status) {
            return status.error();
        }
    }
    return after.value() > before.value();
}

} // namespace Tandem
