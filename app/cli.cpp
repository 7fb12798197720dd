// `tandem` on the command line: the global options, the table of commands, the general help and
// the dispatch. The commands themselves live in the files of their groups (clicommands.h).

#include "cli.h"

#include "clicommands.h"
#include "clisupport.h"
#include "store/database.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

// The table of commands, in the order `tandem --help` lists them. A new command: its class in the
// file of its group (a DatabaseCommand when it works on the database), a factory beside it,
// declared in clicommands.h, and one line here. Its help, its man page section and its shell
// completion follow from the class (cli_docs_agree checks that they do).
std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> list;
    list.push_back(rosterImportCommand());
    list.push_back(rosterExportCommand());
    list.push_back(rosterListCommand());
    list.push_back(timeOffAddCommand());
    list.push_back(timeOffListCommand());
    list.push_back(poolAddCommand());
    list.push_back(poolEditCommand());
    list.push_back(poolListCommand());
    list.push_back(poolRemoveCommand());
    list.push_back(rotationAddCommand());
    list.push_back(rotationEditCommand());
    list.push_back(rotationListCommand());
    list.push_back(rotationShowCommand());
    list.push_back(rotationRemoveCommand());
    list.push_back(rotationOnboardCommand());
    list.push_back(rotationTraineesCommand());
    list.push_back(rotationConfirmCommand());
    list.push_back(rotationWithdrawCommand());
    list.push_back(shiftsListCommand());
    list.push_back(shiftShadowCommand());
    list.push_back(serviceAddCommand());
    list.push_back(serviceEditCommand());
    list.push_back(serviceListCommand());
    list.push_back(serviceShowCommand());
    list.push_back(serviceRemoveCommand());
    list.push_back(planCommand());
    list.push_back(reportFairnessCommand());
    list.push_back(reportHoursCommand());
    list.push_back(reportCoverageCommand());
    list.push_back(logArchiveCommand());
    list.push_back(syncCommand());
    list.push_back(syncStatusCommand());
    list.push_back(syncConflictsCommand());
    list.push_back(syncResolveCommand());
    list.push_back(syncFlagsCommand());
    list.push_back(syncTimeOffCommand());
    list.push_back(syncDisconnectCommand());
    list.push_back(nextCommand());
    list.push_back(nowCommand());
    list.push_back(noteCommand());
    list.push_back(swapRequestCommand());
    list.push_back(swapAnswerCommand(u"accept"_s));
    list.push_back(swapAnswerCommand(u"decline"_s));
    list.push_back(swapAnswerCommand(u"approve"_s));
    list.push_back(swapAnswerCommand(u"refuse"_s));
    list.push_back(swapAnswerCommand(u"cancel"_s));
    list.push_back(swapListCommand());
    list.push_back(exportIcsCommand());
    list.push_back(importIcsCommand());
    list.push_back(importHistoryCommand());
    list.push_back(checkCommand());
    list.push_back(printSheetCommand());
    return list;
}

namespace {

// Splits the global options (--db PATH, --demo) from the rest.
struct Globals
{
    QString db;
    bool demo = false;
    QStringList rest;
    QString error;
};

Globals splitGlobals(const QStringList &args)
{
    Globals g;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--db" || a.startsWith(u"--db=")) {
            if (a == u"--db" && i + 1 >= args.size()) {
                g.error = Cli::tr("--db needs a PATH");
                return g;
            }
            g.db = a == u"--db" ? args.at(++i) : a.mid(5);
            // Never a silent fallback to the user's real database. The rest is still read, so
            // that a command given with it hears why.
            if (g.db.trimmed().isEmpty()) {
                g.error = Cli::tr("--db: the PATH is empty; give the database file");
            }
        } else if (a == u"--demo") {
            g.demo = true;
        } else {
            g.rest.append(a);
        }
    }
    return g;
}

} // namespace

bool Cli::isCommand(const QStringList &args)
{
    const Globals g = splitGlobals(args);
    if (g.rest.isEmpty()) {
        return false;
    }
    const QString &first = g.rest.first();
    return first == u"--help" || first == u"-h" || first == u"help" || first == u"--version" ||
           first == u"--cli-reference" || !first.startsWith(u'-');
}

QString Cli::generalHelp()
{
    QString text = tr("Tandem plans on-call rotations in which every shift pairs a developer with an operations "
                      "engineer.") +
                   u"\n\n"_s + tr("Usage:") +
                   u" tandem [--db PATH | --demo] [--show home|roster|calendar] [--minimized]   "_s +
                   tr("start the GUI") + u"\n       tandem [--db PATH | --demo] COMMAND ...   "_s +
                   tr("run a command headless") + u"\n\n"_s + tr("Commands:") + u'\n';
    // Commands that share a line ("swap accept|decline") follow each other in the table.
    QString previous;
    for (const auto &command : allCommands()) {
        if (command->listing() != previous) {
            text += u"  "_s + padded(command->listing(), 66) + u"\n      "_s + command->summary() + u'\n';
        }
        previous = command->listing();
    }
    text += u'\n' + tr("Options:") + u'\n';
    for (const QCommandLineOption &option : programOptions()) {
        const QString name = u"--"_s + option.names().constFirst() +
                             (option.valueName().isEmpty() ? QString() : u' ' + option.valueName());
        text += u"  "_s + padded(name, 16) + u' ' + option.description() + u'\n';
    }
    text += u"  "_s + padded(u"--help"_s, 16) + u' ' + tr("This help; COMMAND --help for a command.") + u"\n  "_s +
            padded(u"--version"_s, 16) + u' ' + tr("The version.") + u"\n\n"_s +
            tr("Exit status: 0 success, 1 bad input, 2 bad usage.") + u'\n';
    return text;
}

QList<QCommandLineOption> Cli::programOptions()
{
    return {
        QCommandLineOption(u"db"_s, tr("The database file (default: tandem.sqlite in the user's data folder)."),
                           u"PATH"_s),
        QCommandLineOption(u"demo"_s, tr("The demo team's database (a file of its own, filled on first use).")),
        QCommandLineOption(u"show"_s, tr("The GUI opens on PAGE: home, roster or calendar."), u"PAGE"_s),
        QCommandLineOption(u"minimized"_s,
                           tr("The GUI starts in the tray (minimized where there is none), as at login.")),
    };
}

void Cli::print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    fflush(m_out);
}

int Cli::fail(const QString &message)
{
    fprintf(m_err, "tandem: %s\n", qPrintable(message));
    fflush(m_err);
    return ExitBadInput;
}

int Cli::usage(const QString &message)
{
    fprintf(m_err, "tandem: %s\n", qPrintable(tr("%1 (see tandem --help)").arg(message)));
    fflush(m_err);
    return ExitUsage;
}

int Cli::run(const QStringList &args)
{
    const Globals g = splitGlobals(args);
    if (!g.error.isEmpty()) {
        return usage(g.error);
    }
    if (g.rest.isEmpty() || g.rest.first() == u"--help" || g.rest.first() == u"-h" || g.rest.first() == u"help") {
        print(generalHelp());
        return ExitOk;
    }
    if (g.rest.first() == u"--version") {
        print(u"tandem %1\n"_s.arg(QStringLiteral(TANDEM_VERSION)));
        return ExitOk;
    }
    if (g.rest.first() == u"--cli-reference") {
        const auto json = reference();
        if (!json) {
            return fail(json.errorMessage());
        }
        print(QString::fromUtf8(json.value()));
        return ExitOk;
    }
    const CliContext context{m_out, m_err,
                             g.demo           ? Database::demoPath()
                             : g.db.isEmpty() ? Database::defaultPath()
                                              : g.db,
                             g.demo};

    // The longest command the first words name: "sync status" before "sync".
    const QString group = g.rest.value(0);
    const QString verb = g.rest.value(1);
    auto commands = allCommands();
    Command *command = nullptr;
    for (const auto &c : commands) {
        const QStringList &words = c->words();
        if (g.rest.mid(0, words.size()) == words && (!command || words.size() > command->words().size())) {
            command = c.get();
        }
    }
    if (command) {
        return command->execute(context, g.rest.mid(command->words().size()));
    }
    const bool knownGroup = std::any_of(commands.cbegin(), commands.cend(),
                                        [&group](const auto &c) { return c->words().constFirst() == group; });
    if (knownGroup && (verb.isEmpty() || verb == u"--help")) {
        QString text = tr("Commands of %1:").arg(group) + u'\n';
        QString previous;
        for (const auto &c : commands) {
            if (c->words().constFirst() == group && c->listing() != previous) {
                text += u"  tandem "_s + c->listing() + u'\n';
            }
            previous = c->listing();
        }
        print(text);
        return verb.isEmpty() ? ExitUsage : ExitOk;
    }
    return usage(knownGroup ? tr("unknown command “%1 %2”").arg(group, verb) : tr("unknown command “%1”").arg(group));
}

} // namespace Tandem
