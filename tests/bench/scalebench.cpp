// The scale benchmark (issue 13): the roster at 100,000 people and long plans, through the real
// `tandem` executable, measured beside an older build of it in the same run.
//
//   tandem_scalebench --new build/bin/tandem --old build-bench-baseline/build/bin/tandem
//                     [--runs 3] [--people 100000] [--compare-people 10000] [--pool 2000]
//                     [--old-limit 300] [--out bench-results]
//
// Each scenario runs on a fresh database in a temporary folder, old and new taking turns; the
// figures are medians over the runs of wall time, CPU time (user + system) and peak RSS, as
// wait4() reports them for the child. The old build runs with a wall-clock limit: a run it does
// not finish is reported as "> limit".

#include "../childprocess.h"
#include "benchsupport.h"
#include "domain/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <functional>

using namespace Qt::StringLiterals;
using Tandem::Test::Ceilings;
using Tandem::Test::ChildRun;

namespace {

struct Figures
{
    QList<double> wall;
    QList<double> cpu;
    QList<double> rssMb;
    int unfinished = 0;
    QString error;
};

QByteArray rosterCsv(int people, int teams)
{
    QByteArray csv = "name,email,role,team,timezone,phone,capacity,production_access\n";
    csv.reserve(qsizetype(people) * 80);
    for (int i = 0; i < people; ++i) {
        csv += "Person " + QByteArray::number(i) + ",person" + QByteArray::number(i) + "@example.com," +
               (i % 2 ? "operations" : "developer") + ",Team " + QByteArray::number(i % teams) + ",Europe/Berlin,,1,\n";
    }
    return csv;
}

QMap<QString, QString> environment(const QString &dir)
{
    return {{u"XDG_DATA_HOME"_s, dir + u"/data"_s},
            {u"XDG_CONFIG_HOME"_s, dir + u"/config"_s},
            {u"QT_QPA_PLATFORM"_s, u"offscreen"_s}};
}

/// One step of a scenario: the command to measure, after the set-up commands (not measured).
struct Scenario
{
    QString name;
    int people = 0;
    /// Commands run before, each as the executable's arguments; {db} and {dir} replaced.
    QList<QStringList> setup;
    QStringList measured;
};

QStringList substituted(QStringList args, const QString &db, const QString &dir)
{
    for (QString &a : args) {
        a.replace(u"{db}"_s, db).replace(u"{dir}"_s, dir);
    }
    return args;
}

QString fmt(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Roster and planning scale of the tandem executable, beside an older build."_s);
    parser.addHelpOption();
    const QCommandLineOption newOption(u"new"_s, u"The tandem executable under test."_s, u"PATH"_s);
    const QCommandLineOption oldOption(u"old"_s, u"The older tandem executable to compare with."_s, u"PATH"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs per scenario and build (default 3)."_s, u"N"_s, u"3"_s);
    const QCommandLineOption peopleOption(u"people"_s, u"The roster size of the targets (default 100000)."_s, u"N"_s,
                                          u"100000"_s);
    const QCommandLineOption compareOption(u"compare-people"_s, u"The roster size both builds run (default 10000)."_s,
                                           u"N"_s, u"10000"_s);
    const QCommandLineOption poolOption(u"pool"_s, u"Members of the ops pool (default 2000)."_s, u"N"_s, u"2000"_s);
    const QCommandLineOption limitOption(u"old-limit"_s, u"Seconds an old run may take (default 300)."_s, u"SECONDS"_s,
                                         u"300"_s);
    const QCommandLineOption outOption(u"out"_s, u"Folder for the report."_s, u"DIR"_s, u"bench-results"_s);
    parser.addOptions(
        {newOption, oldOption, runsOption, peopleOption, compareOption, poolOption, limitOption, outOption});
    parser.process(app);
    if (!parser.isSet(newOption)) {
        qCritical("tandem_scalebench: --new is required");
        return 2;
    }
    const QString newExe = parser.value(newOption);
    const QString oldExe = parser.value(oldOption);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int people = parser.value(peopleOption).toInt();
    const int comparePeople = parser.value(compareOption).toInt();
    const int poolSize = parser.value(poolOption).toInt();
    const qint64 oldLimitMs = parser.value(limitOption).toLongLong() * 1000;

    QTemporaryDir inputs;
    QHash<int, QString> csvOf;
    for (int n : {comparePeople, people}) {
        if (!csvOf.contains(n)) {
            const QString path = inputs.filePath(u"roster-%1.csv"_s.arg(n));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(rosterCsv(n, 50)) < 0) {
                qCritical("cannot write %s", qPrintable(path));
                return 1;
            }
            csvOf.insert(n, path);
        }
    }
    QStringList members;
    for (int i = 1; i < 2 * poolSize; i += 2) {
        members.append(u"person%1@example.com"_s.arg(i)); // the odd ones are operations engineers
    }
    const QDate today = Tandem::Clock::current().today();
    const QString from = today.addDays(7).toString(Qt::ISODate);
    const QString to = today.addDays(7 + 5 * 365).toString(Qt::ISODate);

    QList<Scenario> scenarios;
    for (int n : {comparePeople, people}) {
        const QString csv = csvOf.value(n);
        scenarios.append({u"first import"_s, n, {}, {u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, csv}});
        scenarios.append({u"re-import, unchanged"_s,
                          n,
                          {{u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, csv}},
                          {u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, csv}});
        scenarios.append({u"roster list --json"_s,
                          n,
                          {{u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, csv}},
                          {u"--db"_s, u"{db}"_s, u"roster"_s, u"list"_s, u"--json"_s}});
        scenarios.append(
            {u"pool add, %1 members"_s.arg(poolSize),
             n,
             {{u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, csv}},
             {u"--db"_s, u"{db}"_s, u"pool"_s, u"add"_s, u"Big ops"_s, u"--members"_s, members.join(u',')}});
    }
    // Point 14: a long plan of daily shifts (5 years, the longest horizon planned at once), two
    // daily rotations in each of the demo's three teams (21,912 seats).
    {
        Scenario plan{u"plan 5 years, 6 daily rotations (--dry-run)"_s, 0, {}, {}};
        plan.setup.append({u"--demo"_s});
        QStringList rotations;
        for (const QString &team : {u"Payments"_s, u"Platform"_s, u"Search"_s}) {
            for (int r = 1; r <= 2; ++r) {
                const QString name = u"%1 daily %2"_s.arg(team).arg(r);
                plan.setup.append({u"--db"_s, u"{db}"_s, u"rotation"_s, u"add"_s, name, u"--team"_s, team,
                                   u"--ops-pool"_s, team + u" ops"_s, u"--length"_s, u"24h"_s, u"--ops-concurrency"_s,
                                   u"2"_s, u"--min-rest"_s, u"0"_s, u"--start"_s, from});
                rotations += QStringList{u"--rotation"_s, name};
            }
        }
        plan.measured = QStringList{u"--db"_s, u"{db}"_s, u"plan"_s} + rotations +
                        QStringList{u"--from"_s, from, u"--to"_s, to, u"--dry-run"_s};
        scenarios.append(plan);
    }

    struct Row
    {
        QString scenario;
        int people = 0;
        Figures neu;
        Figures old;
    };
    QList<Row> rows;
    for (const Scenario &scenario : std::as_const(scenarios)) {
        Row row{scenario.name, scenario.people, {}, {}};
        const bool compare = !oldExe.isEmpty() && (scenario.people == 0 || scenario.people == comparePeople);
        for (int run = 0; run < runs; ++run) {
            // Old and new take turns going first.
            QList<std::pair<QString, Figures *>> order{{newExe, &row.neu}};
            if (compare) {
                order.append({oldExe, &row.old});
                if (run % 2 == 1) {
                    std::swap(order[0], order[1]);
                }
            }
            for (auto &[exe, figures] : order) {
                QTemporaryDir dir;
                const QString db = dir.filePath(u"tandem.sqlite"_s);
                const bool isOld = exe == oldExe && exe != newExe;
                const Ceilings generous{isOld ? oldLimitMs : 600000, 8000};
                for (const QStringList &setup : scenario.setup) {
                    // {"--demo"}: the demo team, made by the build measured, as the database.
                    const bool demo = setup == QStringList{u"--demo"_s};
                    const QStringList args =
                        demo ? QStringList{u"--demo"_s, u"rotation"_s, u"list"_s} : substituted(setup, db, dir.path());
                    const ChildRun r = Tandem::Test::runChild(exe, args, environment(dir.path()), {600000, 8000});
                    if (r.exitCode != 0) {
                        figures->error = u"set-up failed: "_s + r.describe();
                    }
                    if (demo) {
                        QFile::copy(dir.filePath(u"data/Tandem/tandem/demo.sqlite"_s), db);
                    }
                }
                const ChildRun r = Tandem::Test::runChild(exe, substituted(scenario.measured, db, dir.path()),
                                                          environment(dir.path()), generous, {}, generous.milliseconds);
                if (r.signal != 0) {
                    ++figures->unfinished;
                    continue;
                }
                if (r.exitCode != 0) {
                    figures->error = r.describe().left(300);
                    continue;
                }
                figures->wall.append(double(r.milliseconds) / 1000.0);
                figures->cpu.append(double(r.cpuMilliseconds) / 1000.0);
                figures->rssMb.append(double(r.peakKilobytes) / 1024.0);
            }
        }
        rows.append(row);
        fprintf(stderr, "%s (%d people): new %s s\n", qPrintable(scenario.name), scenario.people,
                qPrintable(row.neu.wall.isEmpty() ? u"-"_s : fmt(Tandem::Bench::median(row.neu.wall))));
    }

    QString report;
    QTextStream out(&report);
    out << "Scale benchmark: " << Tandem::Clock::current().now().toLocalTime().toString(Qt::ISODate) << ", "
        << Tandem::Bench::cpuModel() << ", " << QThread::idealThreadCount() << " threads, "
        << QSysInfo::prettyProductName() << "\n";
    out << "new: " << newExe << "\nold: " << (oldExe.isEmpty() ? u"(none)"_s : oldExe) << "\nmedians of " << runs
        << " runs; load average at the end: ";
    QFile loadavg(u"/proc/loadavg"_s);
    if (loadavg.open(QIODevice::ReadOnly)) {
        out << QString::fromLatin1(loadavg.readAll().trimmed());
    }
    out << "\n\n| scenario | people | new wall | new CPU | new peak RSS | old wall | old CPU | old peak RSS | old ÷ "
           "new "
           "(wall) |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|\n";
    for (const Row &row : std::as_const(rows)) {
        auto cell = [](const Figures &f, const QList<double> &values, const QString &unit, int decimals) {
            if (!f.error.isEmpty()) {
                return u"error"_s;
            }
            if (values.isEmpty()) {
                return f.unfinished > 0 ? u"unfinished"_s : QString();
            }
            QString text = fmt(Tandem::Bench::median(values), decimals) + unit;
            if (f.unfinished > 0) {
                text += u" (%1 unfinished)"_s.arg(f.unfinished);
            }
            return text;
        };
        QString ratio;
        if (!row.old.wall.isEmpty() && !row.neu.wall.isEmpty()) {
            ratio = fmt(Tandem::Bench::median(row.old.wall) / Tandem::Bench::median(row.neu.wall), 1);
        } else if (row.old.unfinished > 0 && !row.neu.wall.isEmpty()) {
            ratio = u"> %1"_s.arg(fmt(double(oldLimitMs) / 1000.0 / Tandem::Bench::median(row.neu.wall), 0));
        }
        const QString oldWall = row.old.unfinished > 0 && row.old.wall.isEmpty()
                                    ? u"> %1 s"_s.arg(oldLimitMs / 1000)
                                    : cell(row.old, row.old.wall, u" s"_s, 2);
        out << "| " << row.scenario << " | " << (row.people > 0 ? QString::number(row.people) : u"—"_s) << " | "
            << cell(row.neu, row.neu.wall, u" s"_s, 2) << " | " << cell(row.neu, row.neu.cpu, u" s"_s, 2) << " | "
            << cell(row.neu, row.neu.rssMb, u" MB"_s, 0) << " | " << oldWall << " | "
            << cell(row.old, row.old.cpu, u" s"_s, 2) << " | " << cell(row.old, row.old.rssMb, u" MB"_s, 0) << " | "
            << ratio << " |\n";
        for (const Figures *f : {&row.neu, &row.old}) {
            if (!f->error.isEmpty()) {
                out << "\n" << (f == &row.neu ? "new" : "old") << " " << row.scenario << ": " << f->error << "\n";
            }
        }
    }
    out.flush();
    fputs(qPrintable(report), stdout);
    const QString folder = parser.value(outOption);
    QDir().mkpath(folder);
    QFile file(folder + u"/scalebench.md"_s);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(report.toUtf8());
    }
    return 0;
}
