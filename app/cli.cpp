#include "cli.h"

#include "domain/serialize.h"
#include "services/demodata.h"
#include "services/identity.h"
#include "services/rosterservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

struct Command
{
    QStringList words;
    QString synopsis;
    QString summary;
};

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {{u"roster"_s, u"import"_s}, u"roster import FILE.csv [--valid-only]"_s,
         u"Import people from a CSV file; updates people by e-mail."_s},
        {{u"roster"_s, u"export"_s}, u"roster export [FILE.csv]"_s,
         u"Write the roster as CSV to FILE or standard output."_s},
        {{u"roster"_s, u"list"_s}, u"roster list [--team NAME] [--json]"_s, u"List the people on the roster."_s},
        {{u"timeoff"_s, u"add"_s}, u"timeoff add --person EMAIL --from DATE --to DATE [--reason TEXT]"_s,
         u"Record time off (dates as YYYY-MM-DD, both included)."_s},
        {{u"timeoff"_s, u"list"_s}, u"timeoff list [--person EMAIL] [--json]"_s, u"List time off."_s},
    };
    return list;
}

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
        if (a == u"--db") {
            if (i + 1 >= args.size()) {
                g.error = u"--db needs a PATH"_s;
                return g;
            }
            g.db = args.at(++i);
        } else if (a.startsWith(u"--db=")) {
            g.db = a.mid(5);
        } else if (a == u"--demo") {
            g.demo = true;
        } else {
            g.rest.append(a);
        }
    }
    return g;
}

QString padded(const QString &text, qsizetype width)
{
    return text.leftJustified(width, u' ');
}

// Plain-text table: columns padded to their widest cell.
QString table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header) {
        widths.append(h.size());
    }
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], row.at(c).size());
        }
    }
    auto line = [&widths](const QStringList &cells) {
        QStringList out;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            out.append(c + 1 == cells.size() ? cells.at(c) : padded(cells.at(c), widths.at(c)));
        }
        return out.join(u"  "_s) + u'\n';
    };
    QString text = line(header);
    for (const QStringList &row : rows) {
        text += line(row);
    }
    return text;
}

} // namespace

bool Cli::isCommand(const QStringList &args)
{
    const Globals g = splitGlobals(args);
    if (g.rest.isEmpty()) {
        return false;
    }
    const QString &first = g.rest.first();
    return first == u"--help" || first == u"-h" || first == u"help" || first == u"--version" || !first.startsWith(u'-');
}

QString Cli::generalHelp()
{
    QString text = u"Tandem plans on-call rotations in which every shift pairs a developer with an operations "
                   "engineer.\n\nUsage: tandem [--db PATH | --demo]                 start the GUI\n"
                   "       tandem [--db PATH | --demo] COMMAND ...   run a command headless\n\nCommands:\n"_s;
    for (const Command &c : commands()) {
        text += u"  "_s + padded(c.synopsis, 66) + u"\n      "_s + c.summary + u'\n';
    }
    text += u"\nOptions:\n  --db PATH   the database file (default: the one in the user's data folder)\n"
            "  --demo      the demo team's database\n  --help      this help; COMMAND --help for a command\n"
            "  --version   the version\n\nExit status: 0 success, 1 bad input, 2 bad usage.\n"_s;
    return text;
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
    fprintf(m_err, "tandem: %s (see tandem --help)\n", qPrintable(message));
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
    m_dbPath = g.demo ? Database::demoPath() : g.db.isEmpty() ? Database::defaultPath() : g.db;
    m_demo = g.demo;

    const QString group = g.rest.value(0);
    const QString verb = g.rest.value(1);
    const QStringList rest = g.rest.mid(2);
    using Handler = int (Cli::*)(const QStringList &);
    static const QHash<QString, Handler> handlers = {
        {u"roster import"_s, &Cli::rosterImport}, {u"roster export"_s, &Cli::rosterExport},
        {u"roster list"_s, &Cli::rosterList},     {u"timeoff add"_s, &Cli::timeOffAdd},
        {u"timeoff list"_s, &Cli::timeOffList},
    };
    const auto handler = handlers.constFind(group + u' ' + verb);
    if (handler == handlers.constEnd()) {
        bool knownGroup = false;
        for (const Command &c : commands()) {
            knownGroup = knownGroup || c.words.first() == group;
        }
        if (knownGroup && (verb.isEmpty() || verb == u"--help")) {
            QString text = u"Commands of %1:\n"_s.arg(group);
            for (const Command &c : commands()) {
                if (c.words.first() == group) {
                    text += u"  tandem "_s + c.synopsis + u'\n';
                }
            }
            print(text);
            return verb.isEmpty() ? ExitUsage : ExitOk;
        }
        return usage(knownGroup ? u"unknown command “%1 %2”"_s.arg(group, verb)
                                : u"unknown command “%1”"_s.arg(group));
    }
    return (this->*(*handler))(rest);
}

std::unique_ptr<Database> Cli::openDatabase(QString *error)
{
    auto db = Database::open(m_dbPath);
    if (!db) {
        *error = db.errorMessage();
        return nullptr;
    }
    db.value()->setActor(defaultActor());
    if (m_demo) {
        auto people = RosterService(*db.value()).people();
        if (people && people->isEmpty()) {
            if (auto status = createDemoData(*db.value()); !status) {
                *error = status.errorMessage();
                return nullptr;
            }
        }
    }
    return std::move(db).value();
}

// Parses a command's options; on --help prints them and returns ExitOk through `exitCode`.
bool Cli::parse(QCommandLineParser &parser, const QString &synopsis, const QStringList &args, int *exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    if (!parser.parse(QStringList{u"tandem"_s} + args)) {
        *exitCode = usage(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(u"Usage: tandem [options]"_s, u"Usage: tandem "_s + synopsis);
        print(text);
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

int Cli::rosterImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Import people from a roster CSV file. Nothing is imported unless the whole "
                                     "file is valid; people already on the roster are updated by e-mail."_s);
    const QCommandLineOption validOnly(u"valid-only"_s, u"Import the valid rows and skip the others."_s);
    parser.addOption(validOnly);
    parser.addPositionalArgument(u"FILE"_s, u"The CSV file: name,email,role,team,timezone,phone,capacity,"
                                            "production_access"_s);
    int code = ExitOk;
    if (!parse(parser, u"roster import FILE.csv [--valid-only]"_s, args, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 1) {
        return usage(u"roster import needs exactly one FILE"_s);
    }
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    }
    QString error;
    auto db = openDatabase(&error);
    if (!db) {
        return fail(error);
    }
    RosterService roster(*db);
    const auto plan = roster.planImport(parseRosterCsv(file.readAll()));
    if (!plan) {
        return fail(plan.errorMessage());
    }
    for (const CsvIssue &issue : plan->issues) {
        fprintf(m_err, "%s:%d:%d: %s%s\n", qPrintable(path), issue.line, issue.column,
                issue.columnName.isEmpty() ? "" : qPrintable(issue.columnName + u": "_s), qPrintable(issue.message));
    }
    if (!plan->isValid() && !parser.isSet(validOnly)) {
        return fail(u"%1: %2 problem(s); nothing was imported (fix them, or use --valid-only)"_s.arg(path).arg(
            plan->issues.size()));
    }
    const auto summary = roster.applyImport(plan.value(), parser.isSet(validOnly));
    if (!summary) {
        return fail(summary.errorMessage());
    }
    print(u"%1: %2 added, %3 updated, %4 unchanged, %5 skipped, %6 team(s) created\n"_s.arg(path)
              .arg(summary->added)
              .arg(summary->updated)
              .arg(summary->unchanged)
              .arg(summary->skipped)
              .arg(summary->teamsCreated));
    return ExitOk;
}

int Cli::rosterExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Write the roster as CSV, in the format roster import reads."_s);
    parser.addPositionalArgument(u"FILE"_s, u"Where to write; standard output when left out."_s, u"[FILE]"_s);
    int code = ExitOk;
    if (!parse(parser, u"roster export [FILE.csv]"_s, args, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() > 1) {
        return usage(u"roster export takes at most one FILE"_s);
    }
    QString error;
    auto db = openDatabase(&error);
    if (!db) {
        return fail(error);
    }
    const auto csv = RosterService(*db).exportCsv();
    if (!csv) {
        return fail(csv.errorMessage());
    }
    if (parser.positionalArguments().isEmpty()) {
        fwrite(csv->constData(), 1, size_t(csv->size()), m_out);
        fflush(m_out);
        return ExitOk;
    }
    const QString path = parser.positionalArguments().first();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.value()) != csv->size() || !file.commit()) {
        return fail(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    }
    return ExitOk;
}

int Cli::rosterList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List the people on the roster."_s);
    const QCommandLineOption team(u"team"_s, u"Only the people of team NAME."_s, u"NAME"_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array (format in the README)."_s);
    parser.addOptions({team, json});
    int code = ExitOk;
    if (!parse(parser, u"roster list [--team NAME] [--json]"_s, args, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(u"roster list takes no arguments"_s);
    }
    QString error;
    auto db = openDatabase(&error);
    if (!db) {
        return fail(error);
    }
    RosterService roster(*db);
    const auto people = roster.people();
    const auto teams = roster.teams();
    if (!people || !teams) {
        return fail(people ? teams.errorMessage() : people.errorMessage());
    }
    QHash<TeamId, QString> teamNames;
    for (const Team &t : teams.value()) {
        teamNames.insert(t.id, t.name);
    }
    TeamId only;
    if (parser.isSet(team)) {
        const auto found = roster.teamByName(parser.value(team));
        if (!found || !found.value()) {
            return fail(u"no team named “%1”"_s.arg(parser.value(team)));
        }
        only = found.value()->id;
    }
    QJsonArray array;
    QList<QStringList> rows;
    for (const Person &p : people.value()) {
        if (!only.isNull() && !p.teams.contains(only)) {
            continue;
        }
        QStringList names;
        for (const TeamId &id : p.teams) {
            names.append(teamNames.value(id));
        }
        if (parser.isSet(json)) {
            QJsonObject object = toJson(p);
            object.insert(u"team_names"_s, QJsonArray::fromStringList(names));
            array.append(object);
        } else {
            rows.append({p.name, p.email, roleToString(p.role), names.join(u';'), p.timeZone,
                         p.productionAccess ? u"yes"_s : u"no"_s});
        }
    }
    if (parser.isSet(json)) {
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    } else {
        print(table({u"NAME"_s, u"EMAIL"_s, u"ROLE"_s, u"TEAMS"_s, u"TIMEZONE"_s, u"PROD"_s}, rows));
    }
    return ExitOk;
}

int Cli::timeOffAdd(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Record time off for a person; both dates are included."_s);
    const QCommandLineOption person(u"person"_s, u"The person's e-mail."_s, u"EMAIL"_s);
    const QCommandLineOption from(u"from"_s, u"First day off (YYYY-MM-DD)."_s, u"DATE"_s);
    const QCommandLineOption to(u"to"_s, u"Last day off (YYYY-MM-DD)."_s, u"DATE"_s);
    const QCommandLineOption reason(u"reason"_s, u"Why (shown to the lead)."_s, u"TEXT"_s);
    parser.addOptions({person, from, to, reason});
    int code = ExitOk;
    if (!parse(parser, u"timeoff add --person EMAIL --from DATE --to DATE [--reason TEXT]"_s, args, &code)) {
        return code;
    }
    for (const QCommandLineOption &required : {person, from, to}) {
        if (!parser.isSet(required)) {
            return usage(u"timeoff add needs --%1"_s.arg(required.names().first()));
        }
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(u"timeoff add takes no arguments besides its options"_s);
    }
    const QDate fromDate = QDate::fromString(parser.value(from), Qt::ISODate);
    const QDate toDate = QDate::fromString(parser.value(to), Qt::ISODate);
    if (!fromDate.isValid()) {
        return fail(u"--from: “%1” is not a date (expected YYYY-MM-DD)"_s.arg(parser.value(from)));
    }
    if (!toDate.isValid()) {
        return fail(u"--to: “%1” is not a date (expected YYYY-MM-DD)"_s.arg(parser.value(to)));
    }
    QString error;
    auto db = openDatabase(&error);
    if (!db) {
        return fail(error);
    }
    RosterService roster(*db);
    const auto found = roster.personByEmail(parser.value(person));
    if (!found) {
        return fail(found.errorMessage());
    }
    if (!found.value()) {
        return fail(u"--person: nobody on the roster has the e-mail “%1”"_s.arg(parser.value(person)));
    }
    const auto added = roster.addTimeOff(TimeOff{{}, found.value()->id, fromDate, toDate, parser.value(reason)});
    if (!added) {
        return fail(u"--%1: %2"_s.arg(added.error().field.isEmpty() ? u"to"_s : added.error().field,
                                      added.errorMessage()));
    }
    print(u"%1 off from %2 to %3\n"_s.arg(found.value()->name, fromDate.toString(Qt::ISODate),
                                          toDate.toString(Qt::ISODate)));
    return ExitOk;
}

int Cli::timeOffList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List time off, by start date."_s);
    const QCommandLineOption person(u"person"_s, u"Only the time off of EMAIL."_s, u"EMAIL"_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array (format in the README)."_s);
    parser.addOptions({person, json});
    int code = ExitOk;
    if (!parse(parser, u"timeoff list [--person EMAIL] [--json]"_s, args, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(u"timeoff list takes no arguments"_s);
    }
    QString error;
    auto db = openDatabase(&error);
    if (!db) {
        return fail(error);
    }
    RosterService roster(*db);
    const auto people = roster.people();
    if (!people) {
        return fail(people.errorMessage());
    }
    QHash<PersonId, Person> byId;
    for (const Person &p : people.value()) {
        byId.insert(p.id, p);
    }
    QList<TimeOff> entries;
    if (parser.isSet(person)) {
        const auto found = roster.personByEmail(parser.value(person));
        if (!found || !found.value()) {
            return fail(u"--person: nobody on the roster has the e-mail “%1”"_s.arg(parser.value(person)));
        }
        entries = roster.timeOff(found.value()->id).value_or({});
    } else {
        const auto all = roster.allTimeOff();
        if (!all) {
            return fail(all.errorMessage());
        }
        entries = all.value();
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const TimeOff &t : entries) {
            QJsonObject object = toJson(t);
            object.insert(u"email"_s, byId.value(t.personId).email);
            object.insert(u"name"_s, byId.value(t.personId).name);
            array.append(object);
        }
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const TimeOff &t : entries) {
        rows.append({t.from.toString(Qt::ISODate), t.to.toString(Qt::ISODate), byId.value(t.personId).name,
                     byId.value(t.personId).email, t.reason});
    }
    print(table({u"FROM"_s, u"TO"_s, u"NAME"_s, u"EMAIL"_s, u"REASON"_s}, rows));
    return ExitOk;
}

} // namespace Tandem
