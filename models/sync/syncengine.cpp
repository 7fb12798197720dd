#include "syncengine.h"

#include "domain/serialize.h"
#include "ical/icalcodec.h"
#include "localitems.h"
#include "merge.h"
#include "remoteversion.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/idrewrite.h"
#include "store/syncrepository.h"
#include "store/teamrepository.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::SyncEngine", text);
}

constexpr int WriteBatch = 100;

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

// The resource in words for the status ("the team's roster", "the shift of 14 Dec 2026").
QString describe(const ResourceRef &ref, const QJsonObject &data)
{
    switch (ref.kind) {
    case ResourceKind::Roster:
        return tr("the team's roster");
    case ResourceKind::Shift: {
        const QDateTime start = QDateTime::fromString(data.value(u"start"_s).toString(), Qt::ISODate);
        return start.isValid() ? tr("the shift of %1").arg(start.toString(u"d MMM yyyy"_s)) : tr("a shift");
    }
    case ResourceKind::TimeOff:
        return tr("time off from %1").arg(data.value(u"from"_s).toString());
    case ResourceKind::Request:
        return tr("a swap request");
    case ResourceKind::Foreign:
        break;
    }
    return tr("an event");
}

// The change-log entity whose rows put a resource in the outbox.
QStringView entityOf(const ResourceRef &ref)
{
    switch (ref.kind) {
    case ResourceKind::Shift:
        return Entity::Shift;
    case ResourceKind::TimeOff:
        return Entity::TimeOff;
    case ResourceKind::Request:
        return Entity::Request;
    case ResourceKind::Roster:
    case ResourceKind::Foreign:
        break;
    }
    return Entity::Team;
}

} // namespace

QString remoteActor(const QUrl &server)
{
    return QCoreApplication::translate("Tandem::SyncEngine", "a teammate via %1").arg(server.host());
}

struct SyncEngine::Run
{
    SyncEngine &e;
    SyncRepository repo;
    LocalItems local;
    SyncReport report;
    QHash<QString, SyncItem> items;         // by uid
    QHash<QString, QString> hrefUid;        // href -> uid
    QHash<QString, SyncConflict> conflicts; // open conflicts, by uid
    QSet<QString> looked;                   // conflicts looked at again in this run
    IcalDirectory directory;                // read at the start of each push
    QStringList pullProblems;               // server items that could not be applied here
    QStringList restored;                   // what the server lost and Tandem put back, in words

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
        auto open = repo.conflicts(e.m_team);
        if (!open) {
            return failLocal(open.error());
        }
        conflicts.clear();
        for (const SyncConflict &c : open.value()) {
            conflicts.insert(c.uid, c);
        }
        return true;
    }

    static bool isLost(const SyncItem &item)
    {
        // Tandem's resource the server lost: re-created (If-None-Match) at the next push.
        return item.etag.isEmpty() && item.kind != resourceKindToString(ResourceKind::Foreign);
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
        for (const SyncItem &item : std::as_const(items)) {
            if (isLost(item) && !index.contains(item.uid)) {
                if (auto kind = resourceKindFromString(item.kind)) {
                    index.insert(item.uid, result.size());
                    result.append(Dirty{ResourceRef{*kind, item.uid}, {}});
                }
            }
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

    // Writes a version that came from the server (nullopt: deleted there). The log names the
    // server, not this user: someone else made the change (reminders rely on it). `synced`:
    // the server has exactly this, so its rows are not sent back; otherwise (a merge that holds
    // local changes too) they go out with the push. Counts a resource changed here as received.
    Status applyRemote(const ResourceRef &ref, const std::optional<QJsonObject> &value, bool synced)
    {
        auto changed = writeRemote(e.m_db, local, e.m_client.settings().url, ref, value, synced);
        if (!changed) {
            return changed.error();
        }
        if (changed.value()) {
            ++report.received;
        }
        report.notes += local.takeNotes();
        return {};
    }

    SyncConflict makeConflict(const ResourceRef &ref, const QJsonObject &base, const std::optional<QJsonObject> &mine,
                              const std::optional<QJsonObject> &theirs, const QByteArray &theirsEtag,
                              const QStringList &fields, const QString &problem)
    {
        SyncConflict c;
        c.uid = ref.uid;
        c.kind = resourceKindToString(ref.kind);
        c.fields = fields;
        c.base = base;
        // Not failed reads: a side without the item (deleted there) is an empty object.
        c.mine = mine.value_or(QJsonObject());
        c.theirs = theirs.value_or(QJsonObject());
        c.theirsEtag = theirsEtag;
        c.detected = e.m_db.clock().now().toUTC();
        c.problem = problem;
        return c;
    }

    Status saveConflict(const SyncConflict &c)
    {
        if (!conflicts.contains(c.uid)) {
            ++report.newConflicts;
        }
        if (auto status = repo.saveConflict(e.m_team, c); !status) {
            return status;
        }
        conflicts.insert(c.uid, c);
        looked.insert(c.uid);
        return {};
    }

    Status dropConflict(const QString &uid)
    {
        if (!conflicts.contains(uid)) {
            return {};
        }
        conflicts.remove(uid);
        return repo.removeConflict(e.m_team, uid);
    }

    // An open conflict looked at again with both sides as they are now (`c.mine`, `c.theirs`
    // set by the caller): gone when both agree or when the merge against its base has become
    // clean (the merge is then applied); otherwise kept with the fields that still clash.
    Status reconsider(const ResourceRef &ref, SyncConflict c)
    {
        looked.insert(c.uid);
        if (!c.theirs.isEmpty()) {
            c.problem = local.problemWith(ref, c.theirs);
        } else {
            c.problem.clear();
        }
        if (c.problem.isEmpty() && c.mine == c.theirs) {
            return dropConflict(c.uid); // both sides agree (or both deleted it)
        }
        if (c.problem.isEmpty() && !c.mine.isEmpty() && !c.theirs.isEmpty()) {
            const MergeResult merge = mergeResource(c.base, c.mine, c.theirs);
            if (merge.clean()) {
                ++report.merged;
                if (merge.preferMine != c.mine) {
                    if (auto status = applyRemote(ref, merge.preferMine, false); !status) {
                        return status;
                    }
                }
                return dropConflict(c.uid);
            }
            c.fields = merge.conflicts;
        } else if (c.problem.isEmpty()) {
            c.fields = {u"deleted"_s};
        }
        if (auto status = repo.saveConflict(e.m_team, c); !status) {
            return status;
        }
        conflicts.insert(c.uid, c);
        return {};
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

        // Every one of Tandem's resources gone at once: the server lost its data (a restored
        // backup, a calendar made anew), which no teammate's edit does. Put it all back.
        int ours = 0;
        int oursGone = 0;
        for (const SyncItem &item : std::as_const(items)) {
            if (item.kind != resourceKindToString(ResourceKind::Foreign) && !isLost(item)) {
                ++ours;
                oursGone += removed.contains(item.href) ? 1 : 0;
            }
        }
        const bool serverLost = ours > 1 && oursGone == ours;

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
        return applyPulled(fetched, removed, serverLost);
    }

    bool applyPulled(const QList<DavItem> &fetched, const QStringList &removed, bool serverLost)
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
        const auto inOwnTransaction = [&](const std::function<Status()> &step) {
            Transaction one(e.m_db);
            const Status status = step();
            if (!status) {
                one.rollback();
                local.takeNotes();
                problems.append(status.errorMessage());
                return;
            }
            if (auto committed = one.commit(); !committed) {
                problems.append(committed.errorMessage());
            }
        };
        for (const Incoming &in : std::as_const(incoming)) {
            progress(tr("Applying changes from the server"), ++done, int(incoming.size()));
            inOwnTransaction([&] { return pullOne(in.item, in.data, dirtyUids.contains(in.data.uid)); });
        }
        for (const QString &href : removed) {
            const QString uid = hrefUid.value(href);
            if (uid.isEmpty()) {
                continue;
            }
            inOwnTransaction([&] { return pullRemoval(items.value(uid), dirtyUids.contains(uid), serverLost); });
        }
        // Conflicts the server did not touch: local edits may have settled them meanwhile.
        for (const SyncConflict &c : conflicts.values()) {
            if (looked.contains(c.uid)) {
                continue;
            }
            inOwnTransaction([&]() -> Status {
                // The kind is one makeConflict wrote; the read's error is returned below.
                const ResourceRef ref{resourceKindFromString(c.kind).value_or(ResourceKind::Shift), c.uid};
                auto current = local.current(ref);
                if (!current) {
                    return current.error();
                }
                SyncConflict now = c;
                // Deleted here: "mine" is nothing.
                now.mine = current.value().value_or(QJsonObject());
                return reconsider(ref, now);
            });
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

    Status forgetItem(const SyncItem &item)
    {
        if (auto status = repo.removeItem(e.m_team, item.uid); !status) {
            return status;
        }
        hrefUid.remove(item.href);
        items.remove(item.uid);
        return {};
    }

    // Kept aside until the user chooses: nothing of it is written here.
    Status keepAside(const ResourceRef &ref, const DavItem &item, const QJsonObject &base,
                     const std::optional<QJsonObject> &mine, const QJsonObject &theirs, const QStringList &fields,
                     const QString &problem)
    {
        if (auto status = saveConflict(makeConflict(ref, base, mine, theirs, item.etag, fields, problem)); !status) {
            return status;
        }
        return saveItem(ref, item.href, item.etag, theirs, item.data);
    }

    Status pullOne(const DavItem &item, const ResourceData &data, bool locallyChanged)
    {
        const ResourceRef ref{data.kind, data.uid};
        if (data.kind == ResourceKind::Foreign) {
            // Events of other clients stay as they are; Tandem keeps only their ETag.
            ++report.foreign;
            if (auto status = offerTimeOff(data); !status) {
                return status;
            }
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
        const std::optional<QJsonObject> mine = current.value();
        const QJsonObject &theirs = data.data;
        if (conflicts.contains(ref.uid)) {
            // Still open: the newest version of theirs, to be settled against the same base.
            SyncConflict c = conflicts.value(ref.uid);
            c.mine = mine.value_or(QJsonObject()); // deleted here: "mine" is nothing
            c.theirs = theirs;
            c.theirsEtag = item.etag;
            if (auto status = reconsider(ref, c); !status) {
                return status;
            }
            return saveItem(ref, item.href, item.etag, theirs, item.data);
        }
        const QJsonObject base = items.value(data.uid).base;
        if (const QString problem = local.problemWith(ref, theirs); !problem.isEmpty()) {
            // Never written half-valid: the user decides (keep this computer's version).
            return keepAside(ref, item, base, mine, theirs, {}, problem);
        }
        if (!mine) {
            if (locallyChanged && !base.isEmpty()) {
                // Deleted here, changed there: the user decides.
                return keepAside(ref, item, base, mine, theirs, {u"deleted"_s}, {});
            }
            if (auto status = applyRemote(ref, theirs, true); !status) {
                return status;
            }
        } else if (*mine == theirs) {
            // Both sides have the same version already.
        } else if (!locallyChanged) {
            if (auto status = applyRemote(ref, theirs, true); !status) {
                return status;
            }
        } else {
            // Changed on both sides: merge against the last synced copy.
            const MergeResult merge = mergeResource(base, *mine, theirs);
            if (!merge.clean()) {
                return keepAside(ref, item, base, mine, theirs, merge.conflicts, {});
            }
            ++report.merged;
            if (merge.preferMine != *mine) {
                // The merged result holds local changes too: it goes out in the push below.
                if (auto status = applyRemote(ref, merge.preferMine, false); !status) {
                    return status;
                }
            }
        }
        return saveItem(ref, item.href, item.etag, theirs, item.data);
    }

    Status pullRemoval(const SyncItem &item, bool locallyChanged, bool serverLost)
    {
        // An item of a kind this Tandem does not know is someone else's (a foreign event).
        const auto kind = resourceKindFromString(item.kind).value_or(ResourceKind::Foreign);
        const ResourceRef ref{kind, item.uid};
        if (kind == ResourceKind::Foreign) {
            if (auto status = withdrawOffer(item.uid); !status) {
                return status;
            }
            return forgetItem(item);
        }
        if (isLost(item)) {
            return {}; // known to be gone: it is put back at the push
        }
        auto current = local.current(ref);
        if (!current) {
            return current.error();
        }
        if (current.value() && (serverLost || kind == ResourceKind::Roster)) {
            // Tandem's own resource, gone from the server: no teammate deletes the roster (a
            // team is not deleted through a calendar), and a server that lost everything lost
            // it by accident. Put it back at the push below, and say so.
            restored.append(describe(ref, *current.value()));
            return saveItem(ref, item.href, {}, {}, item.serverIcs);
        }
        if (conflicts.contains(item.uid)) {
            SyncConflict c = conflicts.value(item.uid);
            c.mine = current.value().value_or(QJsonObject()); // deleted here too: "mine" is nothing
            c.theirs = {};
            c.theirsEtag.clear();
            if (auto status = reconsider(ref, c); !status) {
                return status;
            }
        } else if (current.value() && locallyChanged && *current.value() != item.base) {
            // Changed here, deleted there: the user decides.
            if (auto status =
                    saveConflict(makeConflict(ref, item.base, current.value(), std::nullopt, {}, {u"deleted"_s}, {}));
                !status) {
                return status;
            }
        } else if (current.value()) {
            if (auto status = applyRemote(ref, std::nullopt, true); !status) {
                return status;
            }
        }
        return forgetItem(item);
    }

    // An all-day event of another client that reads as someone's time off: offered, not taken.
    Status offerTimeOff(const ResourceData &data)
    {
        auto offer = local.timeOffOffer(data);
        if (!offer) {
            return offer.error();
        }
        auto offers = repo.offers(e.m_team);
        if (!offers) {
            return offers.error();
        }
        std::optional<SyncOffer> known;
        for (const SyncOffer &o : offers.value()) {
            if (o.uid == data.uid) {
                known = o;
            }
        }
        if (!offer.value()) {
            // No longer time off (or no longer someone on the roster): an open offer goes.
            return known && known->state == SyncOffer::State::Open ? repo.removeOffer(e.m_team, data.uid) : Status();
        }
        SyncOffer wanted = *offer.value();
        if (known) {
            if (known->person == wanted.person && known->from == wanted.from && known->to == wanted.to) {
                return {}; // decided already, or still open as it is
            }
            if (known->state == SyncOffer::State::Imported) {
                wanted.timeOff = known->timeOff; // the days moved: offered again, the import named
            }
        }
        return repo.saveOffer(e.m_team, wanted);
    }

    Status withdrawOffer(const QString &uid)
    {
        auto offers = repo.offers(e.m_team);
        if (!offers) {
            return offers.error();
        }
        for (const SyncOffer &o : offers.value()) {
            if (o.uid == uid && o.state == SyncOffer::State::Open) {
                return repo.removeOffer(e.m_team, uid);
            }
        }
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
            if (conflicts.contains(d.ref.uid)) {
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
                        if (!conflictOnServerChange(d, std::nullopt, item)) {
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
                if (onServer && !isLost(item) && *current.value() == item.base) {
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
                        if (!conflictOnServerChange(d, current.value(), known)) {
                            return false;
                        }
                        continue;
                    }
                    recordSent(sent);
                    return fail(*error);
                }
                ++report.sent;
                if (onServer && isLost(item)) {
                    ++report.restored;
                }
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
    bool conflictOnServerChange(const Dirty &d, const std::optional<QJsonObject> &mine, const SyncItem &item)
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
            if (auto status = forgetItem(item); !status) {
                return failLocal(status.error());
            }
            return bool(tx.commit());
        }
        const DavItem &theirsItem = fetched.first();
        auto decoded = decodeResource(theirsItem.data);
        if (!decoded) {
            return failLocal(decoded.error());
        }
        const QJsonObject theirs = decoded->data;
        Status status;
        if (const QString problem = local.problemWith(d.ref, theirs); !problem.isEmpty()) {
            status = keepAside(d.ref, theirsItem, item.base, mine, theirs, {}, problem);
        } else if (!mine) {
            // Deleted here, changed there.
            status = keepAside(d.ref, theirsItem, item.base, mine, theirs, {u"deleted"_s}, {});
        } else {
            const MergeResult merge = mergeResource(item.base, *mine, theirs);
            if (merge.clean()) {
                ++report.merged;
                // The merged version is a local change: the next round sends it with the new ETag.
                if (merge.preferMine != *mine) {
                    status = applyRemote(d.ref, merge.preferMine, false);
                }
                if (status) {
                    status = saveItem(d.ref, theirsItem.href, theirsItem.etag, theirs, theirsItem.data);
                }
            } else {
                status = keepAside(d.ref, theirsItem, item.base, mine, theirs, merge.conflicts, {});
            }
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
        if (r.report.restored > 0) {
            parts << (r.restored.isEmpty()
                          ? tr("put back %1 of Tandem's resources the server lost").arg(r.report.restored)
                          : tr("put back what the server lost (%1)").arg(r.restored.join(u", "_s)));
        }
        if (readOnly) {
            parts << tr("read-only: the server refuses this account's changes");
        }
        r.report.message = tr("Synced: %1.").arg(parts.join(u", "_s));
        if (!r.report.notes.isEmpty()) {
            r.report.message += u' ' + r.report.notes.join(u' ');
        }
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

Status resolveConflict(Database &db, TeamId team, const QString &uid, bool keepMine)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Tandem::SyncEngine", text); };
    SyncRepository repo(db);
    auto conflict = repo.conflict(team, uid);
    if (!conflict) {
        return conflict.error();
    }
    if (!conflict.value()) {
        return Error{tr("There is no conflict on %1.").arg(uid)};
    }
    auto account = repo.account(team);
    if (!account) {
        return account.error();
    }
    const QUrl server = account.value() ? account.value()->url : QUrl();
    const SyncConflict &c = *conflict.value();
    // The kind is one makeConflict wrote into the conflict row.
    const ResourceRef ref{resourceKindFromString(c.kind).value_or(ResourceKind::Shift), c.uid};
    LocalItems local(db, team);
    Transaction tx(db);
    if (!tx.status()) {
        return tx.status();
    }
    // This computer's row as it is now, not as it was when the conflict was found.
    auto current = local.current(ref);
    if (!current) {
        return current.error();
    }
    const std::optional<QJsonObject> mine = current.value();
    const std::optional<QJsonObject> theirs = c.theirs.isEmpty() ? std::nullopt : std::optional(c.theirs);
    const QString problem = theirs ? local.problemWith(ref, *theirs) : QString();
    if (!keepMine && !problem.isEmpty()) {
        return Error{tr("The server's version cannot be taken: %1 Keep yours; it goes to the server at the next "
                        "sync.")
                         .arg(problem)};
    }
    std::optional<QJsonObject> chosen = keepMine ? mine : theirs;
    if (mine && theirs && problem.isEmpty()) {
        const MergeResult merge = mergeResource(c.base, *mine, *theirs);
        chosen = keepMine ? merge.preferMine : merge.preferTheirs;
    }
    // What changes here is the server's part of the result: the log names the server. It
    // stays unsynced unless it is exactly the server's version, so the push sends the rest
    // (and the next pull merges whatever the server got after the version seen here).
    if (chosen != mine) {
        auto written = writeRemote(db, local, server, ref, chosen, chosen == theirs);
        if (!written) {
            return written.error();
        }
    }
    if (keepMine && chosen) {
        // The choice is this user's, and it must go out even where nothing changed here (the
        // server holds another version): a change-log row says so and puts it in the outbox.
        if (auto status = ChangeLog(db).append(entityOf(ref), ref.kind == ResourceKind::Roster ? team.toString() : uid,
                                               ChangeAction::Update, c.theirs, *chosen);
            !status) {
            return status;
        }
    }
    if (keepMine && mine && !theirs) {
        // Deleted on the server: mine is created there again (If-None-Match) at the next push.
        if (auto item = repo.item(team, uid); !item) {
            return item.error();
        } else if (item.value()) {
            if (auto status = repo.removeItem(team, uid); !status) {
                return status;
            }
        }
    }
    if (auto status = repo.removeConflict(team, uid); !status) {
        return status;
    }
    return tx.commit();
}

} // namespace Tandem
