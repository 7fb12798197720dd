// The database's upkeep: tandem log archive (the change log's old entries into a file of their own)
// and tandem check (SQLite's integrity check of the file).

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "services/historyservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

class LogArchive final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    LogArchive()
        : DatabaseCommand(
              {u"log"_s, u"archive"_s}, u"log archive [--keep-days N] [-o FILE]"_s,
              tr("Move change-log entries older than N days (setting history/keep_days) into an archive file."))
    {
        setDescription(tr(
            "Move the change log's entries older than N days into a new archive file (JSON Lines, one entry a "
            "line, the fields of the change log), so the database does not grow with years of edits. The last N days "
            "stay; entries a sync has not sent yet stay whatever their age. N defaults to the setting "
            "history/keep_days; at least 30."));
        addOptions({m_keep, m_output});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("log archive takes no arguments"));
        }
        const QString setting = QSettings().value(u"history/keep_days"_s).toString();
        const QString days = parser.isSet(m_keep) ? parser.value(m_keep) : setting;
        if (days.isEmpty()) {
            return usage(tr("log archive needs --keep-days N (or the setting history/keep_days)"));
        }
        bool ok = false;
        m_keepDays = days.trimmed().toInt(&ok);
        if (!ok || m_keepDays < HistoryService::MinKeepDays) {
            return fail(tr("%1: “%2” is not a number of days of at least %3")
                            .arg(parser.isSet(m_keep) ? u"--keep-days"_s : u"history/keep_days"_s, days)
                            .arg(HistoryService::MinKeepDays));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_keep{u"keep-days"_s, tr("Days of changes the database keeps."), u"N"_s};
    const QCommandLineOption m_output{
        {u"o"_s, u"output"_s},
        tr("The archive (a new file; default: beside the database, named after the day)."),
        u"FILE"_s};
    int m_keepDays = 0; ///< --keep-days or the setting, read by check()
};

class CheckDatabase final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    CheckDatabase()
        : Command({u"check"_s}, u"check"_s,
                  tr("Check the whole database file for damage (SQLite's integrity check); nothing is written."))
    {
        setDescription(tr(
            "Check the whole database file for damage: SQLite's integrity check of every page, table and index, on a "
            "read-only connection (nothing is written). Tandem does this by itself after a session ended without "
            "closing the file (a crash, a kill, a power cut). Exit status 0 when the file is sound, 1 when it is "
            "damaged or cannot be read."));
    }

private:
    int run(const QCommandLineParser &parser) override;
};

int LogArchive::runOn(const QCommandLineParser &parser, Database &db)
{
    HistoryService history(db);
    const QString path =
        parser.isSet(m_output) ? parser.value(m_output) : history.defaultArchivePath(history.cutoffFor(m_keepDays));
    const auto done = history.archive(m_keepDays, path);
    if (!done) {
        return fail(done.errorMessage());
    }
    const QString before = done->cutoff.date().toString(Qt::ISODate);
    if (done->entries == 0) {
        print(tr("No change older than %1 days (before %2) to archive.\n").arg(m_keepDays).arg(before));
        return ExitOk;
    }
    print(tr("Archived %1 change(s) logged before %2 to %3; the database keeps the last %4 days.\n")
              .arg(QLocale::c().toString(done->entries), before, QDir::toNativeSeparators(done->path))
              .arg(m_keepDays));
    return ExitOk;
}

int CheckDatabase::run(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty()) {
        return usage(tr("check takes no arguments"));
    }
    const auto problems = Database::checkIntegrity(context().dbPath, 100);
    if (!problems) {
        return fail(problems.errorMessage());
    }
    if (!problems->isEmpty()) {
        QString text;
        for (const QString &problem : problems.value()) {
            text += problem + u'\n';
        }
        print(text);
        const int count = int(problems->size());
        return fail((count >= 100 ? tr("%1 is damaged: %n problem(s) or more (restore it from a backup, or from the "
                                       "team's shared calendar)",
                                       nullptr, count)
                                  : tr("%1 is damaged: %n problem(s) (restore it from a backup, or from the team's "
                                       "shared calendar)",
                                       nullptr, count))
                        .arg(QDir::toNativeSeparators(context().dbPath)));
    }
    print(tr("%1: no damage found\n").arg(QDir::toNativeSeparators(context().dbPath)));
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> logArchiveCommand()
{
    return std::make_unique<LogArchive>();
}

std::unique_ptr<Command> checkCommand()
{
    return std::make_unique<CheckDatabase>();
}

} // namespace Tandem
