// The printing and report commands: `tandem print`, `tandem report hours|coverage`, and the
// CSV and PDF outputs of `tandem report fairness`.

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "reportrenderer.h"
#include "reports/fairnesscsv.h"
#include "services/fileio.h"
#include "services/reportservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/servicecatalog.h"
#include "sheetrenderer.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimeZone>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

namespace {

/// The options every sheet and report takes: what to cover and where to write it.
struct ScopeOptions
{
    QCommandLineOption rotation{u"rotation"_s, Cli::tr("A rotation (repeat for several)."), u"NAME"_s};
    QCommandLineOption team{u"team"_s, Cli::tr("Every rotation of the team."), u"NAME"_s};
    QCommandLineOption person{u"person"_s, Cli::tr("Only this person's shifts."), u"EMAIL"_s};
    QCommandLineOption from{u"from"_s, Cli::tr("First day (YYYY-MM-DD)."), u"DATE"_s};
    QCommandLineOption to{u"to"_s, Cli::tr("Last day, included (YYYY-MM-DD)."), u"DATE"_s};
    QCommandLineOption pdf{u"pdf"_s, Cli::tr("Write a PDF to FILE."), u"FILE"_s};
    QCommandLineOption paper{u"paper"_s, Cli::tr("a4 or letter (default a4)."), u"SIZE"_s, u"a4"_s};
    QCommandLineOption landscape{u"landscape"_s, Cli::tr("Landscape pages.")};
    QCommandLineOption grayscale{u"grayscale"_s, Cli::tr("Grays instead of colours (patterns tell rotations apart).")};

    QList<QCommandLineOption> list() const
    {
        return {rotation, team, person, from, to, pdf, paper, landscape, grayscale};
    }
};

QString notADate(const QString &option, const QString &value)
{
    return Cli::tr("--%1: “%2” is not a date (expected YYYY-MM-DD)").arg(option, value);
}

// Writes to FILE, or to standard output for "-".
bool writeOut(const QString &path, const QByteArray &bytes, FILE *out, QString *error)
{
    if (path == u"-") {
        fwrite(bytes.constData(), 1, size_t(bytes.size()), out);
        fflush(out);
        return true;
    }
    if (auto status = writeOutputFile(path, bytes); !status) {
        *error = status.errorMessage();
        return false;
    }
    return true;
}

// A period the service refused is the fault of --from or --to; other errors are not.
QString withPeriodOption(const Error &error)
{
    return error.field == u"from" || error.field == u"to" ? u"--%1: %2"_s.arg(error.field, error.message)
                                                          : error.message;
}

QString localIso(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return (tz.isValid() ? utc.toTimeZone(tz) : utc).toString(Qt::ISODate);
}

QJsonValue emailOf(const QHash<PersonId, Person> &people, PersonId id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(people.value(id).email);
}

} // namespace

bool Cli::needsFonts(const QStringList &args)
{
    // The first word that is not a global option names the command.
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--db") {
            ++i;
        } else if (!args.at(i).startsWith(u'-')) {
            return args.at(i) == u"print" || args.contains(u"--pdf"_s) ||
                   std::any_of(args.cbegin(), args.cend(), [](const QString &a) { return a.startsWith(u"--pdf="); });
        }
    }
    return false;
}

// Resolves --rotation/--team/--person and the dates into a scope; on error returns the exit code.
static int resolveScope(Database &db, const QCommandLineParser &parser, const ScopeOptions &o, QDate defaultFrom,
                        QDate defaultTo, ReportScope *scope, QString *error)
{
    scope->from = defaultFrom;
    scope->to = defaultTo;
    if (parser.isSet(o.from)) {
        scope->from = parseDay(parser.value(o.from).trimmed());
        if (!scope->from.isValid()) {
            *error = notADate(u"from"_s, parser.value(o.from));
            return ExitBadInput;
        }
        if (!parser.isSet(o.to) && !defaultTo.isValid()) {
            scope->to = scope->from.addDays(27);
        }
    }
    if (parser.isSet(o.to)) {
        scope->to = parseDay(parser.value(o.to).trimmed());
        if (!scope->to.isValid()) {
            *error = notADate(u"to"_s, parser.value(o.to));
            return ExitBadInput;
        }
    }
    if (!scope->to.isValid()) {
        scope->to = scope->from.addDays(27);
    }
    if (scope->to < scope->from) {
        *error = Cli::tr("--to: %1 is before --from %2")
                     .arg(scope->to.toString(Qt::ISODate), scope->from.toString(Qt::ISODate));
        return ExitBadInput;
    }
    RotationService rotations(db);
    for (const QString &name : parser.values(o.rotation)) {
        const auto found = rotations.rotationByName(name);
        if (!found) {
            *error = found.errorMessage();
            return ExitBadInput;
        }
        if (!found.value()) {
            *error = Cli::tr("--rotation: no rotation named “%1”").arg(name);
            return ExitBadInput;
        }
        scope->rotations.append(found.value()->id);
    }
    RosterService roster(db);
    if (parser.isSet(o.team)) {
        const auto team = roster.teamByName(parser.value(o.team));
        if (!team || !team.value()) {
            *error = Cli::tr("--team: no team named “%1”").arg(parser.value(o.team));
            return ExitBadInput;
        }
        scope->team = team.value()->id;
    }
    if (parser.isSet(o.person)) {
        const auto person = roster.personByEmail(parser.value(o.person).trimmed());
        if (!person || !person.value()) {
            *error = Cli::tr("--person: nobody with the e-mail “%1”").arg(parser.value(o.person));
            return ExitBadInput;
        }
        scope->person = person.value()->id;
    }
    return ExitOk;
}

static int pageOptions(const QCommandLineParser &parser, const ScopeOptions &o, Print::Paper *paper, QString *error)
{
    const QString value = parser.value(o.paper).trimmed().toLower();
    if (value == u"a4") {
        *paper = Print::Paper::A4;
    } else if (value == u"letter") {
        *paper = Print::Paper::Letter;
    } else {
        *error = Cli::tr("--paper: “%1” is not a paper size (use a4 or letter)").arg(parser.value(o.paper));
        return ExitBadInput;
    }
    return ExitOk;
}

// Writes a report as PDF when --pdf is given: the paper options, the sheet header of the scope,
// then the report's own layout. Returns the one-line error, empty on success.
static QString reportPdf(const QCommandLineParser &parser, const ScopeOptions &o, Database &db,
                         const ReportScope &scope, const QString &title,
                         const std::function<void(Print::PageDocument &)> &layout)
{
    Print::Paper paper = Print::Paper::A4;
    QString error;
    if (pageOptions(parser, o, &paper, &error) != ExitOk) {
        return error;
    }
    const auto data = ReportService(db).sheet(scope);
    if (!data) {
        return withPeriodOption(data.error());
    }
    const auto pages =
        Print::ReportRenderer::writePdf(parser.value(o.pdf), Print::SheetRenderer::header(data.value(), title), paper,
                                        parser.isSet(o.landscape), layout);
    return pages ? QString() : u"--pdf: "_s + pages.errorMessage();
}

namespace {

class ReportFairness final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ReportFairness()
        : DatabaseCommand(
              {u"report"_s, u"fairness"_s},
              u"report fairness --rotation NAME [--from DATE] [--to DATE] [--json|--csv FILE|"
              "--pdf FILE [--paper a4|letter] [--landscape]]"_s,
              tr("Shifts, weighted load against fair share, weekends, holidays, nights and partners per person."))
    {
        setListing(u"report fairness --rotation NAME [--from DATE] [--to DATE] [--json|--csv FILE|--pdf FILE]"_s);
        setDescription(
            tr("Fairness of the shifts in the database: per person shifts, weighted load against fair share, weekends, "
               "holidays, nights and partners; per pool the spread; the dev x ops pair matrix. As text, JSON, CSV or "
               "PDF."));
        addOptions(m_scope.list());
        addOptions({m_csv, m_pairsCsv, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        // --csv and --pdf are written here; the text and --json outputs are FairnessText's
        // (cliplan.cpp), which parses the arguments again with its own options. The help is
        // this command's: it knows every option of both.
        const QStringList &args = rawArguments();
        const bool file = std::any_of(args.cbegin(), args.cend(), [](const QString &a) {
            return a == u"--csv" || a == u"--pdf" || a.startsWith(u"--csv=") || a.startsWith(u"--pdf=");
        });
        if (!file) {
            return fairnessTextCommand()->execute(context(), args);
        }
        if (!parser.isSet(m_scope.rotation) && !parser.isSet(m_scope.team)) {
            return usage(tr("report fairness needs --rotation"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_csv{u"csv"_s, tr("Write per person figures as CSV to FILE (- for standard output)."),
                                   u"FILE"_s};
    const QCommandLineOption m_pairsCsv{u"pairs-csv"_s, tr("Write the dev x ops pair matrix as CSV to FILE."),
                                        u"FILE"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print JSON (format in the README).")};
    const ScopeOptions m_scope;
};

class PrintSheet final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    PrintSheet()
        : DatabaseCommand({u"print"_s},
                          u"print --layout month|list|person [--rotation NAME|--team NAME|--person EMAIL] "
                          "--from DATE --to DATE --pdf FILE [--paper a4|letter] [--landscape] [--grayscale]"_s,
                          tr("Print a rotation sheet (month grid, list with phones, or one person's shifts) to PDF."))
    {
        setListing(
            u"print --layout month|list|person [--rotation NAME|--team NAME|--person EMAIL] --from DATE --to DATE "
            "--pdf FILE [--paper a4|letter] [--landscape]"_s);
        setDescription(
            tr("Print a rotation sheet to PDF: a month grid with the pairs of each day, a list with one row per shift "
               "(phones, escalation, bridge, room for notes), or one person's shifts. Without --rotation, --team or "
               "--person, every rotation. --to defaults to four weeks after --from, --from to today."));
        addOptions({m_layout});
        addOptions(m_scope.list());
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("print takes no arguments besides its options"));
        }
        for (const QCommandLineOption &required : {m_layout, m_scope.pdf}) {
            if (!parser.isSet(required)) {
                return usage(tr("print needs --%1").arg(required.names().first()));
            }
        }
        const QString layoutName = parser.value(m_layout).trimmed().toLower();
        if (layoutName == u"month") {
            m_options.layout = Print::SheetLayout::Month;
        } else if (layoutName == u"list") {
            m_options.layout = Print::SheetLayout::List;
        } else if (layoutName == u"person") {
            m_options.layout = Print::SheetLayout::Person;
        } else {
            return fail(tr("--layout: “%1” is not a layout (use month, list or person)").arg(parser.value(m_layout)));
        }
        if (m_options.layout == Print::SheetLayout::Person && !parser.isSet(m_scope.person)) {
            return usage(tr("print --layout person needs --person"));
        }
        m_options.grayscale = parser.isSet(m_scope.grayscale);
        QString error;
        if (pageOptions(parser, m_scope, &m_paper, &error) != ExitOk) {
            return fail(error);
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_layout{u"layout"_s, tr("month, list or person."), u"LAYOUT"_s};
    const ScopeOptions m_scope;
    Print::SheetOptions m_options; ///< --layout and --grayscale, read by check()
    Print::Paper m_paper = Print::Paper::A4;
};

class ReportHours final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ReportHours()
        : DatabaseCommand({u"report"_s, u"hours"_s},
                          u"report hours [--rotation NAME|--team NAME|--person EMAIL] [--from DATE] [--to DATE] "
                          "[--rate-weekday X] [--rate-weekend X] [--rate-holiday X] [--csv FILE|--json|--pdf FILE]"_s,
                          tr("On-call hours per person and month: weekday, weekend and holiday hours, for payroll."))
    {
        setDescription(
            tr("On-call hours per person per month, split into weekday, weekend and public-holiday hours (days in each "
               "rotation's zone), with the amount at the given rates. Default period: the previous month."));
        addOptions(m_scope.list());
        addOptions({m_weekday, m_weekend, m_holiday, m_csv, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("report hours takes no arguments besides its options"));
        }
        for (const auto &[option, rate] :
             {std::pair{&m_weekday, &m_rates.weekday}, std::pair{&m_weekend, &m_rates.weekend},
              std::pair{&m_holiday, &m_rates.holiday}}) {
            const auto value = parseFinite(parser.value(*option));
            if (!value || *value < 0 || *value > 1e9) {
                return fail(tr("--%1: “%2” is not a rate (a number from 0 to 1,000,000,000)")
                                .arg(option->names().first(), parser.value(*option)));
            }
            *rate = *value;
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_weekday{u"rate-weekday"_s, tr("Pay per weekday hour (default 0)."), u"X"_s, u"0"_s};
    const QCommandLineOption m_weekend{u"rate-weekend"_s, tr("Pay per weekend hour (default 0)."), u"X"_s, u"0"_s};
    const QCommandLineOption m_holiday{u"rate-holiday"_s, tr("Pay per public-holiday hour (default 0)."), u"X"_s,
                                       u"0"_s};
    const QCommandLineOption m_csv{u"csv"_s, tr("Write CSV for payroll to FILE (- for standard output)."), u"FILE"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print JSON (format in the README).")};
    const ScopeOptions m_scope;
    Reports::HourRates m_rates; ///< --rate-*, read by check()
};

class ReportCoverage final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ReportCoverage()
        : DatabaseCommand({u"report"_s, u"coverage"_s},
                          u"report coverage [--rotation NAME|--team NAME|--service NAME] [--from DATE] [--to DATE] "
                          "[--csv FILE] [--changes-csv FILE] [--json] [--pdf FILE]"_s,
                          tr("Gaps in dev + production-access coverage, and who changed which shift when."))
    {
        setListing(u"report coverage [--rotation NAME|--team NAME|--service NAME] [--from DATE] [--to DATE] "
                   "[--csv FILE|--json|--pdf FILE]"_s);
        setDescription(tr(
            "For auditors: over the period (default the last 4 weeks), every minute each rotation runs must be held by "
            "a developer paired with someone who has production access. Lists the gaps, and who changed which shift "
            "and when, from the change log. Exits 0 also when there are gaps. With --service: every minute of the "
            "service's days (in its zone) must be held by a pair of one of its legs; lists the holes (not covered, "
            "or no pair), the overlaps between legs, and the share covered."));
        addOptions(m_scope.list());
        addOptions({m_service, m_csv, m_changesCsv, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("report coverage takes no arguments besides its options"));
        }
        if (parser.isSet(m_scope.person)) {
            return usage(tr("report coverage covers rotations: use --rotation or --team, not --person"));
        }
        if (parser.isSet(m_service) && (parser.isSet(m_scope.rotation) || parser.isSet(m_scope.team) ||
                                        parser.isSet(m_scope.pdf) || parser.isSet(m_changesCsv))) {
            return usage(tr("--service takes --from, --to, --csv and --json; not --rotation, --team, --pdf or "
                            "--changes-csv"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;
    int runOnService(const QCommandLineParser &parser, Database &db);

    const QCommandLineOption m_service{u"service"_s, tr("A follow-the-sun service: holes and overlaps of its legs."),
                                       u"NAME"_s};

    const QCommandLineOption m_csv{u"csv"_s, tr("Write the gaps as CSV to FILE (- for standard output)."), u"FILE"_s};
    const QCommandLineOption m_changesCsv{u"changes-csv"_s, tr("Write the shift changes as CSV to FILE."), u"FILE"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print JSON (format in the README).")};
    const ScopeOptions m_scope;
};

int PrintSheet::runOn(const QCommandLineParser &parser, Database &db)
{
    ReportScope scope;
    QString error;
    const QDate today = db.clock().now().toLocalTime().date();
    if (resolveScope(db, parser, m_scope, today, {}, &scope, &error) != ExitOk) {
        return fail(error);
    }
    auto data = ReportService(db).sheet(scope);
    if (!data) {
        return fail(
            u"--%1: %2"_s.arg(data.error().field.isEmpty() ? u"rotation"_s : data.error().field, data.errorMessage()));
    }
    if (data->rotations.isEmpty() && m_options.layout != Print::SheetLayout::Person) {
        return fail(tr("--team: the team has no rotations"));
    }
    const QString path = parser.value(m_scope.pdf);
    const auto pages =
        Print::SheetRenderer(data.value(), m_options).writePdf(path, m_paper, parser.isSet(m_scope.landscape));
    if (!pages) {
        return fail(u"--pdf: "_s + pages.errorMessage());
    }
    print(
        tr("%1: %2, %3\n")
            .arg(path, tr("%n page(s)", nullptr, pages.value()), tr("%n shift(s)", nullptr, int(data->shifts.size()))));
    return ExitOk;
}

int ReportHours::runOn(const QCommandLineParser &parser, Database &db)
{
    QString error;
    const QDate today = db.clock().now().toLocalTime().date();
    const QDate thisMonth(today.year(), today.month(), 1);
    ReportScope scope;
    if (resolveScope(db, parser, m_scope, thisMonth.addMonths(-1), thisMonth.addDays(-1), &scope, &error) != ExitOk) {
        return fail(error);
    }
    if (parser.isSet(m_scope.from) && !parser.isSet(m_scope.to)) {
        scope.to = QDate(scope.from.year(), scope.from.month(), 1).addMonths(1).addDays(-1);
    }
    const auto rows = ReportService(db).hours(scope, m_rates);
    if (!rows) {
        return fail(withPeriodOption(rows.error()));
    }
    if (parser.isSet(m_csv)) {
        if (!writeOut(parser.value(m_csv), Reports::hoursCsv(rows.value(), m_rates), out(), &error)) {
            return fail(u"--csv: "_s + error);
        }
    }
    if (parser.isSet(m_scope.pdf)) {
        if (const QString problem = reportPdf(
                parser, m_scope, db, scope, tr("On-call hours"),
                [&](Print::PageDocument &doc) { Print::ReportRenderer::layoutHours(doc, rows.value(), m_rates); });
            !problem.isEmpty()) {
            return fail(problem);
        }
    }
    if (parser.isSet(m_json)) {
        QJsonArray array;
        for (const Reports::HoursRow &r : rows.value()) {
            array.append(QJsonObject{{u"email"_s, r.email},
                                     {u"name"_s, r.name},
                                     {u"role"_s, roleToString(r.role)},
                                     {u"month"_s, r.month},
                                     {u"weekday_hours"_s, r.weekdayHours},
                                     {u"weekend_hours"_s, r.weekendHours},
                                     {u"holiday_hours"_s, r.holidayHours},
                                     {u"total_hours"_s, r.totalHours()},
                                     {u"amount"_s, r.amount}});
        }
        const QJsonObject out{{u"from"_s, scope.from.toString(Qt::ISODate)},
                              {u"to"_s, scope.to.toString(Qt::ISODate)},
                              {u"m_rates"_s, QJsonObject{{u"weekday"_s, m_rates.weekday},
                                                         {u"weekend"_s, m_rates.weekend},
                                                         {u"holiday"_s, m_rates.holiday}}},
                              {u"rows"_s, array}};
        print(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
    } else if (!parser.isSet(m_csv) && !parser.isSet(m_scope.pdf)) {
        QList<QStringList> table;
        for (const Reports::HoursRow &r : rows.value()) {
            table.append({r.month, r.name, roleWords(r.role), QString::number(r.weekdayHours, 'f', 2),
                          QString::number(r.weekendHours, 'f', 2), QString::number(r.holidayHours, 'f', 2),
                          QString::number(r.totalHours(), 'f', 2), QString::number(r.amount, 'f', 2)});
        }
        print(tr("On-call hours from %1 to %2\n\n")
                  .arg(scope.from.toString(Qt::ISODate), scope.to.toString(Qt::ISODate)) +
              CliSupport::table({tr("MONTH"), tr("NAME"), tr("ROLE"), tr("WEEKDAY"), tr("WEEKEND"), tr("HOLIDAY"),
                                 tr("TOTAL"), tr("AMOUNT")},
                                table));
    }
    return ExitOk;
}

int ReportCoverage::runOnService(const QCommandLineParser &parser, Database &db)
{
    ServiceCatalog catalog(db);
    const auto service = catalog.serviceByName(parser.value(m_service));
    if (!service || !service.value()) {
        return fail(service ? tr("--service: no service named “%1”").arg(parser.value(m_service))
                            : service.errorMessage());
    }
    const QTimeZone zone(service.value()->timeZone.toUtf8());
    const QDate today = db.clock().now().toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).date();
    QDate from = today.addDays(-28);
    QDate to = today.addDays(-1);
    for (const auto &[option, day] : {std::pair{&m_scope.from, &from}, std::pair{&m_scope.to, &to}}) {
        if (parser.isSet(*option)) {
            *day = parseDay(parser.value(*option).trimmed());
            if (!day->isValid()) {
                return fail(notADate(option->names().first(), parser.value(*option)));
            }
        }
    }
    const auto coverage = catalog.coverage(service.value()->id, from, to);
    if (!coverage) {
        return fail(withPeriodOption(coverage.error()));
    }
    QString error;
    if (parser.isSet(m_csv) &&
        !writeOut(parser.value(m_csv), Reports::serviceCoverageCsv(coverage.value()), out(), &error)) {
        return fail(u"--csv: "_s + error);
    }
    if (parser.isSet(m_json)) {
        print(QString::fromUtf8(QJsonDocument(Reports::serviceCoverageJson(coverage.value())).toJson()));
    } else if (!parser.isSet(m_csv)) {
        print(serviceCoverageText(coverage.value()));
    }
    return ExitOk;
}

int ReportCoverage::runOn(const QCommandLineParser &parser, Database &db)
{
    if (parser.isSet(m_service)) {
        return runOnService(parser, db);
    }
    QString error;
    const QDate today = db.clock().now().toLocalTime().date();
    ReportScope scope;
    if (resolveScope(db, parser, m_scope, today.addDays(-28), today.addDays(-1), &scope, &error) != ExitOk) {
        return fail(error);
    }
    ReportService reports(db);
    const auto report = reports.coverage(scope);
    if (!report) {
        return fail(withPeriodOption(report.error()));
    }
    const Reports::CoverageReport &r = report.value();
    QHash<RotationId, QString> zones;
    QHash<RotationId, QString> names;
    for (const Reports::RotationCoverage &c : r.rotations) {
        zones.insert(c.rotation, c.timeZone);
        names.insert(c.rotation, c.name);
    }
    if (parser.isSet(m_csv) && !writeOut(parser.value(m_csv), Reports::coverageGapsCsv(r), out(), &error)) {
        return fail(u"--csv: "_s + error);
    }
    if (parser.isSet(m_changesCsv) &&
        !writeOut(parser.value(m_changesCsv), Reports::coverageChangesCsv(r), out(), &error)) {
        return fail(u"--changes-csv: "_s + error);
    }
    if (parser.isSet(m_scope.pdf)) {
        if (const QString problem =
                reportPdf(parser, m_scope, db, scope, tr("Coverage"),
                          [&](Print::PageDocument &doc) { Print::ReportRenderer::layoutCoverage(doc, r); });
            !problem.isEmpty()) {
            return fail(problem);
        }
    }
    if (parser.isSet(m_json)) {
        QJsonArray rotations;
        for (const Reports::RotationCoverage &c : r.rotations) {
            QJsonArray gaps;
            for (const Reports::CoverageGap &g : c.gaps) {
                gaps.append(QJsonObject{{u"start"_s, g.start.toString(Qt::ISODate)},
                                        {u"end"_s, g.end.toString(Qt::ISODate)},
                                        {u"start_local"_s, localIso(g.start, c.timeZone)},
                                        {u"end_local"_s, localIso(g.end, c.timeZone)},
                                        {u"minutes"_s, g.minutes()},
                                        {u"reason"_s, Reports::gapReasonKey(g.reason)},
                                        {u"detail"_s, g.detail}});
            }
            rotations.append(QJsonObject{{u"name"_s, c.name},
                                         {u"timezone"_s, c.timeZone},
                                         {u"required_minutes"_s, c.requiredMinutes},
                                         {u"covered_minutes"_s, c.coveredMinutes},
                                         {u"gaps"_s, gaps}});
        }
        QJsonArray changes;
        for (const Reports::ShiftChange &c : r.changes) {
            changes.append(QJsonObject{{u"at"_s, c.at.toUTC().toString(Qt::ISODate)},
                                       {u"actor"_s, c.actor},
                                       {u"action"_s, changeActionToString(c.action)},
                                       {u"shift"_s, c.shift.toString()},
                                       {u"rotation_name"_s, names.value(c.rotation)},
                                       {u"start"_s, c.start.toString(Qt::ISODate)},
                                       {u"end"_s, c.end.toString(Qt::ISODate)},
                                       {u"dev_before"_s, emailOf(r.people, c.devBefore)},
                                       {u"ops_before"_s, emailOf(r.people, c.opsBefore)},
                                       {u"dev_after"_s, emailOf(r.people, c.devAfter)},
                                       {u"ops_after"_s, emailOf(r.people, c.opsAfter)}});
        }
        const QJsonObject out{{u"from"_s, r.from.toString(Qt::ISODate)},
                              {u"to"_s, r.to.toString(Qt::ISODate)},
                              {u"rotations"_s, rotations},
                              {u"changes"_s, changes}};
        print(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
    } else if (!parser.isSet(m_csv) && !parser.isSet(m_changesCsv) && !parser.isSet(m_scope.pdf)) {
        QString text = tr("Coverage from %1 to %2\n\n").arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate));
        QList<QStringList> rows;
        for (const Reports::RotationCoverage &c : r.rotations) {
            for (const Reports::CoverageGap &g : c.gaps) {
                rows.append({c.name, localIso(g.start, c.timeZone), localIso(g.end, c.timeZone),
                             QString::number(g.minutes()), Reports::gapReasonText(g.reason), g.detail});
            }
            text += tr("%1: %2 of %3 on-call hours covered, %4\n")
                        .arg(c.name, QString::number(double(c.coveredMinutes) / 60.0, 'f', 1),
                             QString::number(double(c.requiredMinutes) / 60.0, 'f', 1),
                             tr("%n gap(s)", nullptr, int(c.gaps.size())));
        }
        if (!rows.isEmpty()) {
            text += u'\n' + CliSupport::table(
                                {tr("ROTATION"), tr("FROM"), tr("TO"), tr("MINUTES"), tr("WHY"), tr("DETAIL")}, rows);
        }
        text += tr("\n%n change(s) to these shifts in the change log\n", nullptr, int(r.changes.size()));
        print(text);
    }
    return ExitOk;
}

int ReportFairness::runOn(const QCommandLineParser &parser, Database &db)
{
    QString error;
    const QDate today = db.clock().now().date();
    ReportScope scope;
    if (resolveScope(db, parser, m_scope, today.addDays(-26 * 7), today.addDays(13 * 7), &scope, &error) != ExitOk) {
        return fail(error);
    }
    ReportService reports(db);
    const auto summary = reports.fairness(scope);
    if (!summary) {
        return fail(withPeriodOption(summary.error()));
    }
    auto everyone = reports.people();
    if (!everyone) {
        return fail(everyone.errorMessage());
    }
    QHash<PersonId, Person> people = everyone.value();
    for (const Planner::PersonFigures &f : summary->people) {
        if (!people.contains(f.person)) {
            if (const auto p = RosterService(db).person(f.person); p && p.value()) {
                people.insert(f.person, *p.value());
            }
        }
    }
    if (parser.isSet(m_csv) &&
        !writeOut(parser.value(m_csv), Reports::fairnessCsv(summary.value(), people), out(), &error)) {
        return fail(u"--csv: "_s + error);
    }
    if (parser.isSet(m_pairsCsv) &&
        !writeOut(parser.value(m_pairsCsv), Reports::pairMatrixCsv(summary.value(), people), out(), &error)) {
        return fail(u"--pairs-csv: "_s + error);
    }
    if (parser.isSet(m_scope.pdf)) {
        if (const QString problem = reportPdf(
                parser, m_scope, db, scope, tr("Fairness"),
                [&](Print::PageDocument &doc) { Print::ReportRenderer::layoutFairness(doc, summary.value(), people); });
            !problem.isEmpty()) {
            return fail(problem);
        }
    }
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> reportFairnessCommand()
{
    return std::make_unique<ReportFairness>();
}

std::unique_ptr<Command> printSheetCommand()
{
    return std::make_unique<PrintSheet>();
}

std::unique_ptr<Command> reportHoursCommand()
{
    return std::make_unique<ReportHours>();
}

std::unique_ptr<Command> reportCoverageCommand()
{
    return std::make_unique<ReportCoverage>();
}

} // namespace Tandem
