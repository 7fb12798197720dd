// `tandem --cli-reference`: the command line described for the man page and the shell completion.
//
// The build runs the built tandem with --cli-reference (under LC_ALL=C, so in English) and hands
// the JSON to packaging/cli-docs.py, which writes tandem.1 and the bash completion. This JSON is
// the whole interface between the command line and the generator: whatever shape the commands
// take in app/, keep printing it, and change it only together with cli-docs.py (and "format").
//
// {
//   "format": 1,
//   "program": "tandem",
//   "version": "0.1.0",
//   "summary": "Tandem plans ...",            // the first paragraph of `tandem --help`
//   "usage": ["tandem [--db PATH | --demo] [--show PAGE] [--minimized]", ...],
//   "options": [OPTION, ...],                 // the program's own: programOptions(), --help, --version
//   "exit_status": [{"code": 0, "meaning": "success"}, ...],
//   "commands": [{
//     "words": ["roster", "import"],          // what to type; one entry per command
//     "synopsis": "roster import FILE.csv [--valid-only]",
//     "summary": "Import people ...",         // its line in `tandem --help`
//     "description": "Import people ...",     // the text of `tandem roster import --help`
//     "options": [OPTION, ...],               // the options of that help, in its order
//     "arguments": [{"name": "FILE", "description": "..."}, ...]
//   }, ...]
// }
//
// OPTION is {"names": ["h", "help"], "value": "" or "PATH", "description": "..."}: the names
// without dashes (one letter: -h, else --help), the value's name when the option takes one.
// Choices (`--layout month|list|person`) are read by the generator from the synopses.
//
// Every command is a Command (clicommand.h) whose fields are also what its parser and its --help
// are built from, so the entries below are those fields, written out: a command cannot parse an
// option that the man page and the completion leave out (packaging/cli-docs-test.py checks the
// four against each other).

#include "cli.h"
#include "clicommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QJsonObject optionJson(const QStringList &names, const QString &value, const QString &description)
{
    return QJsonObject{
        {u"names"_s, QJsonArray::fromStringList(names)}, {u"value"_s, value}, {u"description"_s, description}};
}

// A command's entry from its own fields: the table its parser and its --help are built from.
QJsonObject describeCommand(const Command &command)
{
    QJsonArray options;
    for (const QCommandLineOption &option : command.options() + QList{Command::helpOption()}) {
        options.append(optionJson(option.names(), option.valueName(), option.description()));
    }
    QJsonArray arguments;
    for (const CommandArgument &argument : command.arguments()) {
        arguments.append(QJsonObject{{u"name"_s, argument.name}, {u"description"_s, argument.description}});
    }
    return QJsonObject{{u"words"_s, QJsonArray::fromStringList(command.words())},
                       {u"synopsis"_s, command.synopsis()},
                       {u"summary"_s, command.summary()},
                       {u"description"_s, command.description()},
                       {u"options"_s, options},
                       {u"arguments"_s, arguments}};
}

} // namespace

Result<QByteArray> Cli::reference()
{
    const QString help = generalHelp();
    const QStringList helpLines = help.split(u'\n');
    QJsonArray usage;
    for (const QString &line : helpLines) {
        // "Usage: tandem ... start the GUI" and the line under it: the synopsis before the comment.
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"Usage: "_s) || (!usage.isEmpty() && trimmed.startsWith(u"tandem "_s))) {
            QString synopsis = trimmed.startsWith(u"Usage: "_s) ? trimmed.mid(7) : trimmed;
            synopsis = synopsis.left(synopsis.indexOf(u"   "_s)).trimmed();
            usage.append(synopsis);
        } else if (!usage.isEmpty()) {
            break;
        }
    }

    QJsonArray programOptionsJson;
    for (const QCommandLineOption &option : programOptions()) {
        programOptionsJson.append(optionJson(option.names(), option.valueName(), option.description()));
    }
    programOptionsJson.append(optionJson({u"h"_s, u"help"_s}, {}, u"Show the help; COMMAND --help for a command."_s));
    programOptionsJson.append(optionJson({u"version"_s}, {}, u"Show the version."_s));

    QJsonArray commandsJson;
    for (const auto &command : allCommands()) {
        commandsJson.append(describeCommand(*command));
    }

    const QJsonObject root{
        {u"format"_s, 1},
        {u"program"_s, u"tandem"_s},
        {u"version"_s, QStringLiteral(TANDEM_VERSION)},
        {u"summary"_s, helpLines.value(0)},
        {u"usage"_s, usage},
        {u"options"_s, programOptionsJson},
        {u"exit_status"_s, QJsonArray{QJsonObject{{u"code"_s, ExitOk}, {u"meaning"_s, u"Success."_s}},
                                      QJsonObject{{u"code"_s, ExitBadInput},
                                                  {u"meaning"_s, u"Bad input or a failure: a one-line error on "
                                                                 "standard error (an import also lists each "
                                                                 "problem as FILE:LINE:COLUMN:)."_s}},
                                      QJsonObject{{u"code"_s, ExitUsage},
                                                  {u"meaning"_s, u"Bad usage: an unknown command or option, "
                                                                 "or one missing."_s}}}},
        {u"commands"_s, commandsJson},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Tandem
