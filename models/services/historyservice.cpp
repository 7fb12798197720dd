#include "historyservice.h"

#include "store/changelog.h"
#include "store/database.h"
#include "store/syncrepository.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::HistoryService", text);
}

QJsonValue objectOrNull(const QJsonObject &object)
{
    return object.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(object);
}

/// Whether `path` names the database file or one SQLite keeps beside it.
bool isDatabaseFile(const QString &path, const QString &database)
{
    const QString target = QFileInfo(path).absoluteFilePath();
    const QFileInfo db(database);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        const QFileInfo file(db.absoluteFilePath() + suffix);
        if (target == file.absoluteFilePath() || (file.exists() && QFileInfo(path).exists() &&
                                                  QFileInfo(path).canonicalFilePath() == file.canonicalFilePath())) {
            return true;
        }
    }
    return false;
}

} // namespace

QDateTime HistoryService::cutoffFor(int keepDays) const
{
    return m_db.clock().now().toUTC().addDays(-keepDays);
}

QString HistoryService::defaultArchivePath(const QDateTime &cutoff) const
{
    const QFileInfo db(m_db.path());
    return db.absoluteDir().filePath(
        u"%1-changes-before-%2.jsonl"_s.arg(db.completeBaseName(), cutoff.toUTC().date().toString(Qt::ISODate)));
}

Result<ArchiveSummary> HistoryService::archive(int keepDays, const QString &path)
{
    if (keepDays < MinKeepDays) {
        return Error{tr("The change log keeps at least %1 days; %2 is too few.").arg(MinKeepDays).arg(keepDays),
                     u"keep_days"_s};
    }
    if (path.isEmpty()) {
        return Error{tr("The archive needs a file name."), u"path"_s};
    }
    if (isDatabaseFile(path, m_db.path())) {
        return Error{
            tr("%1 is the open database; the archive needs a file of its own.").arg(QDir::toNativeSeparators(path)),
            u"path"_s};
    }
    if (QFileInfo::exists(path)) {
        return Error{tr("%1 already exists; Tandem never writes over an archive. Choose another name.")
                         .arg(QDir::toNativeSeparators(path)),
                     u"path"_s};
    }
    ArchiveSummary summary;
    summary.cutoff = cutoffFor(keepDays);
    // Without a sync account nothing waits in an outbox: a team shared later sends all it has.
    auto accounts = SyncRepository(m_db).accounts();
    if (!accounts) {
        return accounts.error();
    }
    const bool unsentToo = accounts->isEmpty();

    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), u"path"_s};
    }
    QList<qint64> archived;
    const Status scanned =
        ChangeLog(m_db).scanOlderThan(summary.cutoff, unsentToo, [&](const ChangeEntry &entry) -> Status {
            const QJsonObject line{
                {u"seq"_s, entry.seq},
                {u"at"_s, entry.at.toUTC().toString(Qt::ISODateWithMs)},
                {u"actor"_s, entry.actor},
                {u"entity"_s, entry.entity},
                {u"entity_id"_s, entry.entityId},
                {u"action"_s, changeActionToString(entry.action)},
                {u"before"_s, objectOrNull(entry.before)},
                {u"after"_s, objectOrNull(entry.after)},
            };
            const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
            if (file.write(bytes) != bytes.size()) {
                return Error{tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                             u"path"_s};
            }
            archived.append(entry.seq);
            return {};
        });
    if (!scanned) {
        file.cancelWriting();
        return scanned.error();
    }
    if (archived.isEmpty()) {
        file.cancelWriting();
        return summary;
    }
    // The file first: once it is complete on disk the entries may go.
    if (!file.commit()) {
        return Error{tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), u"path"_s};
    }
    if (auto removed = ChangeLog(m_db).remove(archived); !removed) {
        return removed.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return Error{tr("%1 holds a copy of the old entries, but the database kept them: %2")
                         .arg(QDir::toNativeSeparators(path), committed.errorMessage())};
    }
    summary.entries = archived.size();
    summary.path = path;
    return summary;
}

} // namespace Tandem
