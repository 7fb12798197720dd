#pragma once

#include "caldavclient.h"
#include "domain/changeentry.h"
#include "domain/ids.h"
#include "domain/result.h"
#include "store/syncrepository.h"

#include <QList>
#include <QSslCertificate>

#include <functional>
#include <optional>

namespace Tandem {

class Database;

/// What one sync did, for the status bar, the CLI and the tests.
struct SyncReport
{
    bool ok = false;
    QString message;               ///< the outcome in words (also stored as the account's last status)
    std::optional<DavError> error; ///< why it stopped, when it did
    int received = 0;              ///< resources written here from the server
    int sent = 0;                  ///< resources written to the server (PUT or DELETE)
    int merged = 0;                ///< changes of both sides merged field by field
    int newConflicts = 0;          ///< changes that could not be merged (see SyncEngine::conflicts)
    int foreign = 0;               ///< events of other clients in the collection, left as they are
    int pending = 0;               ///< local changes still waiting for the server
    int requests = 0;              ///< HTTP requests sent
    int restored = 0;              ///< Tandem's resources the server lost, put back
    bool fullResync = false;       ///< the server refused the sync token (or had none): full listing
    bool readOnly = false;         ///< the server refused writes: the team is read-only
    QList<ChangeEntry> applied;    ///< changes made to the local database (for the views)
    QStringList notes;             ///< what else the sync did, in words (names made room for, people matched)
    QList<SyncFlag> flags;         ///< the server's changes of this run that break a rule (see SyncFlagger)
};

/// The progress of a long sync: `phase` in words, `done` of `total` resources.
using SyncProgressFn = std::function<void(const QString &phase, int done, int total)>;

/// Two-way sync of one team with its CalDAV collection. The change log is the outbox: every
/// entity with unsynced rows goes out; a failure leaves the rows unsynced, so nothing local is
/// ever lost. Writes are conditional; a 412 or a change on both sides is merged field by
/// field against the last synced copy, and what cannot be merged becomes a conflict the user
/// resolves (keep mine / take theirs).
///
/// Blocking: run it in the CLI's thread or a worker thread with its own Database connection.
class SyncEngine
{
public:
    SyncEngine(Database &db, TeamId team, const DavSettings &settings);
    ~SyncEngine();

    void setProgress(SyncProgressFn progress) { m_progress = std::move(progress); }
    SyncReport run();

    CalDavClient &client() { return m_client; }

private:
    friend Result<int> pendingChanges(Database &db, TeamId team);
    struct Run;
    Database &m_db;
    TeamId m_team;
    CalDavClient m_client;
    SyncProgressFn m_progress;
};

/// Who the change log names for changes that came from the server: "a teammate via HOST".
QString remoteActor(const QUrl &server);

/// The roster resource has a fixed name, so a second lead's Tandem finds the team in a collection.
inline constexpr QStringView RosterResourceName = u"tandem-roster";

/// Links a team of this database to a collection (it must exist: see CalDavClient::makeCalendar).
/// The password is not stored here (see credentials.h).
Status connectTeam(Database &db, TeamId team, const DavSettings &settings);
/// What to do when this database has a team of the shared team's name (another team).
struct JoinOptions
{
    enum class SameName {
        Refuse, ///< fail with Error::field "team_name", saying the choices
        Link,   ///< the local team is the shared one: merged into it, its data goes to the server
        Rename, ///< the local team stays apart under `newName`
    };
    SameName sameName = SameName::Refuse;
    QString newName; ///< with Rename
};

/// The field of the Error joinCollection() returns when a local team has the shared team's name.
inline constexpr QStringView SameNamedTeamField = u"team_name";

/// Joins a collection another Tandem shares: reads its roster resource and creates the team,
/// its people, pools and rotations here, linked to the collection. The first sync brings the
/// shifts and time off. People this database already has are matched by e-mail; a local team
/// of the same name is linked or renamed as `options` say. One transaction: a failure leaves
/// the database as it was. `notes` receives what was matched or renamed, in words.
Result<TeamId> joinCollection(Database &db, CalDavClient &client, const JoinOptions &options = {},
                              QStringList *notes = nullptr);
Status disconnectTeam(Database &db, TeamId team);

/// This team's resources with local changes the server does not have yet.
Result<int> pendingChanges(Database &db, TeamId team);

/// Settles a conflict with a fresh three-way merge of the local row as it is now and the
/// server's newest version this database has seen, against the version both last agreed on:
/// the fields in conflict take this computer's current value (`keepMine`) or the server's,
/// every other field keeps the newest of both; SEQUENCE never goes back. What differs from
/// the server goes out at the next sync, which merges anything newer the server got meanwhile
/// the same way. One transaction. Taking the server's version is refused when it fails the
/// checks of a local edit (SyncConflict::problem).
Status resolveConflict(Database &db, TeamId team, const QString &uid, bool keepMine);

} // namespace Tandem
