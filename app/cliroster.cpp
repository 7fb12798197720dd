// tandem roster ... and tandem timeoff ...: the people and their time off.

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "domain/serialize.h"
#include "services/fileio.h"
#include "services/rosterservice.h"
#include "services/validation.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

namespace {

class RosterImport final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    RosterImport()
        : DatabaseCommand({u"roster"_s, u"import"_s}, u"roster import FILE.csv [--valid-only]"_s,
                          tr("Import people from a CSV file; updates people by e-mail."))
    {
        setDescription(tr("Import people from a roster CSV file. Nothing is imported unless the whole "
                          "file is valid; people already on the roster are updated by e-mail."));
        addOptions({m_validOnly});
        addArgument(u"FILE"_s, tr("The CSV file: name,email,role,team,timezone,phone,capacity,"
                                  "production_access"));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("roster import needs exactly one FILE"));
        }
        m_path = parser.positionalArguments().first();
        // Bounded before the work: /dev/zero or a 10 GB file is refused after 64 MB, not read whole.
        const auto bytes = readInputFile(m_path, MaxRosterCsvBytes);
        if (!bytes) {
            return fail(bytes.errorMessage());
        }
        m_parsed = parseRosterCsv(bytes.value());
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_validOnly{u"valid-only"_s, tr("Import the valid rows and skip the others.")};
    QString m_path;          ///< the FILE, read by check()
    RosterCsvParse m_parsed; ///< its rows
};

class RosterExport final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    RosterExport()
        : DatabaseCommand({u"roster"_s, u"export"_s}, u"roster export [FILE.csv]"_s,
                          tr("Write the roster as CSV to FILE or standard output."))
    {
        setDescription(tr("Write the roster as CSV, in the format roster import reads."));
        addArgument(u"FILE"_s, tr("Where to write; standard output when left out."), u"[FILE]"_s);
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() > 1) {
            return usage(tr("roster export takes at most one FILE"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;
};

class RosterList final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    RosterList()
        : DatabaseCommand({u"roster"_s, u"list"_s}, u"roster list [--team NAME] [--json]"_s,
                          tr("List the people on the roster."))
    {
        setDescription(tr("List the people on the roster."));
        addOptions({m_team, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("roster list takes no arguments"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_team{u"team"_s, tr("Only the people of team NAME."), u"NAME"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array (format in the README).")};
};

class TimeOffAdd final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    TimeOffAdd()
        : DatabaseCommand({u"timeoff"_s, u"add"_s},
                          u"timeoff add --person EMAIL --from DATE --to DATE [--reason TEXT]"_s,
                          tr("Record time off (dates as YYYY-MM-DD, both included)."))
    {
        setDescription(tr("Record time off for a person; both dates are included."));
        addOptions({m_person, m_from, m_to, m_reason});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        for (const QCommandLineOption &required : {m_person, m_from, m_to}) {
            if (!parser.isSet(required)) {
                return usage(tr("timeoff add needs --%1").arg(required.names().first()));
            }
        }
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("timeoff add takes no arguments besides its options"));
        }
        m_fromDate = parseDay(parser.value(m_from));
        m_toDate = parseDay(parser.value(m_to));
        if (!m_fromDate.isValid()) {
            return fail(tr("--from: “%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(m_from)));
        }
        if (!m_toDate.isValid()) {
            return fail(tr("--to: “%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(m_to)));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_person{u"person"_s, tr("The person's e-mail."), u"EMAIL"_s};
    const QCommandLineOption m_from{u"from"_s, tr("First day off (YYYY-MM-DD)."), u"DATE"_s};
    const QCommandLineOption m_to{u"to"_s, tr("Last day off (YYYY-MM-DD)."), u"DATE"_s};
    const QCommandLineOption m_reason{u"reason"_s, tr("Why (shown to the lead)."), u"TEXT"_s};
    QDate m_fromDate;
    QDate m_toDate;
};

class TimeOffList final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    TimeOffList()
        : DatabaseCommand({u"timeoff"_s, u"list"_s}, u"timeoff list [--person EMAIL] [--json]"_s, tr("List time off."))
    {
        setDescription(tr("List time off, by start date."));
        addOptions({m_person, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("timeoff list takes no arguments"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_person{u"person"_s, tr("Only the time off of EMAIL."), u"EMAIL"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array (format in the README).")};
};

int RosterImport::runOn(const QCommandLineParser &parser, Database &db)
{
    RosterService roster(db);
    Result<RosterImportSummary> summary = Error{};
    QList<CsvIssue> notes; ///< what the import changed on its own (old zone names), said after it
    // The import is planned, then written under the write lock; when another Tandem changed the
    // roster in between (the same team created, the same person added), plan again.
    constexpr int Attempts = 3;
    for (int attempt = 1;; ++attempt) {
        const auto plan = roster.planImport(m_parsed);
        if (!plan) {
            return fail(plan.errorMessage());
        }
        if (attempt == 1) {
            for (const CsvIssue &issue : plan->issues) {
                fprintf(err(), "%s:%d:%d: %s%s\n", qPrintable(m_path), issue.line, issue.column,
                        issue.columnName.isEmpty() ? "" : qPrintable(issue.columnName + u": "_s),
                        qPrintable(issue.message));
            }
        }
        if (!plan->isValid() && !parser.isSet(m_validOnly)) {
            return fail(tr("%1: %n problem(s); nothing was imported (fix them, or use --valid-only)", nullptr,
                           int(plan->issues.size()))
                            .arg(m_path));
        }
        summary = roster.applyImport(plan.value(), parser.isSet(m_validOnly));
        notes = plan->notes;
        if (summary || summary.error().field != Field::Stale || attempt == Attempts) {
            break;
        }
    }
    if (!summary) {
        return fail(u"%1: %2"_s.arg(m_path, summary.errorMessage()));
    }
    for (const CsvIssue &note : std::as_const(notes)) {
        print(u"%1:%2:%3: %4: %5\n"_s.arg(m_path).arg(note.line).arg(note.column).arg(note.columnName, note.message));
    }
    print(tr("%1: %2 added, %3 updated, %4 unchanged, %5 skipped, %n team(s) created\n", nullptr, summary->teamsCreated)
              .arg(m_path)
              .arg(summary->added)
              .arg(summary->updated)
              .arg(summary->unchanged)
              .arg(summary->skipped));
    return ExitOk;
}

int RosterExport::runOn(const QCommandLineParser &parser, Database &db)
{
    const auto csv = RosterService(db).exportCsv();
    if (!csv) {
        return fail(csv.errorMessage());
    }
    if (parser.positionalArguments().isEmpty()) {
        fwrite(csv->constData(), 1, size_t(csv->size()), out());
        fflush(out());
        return ExitOk;
    }
    if (auto status = writeOutputFile(parser.positionalArguments().first(), csv.value()); !status) {
        return fail(status.errorMessage());
    }
    return ExitOk;
}

int RosterList::runOn(const QCommandLineParser &parser, Database &db)
{
    RosterService roster(db);
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
    if (parser.isSet(m_team)) {
        const auto found = roster.teamByName(parser.value(m_team));
        if (!found || !found.value()) {
            return fail(tr("no team named “%1”").arg(parser.value(m_team)));
        }
        only = found.value()->id;
    }
    // JSON goes out one person at a time, as QJsonDocument would indent the whole array: 100,000
    // people are never one document in memory.
    JsonArrayWriter array(out());
    QList<QStringList> rows;
    for (const Person &p : people.value()) {
        if (!only.isNull() && !p.teams.contains(only)) {
            continue;
        }
        QStringList names;
        for (const TeamId &id : p.teams) {
            names.append(teamNames.value(id));
        }
        if (parser.isSet(m_json)) {
            QJsonObject object = toJson(p);
            object.insert(u"team_names"_s, QJsonArray::fromStringList(names));
            array.append(object);
        } else {
            rows.append({p.name, p.email, roleWords(p.role), names.join(u';'), p.timeZone,
                         p.productionAccess ? tr("yes") : tr("no")});
        }
    }
    if (parser.isSet(m_json)) {
        array.finish();
    } else {
        print(table({tr("NAME"), tr("EMAIL"), tr("ROLE"), tr("TEAMS"), tr("TIMEZONE"), tr("PROD")}, rows));
    }
    return ExitOk;
}

int TimeOffAdd::runOn(const QCommandLineParser &parser, Database &db)
{
    RosterService roster(db);
    const auto found = roster.personByEmail(parser.value(m_person));
    if (!found) {
        return fail(found.errorMessage());
    }
    if (!found.value()) {
        return fail(tr("--person: nobody on the roster has the e-mail “%1”").arg(parser.value(m_person)));
    }
    const auto added = roster.addTimeOff(TimeOff{{}, found.value()->id, m_fromDate, m_toDate, parser.value(m_reason)});
    if (!added) {
        // Only a problem with a date is the dates' fault; a busy or read-only database is not.
        const QString field = added.error().field;
        return fail(field == Field::From || field == Field::To ? u"--%1: %2"_s.arg(field, added.errorMessage())
                                                               : added.errorMessage());
    }
    print(tr("%1 off from %2 to %3\n")
              .arg(found.value()->name, m_fromDate.toString(Qt::ISODate), m_toDate.toString(Qt::ISODate)));
    return ExitOk;
}

int TimeOffList::runOn(const QCommandLineParser &parser, Database &db)
{
    RosterService roster(db);
    const auto people = roster.people();
    if (!people) {
        return fail(people.errorMessage());
    }
    QHash<PersonId, Person> byId;
    for (const Person &p : people.value()) {
        byId.insert(p.id, p);
    }
    QList<TimeOff> entries;
    if (parser.isSet(m_person)) {
        const auto found = roster.personByEmail(parser.value(m_person));
        if (!found) {
            return fail(found.errorMessage()); // the read failed: say so, not "nobody"
        }
        if (!found.value()) {
            return fail(tr("--person: nobody on the roster has the e-mail “%1”").arg(parser.value(m_person)));
        }
        const auto theirs = roster.timeOff(found.value()->id);
        if (!theirs) {
            return fail(theirs.errorMessage());
        }
        entries = theirs.value();
    } else {
        const auto all = roster.allTimeOff();
        if (!all) {
            return fail(all.errorMessage());
        }
        entries = all.value();
    }
    if (parser.isSet(m_json)) {
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
    print(table({tr("FROM"), tr("TO"), tr("NAME"), tr("EMAIL"), tr("REASON")}, rows));
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> rosterImportCommand()
{
    return std::make_unique<RosterImport>();
}

std::unique_ptr<Command> rosterExportCommand()
{
    return std::make_unique<RosterExport>();
}

std::unique_ptr<Command> rosterListCommand()
{
    return std::make_unique<RosterList>();
}

std::unique_ptr<Command> timeOffAddCommand()
{
    return std::make_unique<TimeOffAdd>();
}

std::unique_ptr<Command> timeOffListCommand()
{
    return std::make_unique<TimeOffList>();
}

} // namespace Tandem
