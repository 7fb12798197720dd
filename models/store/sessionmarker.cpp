#include "sessionmarker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

const QString PendingName = u"check-pending"_s;

} // namespace

SessionMarker::SessionMarker(const QString &databasePath) : m_folder(folderFor(databasePath)) {}

SessionMarker::~SessionMarker()
{
    if (m_own) {
        m_own->unlock();
        m_own.reset();
        // Succeeds only when no other session and no pending check is left.
        QDir().rmdir(m_folder);
    }
}

QString SessionMarker::folderFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteFilePath() + u"-sessions"_s;
}

bool SessionMarker::begin()
{
    if (!QDir().mkpath(m_folder)) {
        return false;
    }
    QDir folder(m_folder);
    bool unclean = false;
    const QStringList locks = folder.entryList({u"*.lock"_s}, QDir::Files | QDir::Hidden);
    for (const QString &name : locks) {
        // A lock whose process is gone (QLockFile checks the pid, the program and the boot) is
        // stale and taken over; a live session's lock refuses. Never stale by age alone: a
        // window may stay open for weeks.
        QLockFile other(folder.filePath(name));
        other.setStaleLockTime(0);
        if (other.tryLock(0)) {
            unclean = true;
            other.unlock();
        }
    }
    if (unclean) {
        QFile pending(folder.filePath(PendingName));
        if (pending.open(QIODevice::WriteOnly)) {
            pending.close();
        }
    }
    const QString own = u"%1-%2.lock"_s.arg(QCoreApplication::applicationPid())
                            .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    m_own = std::make_unique<QLockFile>(folder.filePath(own));
    m_own->setStaleLockTime(0);
    if (!m_own->tryLock(0)) {
        m_own.reset();
    }
    return unclean || folder.exists(PendingName);
}

void SessionMarker::checked()
{
    QFile::remove(QDir(m_folder).filePath(PendingName));
}

} // namespace Tandem
