#include "syncengine.h"

#include "ical/icalcodec.h"
#include "localitems.h"
#include "merge.h"
#include "store/database.h"
#include "store/syncrepository.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::SyncEngine", text);
}

constexpr int WriteBatch = 100;

// Who the change log names for changes that came from the server.
QString remoteActor(const QUrl &url)
{
    return QCoreApplication::translate("Tandem::SyncEngine", "a teammate via %1").arg(url.host());
}

// Roster first (shifts and time off name its people and rotations), then the rest.
int applyOrder(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Roster:
        return 0;
    case ResourceKind::Shift:
    case ResourceKind::TimeOff:
        return 1;
    case ResourceKind::Request:
        return 2;
    case ResourceKind::Foreign:
        return 3;
    }
    return 3;
}

// SEQUENCE is raised by every edit on both sides: it is not a field people change, so it is
// kept out of the merge and set above both afterwards.
MergeResult mergeResource(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs)
{
    const auto strip = [](QJsonObject o) {
        o.remove(u"sequence"_s);
        return o;
    };
    MergeResult result = mergeThreeWay(strip(base), strip(mine), strip(theirs));
    if (mine.contains(u"sequence"_s) || theirs.contains(u"sequence"_s)) {
        const int top = std::max(mine.value(u"sequence"_s).toInt(), theirs.value(u"sequence"_s).toInt());
        const bool changed = result.preferMine != strip(theirs);
        result.preferMine.insert(u"sequence"_s, top + (changed ? 1 : 0));
        result.preferTheirs.insert(u"sequence"_s, theirs.value(u"sequence"_s).toInt());
    }
    return result;
}

} // namespace

struct SyncEngine::Run
{
    SyncEngine &e;
    SyncRepository repo;
    LocalItems local;
    SyncReport report;
    QHash<QString, SyncItem> items;  // by uid
    QHash<QString, QString> hrefUid; // href -> uid
    QSet<QString> conflicted;        // uids
    IcalDirectory directory;         // read at the start of each push
    QStringList pullProblems;        // server items that could not be applied here

    explicit Run(SyncEngine &engine) : e(engine), repo(engine.m_db), local(engine.m_db, engine.m_team) {}

    void progress(const QString &phase, int done, int total)
    {
        if (e.m_progress) {
            e.m_progress(phase, done, total);
        }
    }

    bool fail(const DavError &error)
    {
        report.error = error;
        return false;
    }

    bool failLocal(const Error &error)
    {
        DavError failure;
        failure.kind = DavError::Kind::Protocol;
        failure.message = error.message;
        report.error = failure;
        return false;
    }

    bool loadState()
    {
        auto all = repo.items(e.m_team);
        if (!all) {
            return failLocal(all.error());
        }
        items = all.value();
        hrefUid.clear();
        for (const SyncItem &item : std::as_const(items)) {
            hrefUid.insert(item.href, item.uid);
        }
        auto conflicts = repo.conflicts(e.m_team);
        if (!conflicts) {
            return failLocal(conflicts.error());
        }
        conflicted.clear();
        for (const SyncConflict &c : conflicts.value()) {
            conflicted.insert(c.uid);
        }
        return true;
    }

    // Local entities with unsynced change-log rows, grouped by the resource they belong to.
    struct Dirty
    {
        ResourceRef ref;
        QList<OutboxEntry> entries;
    };
    Result<QList<Dirty>> dirtyResources(bool everything)
    {
        auto last = repo.lastSeq();
        if (!last) {
            return last.error();
        }
        auto outbox = repo.outbox(last.value());
        if (!outbox) {
            return outbox.error();
        }
        QList<Dirty> result;
        QHash<QString, qsizetype> index;
        const auto known = [this](const QString &uid) { return items.contains(uid); };
        for (const OutboxEntry &entry : outbox.value()) {
            auto ref = local.resourceFor(entry.entity, entry.entityId, known);
            if (!ref) {
                return ref.error();
            }
            if (!ref.value()) {
                continue; // not this team's business: stays for another account
            }
            const QString uid = ref.value()->uid;
            if (!index.contains(uid)) {
                index.insert(uid, result.size());
                result.append(Dirty{*ref.value(), {}});
            }
            result[index.value(uid)].entries.append(entry);
        }
        if (everything) {
            // First sync of this account: everything the team has goes up, logged or not.
            auto all = local.all();
            if (!all) {
                return all.error();
            }
            for (const ResourceRef &ref : all.value()) {
                if (!index.contains(ref.uid)) {
                    index.insert(ref.uid, result.size());
                    result.append(Dirty{ref, {}});
                }
            }
        }
        std::stable_sort(result.begin(), result.end(), [](const Dirty &a, const Dirty &b) {
            return applyOrder(a.ref.kind) < applyOrder(b.ref.kind);
        });
        return result;
    }

    Status markSent(const QList<OutboxEntry> &entries)
    {
        for (const OutboxEntry &entry : entries) {
            if (auto status = repo.markSynced(entry.entity, entry.entityId, entry.lastSeq); !status) {
                return status;
            }
        }
        return {};
    }

    // Writes the server's version here; its change-log rows are not sent back. The log names
    // the server, not this user: someone else made the change (reminders rely on it).
    Status applyTheirs(const ResourceRef &ref, const std::optional<QJsonObject> &theirs)
    {
        auto before = repo.lastSeq();
        if (!before) {
            return before.error();
        }
        const QString me = e.m_db.actor();
        e.m_db.setActor(remoteActor(e.m_client.settings().url));
        const Status applied = local.apply(ref, theirs);
        e.m_db.setActor(me);
        if (!applied) {
            return applied;
        }
        return repo.markSyncedAfter(before.value());
    }

    SyncConflict makeConflict(const ResourceRef &ref, const QJsonObject &base, const QJsonObject &mine,
                              const QJsonObject &theirs, const QByteArray &theirsEtag, const QStringList &fields)
    {
        SyncConflict c;
        c.uid = ref.uid;
        c.kind = resourceKindToString(ref.kind);
        c.fields = fields;
        c.base = base;
        c.mine = mine;
        c.theirs = theirs;
        c.theirsEtag = theirsEtag;
        c.detected = e.m_db.clock().now().toUTC();
        return c;
    }

    // ---- pull ----

    bool pull(const QByteArray &token, bool &tokenRefused, QByteArray &newToken, bool &full)
    {
        progress(tr("Asking the server for changes"), 0, 0);
        QList<DavItem> changed;
        QStringList removed;
        full = token.isEmpty();
        auto changes = e.m_client.syncCollection(token);
        if (auto *error = std::get_if<DavError>(&changes)) {
            if (error->kind == DavError::Kind::InvalidSyncToken) {
                tokenRefused = true;
                full = true;
                changes = e.m_client.syncCollection({});
            }
        }
        if (auto *error = std::get_if<DavError>(&changes)) {
            if (error->kind != DavError::Kind::Server && error->kind != DavError::Kind::Forbidden) {
                return fail(*error);
            }
            // No sync-collection on this server: compare every ETag.
            auto listing = e.m_client.listEtags();
            if (auto *listError = std::get_if<DavError>(&listing)) {
                return fail(*listError);
            }
            full = true;
            changed = std::get<QList<DavItem>>(listing);
            newToken.clear();
        } else {
            const auto &c = std::get<SyncChanges>(changes);
            changed = c.changed;
            removed = c.removed;
            newToken = c.newToken;
        }
        if (full) {
            QSet<QString> listed;
            for (const DavItem &item : std::as_const(changed)) {
                listed.insert(item.href);
            }
            for (auto it = hrefUid.cbegin(); it != hrefUid.cend(); ++it) {
                if (!listed.contains(it.key()) && !removed.contains(it.key())) {
                    removed.append(it.key());
                }
            }
        }
        report.fullResync = full && !token.isEmpty();

        QStringList fetch;
        for (const DavItem &item : std::as_const(changed)) {
            const QString uid = hrefUid.value(item.href);
            if (uid.isEmpty() || items.value(uid).etag != item.etag) {
                fetch.append(item.href);
            }
        }
        QList<DavItem> fetched;
        if (!fetch.isEmpty()) {
            progress(tr("Reading changes from the server"), 0, int(fetch.size()));
            auto got = e.m_client.multiget(fetch);
            if (auto *error = std::get_if<DavError>(&got)) {
                return fail(*error);
            }
            fetched = std::get<QList<DavItem>>(got);
        }
        return applyPulled(fetched, removed);
    }

    bool applyPulled(const QList<DavItem> &fetched, const QStringList &removed)
    {
        struct Incoming
        {
            DavItem item;
            ResourceData data;
        };
        QList<Incoming> incoming;
        for (const DavItem &item : fetched) {
            auto decoded = decodeResource(item.data);
            if (!decoded) {
                // Not iCalendar we can read: keep it on the server, untouched, and say so.
                ++report.foreign;
                continue;
            }
            incoming.append({item, decoded.value()});
        }
        std::stable_sort(incoming.begin(), incoming.end(), [](const Incoming &a, const Incoming &b) {
            return applyOrder(a.data.kind) < applyOrder(b.data.kind);
        });

        auto dirty = dirtyResources(false);
        if (!dirty) {
            return failLocal(dirty.error());
        }
        QSet<QString> dirtyUids;
        for (const Dirty &d : dirty.value()) {
            dirtyUids.insert(d.ref.uid);
        }

        Transaction tx(e.m_db);
        if (!tx.status()) {
            return failLocal(tx.status().error());
        }
        int done = 0;
        QStringList problems;
        for (const Incoming &in : std::as_const(incoming)) {
            progress(tr("Applying changes from the server"), ++done, int(incoming.size()));
            Transaction one(e.m_db);
            const Status status = pullOne(in.item, in.data, dirtyUids.contains(in.data.uid));
            if (!status) {
                one.rollback();
                problems.append(status.errorMessage());
                continue;
            }
            if (auto committed = one.commit(); !committed) {
                problems.append(committed.errorMessage());
            }
        }
        for (const QString &href : removed) {
            const QString uid = hrefUid.value(href);
            if (uid.isEmpty()) {
                continue;
            }
            Transaction one(e.m_db);
            const Status status = pullRemoval(items.value(uid), dirtyUids.contains(uid));
            if (!status) {
                one.rollback();
                problems.append(status.errorMessage());
                continue;
            }
            if (auto committed = one.commit(); !committed) {
                problems.append(committed.errorMessage());
            }
        }
        if (auto status = tx.commit(); !status) {
            return failLocal(status.error());
        }
        // What could not be applied is read again at the next sync (the token stays); the
        // rest of the sync goes on, so one bad item never holds back the local changes.
        pullProblems += problems;
        return loadState();
    }

    Status saveItem(const ResourceRef &ref, const QString &href, const QByteArray &etag, const QJsonObject &base,
                    const QByteArray &ics)
    {
        SyncItem item{ref.uid, resourceKindToString(ref.kind), href, etag, base, ics};
        if (auto status = repo.saveItem(e.m_team, item); !status) {
            return status;
        }
        items.insert(ref.uid, item);
        hrefUid.insert(href, ref.uid);
        return {};
    }

    Status pullOne(const DavItem &item, const ResourceData &data, bool locallyChanged)
    {
        const ResourceRef ref{data.kind, data.uid};
        if (data.kind == ResourceKind::Foreign) {
            // Events of other clients stay as they are; Tandem keeps only their ETag.
            ++report.foreign;
            return saveItem(ref, item.href, item.etag, {}, item.data);
        }
        if (data.kind == ResourceKind::Roster && data.uid != e.m_team.toString()) {
            ++report.foreign;
            return saveItem(ResourceRef{ResourceKind::Foreign, data.uid}, item.href, item.etag, {}, item.data);
        }
        auto current = local.current(ref);
        if (!current) {
            return current.error();
        }
        const QJsonObject base = items.value(data.uid).base;
        const QJsonObject &theirs = data.data;
        if (!current.value() || !locallyChanged || *current.value() == theirs) {
            if (!current.value() && locallyChanged && !base.isEmpty()) {
                // Deleted here, changed there: the user decides.
                ++report.newConflicts;
                if (auto status =
                        repo.saveConflict(e.m_team, makeConflict(ref, base, {}, theirs, item.etag, {u"deleted"_s}));
                    !status) {
                    return status;
                }
                return saveItem(ref, item.href, item.etag, theirs, item.data);
            }
            if (!current.value() || *current.value() != theirs) {
                if (auto status = applyTheirs(ref, theirs); !status) {
                    return status;
                }
                ++report.received;
            }
            if (locallyChanged && current.value() && *current.value() == theirs) {
                // Both sides made the same change.
                if (auto status = repo.removeConflict(e.m_team, ref.uid); !status) {
                    return status;
                }
            }
            return saveItem(ref, item.href, item.etag, theirs, item.data);
        }
        // Changed on both sides: merge against the last synced copy.
        const MergeResult merge = mergeResource(base, *current.value(), theirs);
        if (merge.clean()) {
            ++report.merged;
            if (merge.preferMine != *current.value()) {
                // The merged result is a local change: it goes out in the push below.
                if (auto status = local.apply(ref, merge.preferMine); !status) {
                    return status;
                }
            }
            return saveItem(ref, item.href, item.etag, theirs, item.data);
        }
        ++report.newConflicts;
        if (auto status = repo.saveConflict(
                e.m_team, makeConflict(ref, base, merge.preferMine, merge.preferTheirs, item.etag, merge.conflicts));
            !status) {
            return status;
        }
        conflicted.insert(ref.uid);
        return saveItem(ref, item.href, item.etag, theirs, item.data);
    }

    Status pullRemoval(const SyncItem &item, bool locallyChanged)
    {
        const auto kind = resourceKindFromString(item.kind).value_or(ResourceKind::Foreign);
        const ResourceRef ref{kind, item.uid};
        if (kind != ResourceKind::Foreign) {
            auto current = local.current(ref);
            if (!current) {
                return current.error();
            }
            if (current.value() && locallyChanged && *current.value() != item.base) {
                // Changed here, deleted there: the user decides.
                ++report.newConflicts;
                if (auto status = repo.saveConflict(
                        e.m_team, makeConflict(ref, item.base, *current.value(), {}, {}, {u"deleted"_s}));
                    !status) {
                    return status;
                }
                conflicted.insert(ref.uid);
            } else if (current.value()) {
                if (auto status = applyTheirs(ref, std::nullopt); !status) {
                    return status;
                }
                ++report.received;
            }
        }
        if (auto status = repo.removeItem(e.m_team, item.uid); !status) {
            return status;
        }
        hrefUid.remove(item.href);
        items.remove(item.uid);
        return {};
    }

    // ---- push ----

    QString hrefFor(const ResourceRef &ref) const
    {
        return e.m_client.hrefFor(ref.kind == ResourceKind::Roster ? RosterResourceName.toString() : ref.uid);
    }

    struct Sent
    {
        ResourceRef ref;
        QString href;
        QByteArray etag;
        QJsonObject base; // empty with `deleted`
        QByteArray ics;
        bool deleted = false;
        QList<OutboxEntry> entries;
    };

    bool recordSent(QList<Sent> &sent)
    {
        if (sent.isEmpty()) {
            return true;
        }
        // Servers that send no ETag after a PUT: read it now, so the next sync does not
        // take our own write for somebody else's.
        QStringList missing;
        for (const Sent &s : std::as_const(sent)) {
            if (!s.deleted && s.etag.isEmpty()) {
                missing.append(s.href);
            }
        }
        QHash<QString, DavItem> reread;
        if (!missing.isEmpty()) {
            auto got = e.m_client.multiget(missing);
            if (auto *error = std::get_if<DavError>(&got)) {
                return fail(*error);
            }
            for (const DavItem &item : std::get<QList<DavItem>>(got)) {
                reread.insert(item.href, item);
            }
        }
        Transaction tx(e.m_db);
        if (!tx.status()) {
            return failLocal(tx.status().error());
        }
        for (const Sent &s : std::as_const(sent)) {
            Status status;
            if (s.deleted) {
                status = repo.removeItem(e.m_team, s.ref.uid);
                hrefUid.remove(s.href);
                items.remove(s.ref.uid);
            } else if (s.etag.isEmpty() && reread.contains(s.href)) {
                const DavItem &item = reread.value(s.href);
                status = saveItem(s.ref, s.href, item.etag, s.base, item.data);
            } else {
                status = saveItem(s.ref, s.href, s.etag, s.base, s.ics);
            }
            if (status) {
                status = markSent(s.entries);
            }
            if (!status) {
                return failLocal(status.error());
            }
        }
        if (auto status = tx.commit(); !status) {
            return failLocal(status.error());
        }
        sent.clear();
        return true;
    }

    bool push(bool everything)
    {
        // Names and zones for the text of what goes out, as they are after the pull.
        auto dir = local.directory();
        if (!dir) {
            return failLocal(dir.error());
        }
        directory = dir.value();
        auto dirty = dirtyResources(everything);
        if (!dirty) {
            return failLocal(dirty.error());
        }
        QList<Sent> sent;
        int done = 0;
        const int total = int(dirty->size());
        for (const Dirty &d : dirty.value()) {
            progress(tr("Sending changes to the server"), ++done, total);
            if (conflicted.contains(d.ref.uid)) {
                continue;
            }
            auto current = local.current(d.ref);
            if (!current) {
                return failLocal(current.error());
            }
            const bool onServer = items.contains(d.ref.uid);
            const SyncItem item = items.value(d.ref.uid);
            if (!current.value()) {
                if (!onServer) {
                    sent.append(Sent{d.ref, {}, {}, {}, {}, true, d.entries}); // created and deleted offline
                    continue;
                }
                auto removed = e.m_client.remove(item.href, item.etag);
                if (auto *error = std::get_if<DavError>(&removed)) {
                    if (error->kind == DavError::Kind::PreconditionFailed) {
                        if (!conflictOnServerChange(d, {}, item)) {
                            return false;
                        }
                        continue;
                    }
                    recordSent(sent);
                    return fail(*error);
                }
                ++report.sent;
                sent.append(Sent{d.ref, item.href, {}, {}, {}, true, d.entries});
            } else {
                if (onServer && *current.value() == item.base) {
                    sent.append(Sent{d.ref, item.href, item.etag, item.base, item.serverIcs, false, d.entries});
                    continue;
                }
                const QString href = onServer ? item.href : hrefFor(d.ref);
                const QByteArray ics =
                    encodeResource(ResourceData{d.ref.kind, d.ref.uid, *current.value()}, directory, item.serverIcs);
                auto put = e.m_client.put(href, ics, onServer ? item.etag : QByteArray());
                if (auto *error = std::get_if<DavError>(&put)) {
                    if (error->kind == DavError::Kind::PreconditionFailed) {
                        SyncItem known = item;
                        known.href = href;
                        if (!conflictOnServerChange(d, *current.value(), known)) {
                            return false;
                        }
                        continue;
                    }
                    recordSent(sent);
                    return fail(*error);
                }
                ++report.sent;
                sent.append(Sent{d.ref, href, std::get<QByteArray>(put), *current.value(), ics, false, d.entries});
            }
            if (sent.size() >= WriteBatch && !recordSent(sent)) {
                return false;
            }
        }
        return recordSent(sent);
    }

    // A conditional write failed: the server has another version. Read it, merge, and send
    // the merge (once); what cannot be merged becomes a conflict.
    bool conflictOnServerChange(const Dirty &d, const QJsonObject &mine, const SyncItem &item)
    {
        auto got = e.m_client.multiget({item.href});
        if (auto *error = std::get_if<DavError>(&got)) {
            return fail(*error);
        }
        const auto fetched = std::get<QList<DavItem>>(got);
        Transaction tx(e.m_db);
        if (!tx.status()) {
            return failLocal(tx.status().error());
        }
        if (fetched.isEmpty()) {
            // Gone on the server meanwhile: forget the item; the next sync creates it again.
            if (auto status = repo.removeItem(e.m_team, d.ref.uid); !status) {
                return failLocal(status.error());
            }
            items.remove(d.ref.uid);
            hrefUid.remove(item.href);
            return bool(tx.commit());
        }
        const DavItem &theirsItem = fetched.first();
        auto decoded = decodeResource(theirsItem.data);
        if (!decoded) {
            return failLocal(decoded.error());
        }
        const QJsonObject theirs = decoded->data;
        Status status;
        if (mine.isEmpty()) {
            // Deleted here, changed there.
            ++report.newConflicts;
            status = repo.saveConflict(e.m_team,
                                       makeConflict(d.ref, item.base, {}, theirs, theirsItem.etag, {u"deleted"_s}));
            conflicted.insert(d.ref.uid);
        } else {
            const MergeResult merge = mergeResource(item.base, mine, theirs);
            if (merge.clean()) {
                ++report.merged;
                // The merged version is a local change: the next round sends it with the new ETag.
                if (merge.preferMine != mine) {
                    status = local.apply(d.ref, merge.preferMine);
                }
            } else {
                ++report.newConflicts;
                status =
                    repo.saveConflict(e.m_team, makeConflict(d.ref, item.base, merge.preferMine, merge.preferTheirs,
                                                             theirsItem.etag, merge.conflicts));
                conflicted.insert(d.ref.uid);
            }
        }
        if (status) {
            status = saveItem(d.ref, theirsItem.href, theirsItem.etag, theirs, theirsItem.data);
        }
        if (!status) {
            return failLocal(status.error());
        }
        if (auto committed = tx.commit(); !committed) {
            return failLocal(committed.error());
        }
        return true;
    }
};

SyncEngine::SyncEngine(Database &db, TeamId team, const DavSettings &settings)
    : m_db(db), m_team(team), m_client(settings)
{}

SyncEngine::~SyncEngine() = default;

SyncReport SyncEngine::run()
{
    Run r(*this);
    const auto connection =
        QObject::connect(&m_db, &Database::committed, &m_db,
                         [&r](const QList<ChangeEntry> &changes) { r.report.applied.append(changes); });
    SyncRepository repo(m_db);
    auto account = repo.account(m_team);
    bool ok = account.ok() && account.value().has_value();
    if (!account) {
        r.failLocal(account.error());
    } else if (!account.value()) {
        r.failLocal(Error{tr("This team is not connected to a CalDAV server.")});
    }
    bool readOnly = ok && account.value()->readOnly;
    if (ok) {
        ok = r.loadState();
    }
    if (ok) {
        const bool firstSync = r.items.isEmpty();
        bool tokenRefused = false;
        bool full = false;
        QByteArray newToken;
        ok = r.pull(account.value()->syncToken, tokenRefused, newToken, full);
        if (ok && r.pullProblems.isEmpty()) {
            Transaction tx(m_db);
            ok = tx.status() && repo.setToken(m_team, newToken) && tx.commit();
        }
        // Up to three rounds: a merge after a 412 is sent in the next one.
        for (int round = 0; ok && !readOnly && round < 3; ++round) {
            const int conflictsBefore = r.report.newConflicts;
            const int mergedBefore = r.report.merged;
            ok = r.push(firstSync && round == 0);
            if (!ok && r.report.error && r.report.error->kind == DavError::Kind::Forbidden) {
                readOnly = true;
                Transaction tx(m_db);
                if (tx.status() && repo.setReadOnly(m_team, true)) {
                    (void)tx.commit();
                }
            }
            if (r.report.merged == mergedBefore && r.report.newConflicts == conflictsBefore) {
                break;
            }
        }
    }
    QObject::disconnect(connection);
    if (ok && !r.pullProblems.isEmpty()) {
        const QString first = r.pullProblems.first();
        ok = r.failLocal(Error{r.pullProblems.size() == 1
                                   ? tr("%1 Tandem tries again at the next sync.").arg(first)
                                   : tr("%1 (and %2 more like it) Tandem tries again at the next sync.")
                                         .arg(first)
                                         .arg(r.pullProblems.size() - 1)});
    }

    // What still waits for the server: this team's resources with unsynced changes.
    if (auto pending = r.dirtyResources(false); pending) {
        r.report.pending = int(pending->size());
    }
    auto conflicts = repo.conflicts(m_team);
    const int openConflicts = conflicts.ok() ? int(conflicts->size()) : 0;
    r.report.requests = m_client.requestCount();
    r.report.readOnly = readOnly;
    r.report.ok = ok;
    if (ok) {
        QStringList parts;
        parts << tr("%1 received").arg(r.report.received) << tr("%1 sent").arg(r.report.sent);
        if (openConflicts > 0) {
            parts << tr("conflicts to resolve: %1").arg(openConflicts);
        }
        if (readOnly) {
            parts << tr("read-only: the server refuses this account's changes");
        }
        r.report.message = tr("Synced: %1.").arg(parts.join(u", "_s));
    } else {
        const QString why = r.report.error ? r.report.error->message : tr("Unknown error.");
        r.report.message = r.report.pending > 0
                               ? tr("Sync failed: %1 Local changes are kept and go out at the next sync.").arg(why)
                               : tr("Sync failed: %1").arg(why);
        if (r.report.error && r.report.error->kind == DavError::Kind::Forbidden) {
            r.report.message = tr("The server refuses changes from this account (HTTP 403): the team is read-only "
                                  "here. Local changes are kept.");
        }
    }
    Transaction tx(m_db);
    if (tx.status() && repo.setOutcome(m_team, ok ? m_db.clock().now().toUTC() : QDateTime(), r.report.message)) {
        (void)tx.commit();
    }
    return r.report;
}

Result<int> pendingChanges(Database &db, TeamId team)
{
    SyncEngine engine(db, team, DavSettings{});
    SyncEngine::Run r(engine);
    if (!r.loadState()) {
        return Error{r.report.error->message};
    }
    auto dirty = r.dirtyResources(false);
    if (!dirty) {
        return dirty.error();
    }
    return int(dirty->size());
}

Status connectTeam(Database &db, TeamId team, const DavSettings &settings)
{
    SyncRepository repo(db);
    Transaction tx(db);
    if (!tx.status()) {
        return tx.status();
    }
    SyncAccount account;
    account.team = team;
    account.url = settings.url;
    account.username = settings.username;
    account.allowInsecureHttp = settings.allowInsecureHttp;
    if (auto old = repo.account(team); old && old.value() && old.value()->url == settings.url) {
        // Connecting again keeps the sync state, and tries writing again after a 403.
        account = *old.value();
        account.username = settings.username;
        account.allowInsecureHttp = settings.allowInsecureHttp;
        account.readOnly = false;
    } else if (auto status = repo.removeAccount(team); !status) {
        return status; // another collection: start over
    }
    if (auto status = repo.saveAccount(account); !status) {
        return status;
    }
    return tx.commit();
}

Result<TeamId> joinCollection(Database &db, CalDavClient &client)
{
    const QString href = client.hrefFor(RosterResourceName.toString());
    auto got = client.multiget({href});
    if (auto *error = std::get_if<DavError>(&got)) {
        return Error{error->message};
    }
    const auto items = std::get<QList<DavItem>>(got);
    if (items.isEmpty()) {
        return Error{QCoreApplication::translate("Tandem::SyncEngine",
                                                 "The collection %1 holds no Tandem team (no %2.ics in it).")
                         .arg(client.settings().url.toDisplayString(), RosterResourceName)};
    }
    auto decoded = decodeResource(items.first().data);
    if (!decoded) {
        return decoded.error();
    }
    if (decoded->kind != ResourceKind::Roster) {
        return Error{QCoreApplication::translate("Tandem::SyncEngine", "%1 is not a Tandem roster.").arg(href)};
    }
    const TeamId team = TeamId::fromString(decoded->uid);
    SyncRepository repo(db);
    LocalItems local(db, team);
    Transaction tx(db);
    if (!tx.status()) {
        return tx.status().error();
    }
    auto before = repo.lastSeq();
    if (!before) {
        return before.error();
    }
    const QString me = db.actor();
    db.setActor(remoteActor(client.settings().url));
    const Status applied = local.apply(ResourceRef{ResourceKind::Roster, decoded->uid}, decoded->data);
    db.setActor(me);
    if (!applied) {
        return applied.error();
    }
    if (auto status = repo.markSyncedAfter(before.value()); !status) {
        return status.error();
    }
    SyncAccount account;
    account.team = team;
    account.url = client.settings().url;
    account.username = client.settings().username;
    account.allowInsecureHttp = client.settings().allowInsecureHttp;
    if (auto status = repo.saveAccount(account); !status) {
        return status.error();
    }
    if (auto status = tx.commit(); !status) {
        return status.error();
    }
    return team;
}

Status disconnectTeam(Database &db, TeamId team)
{
    Transaction tx(db);
    if (!tx.status()) {
        return tx.status();
    }
    if (auto status = SyncRepository(db).removeAccount(team); !status) {
        return status;
    }
    return tx.commit();
}

Status resolveConflict(Database &db, TeamId team, const QString &uid, bool keepMine)
{
    SyncRepository repo(db);
    auto conflict = repo.conflict(team, uid);
    if (!conflict) {
        return conflict.error();
    }
    if (!conflict.value()) {
        return Error{QCoreApplication::translate("Tandem::SyncEngine", "There is no conflict on %1.").arg(uid)};
    }
    const SyncConflict &c = *conflict.value();
    const ResourceRef ref{resourceKindFromString(c.kind).value_or(ResourceKind::Shift), c.uid};
    LocalItems local(db, team);
    Transaction tx(db);
    if (!tx.status()) {
        return tx.status();
    }
    const QJsonObject chosen = keepMine ? c.mine : c.theirs;
    const std::optional<QJsonObject> value = chosen.isEmpty() ? std::nullopt : std::optional(chosen);
    auto before = repo.lastSeq();
    if (!before) {
        return before.error();
    }
    if (auto status = local.apply(ref, value); !status) {
        return status;
    }
    // Keeping mine: the local rows stay unsynced, so the next sync sends them over the
    // server's version (whose ETag the conflict recorded). Taking theirs: what was written
    // here came from the server; the next sync finds nothing to send.
    if (!keepMine) {
        if (auto status = repo.markSyncedAfter(before.value()); !status) {
            return status;
        }
    }
    if (auto status = repo.removeConflict(team, uid); !status) {
        return status;
    }
    return tx.commit();
}

} // namespace Tandem
