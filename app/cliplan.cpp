// The planning commands: `tandem plan` and `tandem report fairness`.

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "domain/serialize.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "services/validation.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

namespace {

// The JSON's value of a change ("changes" keys, a shift's "change").
QString changeName(Planner::Change change)
{
    switch (change) {
    case Planner::Change::Added:
        return u"added"_s;
    case Planner::Change::Changed:
        return u"changed"_s;
    case Planner::Change::Unchanged:
        return u"unchanged"_s;
    case Planner::Change::Fixed:
        return u"fixed"_s;
    case Planner::Change::Removed:
        return u"removed"_s;
    }
    return {};
}

// A change in words, for the text output.
QString changeWords(Planner::Change change)
{
    switch (change) {
    case Planner::Change::Added:
        return Cli::tr("added");
    case Planner::Change::Changed:
        return Cli::tr("changed");
    case Planner::Change::Unchanged:
        return Cli::tr("unchanged");
    case Planner::Change::Fixed:
        return Cli::tr("fixed");
    case Planner::Change::Removed:
        return Cli::tr("removed");
    }
    return {};
}

QString localText(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return dayAndTime(tz.isValid() ? utc.toTimeZone(tz) : utc);
}

QString localIso(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return (tz.isValid() ? utc.toTimeZone(tz) : utc).toString(Qt::ISODate);
}

QJsonObject objectiveJson(const Planner::Objective &o)
{
    return QJsonObject{{u"max_deviation"_s, o.maxDeviation},
                       {u"sum_squares"_s, o.sumSquares},
                       {u"max_pair_count"_s, o.maxPairCount},
                       {u"distinct_pairs"_s, o.distinctPairs},
                       {u"min_spacing_hours"_s, o.minSpacingHours}};
}

QJsonObject fairnessJson(Database &db, RotationContext &context, const Planner::FairnessSummary &summary)
{
    auto email = [&](PersonId id) {
        personName(db, context, id);
        return context.people.value(id).email;
    };
    QJsonArray people;
    for (const Planner::PersonFigures &f : summary.people) {
        QJsonObject partners;
        for (auto it = f.partners.cbegin(); it != f.partners.cend(); ++it) {
            partners.insert(email(it.key()), it.value());
        }
        people.append(QJsonObject{{u"email"_s, email(f.person)},
                                  {u"name"_s, personName(db, context, f.person)},
                                  {u"role"_s, roleToString(f.role)},
                                  {u"pool"_s, f.pool},
                                  {u"shifts"_s, f.shifts},
                                  {u"load"_s, f.load},
                                  {u"fair_share"_s, f.fairShare},
                                  {u"deviation"_s, f.load - f.fairShare},
                                  {u"weekends"_s, f.weekends},
                                  {u"holidays"_s, f.holidays},
                                  {u"nights"_s, f.nights},
                                  {u"partners"_s, partners}});
    }
    QJsonArray pools;
    for (const Planner::PoolFigures &p : summary.pools) {
        QJsonObject pool{
            {u"name"_s, p.name},        {u"role"_s, roleToString(p.role)},    {u"min_load"_s, p.minLoad},
            {u"max_load"_s, p.maxLoad}, {u"spread"_s, p.maxLoad - p.minLoad}, {u"max_deviation"_s, p.maxDeviation}};
        // What the planner proved about max_deviation: "optimal", "bound" (no plan goes below
        // "bound") or "none".
        pool.insert(u"proof"_s, p.proof == Planner::PoolFigures::Proof::Optimal   ? u"optimal"_s
                                : p.proof == Planner::PoolFigures::Proof::Bounded ? u"bound"_s
                                                                                  : u"none"_s);
        if (p.proof != Planner::PoolFigures::Proof::None) {
            pool.insert(u"bound"_s, p.bound);
        }
        // A re-plan of the fewest changes: the largest deviation of the fairest plan its search found.
        if (p.fairest >= 0) {
            pool.insert(u"fairest"_s, p.fairest);
        }
        pools.append(pool);
    }
    QJsonArray pairs;
    for (auto it = summary.pairs.cbegin(); it != summary.pairs.cend(); ++it) {
        pairs.append(QJsonObject{
            {u"dev"_s, email(it.key().first)}, {u"ops"_s, email(it.key().second)}, {u"shifts"_s, it.value()}});
    }
    return QJsonObject{{u"objective"_s, objectiveJson(summary.objective)},
                       {u"people"_s, people},
                       {u"pools"_s, pools},
                       {u"pairs"_s, pairs}};
}

QString fairnessText(Database &db, RotationContext &context, const Planner::FairnessSummary &summary)
{
    QList<QStringList> rows;
    for (const Planner::PersonFigures &f : summary.people) {
        rows.append({personName(db, context, f.person), f.pool, QString::number(f.shifts),
                     QString::number(f.load, 'f', 1), QString::number(f.fairShare, 'f', 1),
                     QString::number(f.load - f.fairShare, 'f', 1), QString::number(f.weekends),
                     QString::number(f.holidays), QString::number(f.nights), QString::number(f.partners.size())});
    }
    QString text =
        table({Cli::tr("NAME"), Cli::tr("POOL"), Cli::tr("SHIFTS"), Cli::tr("LOAD"), Cli::tr("SHARE"),
               Cli::tr("DEVIATION"), Cli::tr("WEEKENDS"), Cli::tr("HOLIDAYS"), Cli::tr("NIGHTS"), Cli::tr("PARTNERS")},
              rows);
    text += u'\n';
    for (const Planner::PoolFigures &p : summary.pools) {
        text += Cli::tr("%1: load %2 to %3 (spread %4), largest deviation from fair share %5\n")
                    .arg(p.name, formatNumber(p.minLoad), formatNumber(p.maxLoad), formatNumber(p.maxLoad - p.minLoad),
                         QString::number(p.maxDeviation, 'f', 2));
    }
    // The dev x ops pair matrix: how often each pair shares a shift.
    QList<PersonId> devs;
    QList<PersonId> ops;
    for (auto it = summary.pairs.cbegin(); it != summary.pairs.cend(); ++it) {
        if (!devs.contains(it.key().first)) {
            devs.append(it.key().first);
        }
        if (!ops.contains(it.key().second)) {
            ops.append(it.key().second);
        }
    }
    auto byName = [&](const PersonId &a, const PersonId &b) {
        return personName(db, context, a) < personName(db, context, b);
    };
    std::sort(devs.begin(), devs.end(), byName);
    std::sort(ops.begin(), ops.end(), byName);
    if (!devs.isEmpty()) {
        QStringList header{Cli::tr("DEV \\ OPS")};
        for (const PersonId &o : ops) {
            header.append(personName(db, context, o).section(u' ', 0, 0));
        }
        QList<QStringList> matrix;
        for (const PersonId &d : devs) {
            QStringList row{personName(db, context, d)};
            for (const PersonId &o : ops) {
                const int n = summary.pairs.value({d, o});
                row.append(n == 0 ? u"."_s : QString::number(n));
            }
            matrix.append(row);
        }
        text += Cli::tr("\nPairs (shifts together):\n") + table(header, matrix);
    }
    const auto &o = summary.objective;
    text +=
        Cli::tr("\nObjective: largest deviation %1, sum of squares %2, most repeated pair %3 times, %4 distinct pairs, "
                "shortest rest %5 h\n")
            .arg(QString::number(o.maxDeviation, 'f', 2), QString::number(o.sumSquares, 'f', 2))
            .arg(o.maxPairCount)
            .arg(o.distinctPairs)
            .arg(QString::number(o.minSpacingHours, 'f', 0));
    return text;
}

} // namespace

namespace {

class Plan final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    Plan()
        : DatabaseCommand({u"plan"_s},
                          u"plan --rotation NAME --from DATE --to DATE [--replan fewest|fair] [--dry-run] [--json]"_s,
                          tr("Plan fair dev+ops pairs for the days and write them (unless --dry-run)."))
    {
        setDescription(tr(
            "Plan fair developer + operations pairs for the rotation from --from to --to (dates in the rotation's "
            "zone, both included) and write them. Past, locked and frozen published shifts stay; existing "
            "assignments are kept unless a rule says otherwise (--replan fewest, the default), or unless moving them "
            "evens out the load (--replan fair)."));
        addOptions({m_rotation, m_from, m_to, m_dryRun, m_json, m_seed, m_replan});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        for (const QCommandLineOption &required : {m_rotation, m_from, m_to}) {
            if (!parser.isSet(required)) {
                return usage(tr("plan needs --%1").arg(required.names().first()));
            }
        }
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("plan takes no arguments besides its options"));
        }
        m_fromDate = parseDay(parser.value(m_from).trimmed());
        m_toDate = parseDay(parser.value(m_to).trimmed());
        if (!m_fromDate.isValid()) {
            return fail(tr("--from: “%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(m_from)));
        }
        if (!m_toDate.isValid()) {
            return fail(tr("--to: “%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(m_to)));
        }
        if (m_toDate < m_fromDate) {
            return fail(tr("--to: %1 is before --from %2")
                            .arg(m_toDate.toString(Qt::ISODate), m_fromDate.toString(Qt::ISODate)));
        }
        bool seedOk = false;
        m_seedValue = parser.value(m_seed).toULongLong(&seedOk);
        if (!seedOk) {
            return fail(tr("--seed: “%1” is not a whole number").arg(parser.value(m_seed)));
        }
        m_replanValue = parser.value(m_replan).trimmed().toLower();
        if (m_replanValue != u"fewest" && m_replanValue != u"fair") {
            return fail(tr("--replan: “%1” is neither fewest nor fair").arg(parser.value(m_replan)));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_rotation{u"rotation"_s, tr("The rotation to plan (repeat for several)."), u"NAME"_s};
    const QCommandLineOption m_from{u"from"_s, tr("First day (YYYY-MM-DD)."), u"DATE"_s};
    const QCommandLineOption m_to{u"to"_s, tr("Last day, included (YYYY-MM-DD)."), u"DATE"_s};
    const QCommandLineOption m_dryRun{u"dry-run"_s, tr("Show the plan without writing it.")};
    const QCommandLineOption m_json{u"json"_s, tr("Print the plan as JSON (format in the README).")};
    const QCommandLineOption m_seed{u"seed"_s, tr("Seed for breaking ties (default 1)."), u"N"_s, u"1"_s};
    const QCommandLineOption m_replan{u"replan"_s,
                                      tr("What a re-plan of existing shifts puts first: fewest (change as few shifts "
                                         "as possible, the default) or fair (rebalance for the fairest plan)."),
                                      u"fewest|fair"_s, u"fewest"_s};
    QDate m_fromDate; ///< --from, --to, --seed and --replan, read by check()
    QDate m_toDate;
    quint64 m_seedValue = 1;
    QString m_replanValue = u"fewest"_s;
};

/// report fairness as text or --json (ReportFairness in clireport.cpp hands over to it when neither --csv
/// nor --pdf is given): its own options, so that it refuses those of the file outputs as before.
class FairnessText final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    FairnessText()
        : DatabaseCommand({u"report"_s, u"fairness"_s},
                          u"report fairness --rotation NAME [--from DATE] [--to DATE] [--json]"_s, QString())
    {
        setDescription(
            tr("Fairness of the shifts in the database: per person shifts, weighted load against fair share, weekends, "
               "holidays, nights and partners; per pool the spread; the dev x ops pair matrix."));
        addOptions({m_rotation, m_from, m_to, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.isSet(m_rotation)) {
            return usage(tr("report fairness needs --rotation"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_rotation{u"rotation"_s, tr("The rotation (repeat for several)."), u"NAME"_s};
    const QCommandLineOption m_from{u"from"_s, tr("First day (default: 26 weeks ago)."), u"DATE"_s};
    const QCommandLineOption m_to{u"to"_s, tr("Last day, included (default: 13 weeks ahead)."), u"DATE"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print JSON (format in the README).")};
};

int Plan::runOn(const QCommandLineParser &parser, Database &db)
{
    RotationService rotations(db);
    QList<RotationId> ids;
    QHash<RotationId, Rotation> byId;
    for (const QString &name : parser.values(m_rotation)) {
        const auto found = rotations.rotationByName(name);
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("--rotation: no rotation named “%1”").arg(name));
        }
        ids.append(found.value()->id);
        byId.insert(found.value()->id, *found.value());
    }
    PlanService plans(db);
    Planner::PlanResult result;
    bool applied = false;
    AppliedPlan written;
    // The plan is written only if nothing it was computed m_from changed meanwhile (leave taken,
    // another plan of the same rotations written by another Tandem): then it is planned again.
    constexpr int Attempts = 3;
    for (int attempt = 1;; ++attempt) {
        auto request = plans.request(ids, m_fromDate, m_toDate, m_seedValue);
        if (!request) {
            const QString field = request.error().field;
            return fail(field == u"from" || field == u"to" || field == u"rotation"
                            ? u"--%1: %2"_s.arg(field, request.errorMessage())
                            : request.errorMessage());
        }
        request.value().replan = m_replanValue == u"fair" ? Planner::PlanRequest::Replan::Fairest
                                                          : Planner::PlanRequest::Replan::FewestChanges;
        result = Planner::plan(request.value());
        if (!result.error.isEmpty()) {
            return fail(u"--rotation: "_s + result.error);
        }
        if (parser.isSet(m_dryRun)) {
            break;
        }
        auto done = plans.apply(result);
        if (done) {
            written = done.value();
            applied = true;
            break;
        }
        if (done.error().field != Field::Stale || attempt == Attempts) {
            return fail(done.errorMessage());
        }
    }
    auto context = rotationContext(db);
    if (!context) {
        return fail(context.errorMessage());
    }

    QHash<Planner::Change, int> counts;
    for (const Planner::PlannedShift &p : result.shifts) {
        ++counts[p.change];
    }

    if (parser.isSet(m_json)) {
        QJsonArray shifts;
        for (const Planner::PlannedShift &p : result.shifts) {
            const Rotation &r = byId.value(p.shift.rotationId);
            QJsonObject object = toJson(p.shift);
            object.insert(u"change"_s, changeName(p.change));
            object.insert(u"rotation_name"_s, r.name);
            object.insert(u"start_local"_s, localIso(p.shift.start, r.timeZone));
            object.insert(u"end_local"_s, localIso(p.shift.end, r.timeZone));
            for (const auto &[seat, key] : {std::pair{Seat::Dev, u"dev"_s}, std::pair{Seat::Ops, u"ops"_s}}) {
                const PersonId id = p.shift.seat(seat);
                const QString name = personName(db, context.value(), id);
                object.insert(key + u"_name"_s, id.isNull() ? QJsonValue() : QJsonValue(name));
                object.insert(key + u"_email"_s,
                              id.isNull() ? QJsonValue() : QJsonValue(context->people.value(id).email));
                object.insert(key + u"_reason"_s, seat == Seat::Dev ? p.devReason : p.opsReason);
            }
            shifts.append(object);
        }
        QJsonArray gaps;
        for (const Planner::Gap &g : result.summary.gaps) {
            const Rotation &r = byId.value(g.rotation);
            gaps.append(QJsonObject{{u"shift"_s, g.shift.toString()},
                                    {u"rotation_name"_s, r.name},
                                    {u"start_local"_s, localIso(g.start, r.timeZone)},
                                    {u"end_local"_s, localIso(g.end, r.timeZone)},
                                    {u"seat"_s, g.seat == Seat::Dev ? u"dev"_s : u"ops"_s},
                                    {u"reason"_s, g.reason}});
        }
        QJsonObject changes;
        for (Planner::Change c : {Planner::Change::Added, Planner::Change::Changed, Planner::Change::Unchanged,
                                  Planner::Change::Fixed, Planner::Change::Removed}) {
            changes.insert(changeName(c), counts.value(c));
        }
        QJsonArray names;
        for (const RotationId &id : ids) {
            names.append(byId.value(id).name);
        }
        const QJsonObject out{{u"rotations"_s, names},
                              {u"from"_s, m_fromDate.toString(Qt::ISODate)},
                              {u"to"_s, m_toDate.toString(Qt::ISODate)},
                              {u"dry_run"_s, parser.isSet(m_dryRun)},
                              {u"replan"_s, m_replanValue},
                              {u"applied"_s, applied},
                              {u"changes"_s, changes},
                              {u"shifts"_s, shifts},
                              {u"gaps"_s, gaps},
                              {u"fairness"_s, fairnessJson(db, context.value(), result.summary)}};
        print(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }

    QList<QStringList> rows;
    for (const Planner::PlannedShift &p : result.shifts) {
        const Rotation &r = byId.value(p.shift.rotationId);
        const QString gap = tr("— gap —");
        rows.append({r.name, localText(p.shift.start, r.timeZone), localText(p.shift.end, r.timeZone),
                     p.shift.dev.isNull() ? gap : personName(db, context.value(), p.shift.dev),
                     p.shift.ops.isNull() ? gap : personName(db, context.value(), p.shift.ops), changeWords(p.change)});
    }
    QString text = table({tr("ROTATION"), tr("START"), tr("END"), tr("DEV"), tr("OPS"), tr("CHANGE")}, rows);
    text += tr("\n%1: %2 added, %3 changed, %4 unchanged, %5 fixed, %6 removed; %7\n")
                .arg(tr("%n shift(s)", nullptr, int(result.shifts.size())))
                .arg(counts.value(Planner::Change::Added))
                .arg(counts.value(Planner::Change::Changed))
                .arg(counts.value(Planner::Change::Unchanged))
                .arg(counts.value(Planner::Change::Fixed))
                .arg(counts.value(Planner::Change::Removed))
                .arg(tr("%n gap(s)", nullptr, int(result.summary.gaps.size())));
    for (const Planner::Gap &g : result.summary.gaps) {
        const Rotation &r = byId.value(g.rotation);
        text += (g.seat == Seat::Dev ? tr("  gap: %1 %2, dev seat: %3\n") : tr("  gap: %1 %2, ops seat: %3\n"))
                    .arg(r.name, localText(g.start, r.timeZone), g.reason);
    }
    for (const Planner::PoolFigures &p : result.summary.pools) {
        text +=
            tr("%1: load %2 to %3, largest deviation from fair share %4%5\n")
                .arg(p.name, formatNumber(p.minLoad), formatNumber(p.maxLoad), QString::number(p.maxDeviation, 'f', 2),
                     p.proof == Planner::PoolFigures::Proof::Optimal ? tr(" (optimal)")
                     : p.proof == Planner::PoolFigures::Proof::Bounded
                         ? tr(" (within %1 of the bound %2)")
                               .arg(QString::number(p.maxDeviation - p.bound, 'f', 2), QString::number(p.bound, 'f', 2))
                         : QString());
        if (p.fairest >= 0 && p.maxDeviation > p.fairest + 0.005) {
            text += tr("  %1: fewest changes kept; rebalancing (--replan fair) found a largest deviation of %2\n")
                        .arg(p.name, QString::number(p.fairest, 'f', 2));
        }
    }
    text += applied ? tr("Written: %1 added, %2 changed, %3 removed.\n")
                          .arg(written.added.size())
                          .arg(written.changed.size())
                          .arg(written.removed.size())
                    : tr("Dry run: nothing was written.\n");
    print(text);
    return ExitOk;
}

int FairnessText::runOn(const QCommandLineParser &parser, Database &db)
{
    const QDate today = db.clock().now().date();
    QDate fromDate = today.addDays(-26 * 7);
    QDate toDate = today.addDays(13 * 7);
    if (parser.isSet(m_from)) {
        fromDate = parseDay(parser.value(m_from).trimmed());
        if (!fromDate.isValid()) {
            return fail(tr("--from: “%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(m_from)));
        }
    }
    if (parser.isSet(m_to)) {
        toDate = parseDay(parser.value(m_to).trimmed());
        if (!toDate.isValid()) {
            return fail(tr("--to: “%1” is not a date (expected YYYY-MM-DD)").arg(parser.value(m_to)));
        }
    }
    if (toDate < fromDate) {
        return fail(
            tr("--to: %1 is before --from %2").arg(toDate.toString(Qt::ISODate), fromDate.toString(Qt::ISODate)));
    }
    RotationService rotations(db);
    QList<RotationId> ids;
    for (const QString &name : parser.values(m_rotation)) {
        const auto found = rotations.rotationByName(name);
        if (!found || !found.value()) {
            return fail(tr("--rotation: no rotation named “%1”").arg(name));
        }
        ids.append(found.value()->id);
    }
    const auto summary = PlanService(db).fairness(ids, fromDate, toDate);
    if (!summary) {
        const QString field = summary.error().field;
        return fail(field == u"to" || field == u"from" || field == u"rotation"
                        ? u"--%1: %2"_s.arg(field, summary.errorMessage())
                        : summary.errorMessage());
    }
    auto context = rotationContext(db);
    if (!context) {
        return fail(context.errorMessage());
    }
    if (parser.isSet(m_json)) {
        QJsonObject out = fairnessJson(db, context.value(), summary.value());
        out.insert(u"from"_s, fromDate.toString(Qt::ISODate));
        out.insert(u"to"_s, toDate.toString(Qt::ISODate));
        print(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    print(tr("Fairness from %1 to %2\n\n").arg(fromDate.toString(Qt::ISODate), toDate.toString(Qt::ISODate)) +
          fairnessText(db, context.value(), summary.value()));
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> fairnessTextCommand()
{
    return std::make_unique<FairnessText>();
}

std::unique_ptr<Command> planCommand()
{
    return std::make_unique<Plan>();
}

} // namespace Tandem
