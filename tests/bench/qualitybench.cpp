// Tandem planner quality harness: random small rotations solved exactly by CBC beside Tandem
// (objective 1 per pool, the fewest empty seats first), and the seats a re-plan changes after one
// new week of leave against the fewest possible. Run by `./packaging/dev.sh bench quality`;
// never by ctest. See README "Planner quality".

#include "benchsupport.h"
#include "cbcmodel.h"
#include "checker.h"
#include "instances.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHashSeed>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Bench;

namespace {

constexpr double Tolerance = 1e-6;

/// One pool of a plan: objective 1 and the empty seats.
struct PoolFigure
{
    double maxDeviation = 0;
    int gaps = 0;
};

/// Objective 1 and gaps per seat (0 developers, 1 ops) of a schedule, by Planner::summarize().
std::array<PoolFigure, 2> poolFigures(const Instance &instance, const QList<Shift> &shifts)
{
    std::array<PoolFigure, 2> figures;
    const Planner::FairnessSummary summary = Planner::summarize(instance.request, shifts);
    for (const Planner::PoolFigures &pool : summary.pools) {
        figures[pool.role == Role::Developer ? 0 : 1].maxDeviation = pool.maxDeviation;
    }
    for (const Shift &s : shifts) {
        figures[0].gaps += s.dev.isNull() ? 1 : 0;
        figures[1].gaps += s.ops.isNull() ? 1 : 0;
    }
    return figures;
}

QList<Shift> shiftsOf(const Planner::PlanResult &result)
{
    QList<Shift> shifts;
    for (const Planner::PlannedShift &p : result.shifts) {
        if (p.change != Planner::Change::Removed) {
            shifts.append(p.shift);
        }
    }
    return shifts;
}

/// A ratio of objective 1 values, gaps first: a plan with more empty seats is infinitely worse.
double ratio(const PoolFigure &plan, const PoolFigure &best)
{
    if (plan.gaps != best.gaps) {
        return plan.gaps > best.gaps ? std::numeric_limits<double>::infinity() : 0.0;
    }
    if (best.maxDeviation < Tolerance) {
        return plan.maxDeviation < Tolerance ? 1.0 : std::numeric_limits<double>::infinity();
    }
    return plan.maxDeviation / best.maxDeviation;
}

struct PoolCase
{
    PoolFigure tandem;
    PoolFigure classic;
    PoolFigure cbc;
    bool cbcRan = false;
    bool cbcOptimal = false;
    double cbcBound = std::numeric_limits<double>::quiet_NaN();
    double cbcSeconds = 0;
    QString cbcStatus;
};

struct Churn
{
    int replans = 0;
    int overMinimumPlusOne = 0; ///< re-plans that changed more than the minimum + 1 seats
    int worstExcess = 0;        ///< changed - minimum, largest
    int moreGapsThanFresh = 0;  ///< re-plans with a gap a fresh plan of the same data fills
    int fewerGapsThanFresh = 0;
    int moreGapsThanMinimum = 0;
    QList<int> excess; ///< changed - minimum, each re-plan
    /// Re-plans of the fewest changes: per re-plan, how much less fair its fairest-off pool is than
    /// the fairest plan the search found (in shifts of the mean weight), and how many are more
    /// than the keep tolerance off (where a rebalancing re-plan would change more seats).
    QList<double> fairnessCost;
    int beyondTolerance = 0;
};

QString poolKey(const Instance &instance, bool dev)
{
    return dev ? devPoolKey(instance, 0) : opsPoolKey(instance, 0);
}

Churn measureChurn(const Instance &base, const QList<Shift> &plan, Planner::PlanRequest::Replan mode,
                   QString *worstCase)
{
    Churn churn;
    // Every person, every week of the horizon: a new week of leave, Monday to Sunday.
    const QDate from = base.request.from;
    const int weeks = int((from.daysTo(base.request.to) + 1 + 6) / 7);
    QList<Shift> existing = plan;
    for (Shift &s : existing) {
        s.state = ShiftState::Planned;
    }
    const QString onlyPerson = qEnvironmentVariable("TANDEM_QUALITY_PERSON");
    const int onlyWeek = qEnvironmentVariableIntValue("TANDEM_QUALITY_WEEK");
    for (int person = 0; person < base.request.people.size(); ++person) {
        if (!onlyPerson.isEmpty() && !base.request.people.at(person).name.startsWith(onlyPerson + u' ')) {
            continue;
        }
        for (int week = 0; week < weeks; ++week) {
            if (onlyWeek > 0 && week + 1 != onlyWeek) {
                continue;
            }
            Instance instance = base;
            const PersonId id = instance.request.people.at(person).id;
            instance.request.timeOff.append(
                TimeOff{TimeOffId::create(), id, from.addDays(7 * week), from.addDays(7 * week + 6), u"New leave"_s});
            Planner::PlanRequest replan = instance.request;
            replan.existing = existing;
            replan.replan = mode;
            const Planner::PlanResult replanned = Planner::plan(replan);
            const QList<Shift> after = shiftsOf(replanned);
            if (mode == Planner::PlanRequest::Replan::FewestChanges) {
                double weights = 0;
                for (const BenchSlot &slot : std::as_const(instance.slots)) {
                    weights += slot.weight;
                }
                const double mean = weights / double(std::max<qsizetype>(1, instance.slots.size()));
                double cost = 0;
                for (const Planner::PoolFigures &pool : replanned.summary.pools) {
                    if (pool.fairest >= 0) {
                        cost = std::max(cost, (pool.maxDeviation - pool.fairest) / mean);
                    }
                }
                churn.fairnessCost.append(cost);
                churn.beyondTolerance += cost > replan.keepTolerance + 1e-9 ? 1 : 0;
            }
            const QList<Shift> fresh = shiftsOf(Planner::plan(instance.request));
            int changed = 0;
            int gapsAfter = 0;
            int gapsFresh = 0;
            for (int i = 0; i < after.size(); ++i) {
                changed += after.at(i).dev != existing.at(i).dev ? 1 : 0;
                changed += after.at(i).ops != existing.at(i).ops ? 1 : 0;
                gapsAfter += (after.at(i).dev.isNull() ? 1 : 0) + (after.at(i).ops.isNull() ? 1 : 0);
                gapsFresh += (fresh.at(i).dev.isNull() ? 1 : 0) + (fresh.at(i).ops.isNull() ? 1 : 0);
            }
            Minimum minimum;
            for (const bool dev : {true, false}) {
                const Minimum pool = minimumChanges(instance, dev, existing);
                if (qEnvironmentVariableIsSet("TANDEM_QUALITY_DEBUG")) {
                    std::fprintf(stderr, "minimum %s: %d gaps, %d changes\n", dev ? "dev" : "ops", pool.gaps,
                                 pool.changes);
                }
                minimum.gaps += pool.gaps;
                minimum.changes += pool.changes;
            }
            ++churn.replans;
            const int excess = changed - minimum.changes;
            churn.excess.append(excess);
            if (excess > 1) {
                ++churn.overMinimumPlusOne;
                if (qEnvironmentVariableIsSet("TANDEM_QUALITY_DEBUG")) {
                    QHash<PersonId, QString> names;
                    for (const Person &p : std::as_const(instance.request.people)) {
                        names.insert(p.id, p.name.section(u' ', 0, 0));
                    }
                    std::fprintf(stderr, "%s week %d leave for %s: changed %d, minimum %d\n", qPrintable(base.name),
                                 week + 1, qPrintable(names.value(id)), changed, minimum.changes);
                    for (int i = 0; i < after.size(); ++i) {
                        std::fprintf(
                            stderr, "  %s %-6s %-6s -> %-6s %-6s\n", qPrintable(after.at(i).start.toString(u"MM-dd"_s)),
                            qPrintable(names.value(existing.at(i).dev)), qPrintable(names.value(existing.at(i).ops)),
                            qPrintable(names.value(after.at(i).dev)), qPrintable(names.value(after.at(i).ops)));
                    }
                }
            }
            if (excess > churn.worstExcess) {
                churn.worstExcess = excess;
                *worstCase = u"%1, week %2 of leave for %3: %4 seats changed, minimum %5"_s.arg(base.name)
                                 .arg(week + 1)
                                 .arg(instance.request.people.at(person).name)
                                 .arg(changed)
                                 .arg(minimum.changes);
            }
            churn.moreGapsThanFresh += gapsAfter > gapsFresh ? 1 : 0;
            churn.fewerGapsThanFresh += gapsAfter < gapsFresh ? 1 : 0;
            churn.moreGapsThanMinimum += gapsAfter > minimum.gaps ? 1 : 0;
        }
    }
    return churn;
}

} // namespace

int main(int argc, char *argv[])
{
    QHashSeed::setDeterministicGlobalSeed();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tandem_plannerquality"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tandem planner quality harness: random small rotations, CBC, re-plan churn."_s);
    parser.addHelpOption();
    const QCommandLineOption countOption(u"count"_s, u"Instances (default 200)."_s, u"n"_s, u"200"_s);
    const QCommandLineOption firstOption(u"first-seed"_s, u"Seed of the first instance (default 1)."_s, u"n"_s, u"1"_s);
    const QCommandLineOption secondsOption(u"cbc-seconds"_s, u"CBC time limit per pool (default 60)."_s, u"seconds"_s,
                                           u"60"_s);
    const QCommandLineOption noCbcOption(u"no-cbc"_s, u"Skip CBC."_s);
    const QCommandLineOption noChurnOption(u"no-churn"_s, u"Skip the re-plan churn."_s);
    const QCommandLineOption outOption(u"out"_s, u"Write the LP models, CBC logs and the report here."_s, u"dir"_s);
    const QCommandLineOption replanOption(
        u"replan"_s, u"What the churn's re-plans put first: fewest (changes, the default) or fair."_s, u"fewest|fair"_s,
        u"fewest"_s);
    parser.addOptions({countOption, firstOption, secondsOption, noCbcOption, noChurnOption, outOption, replanOption});
    parser.process(app);

    const int count = std::max(1, parser.value(countOption).toInt());
    const quint64 first = parser.value(firstOption).toULongLong();
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    const QString out = parser.value(outOption);
    const bool fair = parser.value(replanOption) == u"fair";
    if (!fair && parser.value(replanOption) != u"fewest") {
        std::fprintf(stderr, "tandem_plannerquality: --replan is fewest or fair\n");
        return 1;
    }
    const auto mode = fair ? Planner::PlanRequest::Replan::Fairest : Planner::PlanRequest::Replan::FewestChanges;
    QString cbc;
    if (!parser.isSet(noCbcOption)) {
        cbc = QStandardPaths::findExecutable(u"cbc"_s);
        if (cbc.isEmpty()) {
            std::fprintf(stderr, "tandem_plannerquality: no cbc in PATH (Debian: coinor-cbc)\n");
            return 1;
        }
    }
    const QString folder = out.isEmpty() ? QDir::tempPath() + u"/tandem-plannerquality"_s : out;
    if (!QDir().mkpath(folder)) {
        std::fprintf(stderr, "tandem_plannerquality: cannot create %s\n", qPrintable(folder));
        return 1;
    }

    QElapsedTimer total;
    total.start();
    say(u"## Tandem planner quality"_s);
    say();
    say(u"- Machine: %1, %2; Qt %3; seeds %4 to %5; CBC %6"_s
            .arg(cpuModel(), QSysInfo::prettyProductName(), QString::fromLatin1(qVersion()))
            .arg(first)
            .arg(first + quint64(count) - 1)
            .arg(cbc.isEmpty() ? u"not run"_s : u"%1 s per pool"_s.arg(seconds)) +
        u"; re-plans: %1"_s.arg(fair ? u"fairest"_s : u"fewest changes"_s));
    say();
    say(u"| seed | instance | dev: Tandem / classic / CBC (status) | ops: Tandem / classic / CBC (status) |"_s);
    say(u"|---|---|---|---|"_s);

    QList<double> ratios;        // per pool, Tandem / CBC optimum
    QList<double> classicRatios; // the same for the classic moves
    int pools = 0;
    int equal = 0;
    int classicEqual = 0;
    int proven = 0;
    QList<double> tandemMs;
    QList<double> classicMs;
    QStringList unproven;
    Churn churn;
    QString worstChurn;
    for (int k = 0; k < count; ++k) {
        const quint64 seed = first + quint64(k);
        const Instance instance = makeSmallInstance(seed);
        QElapsedTimer timer;
        timer.start();
        const Planner::PlanResult result = Planner::plan(instance.request);
        tandemMs.append(double(timer.nsecsElapsed()) / 1e6);
        Planner::PlanRequest classicRequest = instance.request;
        classicRequest.search = Planner::PlanRequest::Search::Classic;
        timer.restart();
        const Planner::PlanResult classicResult = Planner::plan(classicRequest);
        classicMs.append(double(timer.nsecsElapsed()) / 1e6);
        const QList<Shift> shifts = shiftsOf(result);
        // CBC starts from the classic moves' plan: it does not change as the planner improves, so a
        // solve can be read back from an earlier run of the same instance.
        const QList<Shift> classicShifts = shiftsOf(classicResult);
        const Violations violations = checkSchedule(instance, shifts);
        if (violations.total() > 0) {
            say(u"**%1 breaks %2 hard rules**"_s.arg(instance.name).arg(violations.total()));
        }
        const auto tandem = poolFigures(instance, shifts);
        const auto classic = poolFigures(instance, classicShifts);
        QStringList cells;
        for (const bool dev : {true, false}) {
            PoolCase c;
            c.tandem = tandem[dev ? 0 : 1];
            c.classic = classic[dev ? 0 : 1];
            QString cell = u"%1 (%2 gaps) / %3 (%4)"_s.arg(fixed(c.tandem.maxDeviation, 3))
                               .arg(c.tandem.gaps)
                               .arg(fixed(c.classic.maxDeviation, 3))
                               .arg(c.classic.gaps);
            if (!cbc.isEmpty()) {
                const QString lp = folder + u"/quality-%1-%2.lp"_s.arg(instance.name, dev ? u"dev"_s : u"ops"_s);
                const CbcSolve solve =
                    solvePoolWithCbc(instance, poolKey(instance, dev), cbc, lp, seconds, classicShifts);
                c.cbcRan = solve.ran && !solve.shifts.isEmpty();
                c.cbcOptimal = solve.optimal;
                c.cbcStatus = solve.status;
                c.cbcSeconds = solve.seconds;
                if (c.cbcRan) {
                    c.cbc = poolFigures(instance, solve.shifts)[dev ? 0 : 1];
                    c.cbcBound = solve.bound - 1000.0 * c.cbc.gaps;
                    ++pools;
                    const double r = ratio(c.tandem, c.cbc);
                    const double rc = ratio(c.classic, c.cbc);
                    if (c.cbcOptimal) {
                        ++proven;
                        ratios.append(r);
                        classicRatios.append(rc);
                        equal += r <= 1.0 + Tolerance ? 1 : 0;
                        classicEqual += rc <= 1.0 + Tolerance ? 1 : 0;
                    } else {
                        unproven.append(u"%1 %2: Tandem %3, CBC best %4, bound %5 (%6)"_s.arg(instance.name)
                                            .arg(dev ? u"dev"_s : u"ops"_s)
                                            .arg(fixed(c.tandem.maxDeviation, 3))
                                            .arg(fixed(c.cbc.maxDeviation, 3))
                                            .arg(fixed(c.cbcBound, 3))
                                            .arg(c.cbcStatus));
                    }
                }
                cell += u" / %1 (%2 gaps, %3, %4 s)"_s.arg(fixed(c.cbc.maxDeviation, 3))
                            .arg(c.cbc.gaps)
                            .arg(c.cbcOptimal ? u"optimal"_s : c.cbcStatus)
                            .arg(fixed(c.cbcSeconds, 1));
            }
            cells.append(cell);
        }
        say(u"| %1 | %2 | %3 | %4 |"_s.arg(seed).arg(instance.description, cells.at(0), cells.at(1)));
        if (!parser.isSet(noChurnOption)) {
            QString worst;
            const Churn c = measureChurn(instance, shifts, mode, &worst);
            churn.replans += c.replans;
            churn.overMinimumPlusOne += c.overMinimumPlusOne;
            churn.moreGapsThanFresh += c.moreGapsThanFresh;
            churn.fewerGapsThanFresh += c.fewerGapsThanFresh;
            churn.moreGapsThanMinimum += c.moreGapsThanMinimum;
            churn.excess += c.excess;
            churn.fairnessCost += c.fairnessCost;
            churn.beyondTolerance += c.beyondTolerance;
            if (c.worstExcess > churn.worstExcess || worstChurn.isEmpty()) {
                churn.worstExcess = std::max(churn.worstExcess, c.worstExcess);
                if (!worst.isEmpty()) {
                    worstChurn = worst;
                }
            }
        }
    }

    say();
    say(u"### Summary"_s);
    say();
    if (!cbc.isEmpty()) {
        QList<double> finite;
        for (double r : std::as_const(ratios)) {
            finite.append(r);
        }
        say(u"- CBC proved %1 of %2 pools optimal. Tandem equals the optimum on %3 of them (%4 %), classic moves on "
            u"%5 (%6 %)."_s.arg(proven)
                .arg(pools)
                .arg(equal)
                .arg(fixed(100.0 * equal / std::max(1, proven), 1))
                .arg(classicEqual)
                .arg(fixed(100.0 * classicEqual / std::max(1, proven), 1)));
        say(u"- Tandem ÷ optimum (gaps first; more gaps is ∞): median %1, worst %2; classic moves: median %3, worst "
            u"%4."_s.arg(fixed(median(ratios), 3),
                         fixed(ratios.isEmpty() ? std::nan("") : *std::max_element(ratios.cbegin(), ratios.cend()), 3),
                         fixed(median(classicRatios), 3),
                         fixed(classicRatios.isEmpty()
                                   ? std::nan("")
                                   : *std::max_element(classicRatios.cbegin(), classicRatios.cend()),
                               3)));
        for (const QString &line : std::as_const(unproven)) {
            say(u"- not proven in %1 s: %2"_s.arg(seconds).arg(line));
        }
    }
    say(u"- Tandem median %1 ms per instance, classic moves %2 ms."_s.arg(fixed(median(tandemMs), 2),
                                                                          fixed(median(classicMs), 2)));
    if (!parser.isSet(noChurnOption)) {
        QList<double> excess;
        for (int e : std::as_const(churn.excess)) {
            excess.append(e);
        }
        const auto exactly = [&churn](int e) { return int(std::count(churn.excess.cbegin(), churn.excess.cend(), e)); };
        say(u"- Re-plans after one new week of leave: %1. Changed seats − minimum: median %2, worst %3 (%4); exactly "
            u"the minimum: %9, minimum + 1: %10, more than minimum + 1: %5. More gaps than a fresh plan of the same "
            u"data: %6, fewer: %7; more gaps than the "
            u"minimum: %8."_s.arg(churn.replans)
                .arg(fixed(median(excess), 0))
                .arg(churn.worstExcess)
                .arg(worstChurn)
                .arg(churn.overMinimumPlusOne)
                .arg(churn.moreGapsThanFresh)
                .arg(churn.fewerGapsThanFresh)
                .arg(churn.moreGapsThanMinimum)
                .arg(exactly(0))
                .arg(exactly(1)));
        if (!churn.fairnessCost.isEmpty()) {
            say(u"- Fewest changes against the fairest plan the search found (largest deviation, in shifts of the mean "
                u"weight, the pool furthest off): median %1, worst %2; more than the keep tolerance off: %3 of %4."_s
                    .arg(fixed(median(churn.fairnessCost), 2),
                         fixed(*std::max_element(churn.fairnessCost.cbegin(), churn.fairnessCost.cend()), 2))
                    .arg(churn.beyondTolerance)
                    .arg(churn.fairnessCost.size()));
        }
    }
    say(u"- Total %1 s."_s.arg(fixed(double(total.elapsed()) / 1000.0, 1)));
    if (!out.isEmpty()) {
        QFile file(out + u"/plannerquality.md"_s);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(report().toUtf8());
        }
    }
    return 0;
}
