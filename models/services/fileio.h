#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>

class QSaveFile;

namespace Tandem {

/// Reads a file the user named, refusing one larger than `maxBytes` before reading more than
/// that: read in pieces, so a device without end (`/dev/zero`) or a file that grows while it is
/// read costs at most `maxBytes` of memory. The error names the file and the limit.
Result<QByteArray> readInputFile(const QString &path, qint64 maxBytes);

/// Whether `path` may be written as an output file (a report, a sheet, an export): never over a
/// database (the open one or any other SQLite file, nor its `-wal`/`-shm`/`-journal`), never
/// over a folder. Output files are written to a temporary name and renamed, so a refused or
/// failed write leaves what was there.
Status checkOutputPath(const QString &path);

/// Writes `bytes` to `path` after checkOutputPath(), through QSaveFile: a crash or a full disk
/// leaves the old file or the new one, never half of one.
Status writeOutputFile(const QString &path, const QByteArray &bytes);

/// Opens `file` (a QSaveFile for `path`) for writing after checkOutputPath(); the caller writes,
/// then commits. For writers that take a device (QPdfWriter).
Status openOutputFile(QSaveFile &file);

} // namespace Tandem
