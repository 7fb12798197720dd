#include "fileio.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::FileIo", text);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// The first bytes of an SQLite database, and of its write-ahead log (either byte order).
bool looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray head = file.read(16);
    return head.startsWith(QByteArrayLiteral("SQLite format 3\0")) || head.startsWith("\x37\x7f\x06\x82") ||
           head.startsWith("\x37\x7f\x06\x83");
}

} // namespace

Result<QByteArray> readInputFile(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        return Error{tr("%1 is a folder, not a file.").arg(native(path))};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{tr("Cannot read %1: %2").arg(native(path), file.errorString())};
    }
    const QString tooBig = tr("%1 is larger than %2 MB; Tandem reads files of at most %2 MB here.")
                               .arg(native(path))
                               .arg(maxBytes / (1024 * 1024));
    if (!file.isSequential() && file.size() > maxBytes) {
        return Error{tooBig};
    }
    QByteArray bytes;
    constexpr qint64 Piece = 1024 * 1024;
    while (true) {
        const QByteArray piece = file.read(std::min(Piece, maxBytes + 1 - bytes.size()));
        if (piece.isEmpty()) {
            if (file.error() != QFileDevice::NoError) {
                return Error{tr("Cannot read %1: %2").arg(native(path), file.errorString())};
            }
            break;
        }
        bytes += piece;
        if (bytes.size() > maxBytes) {
            return Error{tooBig};
        }
    }
    return bytes;
}

Status checkOutputPath(const QString &path)
{
    if (path.trimmed().isEmpty()) {
        return Error{tr("No output file was given (the path is empty).")};
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        return Error{tr("%1 is a folder; give the name of a file to write.").arg(native(path))};
    }
    if (info.exists() && looksLikeSqlite(path)) {
        return Error{tr("%1 is a database; Tandem never writes a report or an export over one. Choose another "
                        "file name.")
                         .arg(native(path))};
    }
    // The companions of a database: writing over them would damage it as surely.
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        if (path.endsWith(suffix) && looksLikeSqlite(path.chopped(suffix.size()))) {
            return Error{tr("%1 belongs to the database %2; Tandem never writes a report or an export over it. "
                            "Choose another file name.")
                             .arg(native(path), native(path.chopped(suffix.size())))};
        }
    }
    return {};
}

Status openOutputFile(QSaveFile &file)
{
    if (auto status = checkOutputPath(file.fileName()); !status) {
        return status;
    }
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{tr("Cannot write %1: %2").arg(native(file.fileName()), file.errorString())};
    }
    return {};
}

Status writeOutputFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (auto status = openOutputFile(file); !status) {
        return status;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return Error{tr("Cannot write %1: %2").arg(native(path), file.errorString())};
    }
    return {};
}

} // namespace Tandem
