// The iCalendar commands: `tandem export ics` and `tandem import ics`.

#include "cli.h"
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
                return u"--%1: “%2” is not a date (expected YYYY-MM-DD)"_s.arg(option->names().first(),
                                                                               parser.value(*option));
            }
        }
    }
    if (*toDate < *fromDate) {
        return u"--to: %1 is before --from %2"_s.arg(toDate->toString(Qt::ISODate), fromDate->toString(Qt::ISODate));
    }
    return {};
}

} // namespace

int Cli::exportIcs(const QStringList &args)
{
    static const QString synopsis =
        u"export ics (--rotation NAME | --team NAME | --person EMAIL) [--from DATE --to DATE] [--attendees] "
        "[-o FILE]"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Write shifts as an iCalendar (.ics) file for calendar apps: one event per shift with both names, "
        "contacts, bridge link and handoff note, in the rotation's time zone. --team and --person add the time "
        "off of the people. Default period: today and the next 365 days."_s);
    const QCommandLineOption rotation(u"rotation"_s, u"The shifts of rotation NAME."_s, u"NAME"_s);
    const QCommandLineOption team(u"team"_s, u"The shifts of every rotation of team NAME."_s, u"NAME"_s);
    const QCommandLineOption person(u"person"_s, u"The shifts of the person with this e-mail."_s, u"EMAIL"_s);
    const QCommandLineOption from(u"from"_s, u"First day (YYYY-MM-DD; default today)."_s, u"DATE"_s);
    const QCommandLineOption to(u"to"_s, u"Last day, included (default 365 days after today)."_s, u"DATE"_s);
    const QCommandLineOption attendees(
        u"attendees"_s, u"Add both seats as ATTENDEE lines (SCHEDULE-AGENT=CLIENT: servers send no e-mail)."_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write to FILE instead of standard output."_s, u"FILE"_s);
    parser.addOptions({rotation, team, person, from, to, attendees, output});
    int code = ExitOk;
    if (!parse(parser, synopsis, args, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(u"export ics takes no arguments besides its options (write to a file with -o FILE)"_s);
    }
    if (int(parser.isSet(rotation)) + int(parser.isSet(team)) + int(parser.isSet(person)) != 1) {
        return usage(u"export ics needs exactly one of --rotation, --team or --person"_s);
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    auto [fromDate, toDate] = IcalService::defaultExportPeriod(db->clock().now().date());
    if (const QString problem = readPeriod(parser, from, to, &fromDate, &toDate); !problem.isEmpty()) {
        return fail(problem);
    }
    const IcalOptions options{parser.isSet(attendees)};
    IcalService service(*db);
    Result<QByteArray> ics = Error{};
    if (parser.isSet(rotation)) {
        auto found = RotationService(*db).rotationByName(parser.value(rotation));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(u"--rotation: no rotation “%1”"_s.arg(parser.value(rotation)));
        }
        ics = service.exportRotation(found.value()->id, fromDate, toDate, options);
    } else if (parser.isSet(team)) {
        auto found = RosterService(*db).teamByName(parser.value(team));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(u"--team: no team “%1”"_s.arg(parser.value(team)));
        }
        ics = service.exportTeam(found.value()->id, fromDate, toDate, options);
    } else {
        auto found = RosterService(*db).personByEmail(parser.value(person));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(u"--person: nobody with the e-mail “%1”"_s.arg(parser.value(person)));
        }
        ics = service.exportPerson(found.value()->id, fromDate, toDate, options);
    }
    if (!ics) {
        return fail(ics.errorMessage());
    }
    if (!parser.isSet(output) || parser.value(output) == u"-") {
        fwrite(ics->constData(), 1, size_t(ics->size()), m_out);
        fflush(m_out);
        return ExitOk;
    }
    if (auto status = IcalService::writeFile(parser.value(output), ics.value()); !status) {
        return fail(status.errorMessage());
    }
    return ExitOk;
}

int Cli::importIcs(const QStringList &args)
{
    static const QString synopsis =
        u"import ics (--timeoff --person EMAIL | --holidays --team NAME) FILE [--from DATE --to DATE]"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Import an iCalendar (.ics) file: with --timeoff every event becomes time off of the person (whole days "
        "in the event's own zone, the title as the reason); with --holidays every day an event covers becomes a "
        "public holiday of the team. Repeating events are expanded over the period (default: a year back and two "
        "years ahead). Nothing is imported unless the whole file is valid; what is already there is skipped."_s);
    parser.addPositionalArgument(u"FILE"_s, u"The .ics file."_s);
    const QCommandLineOption timeOff(u"timeoff"_s, u"Import time off of --person."_s);
    const QCommandLineOption holidays(u"holidays"_s, u"Import public holidays of --team."_s);
    const QCommandLineOption person(u"person"_s, u"The person (e-mail) the time off is for."_s, u"EMAIL"_s);
    const QCommandLineOption team(u"team"_s, u"The team the holidays are for."_s, u"NAME"_s);
    const QCommandLineOption from(u"from"_s, u"First day to read (YYYY-MM-DD)."_s, u"DATE"_s);
    const QCommandLineOption to(u"to"_s, u"Last day to read, included (YYYY-MM-DD)."_s, u"DATE"_s);
    parser.addOptions({timeOff, holidays, person, team, from, to});
    int code = ExitOk;
    if (!parse(parser, synopsis, args, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 1) {
        return usage(u"import ics needs exactly one FILE"_s);
    }
    if (parser.isSet(timeOff) == parser.isSet(holidays)) {
        return usage(u"import ics needs either --timeoff or --holidays"_s);
    }
    if (parser.isSet(timeOff) && (!parser.isSet(person) || parser.isSet(team))) {
        return usage(u"import ics --timeoff needs --person EMAIL (and no --team)"_s);
    }
    if (parser.isSet(holidays) && (!parser.isSet(team) || parser.isSet(person))) {
        return usage(u"import ics --holidays needs --team NAME (and no --person)"_s);
    }
    const QString path = parser.positionalArguments().first();
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    auto [fromDate, toDate] = IcalService::defaultImportPeriod(db->clock().now().date());
    if (const QString problem = readPeriod(parser, from, to, &fromDate, &toDate); !problem.isEmpty()) {
        return fail(problem);
    }
    auto bytes = IcalService::readFile(path);
    if (!bytes) {
        return fail(bytes.errorMessage());
    }
    IcalService service(*db);
    Result<IcalImportSummary> result = Error{};
    QString what;
    if (parser.isSet(timeOff)) {
        auto found = RosterService(*db).personByEmail(parser.value(person));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(u"--person: nobody with the e-mail “%1”"_s.arg(parser.value(person)));
        }
        result = service.importTimeOff(found.value()->id, bytes.value(), fromDate, toDate);
        what = u"time off"_s;
    } else {
        auto found = RosterService(*db).teamByName(parser.value(team));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(u"--team: no team “%1”"_s.arg(parser.value(team)));
        }
        result = service.importHolidays(found.value()->id, bytes.value(), fromDate, toDate);
        what = u"holidays"_s;
    }
    if (!result) {
        // The file name in front, as the CSV import does: FILE: Line N: ...
        QString message = result.errorMessage();
        if (message.endsWith(u'.')) {
            message.chop(1);
        }
        return fail(u"%1: %2; nothing was imported"_s.arg(path, message));
    }
    print(u"Imported %1 %2 from %3 events (%4 already there).\n"_s.arg(result->added)
              .arg(what)
              .arg(result->read)
              .arg(result->skipped));
    return ExitOk;
}

} // namespace Tandem
