#pragma once

#include <QString>

#include <memory>

class QLockFile;

namespace Tandem {

/// Notices that a process which had a database open ended without closing it (killed, crashed,
/// a power cut), so that the file is checked once before it is used again, instead of on every
/// open. Each open Database holds a lock file of its own in a folder beside the file
/// (`tandem.sqlite-sessions/`, like SQLite's `-wal` and `-shm`); a lock file whose process is gone
/// is the trace of an unclean shutdown. Until a check passed, a `check-pending` file stays there,
/// so a check that failed or was itself interrupted runs again at the next open. The folder goes
/// away with the last clean close.
class SessionMarker
{
public:
    explicit SessionMarker(const QString &databasePath);
    ~SessionMarker();
    SessionMarker(const SessionMarker &) = delete;
    SessionMarker &operator=(const SessionMarker &) = delete;

    /// Takes this connection's lock file. True when a session of a process that is gone was found,
    /// or an earlier check is still pending: the database needs an integrity check now. Where the
    /// folder cannot be written (a read-only location), nothing is marked and false is returned.
    bool begin();
    /// The integrity check passed: the traces found by begin() are gone.
    void checked();

    /// The folder beside `databasePath` that holds the lock files.
    static QString folderFor(const QString &databasePath);

private:
    QString m_folder;
    std::unique_ptr<QLockFile> m_own;
};

} // namespace Tandem
