// tandem log archive: the change log's old entries into a file of their own.

#include "cli.h"
#include "clisupport.h"
#include "services/historyservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tandem {

int Cli::logArchive(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Move the change log's entries older than N days into a new archive file (JSON Lines, one entry a "
           "line, the fields of the change log), so the database does not grow with years of edits. The last N days "
           "stay; entries a sync has not sent yet stay whatever their age. N defaults to the setting "
           "history/keep_days; at least 30."));
    const QCommandLineOption keep(u"keep-days"_s, tr("Days of changes the database keeps."), u"N"_s);
    const QCommandLineOption out({u"o"_s, u"output"_s},
                                 tr("The archive (a new file; default: beside the database, named after the day)."),
                                 u"FILE"_s);
    parser.addOptions({keep, out});
    int code = ExitOk;
    if (!parse(parser, u"log archive [--keep-days N] [-o FILE]"_s, args, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(tr("log archive takes no arguments"));
    }
    const QString setting = QSettings().value(u"history/keep_days"_s).toString();
    const QString days = parser.isSet(keep) ? parser.value(keep) : setting;
    if (days.isEmpty()) {
        return usage(tr("log archive needs --keep-days N (or the setting history/keep_days)"));
    }
    bool ok = false;
    const int keepDays = days.trimmed().toInt(&ok);
    if (!ok || keepDays < HistoryService::MinKeepDays) {
        return fail(tr("%1: “%2” is not a number of days of at least %3")
                        .arg(parser.isSet(keep) ? u"--keep-days"_s : u"history/keep_days"_s, days)
                        .arg(HistoryService::MinKeepDays));
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    HistoryService history(*db);
    const QString path =
        parser.isSet(out) ? parser.value(out) : history.defaultArchivePath(history.cutoffFor(keepDays));
    const auto done = history.archive(keepDays, path);
    if (!done) {
        return fail(done.errorMessage());
    }
    const QString before = done->cutoff.date().toString(Qt::ISODate);
    if (done->entries == 0) {
        print(tr("No change older than %1 days (before %2) to archive.\n").arg(keepDays).arg(before));
        return ExitOk;
    }
    print(tr("Archived %1 change(s) logged before %2 to %3; the database keeps the last %4 days.\n")
              .arg(QLocale::c().toString(done->entries), before, QDir::toNativeSeparators(done->path))
              .arg(keepDays));
    return ExitOk;
}

} // namespace Tandem
