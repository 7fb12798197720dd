// Tandem planner benchmark: generated instances S, M and L, the planner against two baselines
// of today's on-call tools, and against CBC's optimum of the planner's objectives 1 and 2.
// Run by `./packaging/dev.sh bench`; never by ctest. See README "Planner benchmark".

#include "baselines.h"
#include "benchsupport.h"
#include "cbcmodel.h"
#include "checker.h"
#include "domain/hourwindows.h"
#include "instances.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHashSeed>
#include <QMap>
#include <QStandardPaths>
#include <QSysInfo>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sched.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Bench;

namespace {

// --- Machine --------------------------------------------------------------------------------

using Tandem::Bench::cpuModel;
using Tandem::Bench::statusKiB;

/// Resets the kernel's peak-RSS mark (VmHWM) to the current RSS, so that the peak read after a
/// run is that run's. Returns false where the kernel does not allow it (then ru_maxrss is used).
bool resetPeakRss()
{
#if defined(__GLIBC__)
    malloc_trim(0); // hand freed memory of earlier runs back first
#endif
    QFile file(u"/proc/self/clear_refs"_s);
    return file.open(QIODevice::WriteOnly) && file.write("5") == 1;
}

double peakRssMiB(bool reset)
{
    if (reset) {
        const qint64 hwm = statusKiB("VmHWM");
        if (hwm > 0) {
            return double(hwm) / 1024.0;
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// --- Figures --------------------------------------------------------------------------------

/// What the report shows for one schedule of one instance.
struct Figures
{
    QString method;
    Planner::Objective objective; ///< by Planner::summarize(), the same yardstick for everyone
    double devMaxDeviation = 0;
    double opsMaxDeviation = 0;
    double loadSpread = 0;    ///< max over pools of (max - min weighted load)
    int countSpread = 0;      ///< max over pools of (max - min shifts)
    double shareMismatch = 0; ///< |bench fair share - planner fair share|, max
    Violations violations;
    // Tandem only.
    double medianMs = std::numeric_limits<double>::quiet_NaN();
    double medianCpuMs = std::numeric_limits<double>::quiet_NaN();
    double minMs = std::numeric_limits<double>::quiet_NaN();
    double peakMiB = std::numeric_limits<double>::quiet_NaN();
    int runs = 0;
    bool deterministic = true;
    QStringList gapReasons; ///< the planner's reasons for its first empty seats
};

Figures evaluate(const Instance &instance, const QString &method, const QList<Shift> &shifts)
{
    Figures f;
    f.method = method;
    const Planner::FairnessSummary summary = Planner::summarize(instance.request, shifts);
    f.objective = summary.objective;
    for (const Planner::PoolFigures &pool : summary.pools) {
        f.loadSpread = std::max(f.loadSpread, pool.maxLoad - pool.minLoad);
        double &maxDeviation = pool.role == Role::Developer ? f.devMaxDeviation : f.opsMaxDeviation;
        maxDeviation = std::max(maxDeviation, pool.maxDeviation);
    }
    QHash<QString, QPair<int, int>> counts; // pool -> (min, max)
    const auto shares = fairShares(instance);
    QHash<PersonId, int> indexOf;
    for (int i = 0; i < instance.request.people.size(); ++i) {
        indexOf.insert(instance.request.people.at(i).id, i);
    }
    for (const Planner::PersonFigures &p : summary.people) {
        auto it = counts.find(p.pool);
        if (it == counts.end()) {
            counts.insert(p.pool, {p.shifts, p.shifts});
        } else {
            it->first = std::min(it->first, p.shifts);
            it->second = std::max(it->second, p.shifts);
        }
        // Each bench person sits in exactly one pool: find the bench's own share of it.
        const int person = indexOf.value(p.person, -1);
        for (auto s = shares.cbegin(); s != shares.cend(); ++s) {
            if (s.key().first == person) {
                f.shareMismatch = std::max(f.shareMismatch, std::abs(s.value() - p.fairShare));
            }
        }
    }
    for (const auto &[lo, hi] : std::as_const(counts)) {
        f.countSpread = std::max(f.countSpread, hi - lo);
    }
    f.violations = checkSchedule(instance, shifts);
    return f;
}

/// CPU time of this thread, in ms: on a shared machine it varies far less than the wall time.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// Runs the planner `runs` times with the full search and `runs` times with the classic moves,
/// alternating (which goes first alternates too), so that both see the same machine. Returns
/// {full, classic}; `shifts` gets the full search's plan.
QList<Figures> runTandem(const Instance &instance, int runs, QList<Shift> *shifts)
{
    struct Side
    {
        QList<double> times;
        QList<double> cpu;
        double peak = 0;
        QStringList gapReasons;
        Planner::Objective first;
        QList<Shift> plan;
        bool deterministic = true;
    };
    Side sides[2]; // 0 full, 1 classic
    for (int run = 0; run < runs; ++run) {
        for (int k = 0; k < 2; ++k) {
            const int which = (run + k) % 2;
            Side &side = sides[which];
            Planner::PlanRequest request = instance.request;
            request.search = which == 0 ? Planner::PlanRequest::Search::Full : Planner::PlanRequest::Search::Classic;
            const bool reset = resetPeakRss();
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuMs();
            const Planner::PlanResult result = Planner::plan(request);
            side.cpu.append(threadCpuMs() - cpuStart);
            side.times.append(double(timer.nsecsElapsed()) / 1e6);
            side.peak = std::max(side.peak, peakRssMiB(reset));
            QList<Shift> planned;
            for (const Planner::PlannedShift &p : result.shifts) {
                if (p.change != Planner::Change::Removed) {
                    planned.append(p.shift);
                }
            }
            const Planner::Objective o = result.summary.objective;
            if (side.plan.isEmpty()) {
                side.first = o;
                side.plan = planned;
                for (const Planner::Gap &gap : result.summary.gaps) {
                    if (side.gapReasons.size() < 3) {
                        side.gapReasons.append(u"%1 %2: %3"_s.arg(gap.start.date().toString(Qt::ISODate),
                                                                  gap.seat == Seat::Dev ? u"dev"_s : u"ops"_s,
                                                                  gap.reason));
                    }
                }
            } else if (o.betterThan(side.first) || side.first.betterThan(o) || planned != side.plan) {
                side.deterministic = false;
            }
        }
    }
    *shifts = sides[0].plan;
    QList<Figures> result;
    for (int which = 0; which < 2; ++which) {
        Side &side = sides[which];
        Figures f = evaluate(instance, which == 0 ? u"Tandem"_s : u"Tandem, classic moves"_s, side.plan);
        std::sort(side.times.begin(), side.times.end());
        f.medianMs = median(side.times);
        f.medianCpuMs = median(side.cpu);
        f.minMs = side.times.first();
        f.peakMiB = side.peak;
        f.runs = runs;
        f.deterministic = side.deterministic;
        f.gapReasons = side.gapReasons;
        result.append(f);
    }
    return result;
}

QString gapPercent(double tandem, double reference)
{
    if (std::isnan(reference)) {
        return u"–"_s;
    }
    if (std::abs(reference) < 1e-9) {
        return std::abs(tandem) < 1e-9 ? u"0 %"_s : u"∞ (CBC: 0)"_s;
    }
    return QString::number(100.0 * (tandem - reference) / reference, 'f', 1) + u" %"_s;
}

QString violationText(const Violations &v)
{
    if (v.total() == 0) {
        return u"0"_s;
    }
    QStringList parts;
    const QList<QPair<int, QString>> kinds = {{v.leave, u"leave"_s},
                                              {v.rest, u"rest"_s},
                                              {v.doubleBooking, u"double"_s},
                                              {v.concurrency, u"concurrency"_s},
                                              {v.access, u"access"_s}};
    for (const auto &[count, name] : kinds) {
        if (count > 0) {
            parts.append(u"%1 %2"_s.arg(count).arg(name));
        }
    }
    return u"%1 (%2)"_s.arg(v.total()).arg(parts.join(u", "_s));
}

QString ratio(double baseline, double tandem)
{
    if (std::abs(tandem) < 1e-12) {
        return std::abs(baseline) < 1e-12 ? u"1.00"_s : u"∞"_s;
    }
    return QString::number(baseline / tandem, 'f', 2);
}

/// The long-horizon series (issue 13, point 14: planning many years of daily shifts grew
/// superlinearly, 40 / 80 / 160 years in 1.3 / 3.3 / 10.8 s). Each horizon is planned `runs`
/// times, pinned to one core; the report gives the median CPU time, the time per thousand
/// shifts and the growth against the previous horizon: 2.0 for a doubling is linear.
int longSeries(const QString &list, int runs, quint64 seed)
{
    QList<int> years;
    for (const QString &item : list.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int y = item.trimmed().toInt(&ok);
        if (!ok || y < 1 || y > 400) {
            std::fprintf(stderr, "tandem_plannerbench: --long-years: \"%s\" is not a number of years (1-400)\n",
                         qPrintable(item));
            return 2;
        }
        years.append(y);
    }
    if (years.isEmpty()) {
        std::fprintf(stderr, "tandem_plannerbench: --long-years needs a list such as 20,40,80,160\n");
        return 2;
    }
    runs = std::max(1, runs);
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    CPU_SET(std::max(0, sched_getcpu()), &cpus);
    const bool pinned = sched_setaffinity(0, sizeof(cpus), &cpus) == 0;
    say(u"## Tandem planner, long horizons"_s);
    say();
    say(u"- Machine: %1, %2; %3; seed %4, %5 runs per horizon (median)"_s
            .arg(cpuModel(), QSysInfo::prettyProductName(), pinned ? u"pinned to one core"_s : u"not pinned"_s)
            .arg(seed)
            .arg(runs));
    say();
    say(u"| horizon | shifts | leave blocks | median CPU | median wall | CPU per 1,000 shifts | growth of CPU | "
        u"peak RSS | gaps |"_s);
    say(u"|---|--:|--:|--:|--:|--:|--:|--:|--:|"_s);
    double previousCpu = 0;
    int previousYears = 0;
    for (const int y : std::as_const(years)) {
        const Instance instance = makeInstance(u"Y%1"_s.arg(y), seed);
        QList<double> cpu;
        QList<double> wall;
        double peak = 0;
        int gaps = 0;
        for (int run = 0; run < runs; ++run) {
            const bool reset = resetPeakRss();
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuMs();
            const Planner::PlanResult result = Planner::plan(instance.request);
            cpu.append(threadCpuMs() - cpuStart);
            wall.append(double(timer.nsecsElapsed()) / 1e6);
            peak = std::max(peak, peakRssMiB(reset));
            gaps = int(result.summary.gaps.size());
        }
        const double cpuMs = median(cpu);
        const QString growth =
            previousYears > 0
                ? u"%1 for %2x the years"_s.arg(fixed(cpuMs / previousCpu)).arg(fixed(double(y) / previousYears, 1))
                : u"–"_s;
        say(u"| %1 years | %2 | %3 | %4 s | %5 s | %6 ms | %7 | %8 MiB | %9 |"_s.arg(y)
                .arg(instance.slots.size())
                .arg(instance.request.timeOff.size())
                .arg(fixed(cpuMs / 1000.0))
                .arg(fixed(median(wall) / 1000.0))
                .arg(fixed(cpuMs / (double(instance.slots.size()) / 1000.0)))
                .arg(growth)
                .arg(fixed(peak, 1))
                .arg(gaps));
        previousCpu = cpuMs;
        previousYears = y;
    }
    return 0;
}

/// Issue 17: L as it is beside L with hour windows on half its rotations (business hours on one
/// quarter, nights on another), runs alternated, pinned to one core. The windowed plan has other
/// shifts than the bench's slots (pieces), so only the time, the shifts and the gaps are compared.
int windowSeries(int runs, quint64 seed)
{
    runs = std::max(1, runs);
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    CPU_SET(std::max(0, sched_getcpu()), &cpus);
    const bool pinned = sched_setaffinity(0, sizeof(cpus), &cpus) == 0;
    const Instance plain = makeInstance(u"L"_s, seed);
    Planner::PlanRequest windowed = plain.request;
    int withWindows = 0;
    for (int r = 0; r < windowed.rotations.size(); r += 2) {
        windowed.rotations[r].windows = windowPreset(r % 4 == 0 ? WindowPreset::BusinessHours : WindowPreset::Nights);
        ++withWindows;
    }
    say(u"## Tandem planner, hour windows"_s);
    say();
    say(u"- Machine: %1, %2; %3; seed %4, %5 runs each, alternated (median)"_s
            .arg(cpuModel(), QSysInfo::prettyProductName(), pinned ? u"pinned to one core"_s : u"not pinned"_s)
            .arg(seed)
            .arg(runs));
    say();
    say(u"| instance | shifts | median CPU | median wall | peak RSS | gaps |"_s);
    say(u"|---|--:|--:|--:|--:|--:|"_s);
    struct Side
    {
        QList<double> cpu;
        QList<double> wall;
        double peak = 0;
        int shifts = 0;
        int gaps = 0;
    };
    Side sides[2];
    for (int run = 0; run < runs; ++run) {
        for (int k = 0; k < 2; ++k) {
            const int which = (run + k) % 2;
            Side &side = sides[which];
            const bool reset = resetPeakRss();
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuMs();
            const Planner::PlanResult result = Planner::plan(which == 0 ? plain.request : windowed);
            side.cpu.append(threadCpuMs() - cpuStart);
            side.wall.append(double(timer.nsecsElapsed()) / 1e6);
            side.peak = std::max(side.peak, peakRssMiB(reset));
            side.shifts = int(result.shifts.size());
            side.gaps = int(result.summary.gaps.size());
        }
    }
    for (int which = 0; which < 2; ++which) {
        const Side &side = sides[which];
        say(u"| %1 | %2 | %3 ms | %4 ms | %5 MiB | %6 |"_s
                .arg(which == 0 ? u"L (%1 rotations, a year, daily)"_s.arg(plain.request.rotations.size())
                                : u"L, hour windows on %1 rotations"_s.arg(withWindows))
                .arg(side.shifts)
                .arg(fixed(median(side.cpu), 1))
                .arg(fixed(median(side.wall), 1))
                .arg(fixed(side.peak, 1))
                .arg(side.gaps));
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Ids and hashes the same in every run: QHash order inside the planner included.
    QHashSeed::setDeterministicGlobalSeed();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tandem_plannerbench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tandem planner benchmark (instances S, M, L; baselines; CBC)."_s);
    parser.addHelpOption();
    const QCommandLineOption sizeOption(u"size"_s, u"Run only this size (S, M or L; repeatable)."_s, u"size"_s);
    const QCommandLineOption noCbcOption(u"no-cbc"_s, u"Skip the CBC quality limit."_s);
    const QCommandLineOption secondsOption(u"cbc-seconds"_s, u"CBC time limit per solve of M (default 60)."_s,
                                           u"seconds"_s, u"60"_s);
    const QCommandLineOption outOption(u"out"_s, u"Write the LP models, CBC logs and the report here."_s, u"dir"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Instance seed (default 1)."_s, u"n"_s, u"1"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Planner runs per size (default 5 for S and M, 3 for L)."_s,
                                        u"n"_s);
    const QCommandLineOption detailOption(u"detail"_s, u"Also list Tandem's load and fair share per ops engineer."_s);
    const QCommandLineOption longOption(
        u"long-years"_s,
        u"Only the long-horizon series: one daily rotation (6 devs, 4 ops) over each number of years in the comma-separated list (e.g. 20,40,80,160); CPU time and its growth per step."_s,
        u"list"_s);
    const QCommandLineOption windowsOption(
        u"windows"_s, u"Only the hour-window series: L beside L with hour windows on half its rotations (issue 17)."_s);
    parser.addOptions({sizeOption, noCbcOption, secondsOption, outOption, seedOption, runsOption, detailOption,
                       longOption, windowsOption});
    parser.process(app);

    if (parser.isSet(windowsOption)) {
        return windowSeries(parser.isSet(runsOption) ? parser.value(runsOption).toInt() : 3,
                            parser.value(seedOption).toULongLong());
    }

    if (parser.isSet(longOption)) {
        return longSeries(parser.value(longOption), parser.isSet(runsOption) ? parser.value(runsOption).toInt() : 3,
                          parser.value(seedOption).toULongLong());
    }

    QStringList sizes = parser.values(sizeOption);
    for (QString &size : sizes) {
        size = size.toUpper();
        if (size != u"S"_s && size != u"M"_s && size != u"L"_s) {
            std::fprintf(stderr, "tandem_plannerbench: unknown size %s (S, M or L)\n", qPrintable(size));
            return 2;
        }
    }
    if (sizes.isEmpty()) {
        sizes = {u"S"_s, u"M"_s, u"L"_s};
    }
    const quint64 seed = parser.value(seedOption).toULongLong();
    QString out = parser.value(outOption);
    if (!out.isEmpty() && !QDir().mkpath(out)) {
        std::fprintf(stderr, "tandem_plannerbench: cannot create %s\n", qPrintable(out));
        return 1;
    }
    QString cbc;
    if (!parser.isSet(noCbcOption)) {
        cbc = QStandardPaths::findExecutable(u"cbc"_s);
        if (cbc.isEmpty()) {
            std::fprintf(stderr, "tandem_plannerbench: no cbc in PATH (Debian: coinor-cbc); CBC skipped\n");
        }
    }
    QDir temporary(QDir::tempPath() + u"/tandem-plannerbench"_s);
    const QString modelFolder = out.isEmpty() ? temporary.absolutePath() : out;
    QDir().mkpath(modelFolder);

    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    // One core: the target is for one core, and the planner is single-threaded anyway.
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    const int cpu = std::max(0, sched_getcpu());
    CPU_SET(cpu, &cpus);
    const bool pinned = sched_setaffinity(0, sizeof(cpus), &cpus) == 0;

    QElapsedTimer total;
    total.start();
    say(u"## Tandem planner benchmark"_s);
    say();
    say(u"- Machine: %1, %2 logical cores, %3; planner pinned to %4"_s.arg(cpuModel())
            .arg(cores)
            .arg(QSysInfo::prettyProductName())
            .arg(pinned ? u"one core (cpu %1)"_s.arg(cpu) : u"no core (affinity refused)"_s));
    say(u"- Qt %1, %2, %3 build; seed %4"_s.arg(QString::fromLatin1(qVersion()))
            .arg(QSysInfo::buildAbi())
#if defined(NDEBUG)
            .arg(u"optimized"_s)
#else
            .arg(u"debug"_s)
#endif
            .arg(seed));
    say(u"- Compiler: "_s + QString::fromLatin1(__VERSION__));

    struct SizeResult
    {
        Instance instance;
        QList<Figures> figures; // Tandem, round-robin, least recently on call
        std::optional<CbcComparison> cbc;
        QList<Figures> cbcFigures; // CBC's solutions, read like the others
        Figures classic;           // Tandem with the classic moves (PlanRequest::Search::Classic)
    };
    QList<SizeResult> results;
    for (const QString &size : std::as_const(sizes)) {
        SizeResult r;
        QElapsedTimer timer;
        timer.start();
        r.instance = makeInstance(size, seed);
        const double generateMs = double(timer.nsecsElapsed()) / 1e6;
        say();
        say(u"### %1: %2"_s.arg(size, r.instance.description));
        say(u"%1 people, %2 leave blocks, %3 % of person-days off; generated in %4 ms"_s
                .arg(r.instance.request.people.size())
                .arg(r.instance.request.timeOff.size())
                .arg(fixed(100 * r.instance.leaveFraction, 1))
                .arg(fixed(generateMs, 0)));
        const int runs = parser.isSet(runsOption) ? std::max(1, parser.value(runsOption).toInt())
                         : size == u"L"_s         ? 3
                                                  : 5;
        QList<Shift> tandemShifts;
        const QList<Figures> tandem = runTandem(r.instance, runs, &tandemShifts);
        r.figures.append(tandem.first());
        r.figures.append(evaluate(r.instance, u"round-robin"_s, roundRobin(r.instance)));
        r.figures.append(evaluate(r.instance, u"least recently on call"_s, leastRecentlyOnCall(r.instance)));
        r.classic = tandem.last();
        const Figures &t = r.figures.first();
        for (const Figures &f : tandem) {
            say(u"%1: median %2 ms wall, %3 ms CPU of %4 runs (fastest %5 ms), peak RSS %6 MiB, %7; fair shares bench vs planner differ by at most %8"_s
                    .arg(f.method)
                    .arg(fixed(f.medianMs, 1))
                    .arg(fixed(f.medianCpuMs, 1))
                    .arg(f.runs)
                    .arg(fixed(f.minMs, 1))
                    .arg(fixed(f.peakMiB, 1))
                    .arg(f.deterministic ? u"identical plans in every run"_s : u"PLANS DIFFER BETWEEN RUNS"_s)
                    .arg(QString::number(f.shareMismatch, 'g', 3)));
        }
        say(u"Full search ÷ classic moves, same runs alternated: wall %1, CPU %2"_s.arg(
            fixed(t.medianMs / r.classic.medianMs), fixed(t.medianCpuMs / r.classic.medianCpuMs)));
        if (parser.isSet(detailOption)) {
            const Planner::FairnessSummary summary = Planner::summarize(r.instance.request, tandemShifts);
            for (const Planner::PersonFigures &p : summary.people) {
                if (p.role == Role::Operations) {
                    say(u"  %1 %2: %3 shifts, load %4, fair share %5"_s.arg(p.pool, p.person.toString().left(8))
                            .arg(p.shifts)
                            .arg(fixed(p.load))
                            .arg(fixed(p.fairShare)));
                }
            }
        }
        if (!t.gapReasons.isEmpty()) {
            say(u"Tandem's empty seats (%1), first ones: %2"_s.arg(t.violations.gaps).arg(t.gapReasons.join(u"; "_s)));
        }
        if (size != u"L"_s && !cbc.isEmpty()) {
            const int seconds = size == u"S"_s ? 60 : parser.value(secondsOption).toInt();
            say(u"CBC on %1 (time limit %2 s per solve)..."_s.arg(size).arg(seconds));
            // At Tandem's own coverage too, where that is quick (S): fairness alone, seat for seat.
            const int sameCoverage = size == u"S"_s && t.violations.gaps > 0 ? t.violations.gaps : -1;
            r.cbc = solveWithCbc(r.instance, cbc, modelFolder, seconds, seconds, tandemShifts, sameCoverage);
            if (r.cbc->maxDeviation.ran) {
                r.cbcFigures.append(evaluate(r.instance, u"CBC, objective 1"_s, r.cbc->maxDeviation.shifts));
            }
            if (r.cbc->sumSquares.ran) {
                r.cbcFigures.append(evaluate(r.instance, u"CBC, objectives 1+2"_s, r.cbc->sumSquares.shifts));
            }
        }
        results.append(r);
    }

    say();
    say(u"### Schedules"_s);
    say();
    say(u"Objective figures by `Planner::summarize()` for every method; violations by the bench's own checker. "
        u"Loads are weighted (weekday 1, weekend day 1.5, per 24 h)."_s);
    say();
    say(u"| size | method | median time | peak RSS | max \\|load − share\\| dev / ops | Σ dev² | load spread | "
        u"count spread | max pair | distinct pairs | min rest h | gaps | violations |"_s);
    say(u"|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"_s);
    for (const SizeResult &r : std::as_const(results)) {
        for (const Figures &f : r.figures.mid(0, 1) + QList<Figures>{r.classic} + r.figures.mid(1) + r.cbcFigures) {
            say(u"| %1 | %2 | %3 | %4 | %5 / %6 | %7 | %8 | %9 | %10 | %11 | %12 | %13 | %14 |"_s.arg(r.instance.name)
                    .arg(f.method)
                    .arg(std::isnan(f.medianMs) ? u""_s : fixed(f.medianMs, 1) + u" ms"_s)
                    .arg(std::isnan(f.peakMiB) ? u""_s : fixed(f.peakMiB, 1) + u" MiB"_s)
                    .arg(fixed(f.devMaxDeviation))
                    .arg(fixed(f.opsMaxDeviation))
                    .arg(fixed(f.objective.sumSquares, 1))
                    .arg(fixed(f.loadSpread))
                    .arg(f.countSpread)
                    .arg(f.objective.maxPairCount)
                    .arg(f.objective.distinctPairs)
                    .arg(fixed(f.objective.minSpacingHours, 0))
                    .arg(f.violations.gaps)
                    .arg(violationText(f.violations)));
        }
    }

    say();
    say(u"### Baselines relative to Tandem (baseline ÷ Tandem)"_s);
    say();
    say(u"Above 1 means the baseline is worse for load spread, max deviation and max pair count; below 1 means "
        u"it is worse for distinct pairs."_s);
    say();
    say(u"| size | baseline | load spread | max \\|load − share\\| | max pair | distinct pairs | Tandem strictly better on spread and variety |"_s);
    say(u"|---|---|--:|--:|--:|--:|---|"_s);
    for (const SizeResult &r : std::as_const(results)) {
        const Figures &t = r.figures.first();
        for (int i = 1; i < r.figures.size(); ++i) {
            const Figures &b = r.figures.at(i);
            const bool spread =
                t.loadSpread < b.loadSpread - 1e-9 && t.objective.maxDeviation < b.objective.maxDeviation - 1e-9;
            const bool variety = t.objective.maxPairCount < b.objective.maxPairCount ||
                                 (t.objective.maxPairCount == b.objective.maxPairCount &&
                                  t.objective.distinctPairs > b.objective.distinctPairs);
            say(u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 |"_s.arg(r.instance.name)
                    .arg(b.method)
                    .arg(ratio(b.loadSpread, t.loadSpread))
                    .arg(ratio(b.objective.maxDeviation, t.objective.maxDeviation))
                    .arg(ratio(b.objective.maxPairCount, t.objective.maxPairCount))
                    .arg(ratio(b.objective.distinctPairs, t.objective.distinctPairs))
                    .arg(spread && variety ? u"yes"_s
                                           : u"no (spread %1, variety %2)"_s.arg(spread ? u"yes"_s : u"no"_s,
                                                                                 variety ? u"yes"_s : u"no"_s)));
        }
    }

    bool anyCbc = false;
    for (const SizeResult &r : std::as_const(results)) {
        anyCbc = anyCbc || r.cbc.has_value();
    }
    if (anyCbc) {
        say();
        say(u"### Quality limit: CBC"_s);
        say();
        say(u"Objective 1 exactly (min z, z ≥ \\|load − fair share\\| for every pool member, every seat filled where "
            u"the rules allow, the planner's hard rules); objective 2 with z fixed to objective 1's best as the "
            u"maximum of 25 tangents of d² per person (an outer approximation: CBC's value and bound are lower "
            u"bounds on the true Σ d²; the true Σ d² of CBC's solution is shown beside it). "
            u"Gap = (Tandem − CBC best) ÷ CBC best."_s);
        say();
        say(u"| size | objective | Tandem | CBC best | CBC bound | CBC status | CBC time | Tandem vs CBC best |"_s);
        say(u"|---|---|--:|--:|--:|---|--:|--:|"_s);
        for (const SizeResult &r : std::as_const(results)) {
            if (!r.cbc) {
                continue;
            }
            const Figures &t = r.figures.first();
            const CbcSolve &one = r.cbc->maxDeviation;
            const CbcSolve &two = r.cbc->sumSquares;
            if (!one.ran) {
                say(u"| %1 | 1. max deviation | %2 | – | – | %3 | | |"_s.arg(
                    r.instance.name, fixed(t.objective.maxDeviation, 4), one.status));
                continue;
            }
            const Figures cbc1 = evaluate(r.instance, u"CBC 1"_s, one.shifts);
            say(u"| %1 | 1. max \\|load − share\\| | %2 | %3 | %4 | %5 | %6 s | %7 |"_s.arg(r.instance.name)
                    .arg(fixed(t.objective.maxDeviation, 4))
                    .arg(fixed(cbc1.objective.maxDeviation, 4))
                    .arg(fixed(one.bound, 4))
                    .arg(one.status + (one.gaps > 0 ? u", %1 gaps"_s.arg(one.gaps) : QString()) +
                         (cbc1.violations.total() > 0 ? u", %1 violations"_s.arg(cbc1.violations.total()) : QString()))
                    .arg(fixed(one.seconds, 1))
                    .arg(gapPercent(t.objective.maxDeviation, cbc1.objective.maxDeviation)));
            const CbcSolve &same = r.cbc->sameCoverage;
            if (same.ran) {
                const Figures cbc3 = evaluate(r.instance, u"CBC 1'"_s, same.shifts);
                say(u"| %1 | 1. at Tandem's coverage (%2 empty seats) | %3 | %4 | %5 | %6 | %7 s | %8 |"_s
                        .arg(r.instance.name)
                        .arg(same.gaps)
                        .arg(fixed(t.objective.maxDeviation, 4))
                        .arg(fixed(cbc3.objective.maxDeviation, 4))
                        .arg(fixed(same.bound, 4))
                        .arg(same.status)
                        .arg(fixed(same.seconds, 1))
                        .arg(gapPercent(t.objective.maxDeviation, cbc3.objective.maxDeviation)));
            }
            if (two.ran) {
                const Figures cbc2 = evaluate(r.instance, u"CBC 2"_s, two.shifts);
                say(u"| %1 | 2. Σ d² (z ≤ %2) | %3 | %4 (tangents %5) | %6 | %7 | %8 s | %9 |"_s.arg(r.instance.name)
                        .arg(fixed(r.cbc->zFixed, 4))
                        .arg(fixed(t.objective.sumSquares, 3))
                        .arg(fixed(cbc2.objective.sumSquares, 3))
                        .arg(fixed(two.objective - 1000.0 * two.gaps, 3))
                        .arg(fixed(two.bound, 3))
                        .arg(two.status + (two.gaps > 0 ? u", %1 gaps"_s.arg(two.gaps) : QString()))
                        .arg(fixed(two.seconds, 1))
                        .arg(gapPercent(t.objective.sumSquares, cbc2.objective.sumSquares)));
            } else {
                say(u"| %1 | 2. Σ d² | %2 | – | – | %3 | | |"_s.arg(r.instance.name, fixed(t.objective.sumSquares, 3),
                                                                    two.status));
            }
        }
        say();
        say(u"Models and CBC logs: "_s + modelFolder);
    }
    say();
    say(u"Total bench time: %1 s"_s.arg(fixed(double(total.elapsed()) / 1000.0, 1)));

    if (!out.isEmpty()) {
        QFile file(out + u"/plannerbench.md"_s);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(report().toUtf8());
        }
    }
    return 0;
}
