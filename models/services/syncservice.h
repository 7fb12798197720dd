#pragma once

#include "domain/ids.h"
#include "domain/result.h"
#include "domain/timeoff.h"
#include "store/syncrepository.h"
#include "sync/caldavclient.h"
#include "sync/syncengine.h"

namespace Tandem {

class Database;

/// What a lead gives to share a team through a CalDAV server.
struct ConnectRequest
{
    TeamId team; ///< null: join the team the collection holds (a second lead's first connect)
    QUrl url;    ///< a calendar collection, or a server / principal URL to discover from
    QString username;
    QString password;
    bool allowInsecureHttp = false; ///< plain HTTP to a host that is not this machine
    bool create = false;            ///< create the collection (MKCALENDAR) at `url` when nothing is there
    /// A user name and password written in the address (https://user:secret@host/...) are
    /// taken as the account's only when the user confirmed it; otherwise connect() refuses
    /// (Error::field UrlCredentialsField). They are never stored with the address.
    bool credentialsFromUrl = false;
    JoinOptions join{}; ///< when joining: what to do with a local team of the shared team's name
};

/// The field of the Error connect() returns for an address with a user name and password in it.
inline constexpr QStringView UrlCredentialsField = u"url_credentials";

/// How a team's sharing stands, for the status bar, `tandem sync status` and the dialog.
struct SyncStatus
{
    SyncAccount account;
    int pending = 0;               ///< local changes not yet on the server
    QList<SyncConflict> conflicts; ///< `mine` is the local version as it is now
    QList<SyncFlag> flags;         ///< the server's changes that broke a rule, until fixed or dismissed
    QList<SyncOffer> offers;       ///< time off of other clients, offered for import (open ones)
};

/// The sharing use cases the GUI and the CLI call: connect a team to a collection (with
/// discovery and creation), sync, status, conflicts.
class SyncService
{
public:
    explicit SyncService(Database &db) : m_db(db) {}

    /// Finds or creates the collection, then links the team (or joins the collection's team).
    /// Returns the team. Does not sync and does not store the password. With `create`, a
    /// calendar is made exactly at the address given when nothing is there; an address that
    /// holds something else than a calendar inside the user's calendars is refused. `notes`
    /// receives what joining matched or renamed.
    Result<TeamId> connect(const ConnectRequest &request, const SyncProgressFn &progress = {},
                           QStringList *notes = nullptr);
    Status disconnect(TeamId team);

    Result<QList<SyncAccount>> accounts() const;
    Result<SyncStatus> status(TeamId team) const;
    /// The settings for the team's account with this password.
    Result<DavSettings> settings(TeamId team, const QString &password) const;
    /// One two-way sync (blocking). Then flags the server's changes that break a rule (and
    /// drops the flags whose problem is gone), and says so in the report and the status.
    SyncReport sync(TeamId team, const QString &password, const SyncProgressFn &progress = {});
    /// See resolveConflict(): a fresh three-way merge with the local row as it is now.
    Status resolve(TeamId team, const QString &uid, bool keepMine);
    /// The flags of every shared team (for the calendar's Conflicts list), oldest first.
    Result<QList<SyncFlag>> allFlags() const;
    /// The open time-off offers of every shared team.
    Result<QList<SyncOffer>> allOffers() const;
    /// The lead has seen it: the flag goes.
    Status dismissFlag(TeamId team, qint64 id);
    /// Makes the offered time off this database's (a change like any other: it goes to the
    /// server as Tandem's own event at the next sync). The offer is then marked imported.
    Result<TimeOff> importOffer(TeamId team, const QString &uid);
    /// Not time off, or not to import: not offered again (unless its days change).
    Status dismissOffer(TeamId team, const QString &uid);

private:
    Database &m_db;
};

} // namespace Tandem
