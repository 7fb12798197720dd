#pragma once

#include "domain/ids.h"
#include "domain/result.h"
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
    bool create = false;            ///< create the collection (MKCALENDAR) when there is none
};

/// How a team's sharing stands, for the status bar, `tandem sync status` and the dialog.
struct SyncStatus
{
    SyncAccount account;
    int pending = 0; ///< local changes not yet on the server
    QList<SyncConflict> conflicts;
};

/// The sharing use cases the GUI and the CLI call: connect a team to a collection (with
/// discovery and creation), sync, status, conflicts.
class SyncService
{
public:
    explicit SyncService(Database &db) : m_db(db) {}

    /// Finds or creates the collection, then links the team (or joins the collection's team).
    /// Returns the team. Does not sync and does not store the password.
    Result<TeamId> connect(const ConnectRequest &request, const SyncProgressFn &progress = {});
    Status disconnect(TeamId team);

    Result<QList<SyncAccount>> accounts() const;
    Result<SyncStatus> status(TeamId team) const;
    /// The settings for the team's account with this password.
    Result<DavSettings> settings(TeamId team, const QString &password) const;
    /// One two-way sync (blocking).
    SyncReport sync(TeamId team, const QString &password, const SyncProgressFn &progress = {});
    Status resolve(TeamId team, const QString &uid, bool keepMine);

private:
    Database &m_db;
};

} // namespace Tandem
