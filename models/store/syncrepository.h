#pragma once

#include "domain/ids.h"
#include "domain/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QUrl>

#include <optional>

namespace Tandem {

class Database;

/// A team's link to a CalDAV collection. The password is never here: it is in the OS keychain.
struct SyncAccount
{
    TeamId team;
    QUrl url; ///< the collection
    QString username;
    bool allowInsecureHttp = false;
    bool readOnly = false; ///< the server refused a write (HTTP 403): only pull
    QByteArray syncToken;
    QDateTime lastSync; ///< UTC; null before the first successful sync
    QString lastStatus; ///< the last outcome, in words
};

/// The last synced copy of one resource of the collection.
struct SyncItem
{
    QString uid;
    QString kind; ///< resourceKindToString()
    QString href;
    QByteArray etag;
    QJsonObject base;     ///< the JSON both sides agreed on: the base of the three-way merge
    QByteArray serverIcs; ///< the server's text: properties of other clients are kept from it
};

/// A change that could not be merged, or server data that fails the checks of a local edit:
/// kept aside until the user chooses. Resolving merges afresh (see resolveConflict()).
struct SyncConflict
{
    QString uid;
    QString kind;
    QStringList fields; ///< what both sides changed differently ("name", "people/<id>/phone"...)
    QJsonObject base;   ///< the last version both sides agreed on (empty: none)
    QJsonObject mine;   ///< the local version when last looked at; empty: deleted here
    QJsonObject theirs; ///< the server's newest version seen; empty: deleted there
    QByteArray theirsEtag;
    QDateTime detected;
    QString problem; ///< why the server's version cannot be written here (empty: a plain conflict)
};

/// A change from the server that breaks a rule (a gap, an overlap, a hard rule): applied,
/// because the server is the shared truth, and flagged for the lead until dismissed or fixed.
struct SyncFlag
{
    qint64 id = 0;
    QString kind;     ///< "gap", "overlap", "seat", "rule"
    QString shift;    ///< the shift it is about (may be deleted)
    QString rotation; ///< its rotation
    QDateTime start;  ///< UTC: the interval at fault
    QDateTime end;
    QString actor; ///< who made the change ("a teammate via HOST")
    QString text;  ///< in words, e.g. "a teammate via cal.example.com deleted the shift of 14 Dec: gap"
    QDateTime detected;

    friend bool operator==(const SyncFlag &, const SyncFlag &) = default;
};

/// An all-day event another calendar client put in the shared calendar that reads as time off
/// of someone on the roster: offered for import, never taken silently.
struct SyncOffer
{
    enum class State { Open, Imported, Dismissed };
    QString uid; ///< the event's UID on the server
    QString person;
    QDate from;
    QDate to; ///< included
    QString summary;
    State state = State::Open;
    QString timeOff; ///< the time off made from it, once imported

    friend bool operator==(const SyncOffer &, const SyncOffer &) = default;
};

/// One entity with local changes not yet on the server: a change-log row with synced = 0.
struct OutboxEntry
{
    QString entity;
    QString entityId;
    qint64 lastSeq = 0;
};

/// The sync bookkeeping tables (schema step 2). Writes must run inside a Transaction.
class SyncRepository
{
public:
    explicit SyncRepository(Database &db) : m_db(db) {}

    Result<QList<SyncAccount>> accounts() const;
    Result<std::optional<SyncAccount>> account(TeamId team) const;
    Status saveAccount(const SyncAccount &account);
    Status removeAccount(TeamId team);
    Status setToken(TeamId team, const QByteArray &token);
    Status setOutcome(TeamId team, const QDateTime &lastSync, const QString &status);
    Status setReadOnly(TeamId team, bool readOnly);

    Result<QHash<QString, SyncItem>> items(TeamId team) const; ///< by uid
    Result<std::optional<SyncItem>> item(TeamId team, const QString &uid) const;
    Status saveItem(TeamId team, const SyncItem &item);
    Status removeItem(TeamId team, const QString &uid);
    Status clearItems(TeamId team);

    Result<QList<SyncConflict>> conflicts(TeamId team) const;
    Result<std::optional<SyncConflict>> conflict(TeamId team, const QString &uid) const;
    Status saveConflict(TeamId team, const SyncConflict &conflict);
    Status removeConflict(TeamId team, const QString &uid);

    Result<QList<SyncFlag>> flags(TeamId team) const; ///< oldest first
    Result<qint64> addFlag(TeamId team, const SyncFlag &flag);
    Status removeFlag(TeamId team, qint64 id);

    Result<QList<SyncOffer>> offers(TeamId team) const; ///< by first day
    Status saveOffer(TeamId team, const SyncOffer &offer);
    Status removeOffer(TeamId team, const QString &uid);

    /// Entities with change-log rows not yet synced, up to `maxSeq`, in the order of their last change.
    Result<QList<OutboxEntry>> outbox(qint64 maxSeq) const;
    Result<qint64> lastSeq() const;
    /// Marks the rows of one entity up to `maxSeq` as sent.
    Status markSynced(const QString &entity, const QString &entityId, qint64 maxSeq);
    /// Marks every row after `afterSeq` as sent: changes that came from the server.
    Status markSyncedAfter(qint64 afterSeq);
    Result<int> pendingCount() const;

private:
    Database &m_db;
};

} // namespace Tandem
