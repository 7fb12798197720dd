// The iCalendar commands: `tandem export ics` and `tandem import ics`.

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "services/icalservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "store/database.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;
using Tandem::CliSupport::parseDay;

namespace Tandem {

namespace {

/// Reads --from/--to over the defaults; an empty message means fine.
QString readPeriod(const QCommandLineParser &parser, const QCommandLineOption &from, const QCommandLineOption &to,
                   QDate *fromDate, QDate *toDate)
{
    for (const auto &[option, date] : {std::pair{&from, fromDate}, std::pair{&to, toDate}}) {
        if (parser.isSet(*option)) {
            *date = parseDay(parser.value(*option).trimmed());
            if (!date->isValid()) {
                return Cli::tr("--%1: “%2” is not a date (expected YYYY-MM-DD)")
                    .arg(option->names().first(), parser.value(*option));
            }
        }
    }
    if (*toDate < *fromDate) {
        return Cli::tr("--to: %1 is before --from %2")
            .arg(toDate->toString(Qt::ISODate), fromDate->toString(Qt::ISODate));
    }
    return {};
}

} // namespace

namespace {

class ExportIcs final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ExportIcs()
        : DatabaseCommand(
              {u"export"_s, u"ics"_s},
              u"export ics (--rotation NAME | --team NAME | --person EMAIL) [--from DATE --to DATE] [--attendees] "
              "[-o FILE]"_s,
              tr("Write shifts (and time off) as an iCalendar file for calendar apps."))
    {
        setDescription(
            tr("Write shifts as an iCalendar (.ics) file for calendar apps: one event per shift with both names, "
               "contacts, bridge link and handoff note, in the rotation's time zone. --team and --person add the time "
               "off of the people. Default period: today and the next 365 days."));
        addOptions({m_rotation, m_team, m_person, m_from, m_to, m_attendees, m_output});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("export ics takes no arguments besides its options (write to a file with -o FILE)"));
        }
        if (int(parser.isSet(m_rotation)) + int(parser.isSet(m_team)) + int(parser.isSet(m_person)) != 1) {
            return usage(tr("export ics needs exactly one of --rotation, --team or --person"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_rotation{u"rotation"_s, tr("The shifts of rotation NAME."), u"NAME"_s};
    const QCommandLineOption m_team{u"team"_s, tr("The shifts of every rotation of team NAME."), u"NAME"_s};
    const QCommandLineOption m_person{u"person"_s, tr("The shifts of the person with this e-mail."), u"EMAIL"_s};
    const QCommandLineOption m_from{u"from"_s, tr("First day (YYYY-MM-DD; default today)."), u"DATE"_s};
    const QCommandLineOption m_to{u"to"_s, tr("Last day, included (default 365 days after today)."), u"DATE"_s};
    const QCommandLineOption m_attendees{
        u"attendees"_s, tr("Add both seats as ATTENDEE lines (SCHEDULE-AGENT=CLIENT: servers send no e-mail).")};
    const QCommandLineOption m_output{
        {u"o"_s, u"output"_s}, tr("Write to FILE instead of standard output."), u"FILE"_s};
};

class ImportIcs final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ImportIcs()
        : DatabaseCommand(
              {u"import"_s, u"ics"_s},
              u"import ics (--timeoff --person EMAIL | --holidays --team NAME) FILE [--from DATE --to DATE]"_s,
              tr("Import time off or public holidays from an iCalendar file; repeating events expanded."))
    {
        setDescription(tr(
            "Import an iCalendar (.ics) file: with --timeoff every event becomes time off of the person (whole days "
            "in the event's own zone, the title as the reason); with --holidays every day an event covers becomes a "
            "public holiday of the team. Repeating events are expanded over the period (default: a year back and two "
            "years ahead). Nothing is imported unless the whole file is valid; what is already there is skipped."));
        addOptions({m_timeOff, m_holidays, m_person, m_team, m_from, m_to});
        addArgument(u"FILE"_s, tr("The .ics file."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("import ics needs exactly one FILE"));
        }
        if (parser.isSet(m_timeOff) == parser.isSet(m_holidays)) {
            return usage(tr("import ics needs either --timeoff or --holidays"));
        }
        if (parser.isSet(m_timeOff) && (!parser.isSet(m_person) || parser.isSet(m_team))) {
            return usage(tr("import ics --timeoff needs --person EMAIL (and no --team)"));
        }
        if (parser.isSet(m_holidays) && (!parser.isSet(m_team) || parser.isSet(m_person))) {
            return usage(tr("import ics --holidays needs --team NAME (and no --person)"));
        }
        m_path = parser.positionalArguments().first();
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_timeOff{u"timeoff"_s, tr("Import time off of --person.")};
    const QCommandLineOption m_holidays{u"holidays"_s, tr("Import public holidays of --team.")};
    const QCommandLineOption m_person{u"person"_s, tr("The person (e-mail) the time off is for."), u"EMAIL"_s};
    const QCommandLineOption m_team{u"team"_s, tr("The team the holidays are for."), u"NAME"_s};
    const QCommandLineOption m_from{u"from"_s, tr("First day to read (YYYY-MM-DD)."), u"DATE"_s};
    const QCommandLineOption m_to{u"to"_s, tr("Last day to read, included (YYYY-MM-DD)."), u"DATE"_s};
    QString m_path; ///< the FILE
};

int ExportIcs::runOn(const QCommandLineParser &parser, Database &db)
{
    auto [fromDate, toDate] = IcalService::defaultExportPeriod(db.clock().now().date());
    if (const QString problem = readPeriod(parser, m_from, m_to, &fromDate, &toDate); !problem.isEmpty()) {
        return fail(problem);
    }
    const IcalOptions options{parser.isSet(m_attendees)};
    IcalService service(db);
    Result<QByteArray> ics = Error{};
    if (parser.isSet(m_rotation)) {
        auto found = RotationService(db).rotationByName(parser.value(m_rotation));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("--rotation: no rotation “%1”").arg(parser.value(m_rotation)));
        }
        ics = service.exportRotation(found.value()->id, fromDate, toDate, options);
    } else if (parser.isSet(m_team)) {
        auto found = RosterService(db).teamByName(parser.value(m_team));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("--team: no team “%1”").arg(parser.value(m_team)));
        }
        ics = service.exportTeam(found.value()->id, fromDate, toDate, options);
    } else {
        auto found = RosterService(db).personByEmail(parser.value(m_person));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("--person: nobody with the e-mail “%1”").arg(parser.value(m_person)));
        }
        ics = service.exportPerson(found.value()->id, fromDate, toDate, options);
    }
    if (!ics) {
        return fail(ics.errorMessage());
    }
    if (!parser.isSet(m_output) || parser.value(m_output) == u"-") {
        fwrite(ics->constData(), 1, size_t(ics->size()), out());
        fflush(out());
        return ExitOk;
    }
    if (auto status = IcalService::writeFile(parser.value(m_output), ics.value()); !status) {
        return fail(status.errorMessage());
    }
    return ExitOk;
}

int ImportIcs::runOn(const QCommandLineParser &parser, Database &db)
{
    auto [fromDate, toDate] = IcalService::defaultImportPeriod(db.clock().now().date());
    if (const QString problem = readPeriod(parser, m_from, m_to, &fromDate, &toDate); !problem.isEmpty()) {
        return fail(problem);
    }
    auto bytes = IcalService::readFile(m_path);
    if (!bytes) {
        return fail(bytes.errorMessage());
    }
    IcalService service(db);
    Result<IcalImportSummary> result = Error{};
    if (parser.isSet(m_timeOff)) {
        auto found = RosterService(db).personByEmail(parser.value(m_person));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("--person: nobody with the e-mail “%1”").arg(parser.value(m_person)));
        }
        result = service.importTimeOff(found.value()->id, bytes.value(), fromDate, toDate);
    } else {
        auto found = RosterService(db).teamByName(parser.value(m_team));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("--team: no team “%1”").arg(parser.value(m_team)));
        }
        result = service.importHolidays(found.value()->id, bytes.value(), fromDate, toDate);
    }
    if (!result) {
        // The file name in front, as the CSV import does: FILE: Line N: ...
        QString message = result.errorMessage();
        if (message.endsWith(u'.')) {
            message.chop(1);
        }
        return fail(tr("%1: %2; nothing was imported").arg(m_path, message));
    }
    print((parser.isSet(m_timeOff) ? tr("Imported %1 time off from %2 events (%3 already there).\n")
                                   : tr("Imported %1 holidays from %2 events (%3 already there).\n"))
              .arg(result->added)
              .arg(result->read)
              .arg(result->skipped));
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> exportIcsCommand()
{
    return std::make_unique<ExportIcs>();
}

std::unique_ptr<Command> importIcsCommand()
{
    return std::make_unique<ImportIcs>();
}

} // namespace Tandem
