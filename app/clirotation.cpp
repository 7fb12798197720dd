// tandem pool ..., tandem rotation ... and tandem shifts list: the ops pools, the rotations and their shifts.

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "domain/hourwindows.h"
#include "domain/rotationwords.h"
#include "domain/serialize.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/validation.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

namespace {

// --- Rotations and pools: option values to domain values, domain values to words. ---

const std::array<QString, 7> &dayNames()
{
    static const std::array<QString, 7> names = {u"Monday"_s, u"Tuesday"_s,  u"Wednesday"_s, u"Thursday"_s,
                                                 u"Friday"_s, u"Saturday"_s, u"Sunday"_s};
    return names;
}

// A weekday for output, in the user's language (parseWeekday() reads the English names).
QString dayName(int weekday)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("Tandem::Cli", "Monday"),    QT_TRANSLATE_NOOP("Tandem::Cli", "Tuesday"),
        QT_TRANSLATE_NOOP("Tandem::Cli", "Wednesday"), QT_TRANSLATE_NOOP("Tandem::Cli", "Thursday"),
        QT_TRANSLATE_NOOP("Tandem::Cli", "Friday"),    QT_TRANSLATE_NOOP("Tandem::Cli", "Saturday"),
        QT_TRANSLATE_NOOP("Tandem::Cli", "Sunday")};
    return weekday >= 1 && weekday <= 7 ? Cli::tr(names[weekday - 1]) : Cli::tr("day %1").arg(weekday);
}

// "mon", "monday" or 1..7, any case.
std::optional<int> parseWeekday(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (int day = 1; day <= 7; ++day) {
        const QString full = dayNames().at(size_t(day - 1)).toLower();
        if (t == full || t == full.left(3) || t == QString::number(day)) {
            return day;
        }
    }
    return std::nullopt;
}

// "all", "weekdays", "weekends", or days and ranges: "mon-fri", "mon,wed,fri", "fri-mon".
std::optional<int> parseDays(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"all" || t == u"every" || t == u"daily") {
        return 0x7f;
    }
    if (t == u"weekdays") {
        return 0x1f;
    }
    if (t == u"weekends") {
        return 0x60;
    }
    int mask = 0;
    const QStringList items = t.split(u',', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QStringList ends = item.split(u'-');
        if (ends.size() > 2) {
            return std::nullopt;
        }
        const auto first = parseWeekday(ends.first());
        const auto last = parseWeekday(ends.last());
        if (!first || !last) {
            return std::nullopt;
        }
        // A range may wrap over the weekend: "fri-mon" is Friday to Monday.
        for (int day = *first;; day = day % 7 + 1) {
            mask |= 1 << (day - 1);
            if (day == *last) {
                break;
            }
        }
    }
    return mask == 0 ? std::nullopt : std::optional<int>(mask);
}

// "24h", "12h", "7d", "2w" to minutes; at most 52 weeks.
std::optional<int> parseLength(const QString &text)
{
    static const QRegularExpression re(u"^\\s*(\\d{1,4})\\s*([hdw])\\s*$"_s, QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const int n = match.captured(1).toInt();
    const QChar unit = match.captured(2).toLower().at(0);
    const int minutes = n * (unit == u'h' ? 60 : unit == u'd' ? 24 * 60 : 7 * 24 * 60);
    if (n <= 0 || minutes > 52 * 7 * 24 * 60) {
        return std::nullopt;
    }
    return minutes;
}

std::optional<QTime> parseTime(const QString &text)
{
    const QTime time = QTime::fromString(text.trimmed(), u"H:mm"_s);
    return time.isValid() ? std::optional<QTime>(time) : std::nullopt;
}

QStringList splitList(const QString &value)
{
    QStringList items;
    for (const QString &item : value.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty()) {
            items.append(item.trimmed());
        }
    }
    return items;
}

Error optionError(const QString &option, const QString &message)
{
    return Error{u"--%1: %2"_s.arg(option, message), option};
}

// The command-line option a service's Error::field stands for.
QString optionFor(const QString &field)
{
    static const QHash<QString, QString> options = {
        {Field::Name.toString(), u"name"_s},
        {Field::Team.toString(), u"team"_s},
        {Field::OpsPool.toString(), u"ops-pool"_s},
        {Field::TimeZone.toString(), u"timezone"_s},
        {Field::ShiftMinutes.toString(), u"length"_s},
        {Field::HandoffWeekday.toString(), u"handoff-day"_s},
        {Field::HandoffTime.toString(), u"handoff-time"_s},
        {Field::ActiveDays.toString(), u"days"_s},
        {Field::Windows.toString(), u"window"_s},
        {Field::StartDate.toString(), u"start"_s},
        {Field::MinRestHours.toString(), u"min-rest"_s},
        {Field::MaxShiftsPer4Weeks.toString(), u"max-per-4-weeks"_s},
        {Field::OpsConcurrency.toString(), u"ops-concurrency"_s},
        {Field::NewDevelopers.toString(), u"new-devs"_s},
        {Field::ForbiddenPairs.toString(), u"forbid"_s},
        {Field::WeekendWeight.toString(), u"weekend-weight"_s},
        {Field::HolidayWeight.toString(), u"holiday-weight"_s},
        {Field::NightWeight.toString(), u"night-weight"_s},
        {Field::FreezeDays.toString(), u"freeze-days"_s},
        {Field::LookbackWeeks.toString(), u"lookback-weeks"_s},
        {Field::ShadowShiftsNeeded.toString(), u"shadow-shifts"_s},
        {Field::Members.toString(), u"members"_s},
    };
    return options.value(field);
}

// "--length: A shift must last ..."; the name of a new rotation or pool is its NAME argument.
QString withOption(const Error &error, bool nameIsArgument)
{
    if (nameIsArgument && error.field == Field::Name) {
        return u"NAME: %1"_s.arg(error.message);
    }
    const QString option = optionFor(error.field);
    return option.isEmpty() ? error.message : u"--%1: %2"_s.arg(option, error.message);
}

// People by e-mail, for --members and --new-devs.
Result<QList<PersonId>> peopleByEmail(RosterService &roster, const QString &option, const QString &value)
{
    QList<PersonId> ids;
    for (const QString &email : splitList(value)) {
        const auto found = roster.personByEmail(email);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            return optionError(option, Cli::tr("nobody on the roster has the e-mail “%1”").arg(email));
        }
        ids.append(found.value()->id);
    }
    return ids;
}

// The values of --window: windows in the text form of domain/hourwindows.h, or a preset's name.
Result<QList<DailyWindow>> parseWindowOptions(const QStringList &values)
{
    static const QHash<QString, WindowPreset> presets = {
        {u"business-hours"_s, WindowPreset::BusinessHours},
        {u"nights"_s, WindowPreset::Nights},
        {u"weekends"_s, WindowPreset::Weekends},
    };
    QStringList entries;
    for (const QString &value : values) {
        for (const QString &entry : value.split(u';', Qt::SkipEmptyParts)) {
            const QString key = entry.trimmed().toLower();
            entries.append(presets.contains(key) ? windowsText(windowPreset(presets.value(key))) : entry);
        }
    }
    auto windows = parseWindows(entries.join(u';'));
    if (!windows) {
        return windows.error();
    }
    if (const QStringList problems = windowProblems(*windows); !problems.isEmpty()) {
        return Error{problems.first(), Field::Windows.toString()};
    }
    if (windows->isEmpty()) {
        return Error{Cli::tr("no window given (use --no-windows to run all the time)"), Field::Windows.toString()};
    }
    return windows;
}

/// The options of rotation add and rotation edit.
struct RotationOptions
{
    QCommandLineOption name{u"name"_s, Cli::tr("Rename the rotation to NEW."), u"NEW"_s};
    QCommandLineOption team{u"team"_s, Cli::tr("The team whose developers take the dev seat."), u"TEAM"_s};
    QCommandLineOption opsPool{u"ops-pool"_s, Cli::tr("The ops pool that fills the ops seat."), u"POOL"_s};
    QCommandLineOption timeZone{u"timezone"_s, Cli::tr("IANA zone of the handoffs (default: the team's)."), u"ZONE"_s};
    QCommandLineOption length{u"length"_s,
                              Cli::tr("Shift length: hours h, days d, weeks w, e.g. 24h, 12h, 7d, 2w (default 7d)."),
                              u"LENGTH"_s};
    QCommandLineOption handoffDay{u"handoff-day"_s, Cli::tr("Weekday of the handoff, mon..sun (default mon)."),
                                  u"DAY"_s};
    QCommandLineOption handoffTime{u"handoff-time"_s, Cli::tr("Local time of the handoff (default 09:00)."),
                                   u"HH:MM"_s};
    QCommandLineOption days{u"days"_s, Cli::tr("Days the rotation runs: all, mon-fri, mon,wed,fri (default all)."),
                            u"DAYS"_s};
    QCommandLineOption window{
        u"window"_s,
        Cli::tr("Hours the rotation runs, in its zone: \"Mon-Fri 09:00-17:00\", \"Mon-Sun 18:00-09:00\" (a night "
                "belongs to the day it starts), or business-hours, nights, weekends; repeat it or separate with ';'. "
                "Replaces the windows; shifts are cut at their edges (default: all the time)."),
        u"WINDOW"_s};
    QCommandLineOption noWindows{u"no-windows"_s, Cli::tr("Run all the time again: clear the hour windows.")};
    QCommandLineOption start{u"start"_s, Cli::tr("First day, YYYY-MM-DD (default today)."), u"DATE"_s};
    QCommandLineOption minRest{
        u"min-rest"_s, Cli::tr("Hours of rest between one person's shifts (-1: one shift length)."), u"HOURS"_s};
    QCommandLineOption maxPer4Weeks{u"max-per-4-weeks"_s,
                                    Cli::tr("At most N shifts per person in any 4 weeks (0: no limit)."), u"N"_s};
    QCommandLineOption opsConcurrency{u"ops-concurrency"_s,
                                      Cli::tr("Rotations one ops engineer may cover at once (default 1)."), u"N"_s};
    QCommandLineOption allowSamePair{u"allow-same-pair-consecutive"_s,
                                     Cli::tr("Let the same pair work two consecutive shifts.")};
    QCommandLineOption disallowSamePair{u"disallow-same-pair-consecutive"_s,
                                        Cli::tr("Never the same pair in two consecutive shifts (the default).")};
    QCommandLineOption swapsNeedApproval{u"swaps-need-approval"_s,
                                         Cli::tr("A lead approves swaps and covers the colleagues agreed on.")};
    QCommandLineOption swapsWithoutApproval{
        u"swaps-without-approval"_s, Cli::tr("Swaps and covers apply once the colleague accepts (the default).")};
    QCommandLineOption newDevs{
        u"new-devs"_s, Cli::tr("Developers who pair only with a senior ops engineer (empty: none)."), u"EMAIL,..."_s};
    QCommandLineOption forbid{u"forbid"_s, Cli::tr("Pairs that never share a shift (empty: none)."),
                              u"DEV_EMAIL:OPS_EMAIL,..."_s};
    QCommandLineOption weekendWeight{u"weekend-weight"_s, Cli::tr("Load of a weekend day (default 1.5)."), u"X"_s};
    QCommandLineOption holidayWeight{u"holiday-weight"_s, Cli::tr("Load of a public holiday (default 2.0)."), u"X"_s};
    QCommandLineOption nightWeight{u"night-weight"_s, Cli::tr("Factor on night hours, 22:00-06:00 (default 1.0)."),
                                   u"X"_s};
    QCommandLineOption freezeDays{u"freeze-days"_s, Cli::tr("Published shifts this close never move (default 14)."),
                                  u"N"_s};
    QCommandLineOption lookbackWeeks{u"lookback-weeks"_s,
                                     Cli::tr("Weeks of past shifts that count for fairness (default 26)."), u"N"_s};
    QCommandLineOption shadowShifts{
        u"shadow-shifts"_s,
        Cli::tr("Shadow shifts a new developer does before joining (0: no onboarding; see rotation onboard)."), u"N"_s};

    QList<QCommandLineOption> forCommand(bool adding) const
    {
        QList<QCommandLineOption> list{team,
                                       opsPool,
                                       timeZone,
                                       length,
                                       handoffDay,
                                       handoffTime,
                                       days,
                                       window,
                                       noWindows,
                                       start,
                                       minRest,
                                       maxPer4Weeks,
                                       opsConcurrency,
                                       allowSamePair,
                                       disallowSamePair,
                                       newDevs,
                                       forbid,
                                       weekendWeight,
                                       holidayWeight,
                                       nightWeight,
                                       freezeDays,
                                       lookbackWeeks,
                                       shadowShifts,
                                       swapsNeedApproval,
                                       swapsWithoutApproval};
        if (!adding) {
            list.prepend(name);
        }
        return list;
    }
};

// Applies the options given to `r`; an Error's message already names the option.
Result<Rotation> applyRotationOptions(const QCommandLineParser &parser, const RotationOptions &o, Database &db,
                                      Rotation r, bool adding)
{
    RosterService roster(db);
    RotationService rotations(db);
    if (!adding && parser.isSet(o.name)) {
        r.name = parser.value(o.name);
    }
    if (parser.isSet(o.team)) {
        const auto team = roster.teamByName(parser.value(o.team));
        if (!team) {
            return team.error();
        }
        if (!team.value()) {
            return optionError(u"team"_s, Cli::tr("no team named “%1”").arg(parser.value(o.team)));
        }
        r.teamId = team.value()->id;
        if (adding && !parser.isSet(o.timeZone)) {
            r.timeZone = team.value()->timeZone;
        }
    }
    if (parser.isSet(o.opsPool)) {
        const auto pool = rotations.poolByName(parser.value(o.opsPool));
        if (!pool) {
            return pool.error();
        }
        if (!pool.value()) {
            return optionError(u"ops-pool"_s, Cli::tr("no ops pool named “%1”").arg(parser.value(o.opsPool)));
        }
        r.opsPoolId = pool.value()->id;
    }
    if (parser.isSet(o.timeZone)) {
        r.timeZone = parser.value(o.timeZone).trimmed();
    }
    if (parser.isSet(o.length)) {
        const auto minutes = parseLength(parser.value(o.length));
        if (!minutes) {
            return optionError(
                u"length"_s, Cli::tr("“%1” is not a shift length (use e.g. 24h, 12h, 7d)").arg(parser.value(o.length)));
        }
        r.shiftMinutes = *minutes;
    }
    if (parser.isSet(o.handoffDay)) {
        const auto day = parseWeekday(parser.value(o.handoffDay));
        if (!day) {
            return optionError(u"handoff-day"_s,
                               Cli::tr("“%1” is not a weekday (use mon, tue, wed, thu, fri, sat or sun)")
                                   .arg(parser.value(o.handoffDay)));
        }
        r.handoffWeekday = *day;
    }
    if (parser.isSet(o.handoffTime)) {
        const auto time = parseTime(parser.value(o.handoffTime));
        if (!time) {
            return optionError(
                u"handoff-time"_s,
                Cli::tr("“%1” is not a time of day (use HH:MM, e.g. 09:00)").arg(parser.value(o.handoffTime)));
        }
        r.handoffTime = *time;
    }
    if (parser.isSet(o.days)) {
        const auto mask = parseDays(parser.value(o.days));
        if (!mask) {
            return optionError(
                u"days"_s,
                Cli::tr("“%1” is not a set of days (use all, mon-fri or mon,wed,fri)").arg(parser.value(o.days)));
        }
        r.activeDays = *mask;
    }
    if (parser.isSet(o.window) && parser.isSet(o.noWindows)) {
        return optionError(u"window"_s, Cli::tr("give either --window or --no-windows, not both"));
    }
    if (parser.isSet(o.noWindows)) {
        r.windows.clear();
    }
    if (parser.isSet(o.window)) {
        auto windows = parseWindowOptions(parser.values(o.window));
        if (!windows) {
            return optionError(u"window"_s, windows.errorMessage());
        }
        r.windows = windows.value();
    }
    if (parser.isSet(o.start)) {
        const QDate date = parseDay(parser.value(o.start).trimmed());
        if (!date.isValid()) {
            return optionError(u"start"_s,
                               Cli::tr("“%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(o.start)));
        }
        r.startDate = date;
    } else if (adding) {
        // Today where the handoffs happen.
        const QTimeZone zone(r.timeZone.toUtf8());
        const QDateTime now = db.clock().now();
        r.startDate = zone.isValid() ? now.toTimeZone(zone).date() : now.date();
    }
    const struct
    {
        const QCommandLineOption &option;
        int *target;
    } integers[] = {{o.minRest, &r.rules.minRestHours},          {o.maxPer4Weeks, &r.rules.maxShiftsPer4Weeks},
                    {o.opsConcurrency, &r.rules.opsConcurrency}, {o.freezeDays, &r.rules.freezeDays},
                    {o.lookbackWeeks, &r.rules.lookbackWeeks},   {o.shadowShifts, &r.rules.shadowShiftsNeeded}};
    for (const auto &i : integers) {
        if (parser.isSet(i.option)) {
            bool ok = false;
            const int value = parser.value(i.option).trimmed().toInt(&ok);
            if (!ok) {
                return optionError(i.option.names().first(),
                                   Cli::tr("“%1” is not a whole number").arg(parser.value(i.option)));
            }
            *i.target = value;
        }
    }
    const struct
    {
        const QCommandLineOption &option;
        double *target;
    } reals[] = {{o.weekendWeight, &r.rules.weekendWeight},
                 {o.holidayWeight, &r.rules.holidayWeight},
                 {o.nightWeight, &r.rules.nightWeight}};
    for (const auto &x : reals) {
        if (parser.isSet(x.option)) {
            const auto value = parseFinite(parser.value(x.option));
            if (!value) {
                return optionError(x.option.names().first(),
                                   Cli::tr("“%1” is not a number").arg(parser.value(x.option)));
            }
            *x.target = *value;
        }
    }
    if (parser.isSet(o.allowSamePair) && parser.isSet(o.disallowSamePair)) {
        return optionError(u"allow-same-pair-consecutive"_s,
                           Cli::tr("cannot be given with --disallow-same-pair-consecutive"));
    }
    if (parser.isSet(o.allowSamePair)) {
        r.rules.noSamePairConsecutive = false;
    }
    if (parser.isSet(o.disallowSamePair)) {
        r.rules.noSamePairConsecutive = true;
    }
    if (parser.isSet(o.swapsNeedApproval) && parser.isSet(o.swapsWithoutApproval)) {
        return optionError(u"swaps-need-approval"_s, Cli::tr("cannot be given with --swaps-without-approval"));
    }
    if (parser.isSet(o.swapsNeedApproval) || parser.isSet(o.swapsWithoutApproval)) {
        r.rules.swapsNeedApproval = parser.isSet(o.swapsNeedApproval);
    }
    if (parser.isSet(o.newDevs)) {
        auto ids = peopleByEmail(roster, u"new-devs"_s, parser.value(o.newDevs));
        if (!ids) {
            return ids.error();
        }
        r.rules.newDevelopers = ids.value();
    }
    if (parser.isSet(o.forbid)) {
        r.rules.forbiddenPairs.clear();
        for (const QString &item : splitList(parser.value(o.forbid))) {
            const QStringList emails = item.split(u':');
            if (emails.size() != 2) {
                return optionError(u"forbid"_s, Cli::tr("“%1” is not a pair DEV_EMAIL:OPS_EMAIL").arg(item));
            }
            auto dev = peopleByEmail(roster, u"forbid"_s, emails.at(0));
            if (!dev) {
                return dev.error();
            }
            auto ops = peopleByEmail(roster, u"forbid"_s, emails.at(1));
            if (!ops) {
                return ops.error();
            }
            if (dev->size() != 1 || ops->size() != 1) {
                return optionError(u"forbid"_s, Cli::tr("“%1” is not a pair DEV_EMAIL:OPS_EMAIL").arg(item));
            }
            r.rules.forbiddenPairs.append({dev->first(), ops->first()});
        }
    }
    return r;
}

class PoolAdd final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    PoolAdd()
        : DatabaseCommand({u"pool"_s, u"add"_s}, u"pool add NAME --members EMAIL[,EMAIL...]"_s,
                          tr("Create an ops pool: people with production access who fill the ops seat."))
    {
        setDescription(tr("Create an ops pool: the people with production access who fill the ops seat "
                          "of the rotations that use it. Several rotations may share a pool."));
        addOptions({m_members});
        addArgument(u"NAME"_s, tr("The pool's name, e.g. \"Payments ops\"."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("pool add needs exactly one NAME"));
        }
        if (!parser.isSet(m_members)) {
            return usage(tr("pool add needs --members"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_members{u"members"_s, tr("The members' e-mails, separated by commas."),
                                       u"EMAIL[,EMAIL...]"_s};
};

class PoolEdit final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    PoolEdit()
        : DatabaseCommand({u"pool"_s, u"edit"_s}, u"pool edit NAME [--name NEW] [--members EMAIL[,EMAIL...]]"_s,
                          tr("Rename an ops pool or replace its members."))
    {
        setDescription(tr("Rename an ops pool or replace its members; only the options given change."));
        addOptions({m_name, m_members});
        addArgument(u"NAME"_s, tr("The pool to change."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("pool edit needs exactly one NAME"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_name{u"name"_s, tr("Rename the pool to NEW."), u"NEW"_s};
    const QCommandLineOption m_members{u"members"_s, tr("The new members' e-mails, separated by commas."),
                                       u"EMAIL[,EMAIL...]"_s};
};

class PoolList final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    PoolList()
        : DatabaseCommand({u"pool"_s, u"list"_s}, u"pool list [--json]"_s,
                          tr("List the ops pools, their members and rotations."))
    {
        setDescription(tr("List the ops pools with their members and the rotations that use them."));
        addOptions({m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("pool list takes no arguments"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array (format in the README).")};
};

class PoolRemove final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    PoolRemove()
        : DatabaseCommand({u"pool"_s, u"remove"_s}, u"pool remove NAME"_s,
                          tr("Delete an ops pool that no rotation uses."))
    {
        setDescription(tr("Delete an ops pool. Refused while a rotation uses it."));
        addArgument(u"NAME"_s, tr("The pool to delete."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("pool remove needs exactly one NAME"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;
};

/// rotation add and rotation edit: one set of options, NAME a new rotation's or the one to change.
class RotationAddOrEdit final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    explicit RotationAddOrEdit(bool adding)
        : DatabaseCommand({u"rotation"_s, adding ? u"add"_s : u"edit"_s},
                          adding ? u"rotation add NAME --team TEAM --ops-pool POOL [OPTIONS]"_s
                                 : u"rotation edit NAME [--name NEW] [OPTIONS]"_s,
                          adding ? tr("Create a rotation; rotation add --help lists its shape and rule options.")
                                 : tr("Change a rotation; only the options given change.")),
          m_adding(adding)
    {
        setDescription(adding
                           ? tr("Create a rotation of a team: the developer seat draws from the team's active "
                                "developers, the ops seat from the ops pool. Lengths take h (hours), d (days) or w "
                                "(weeks); days take all, mon-fri or mon,wed,fri; --window limits the hours (business "
                                "hours, nights) and cuts the shifts there.")
                           : tr("Change a rotation; only the options given change."));
        addOptions(m_options.forCommand(adding));
        addArgument(u"NAME"_s,
                    adding ? tr("The rotation's name, e.g. \"Payments on call\".") : tr("The rotation to change."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("%1 needs exactly one NAME").arg(name()));
        }
        if (m_adding) {
            for (const QCommandLineOption &required : {m_options.team, m_options.opsPool}) {
                if (!parser.isSet(required)) {
                    return usage(tr("rotation add needs --%1").arg(required.names().first()));
                }
            }
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const bool m_adding;
    const RotationOptions m_options;
};

int RotationAddOrEdit::runOn(const QCommandLineParser &parser, Database &db)
{
    RotationService rotations(db);
    const QString name = parser.positionalArguments().first();
    Rotation rotation;
    if (m_adding) {
        rotation.name = name;
    } else {
        const auto found = rotations.rotationByName(name);
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("no rotation named “%1”").arg(name));
        }
        rotation = *found.value();
    }
    auto applied = applyRotationOptions(parser, m_options, db, rotation, m_adding);
    if (!applied) {
        return fail(applied.errorMessage());
    }
    if (m_adding) {
        const auto added = rotations.addRotation(applied.value());
        if (!added) {
            return fail(withOption(added.error(), true));
        }
        rotation = added.value();
    } else {
        if (auto status = rotations.updateRotation(applied.value()); !status) {
            return fail(withOption(status.error(), false));
        }
        rotation = rotations.rotation(rotation.id)->value();
    }
    print(tr("%1: %2, from %3\n")
              .arg(rotation.name, rotationShapeWords(rotation), rotation.startDate.toString(Qt::ISODate)));
    return ExitOk;
}

class RotationList final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    RotationList() : DatabaseCommand({u"rotation"_s, u"list"_s}, u"rotation list [--json]"_s, tr("List the rotations."))
    {
        setDescription(tr("List the rotations."));
        addOptions({m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("rotation list takes no arguments"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array (format in the README).")};
};

class RotationShow final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    RotationShow()
        : DatabaseCommand({u"rotation"_s, u"show"_s}, u"rotation show NAME [--json]"_s,
                          tr("Show every setting of a rotation in words."))
    {
        setDescription(tr("Show every setting of a rotation in words."));
        addOptions({m_json});
        addArgument(u"NAME"_s, tr("The rotation."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("rotation show needs exactly one NAME"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON object (format in the README).")};
};

class RotationRemove final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    RotationRemove()
        : DatabaseCommand({u"rotation"_s, u"remove"_s}, u"rotation remove NAME"_s,
                          tr("Take a rotation out of use; past shifts stay, shifts not yet started are deleted."))
    {
        setDescription(tr("Take a rotation out of use. Its past shifts and the one under way stay; "
                          "shifts that have not started are deleted."));
        addArgument(u"NAME"_s, tr("The rotation."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("rotation remove needs exactly one NAME"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;
};

class ShiftsList final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ShiftsList()
        : DatabaseCommand({u"shifts"_s, u"list"_s},
                          u"shifts list [--rotation NAME] [--from DATE] [--to DATE] [--json]"_s,
                          tr("List shifts overlapping the days (default: today and the next 4 weeks)."))
    {
        setDescription(
            tr("List the shifts that overlap the days from --from to --to (both included; default today and the next 4 "
               "weeks), in the rotation's time zone, or the local one across rotations."));
        addOptions({m_rotation, m_from, m_to, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("shifts list takes no arguments"));
        }
        if (parser.isSet(m_from)) {
            m_fromDate = parseDay(parser.value(m_from).trimmed());
            if (!m_fromDate.isValid()) {
                return fail(tr("--from: “%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(m_from)));
            }
        }
        if (parser.isSet(m_to)) {
            m_toDate = parseDay(parser.value(m_to).trimmed());
            if (!m_toDate.isValid()) {
                return fail(tr("--to: “%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(m_to)));
            }
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_rotation{u"rotation"_s, tr("Only the shifts of rotation NAME."), u"NAME"_s};
    const QCommandLineOption m_from{u"from"_s, tr("First day (YYYY-MM-DD; default today)."), u"DATE"_s};
    const QCommandLineOption m_to{u"to"_s, tr("Last day, included (YYYY-MM-DD; default 4 weeks after --from)."),
                                  u"DATE"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array (format in the README).")};
    QDate m_fromDate; ///< --from, read by check(); invalid: today in the zone shown
    QDate m_toDate;   ///< --to; invalid: 4 weeks after --from
};

int PoolAdd::runOn(const QCommandLineParser &parser, Database &db)
{
    RosterService roster(db);
    auto ids = peopleByEmail(roster, u"members"_s, parser.value(m_members));
    if (!ids) {
        return fail(ids.errorMessage());
    }
    const auto added = RotationService(db).addPool(OpsPool{{}, parser.positionalArguments().first(), ids.value()});
    if (!added) {
        return fail(withOption(added.error(), true));
    }
    print(tr("Ops pool %1: %n member(s)\n", nullptr, int(added->members.size())).arg(added->name));
    return ExitOk;
}

int PoolEdit::runOn(const QCommandLineParser &parser, Database &db)
{
    RotationService rotations(db);
    const QString poolName = parser.positionalArguments().first();
    const auto found = rotations.poolByName(poolName);
    if (!found) {
        return fail(found.errorMessage());
    }
    if (!found.value()) {
        return fail(tr("no ops pool named “%1”").arg(poolName));
    }
    OpsPool pool = *found.value();
    if (parser.isSet(m_name)) {
        pool.name = parser.value(m_name);
    }
    if (parser.isSet(m_members)) {
        RosterService roster(db);
        auto ids = peopleByEmail(roster, u"members"_s, parser.value(m_members));
        if (!ids) {
            return fail(ids.errorMessage());
        }
        pool.members = ids.value();
    }
    if (auto status = rotations.updatePool(pool); !status) {
        return fail(withOption(status.error(), false));
    }
    print(tr("Ops pool %1: %n member(s)\n", nullptr, int(rotations.pool(pool.id)->value().members.size()))
              .arg(pool.name.trimmed()));
    return ExitOk;
}

int PoolList::runOn(const QCommandLineParser &parser, Database &db)
{
    RosterService roster(db);
    RotationService rotations(db);
    const auto pools = rotations.pools();
    const auto used = rotations.rotations();
    if (!pools || !used) {
        return fail(pools ? used.errorMessage() : pools.errorMessage());
    }
    QJsonArray array;
    QList<QStringList> rows;
    for (const OpsPool &pool : pools.value()) {
        QStringList emails;
        QStringList names;
        for (const PersonId &id : pool.members) {
            const auto person = roster.person(id);
            const std::optional<Person> p = person ? person.value() : std::nullopt;
            emails.append(p ? p->email : id.toString());
            names.append(p ? p->name : id.toString());
        }
        QStringList users;
        for (const Rotation &r : used.value()) {
            if (r.opsPoolId == pool.id) {
                users.append(r.name);
            }
        }
        if (parser.isSet(m_json)) {
            QJsonObject object = toJson(pool);
            object.insert(u"member_emails"_s, QJsonArray::fromStringList(emails));
            object.insert(u"member_names"_s, QJsonArray::fromStringList(names));
            object.insert(u"rotation_names"_s, QJsonArray::fromStringList(users));
            array.append(object);
        } else {
            rows.append({pool.name, names.join(u", "_s), users.isEmpty() ? u"-"_s : users.join(u", "_s)});
        }
    }
    if (parser.isSet(m_json)) {
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    } else {
        print(table({tr("NAME"), tr("MEMBERS"), tr("ROTATIONS")}, rows));
    }
    return ExitOk;
}

int PoolRemove::runOn(const QCommandLineParser &parser, Database &db)
{
    RotationService rotations(db);
    const auto found = rotations.poolByName(parser.positionalArguments().first());
    if (!found || !found.value()) {
        return fail(found ? tr("no ops pool named “%1”").arg(parser.positionalArguments().first())
                          : found.errorMessage());
    }
    if (auto status = rotations.removePool(found.value()->id); !status) {
        return fail(status.errorMessage());
    }
    print(tr("Removed ops pool %1\n").arg(found.value()->name));
    return ExitOk;
}

int RotationList::runOn(const QCommandLineParser &parser, Database &db)
{
    const auto rotations = RotationService(db).rotations();
    if (!rotations) {
        return fail(rotations.errorMessage());
    }
    const auto context = rotationContext(db);
    if (!context) {
        return fail(context.errorMessage());
    }
    QJsonArray array;
    QList<QStringList> rows;
    for (const Rotation &r : rotations.value()) {
        if (parser.isSet(m_json)) {
            array.append(rotationJson(r, context.value()));
        } else {
            rows.append({r.name, context->teams.value(r.teamId).name, context->pools.value(r.opsPoolId).name,
                         rotationShapeWords(r), r.startDate.toString(Qt::ISODate)});
        }
    }
    if (parser.isSet(m_json)) {
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    } else {
        print(table({tr("NAME"), tr("TEAM"), tr("OPS POOL"), tr("SHIFTS"), tr("START")}, rows));
    }
    return ExitOk;
}

int RotationShow::runOn(const QCommandLineParser &parser, Database &db)
{
    const QString name = parser.positionalArguments().first();
    const auto found = RotationService(db).rotationByName(name);
    if (!found) {
        return fail(found.errorMessage());
    }
    if (!found.value()) {
        return fail(tr("no rotation named “%1”").arg(name));
    }
    const Rotation &r = *found.value();
    auto context = rotationContext(db);
    if (!context) {
        return fail(context.errorMessage());
    }
    RotationContext &c = context.value();
    if (parser.isSet(m_json)) {
        print(QString::fromUtf8(QJsonDocument(rotationJson(r, c)).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QList<PersonId> developers;
    for (const Person &p : std::as_const(c.people)) {
        if (p.teams.contains(r.teamId) && p.role == Role::Developer && p.active && !r.rules.trainees.contains(p.id)) {
            developers.append(p.id);
        }
    }
    std::sort(developers.begin(), developers.end(), [&c](PersonId a, PersonId b) {
        return c.people.value(a).name.compare(c.people.value(b).name, Qt::CaseInsensitive) < 0;
    });
    const OpsPool pool = c.pools.value(r.opsPoolId);
    const RotationRules &rules = r.rules;
    QStringList forbidden;
    for (const auto &pair : rules.forbiddenPairs) {
        forbidden.append(tr("%1 with %2").arg(personName(db, c, pair.first), personName(db, c, pair.second)));
    }
    const QList<QPair<QString, QString>> lines = {
        {tr("team"), c.teams.value(r.teamId).name},
        {tr("shifts"), rotationShapeWords(r)},
        {tr("hours"), r.windows.isEmpty() ? tr("all the time") : windowsText(r.windows)},
        {tr("starts"), u"%1 %2"_s.arg(dayName(r.startDate.dayOfWeek()), r.startDate.toString(Qt::ISODate))},
        {tr("developers"), tr("the team's active developers: %1").arg(namesOf(db, c, developers))},
        {tr("ops pool"), u"%1: %2"_s.arg(pool.name, namesOf(db, c, pool.members))},
        {tr("rest"), rules.minRestHours < 0 ? tr("one shift length between a person's shifts (no back-to-back)")
                     : rules.minRestHours == 0
                         ? tr("none required (back-to-back shifts allowed)")
                         : tr("at least %1 hours between a person's shifts").arg(rules.minRestHours)},
        {tr("per person"), rules.maxShiftsPer4Weeks == 0
                               ? tr("no limit on shifts in 4 weeks")
                               : tr("at most %n shift(s) in any 4 weeks", nullptr, rules.maxShiftsPer4Weeks)},
        {tr("ops concurrency"),
         tr("an ops engineer covers at most %n rotation(s) at a time", nullptr, rules.opsConcurrency)},
        {tr("same pair"),
         rules.noSamePairConsecutive ? tr("never in two consecutive shifts") : tr("may work consecutive shifts")},
        {tr("swaps"), rules.swapsNeedApproval ? tr("a lead approves what colleagues agree on")
                                              : tr("apply once the colleague accepts")},
        {tr("new developers"),
         rules.newDevelopers.isEmpty()
             ? tr("none")
             : tr("%1 (pair only with a senior ops engineer)").arg(namesOf(db, c, rules.newDevelopers))},
        {tr("forbidden pairs"), forbidden.isEmpty() ? tr("none") : forbidden.join(u"; "_s)},
        {tr("onboarding"),
         rules.shadowShiftsNeeded == 0 && rules.trainees.isEmpty()
             ? tr("none")
             : tr("%n shadow shift(s) before joining; shadowing now: %1", nullptr, rules.shadowShiftsNeeded)
                   .arg(rules.trainees.isEmpty() ? tr("nobody") : namesOf(db, c, rules.trainees))},
        {tr("weights"), tr("weekend day %1, public holiday %2, night hours %3-%4 %5")
                            .arg(formatNumber(rules.weekendWeight), formatNumber(rules.holidayWeight),
                                 rules.nightStart.toString(u"HH:mm"_s), rules.nightEnd.toString(u"HH:mm"_s),
                                 formatNumber(rules.nightWeight))},
        {tr("freeze"), tr("published shifts starting within %n day(s) never move", nullptr, rules.freezeDays)},
        {tr("look-back"), tr("%n week(s) of past shifts count for fairness", nullptr, rules.lookbackWeeks)},
    };
    // The values in one column, at least one space after the longest label (a translation's).
    qsizetype width = 17;
    for (const auto &line : lines) {
        width = std::max(width, line.first.size() + 2);
    }
    QString text = r.name + u'\n';
    for (const auto &line : lines) {
        text += u"  "_s + padded(line.first + u':', width) + line.second + u'\n';
    }
    print(text);
    return ExitOk;
}

int RotationRemove::runOn(const QCommandLineParser &parser, Database &db)
{
    RotationService rotations(db);
    const auto found = rotations.rotationByName(parser.positionalArguments().first());
    if (!found || !found.value()) {
        return fail(found ? tr("no rotation named “%1”").arg(parser.positionalArguments().first())
                          : found.errorMessage());
    }
    if (auto status = rotations.removeRotation(found.value()->id); !status) {
        return fail(status.errorMessage());
    }
    print(tr("Removed rotation %1\n").arg(found.value()->name));
    return ExitOk;
}

int ShiftsList::runOn(const QCommandLineParser &parser, Database &db)
{
    RotationService rotations(db);
    QTimeZone zone = QTimeZone::systemTimeZone();
    RotationId only;
    if (parser.isSet(m_rotation)) {
        const auto found = rotations.rotationByName(parser.value(m_rotation));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("--rotation: no rotation named “%1”").arg(parser.value(m_rotation)));
        }
        only = found.value()->id;
        zone = QTimeZone(found.value()->timeZone.toUtf8());
    }
    if (!m_fromDate.isValid()) {
        m_fromDate = db.clock().now().toTimeZone(zone).date();
    }
    if (!m_toDate.isValid()) {
        m_toDate = m_fromDate.addDays(28);
    }
    if (m_toDate < m_fromDate) {
        return fail(
            tr("--to: %1 is before --from %2").arg(m_toDate.toString(Qt::ISODate), m_fromDate.toString(Qt::ISODate)));
    }
    const auto shifts = rotations.shifts(QDateTime(m_fromDate, QTime(0, 0), zone),
                                         QDateTime(m_toDate.addDays(1), QTime(0, 0), zone), only);
    if (!shifts) {
        return fail(shifts.errorMessage());
    }
    auto context = rotationContext(db);
    if (!context) {
        return fail(context.errorMessage());
    }
    // The rotations in one query and each zone once: thousands of rows share a hundred of them.
    QHash<RotationId, Rotation> rotationById;
    QHash<RotationId, QTimeZone> zoneById;
    if (const auto all = rotations.rotations()) {
        for (const Rotation &r : all.value()) {
            rotationById.insert(r.id, r);
        }
    }
    QJsonArray array;
    QList<QStringList> rows;
    bool anyShadow = false;
    for (const Shift &s : shifts.value()) {
        if (!rotationById.contains(s.rotationId)) {
            const auto r = rotations.rotation(s.rotationId);
            rotationById.insert(s.rotationId, r && r.value() ? *r.value() : Rotation{});
        }
        const Rotation &r = rotationById[s.rotationId];
        auto zoneAt = zoneById.find(s.rotationId);
        if (zoneAt == zoneById.end()) {
            zoneAt = zoneById.insert(s.rotationId, QTimeZone(r.timeZone.toUtf8()));
        }
        const QTimeZone &rotationZone = zoneAt.value();
        const QDateTime start = rotationZone.isValid() ? s.start.toTimeZone(rotationZone) : s.start;
        const QDateTime end = rotationZone.isValid() ? s.end.toTimeZone(rotationZone) : s.end;
        const QString dev = personName(db, context.value(), s.dev);
        const QString ops = personName(db, context.value(), s.ops);
        const QString shadow = s.shadow.isNull() ? QString() : personName(db, context.value(), s.shadow);
        anyShadow = anyShadow || !s.shadow.isNull();
        if (parser.isSet(m_json)) {
            auto email = [&context](PersonId id) {
                return id.isNull() ? QJsonValue() : QJsonValue(context->people.value(id).email);
            };
            auto name = [](PersonId id, const QString &text) { return id.isNull() ? QJsonValue() : QJsonValue(text); };
            QJsonObject object = toJson(s);
            object.insert(u"rotation_name"_s, r.name);
            object.insert(u"dev_email"_s, email(s.dev));
            object.insert(u"dev_name"_s, name(s.dev, dev));
            object.insert(u"ops_email"_s, email(s.ops));
            object.insert(u"ops_name"_s, name(s.ops, ops));
            if (!s.shadow.isNull()) {
                object.insert(u"shadow_email"_s, email(s.shadow));
                object.insert(u"shadow_name"_s, shadow);
            }
            object.insert(u"start_local"_s, start.toString(Qt::ISODate));
            object.insert(u"end_local"_s, end.toString(Qt::ISODate));
            array.append(object);
        } else {
            const QString gap = tr("— gap —");
            rows.append({r.name, dayAndTime(start), dayAndTime(end), r.timeZone, s.dev.isNull() ? gap : dev,
                         s.ops.isNull() ? gap : ops, shiftStateWords(s.state), shadow});
        }
    }
    if (parser.isSet(m_json)) {
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    } else if (rows.isEmpty()) {
        print(tr("No shifts from %1 to %2.\n").arg(m_fromDate.toString(Qt::ISODate), m_toDate.toString(Qt::ISODate)));
    } else {
        QStringList header{tr("ROTATION"), tr("START"), tr("END"), tr("ZONE"), tr("DEV"), tr("OPS"), tr("STATE")};
        // The shadow column only when someone shadows (onboarding): the table stays as it was otherwise.
        if (anyShadow) {
            header << tr("SHADOW");
        } else {
            for (QStringList &row : rows) {
                row.removeLast();
            }
        }
        print(table(header, rows));
    }
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> poolAddCommand()
{
    return std::make_unique<PoolAdd>();
}

std::unique_ptr<Command> poolEditCommand()
{
    return std::make_unique<PoolEdit>();
}

std::unique_ptr<Command> poolListCommand()
{
    return std::make_unique<PoolList>();
}

std::unique_ptr<Command> poolRemoveCommand()
{
    return std::make_unique<PoolRemove>();
}

std::unique_ptr<Command> rotationAddCommand()
{
    return std::make_unique<RotationAddOrEdit>(true);
}

std::unique_ptr<Command> rotationEditCommand()
{
    return std::make_unique<RotationAddOrEdit>(false);
}

std::unique_ptr<Command> rotationListCommand()
{
    return std::make_unique<RotationList>();
}

std::unique_ptr<Command> rotationShowCommand()
{
    return std::make_unique<RotationShow>();
}

std::unique_ptr<Command> rotationRemoveCommand()
{
    return std::make_unique<RotationRemove>();
}

std::unique_ptr<Command> shiftsListCommand()
{
    return std::make_unique<ShiftsList>();
}

} // namespace Tandem
