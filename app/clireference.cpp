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
// Today every command builds its QCommandLineParser in its handler, so the options are read
// back from the parser's help text (Qt's layout, checked line by line: anything unexpected
// fails the build instead of writing a wrong man page). Commands that declare their options in
// a table can fill OPTION from it directly.

#include "cli.h"
#include "clicommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QJsonObject optionJson(const QStringList &names, const QString &value, const QString &description)
{
    return QJsonObject{
        {u"names"_s, QJsonArray::fromStringList(names)}, {u"value"_s, value}, {u"description"_s, description}};
}

// "  --team <NAME>        The team." plus continuation lines, as QCommandLineParser::helpText()
// lays them out: two spaces, the names padded to a column, the description wrapped in it.
struct HelpEntry
{
    QString head; ///< "-o, --output <FILE>" or "FILE"
    QString description;
};

Result<QList<HelpEntry>> helpEntries(const QStringList &lines)
{
    QList<HelpEntry> entries;
    for (const QString &line : lines) {
        const bool starts = line.startsWith(u"  "_s) && line.size() > 2 && !line.at(2).isSpace();
        if (starts) {
            const qsizetype gap = line.indexOf(u"  "_s, 2);
            entries.append({line.mid(2, gap < 0 ? -1 : gap - 2), gap < 0 ? QString() : line.mid(gap).trimmed()});
        } else if (!entries.isEmpty() && line.startsWith(u"   "_s)) {
            HelpEntry &last = entries.last();
            last.description += (last.description.isEmpty() ? QString() : u" "_s) + line.trimmed();
        } else {
            return Error{u"unexpected help line “%1”"_s.arg(line)};
        }
    }
    return entries;
}

Result<QJsonObject> describeCommand(const QStringList &words, const QString &summary, const QString &synopsis,
                                    const QString &description, const QString &helpText)
{
    const QString name = words.join(u' ');
    // Usage line, the description, an empty line, then the sections, each a heading and its lines.
    QStringList lines = helpText.split(u'\n');
    while (!lines.isEmpty() && lines.last().isEmpty()) {
        lines.removeLast();
    }
    const QStringList descriptionLines = description.isEmpty() ? QStringList() : description.split(u'\n');
    if (lines.size() < 2 + descriptionLines.size() || lines.mid(1, descriptionLines.size()) != descriptionLines ||
        !lines.at(1 + descriptionLines.size()).isEmpty()) {
        return Error{u"%1: its help does not start with the usage and the description"_s.arg(name)};
    }
    QList<QStringList> sections;
    for (const QString &line : lines.mid(2 + descriptionLines.size())) {
        if (line.isEmpty()) {
            continue;
        }
        if (!line.at(0).isSpace()) {
            sections.append(QStringList()); // "Options:", "Arguments:" (translated or not)
        } else if (sections.isEmpty()) {
            return Error{u"%1: help line “%2” before any section"_s.arg(name, line)};
        } else {
            sections.last().append(line);
        }
    }
    // Every command's parser has at least -h, --help: the options come first.
    if (sections.isEmpty() || sections.size() > 2) {
        return Error{u"%1: expected an options section and at most an arguments section in its help"_s.arg(name)};
    }
    static const QRegularExpression optionHead(u"^(-{1,2}[^\\s,<>]+(?:, -{1,2}[^\\s,<>]+)*)(?: <([^<>]+)>)?$"_s);
    QJsonArray options;
    const auto optionEntries = helpEntries(sections.at(0));
    if (!optionEntries) {
        return Error{u"%1: %2"_s.arg(name, optionEntries.errorMessage())};
    }
    for (const HelpEntry &entry : optionEntries.value()) {
        const auto match = optionHead.match(entry.head);
        if (!match.hasMatch()) {
            return Error{u"%1: cannot read the option “%2” in its help"_s.arg(name, entry.head)};
        }
        QStringList names;
        for (const QString &dashed : match.captured(1).split(u", "_s)) {
            names.append(dashed.mid(dashed.startsWith(u"--"_s) ? 2 : 1));
        }
        options.append(optionJson(names, match.captured(2), entry.description));
    }
    QJsonArray arguments;
    if (sections.size() == 2) {
        const auto argumentEntries = helpEntries(sections.at(1));
        if (!argumentEntries) {
            return Error{u"%1: %2"_s.arg(name, argumentEntries.errorMessage())};
        }
        for (const HelpEntry &entry : argumentEntries.value()) {
            if (entry.head.contains(u' ')) {
                return Error{u"%1: cannot read the argument “%2” in its help"_s.arg(name, entry.head)};
            }
            arguments.append(QJsonObject{{u"name"_s, entry.head}, {u"description"_s, entry.description}});
        }
    }
    return QJsonObject{{u"words"_s, QJsonArray::fromStringList(words)},
                       {u"synopsis"_s, synopsis},
                       {u"summary"_s, summary},
                       {u"description"_s, description},
                       {u"options"_s, options},
                       {u"arguments"_s, arguments}};
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

    std::unique_ptr<FILE, int (*)(FILE *)> sink(fopen("/dev/null", "w"), &fclose);
    if (!sink) {
        return Error{u"cannot open /dev/null"_s};
    }
    QJsonArray commandsJson;
    for (const auto &command : allCommands()) {
        if (!legacyHandlers().contains(command->name())) {
            commandsJson.append(describeCommand(*command));
            continue;
        }
        HelpRecord record;
        Cli cli(sink.get(), sink.get());
        cli.m_helpRecord = &record;
        cli.run(command->words() + QStringList{u"--help"_s});
        if (record.helpText.isEmpty()) {
            return Error{u"“%1 --help” prints no command help"_s.arg(command->name())};
        }
        auto described =
            describeCommand(command->words(), command->summary(), record.synopsis, record.description, record.helpText);
        if (!described) {
            return described.error();
        }
        commandsJson.append(described.value());
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
