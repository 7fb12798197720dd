#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>

namespace Tandem {

class Database;

/// What one archive run did.
struct ArchiveSummary
{
    qint64 entries = 0; ///< change-log entries moved into the file
    QDateTime cutoff;   ///< entries logged before this moment went (UTC)
    QString path;       ///< the file written; empty when nothing was old enough
};

/// The change log's age: entries older than the retention window move to an archive file
/// (JSON Lines, one entry a line), so the database stops growing with years of edits while the
/// audit trail keeps everything: the window stays in the database, the rest is in the files.
/// Entries a sync has not sent yet (a shared team's outbox) stay whatever their age.
class HistoryService
{
public:
    /// The shortest window: reminders and the sync outbox look back at recent changes.
    static constexpr int MinKeepDays = 30;

    explicit HistoryService(Database &db) : m_db(db) {}

    /// The archive's default name: beside the database, named after it and the cutoff day.
    QString defaultArchivePath(const QDateTime &cutoff) const;
    /// The moment before which entries go when `keepDays` days are kept (counted from the
    /// database clock's now).
    QDateTime cutoffFor(int keepDays) const;
    /// Moves the entries logged more than `keepDays` days ago into a new file at `path` (written
    /// to a temporary name and renamed), then deletes them from the database in one
    /// transaction. Refuses a window shorter than MinKeepDays, a file that already exists and
    /// the open database's own files; on any error the database keeps every entry.
    Result<ArchiveSummary> archive(int keepDays, const QString &path);

private:
    Database &m_db;
};

} // namespace Tandem
