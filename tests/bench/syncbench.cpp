// The CalDAV sync benchmark (issue 5): against a local Radicale, Tandem's initial upload of S
// shifts (default 10,000), a no-op sync, a sync after 10 edits, with wall time and request
// counts; in the same run the limit, a plain PUT loop of the same encoded events into a second
// empty collection (no database work), and vdirsyncer syncing Tandem's collection to a folder.
// Medians over --runs runs (default 3), each with a fresh database and a fresh Radicale folder.
// Not a ctest test: ./packaging/dev.sh bench sync [--runs N] [--shifts S].

#include "../fakeclock.h"
#include "benchsupport.h"
#include "domain/clock.h"
#include "ical/icalcodec.h"
#include "radicale.h"
#include "services/shiftservice.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/transaction.h"
#include "sync/caldavclient.h"
#include "sync/localitems.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Tandem::Bench;
using namespace Tandem;

namespace {

[[noreturn]] void fail(const QString &why)
{
    fprintf(stderr, "syncbench: %s\n", qPrintable(why));
    exit(1);
}

constexpr int Rotations = 4;
constexpr int PeoplePerRole = 12;
constexpr int ShiftHours = 8;
constexpr int Edits = 10;
constexpr int ProcessTimeoutMs = 30 * 60 * 1000;

struct BenchTeam
{
    TeamId team;
    QList<ShiftId> shifts;
};

// One team (UTC) with 12 developers, 12 ops engineers in one pool and 4 rotations of 8-hour
// shifts running side by side, S shifts in all, written in one transaction through the
// repositories. Slot k of rotation r seats dev (4k + r) mod 12 and ops (4k + r + 5) mod 12:
// nobody sits in two rotations at once, everybody rests 16 h after a shift, and no pair repeats
// in consecutive shifts.
BenchTeam generateTeam(Database &db, int shiftCount, const QDateTime &first)
{
    BenchTeam data;
    Transaction transaction(db);
    const Team team{TeamId::create(), u"Sync bench"_s, u"UTC"_s};
    data.team = team.id;
    TeamRepository(db).insert(team).ok();
    QList<PersonId> devs;
    QList<PersonId> ops;
    PersonRepository people(db);
    for (int i = 0; i < 2 * PeoplePerRole; ++i) {
        Person p;
        p.id = PersonId::create();
        p.role = i < PeoplePerRole ? Role::Developer : Role::Operations;
        p.name = u"%1 %2"_s.arg(p.role == Role::Developer ? u"Dev"_s : u"Ops"_s).arg(i % PeoplePerRole);
        p.email = u"person%1@example.com"_s.arg(i);
        p.timeZone = u"UTC"_s;
        p.teams = {team.id};
        p.productionAccess = Person::defaultProductionAccess(p.role);
        people.insert(p).ok();
        (p.role == Role::Developer ? devs : ops).append(p.id);
    }
    const OpsPool pool{PoolId::create(), u"Sync bench ops"_s, ops};
    PoolRepository(db).insert(pool).ok();
    RotationRepository rotations(db);
    ShiftRepository shifts(db);
    const int perRotation = (shiftCount + Rotations - 1) / Rotations;
    for (int r = 0; r < Rotations; ++r) {
        Rotation rotation;
        rotation.id = RotationId::create();
        rotation.teamId = team.id;
        rotation.name = u"Rotation %1"_s.arg(r + 1);
        rotation.opsPoolId = pool.id;
        rotation.timeZone = u"UTC"_s;
        rotation.shiftMinutes = ShiftHours * 60;
        rotation.handoffTime = first.time();
        rotation.startDate = first.date();
        rotation.rules.opsConcurrency = 1;
        if (!rotations.insert(rotation)) {
            fail(u"cannot write rotation %1"_s.arg(r));
        }
        for (int k = 0; k < perRotation && data.shifts.size() < shiftCount; ++k) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = rotation.id;
            s.start = first.addSecs(qint64(k) * ShiftHours * 3600);
            s.end = s.start.addSecs(qint64(ShiftHours) * 3600);
            s.dev = devs.at((Rotations * k + r) % PeoplePerRole);
            s.ops = ops.at((Rotations * k + r + 5) % PeoplePerRole);
            if (auto status = shifts.insert(s); !status) {
                fail(u"cannot write a shift: %1"_s.arg(status.errorMessage()));
            }
            data.shifts.append(s.id);
        }
    }
    if (auto status = transaction.commit(); !status) {
        fail(u"cannot write the benchmark data: %1"_s.arg(status.errorMessage()));
    }
    return data;
}

DavSettings davSettings(const QUrl &url)
{
    DavSettings s;
    s.url = url;
    s.username = u"bench"_s;
    s.timeoutMs = 300000; // a sync-collection over 10,000 items takes a while on Radicale
    return s;
}

void makeCollection(const QUrl &url)
{
    CalDavClient client(davSettings(url));
    auto made = client.makeCalendar(u"Sync bench"_s);
    if (auto *error = std::get_if<DavError>(&made)) {
        fail(u"MKCALENDAR %1: %2"_s.arg(url.toDisplayString(), error->message));
    }
    if (!std::get<bool>(made)) {
        fail(u"%1 already exists in a fresh Radicale folder"_s.arg(url.toDisplayString()));
    }
}

// CPU time of this process (the client: Tandem or the PUT loop), user + system.
double clientCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// CPU time of the running Radicale (the child python3 of this process), user + system, from
// /proc/PID/stat; -1 when not found.
double serverCpuMs()
{
    const QString self = QString::number(getpid());
    const double tick = double(sysconf(_SC_CLK_TCK));
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(u"/proc/%1/stat"_s.arg(pid));
        if (pid.front().isDigit() && file.open(QIODevice::ReadOnly)) {
            const QByteArray stat = file.readAll();
            // After "(comm)": state ppid ... utime (14th field) stime (15th).
            const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
            if (stat.contains("(python3") && fields.size() > 12 && fields.at(1) == self.toLatin1()) {
                return (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1000 / tick;
            }
        }
    }
    return -1;
}

struct Cpu
{
    double client = 0;
    double server = 0;
};

struct CpuMeter
{
    double client = clientCpuMs();
    double server = serverCpuMs();
    Cpu elapsed() const { return {clientCpuMs() - client, serverCpuMs() - server}; }
};

struct Timed
{
    double ms = 0;
    Cpu cpu;
    SyncReport report;
    double firstSendMs = -1; // from run() to the first resource sent (pull + outbox + listing)
};

Timed timedSync(Database &db, TeamId team, const QUrl &url)
{
    SyncEngine engine(db, team, davSettings(url));
    Timed t;
    QElapsedTimer timer;
    engine.setProgress([&](const QString &, int done, int total) {
        if (t.firstSendMs < 0 && total > 0 && done == 1) {
            t.firstSendMs = double(timer.nsecsElapsed()) / 1e6;
        }
    });
    const CpuMeter cpu;
    timer.start();
    t.report = engine.run();
    t.ms = double(timer.nsecsElapsed()) / 1e6;
    t.cpu = cpu.elapsed();
    if (!t.report.ok) {
        fail(u"sync failed: %1"_s.arg(t.report.message));
    }
    return t;
}

struct Encoded
{
    QString name; // resource name in the collection (uid, or the roster's fixed name)
    QByteArray ics;
};

// What Tandem's first sync sends, encoded as the engine encodes it: every resource of the team
// (the shifts and the roster), same JSON, same directory.
QList<Encoded> encodeTeam(Database &db, TeamId team)
{
    LocalItems local(db, team);
    auto directory = local.directory();
    auto all = local.all();
    if (!directory || !all) {
        fail(u"cannot read the team's resources"_s);
    }
    QList<Encoded> result;
    for (const ResourceRef &ref : all.value()) {
        auto current = local.current(ref);
        if (!current || !current.value()) {
            fail(u"cannot read resource %1"_s.arg(ref.uid));
        }
        result.append({ref.kind == ResourceKind::Roster ? RosterResourceName.toString() : ref.uid,
                       encodeResource(ResourceData{ref.kind, ref.uid, *current.value()}, directory.value())});
    }
    return result;
}

struct Process
{
    int exitCode = -1;
    bool finished = false;
    QByteArray output; // stdout and stderr
    double ms = 0;
};

Process runProcess(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"PYTHONPATH"_s);
    env.remove(u"PYTHONHOME"_s);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    Process result;
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        result.output = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(ProcessTimeoutMs) && process.exitStatus() == QProcess::NormalExit;
    result.ms = double(timer.nsecsElapsed()) / 1e6;
    result.exitCode = process.exitCode();
    result.output = process.readAll();
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    return result;
}

QString versionOf(const QString &program, const QStringList &args)
{
    const Process p = runProcess(program, args);
    return p.finished && p.exitCode == 0 ? QString::fromUtf8(p.output).trimmed() : QString();
}

QString lastLines(const QByteArray &output, int n = 6)
{
    QStringList lines = QString::fromUtf8(output).trimmed().split(u'\n');
    if (lines.size() > n) {
        lines = lines.mid(lines.size() - n);
    }
    return lines.join(u" | "_s);
}

struct Vdirsyncer
{
    bool ok = false;
    QString why;
    double discoverMs = 0;
    double firstMs = 0;
    double secondMs = 0;
    int files = 0;
};

// vdirsyncer pulling Tandem's collection into an empty folder (a = the collection, b = the
// folder, collections = null: the URL is the collection), then a second, no-op sync.
Vdirsyncer runVdirsyncer(const QUrl &collection)
{
    Vdirsyncer v;
    const QString program = u"/usr/bin/vdirsyncer"_s;
    if (!QFile::exists(program)) {
        v.why = u"/usr/bin/vdirsyncer is not installed (Debian package vdirsyncer)"_s;
        return v;
    }
    QTemporaryDir dir;
    const QString local = dir.filePath(u"local"_s);
    QDir().mkpath(local);
    const QString config = dir.filePath(u"config"_s);
    const QByteArray text = QStringLiteral("[general]\n"
                                           "status_path = \"%1\"\n\n"
                                           "[pair bench]\n"
                                           "a = \"bench_remote\"\n"
                                           "b = \"bench_local\"\n"
                                           "collections = null\n"
                                           "conflict_resolution = \"a wins\"\n\n"
                                           "[storage bench_remote]\n"
                                           "type = \"caldav\"\n"
                                           "url = \"%2\"\n"
                                           "username = \"bench\"\n"
                                           "password = \"bench\"\n\n"
                                           "[storage bench_local]\n"
                                           "type = \"filesystem\"\n"
                                           "path = \"%3\"\n"
                                           "fileext = \".ics\"\n")
                                .arg(dir.filePath(u"status"_s), collection.toString(), local)
                                .toUtf8();
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        v.why = u"cannot write %1"_s.arg(config);
        return v;
    }
    file.close();
    const auto step = [&](const QString &command, double &ms) {
        // discover asks before creating a collection: answer yes.
        const Process p = runProcess(program, {u"-c"_s, config, command}, "y\ny\ny\n");
        ms = p.ms;
        if (!p.finished || p.exitCode != 0) {
            v.why = u"vdirsyncer %1 %2: %3"_s.arg(
                command, p.finished ? u"exited with %1"_s.arg(p.exitCode) : u"did not finish"_s, lastLines(p.output));
            return false;
        }
        return true;
    };
    if (!step(u"discover"_s, v.discoverMs) || !step(u"sync"_s, v.firstMs) || !step(u"sync"_s, v.secondMs)) {
        return v;
    }
    v.files = int(QDir(local).entryList({u"*.ics"_s}, QDir::Files).size());
    v.ok = true;
    return v;
}

struct RunFigures
{
    bool putLoopFirst = false;
    double encodeMs = 0;
    int resources = 0;
    Timed upload;
    Timed noop;
    Timed edits;
    Timed settled;
    double putLoopMs = 0;
    int putLoopRequests = 0;
    Cpu putLoopCpu;
    Vdirsyncer vdir;
    double ratio() const { return upload.ms / putLoopMs; }
};

RunFigures oneRun(int run, int shiftCount, bool withVdirsyncer)
{
    RunFigures f;
    Test::RadicaleServer server;
    if (!server.start()) {
        fail(u"cannot start Radicale: %1"_s.arg(server.errorString()));
    }
    const QDateTime first(QDate(2026, 1, 5), QTime(6, 0), Qt::UTC);
    FakeClock clock(first.addDays(-4));
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(u"sync.sqlite"_s), clock);
    if (!opened) {
        fail(u"cannot open the database: %1"_s.arg(opened.errorMessage()));
    }
    Database &db = *opened.value();
    db.setActor(u"bench@example.com"_s);
    const BenchTeam data = generateTeam(db, shiftCount, first);

    const QUrl tandemUrl = server.url(u"/bench/tandem/"_s);
    const QUrl putUrl = server.url(u"/bench/putloop/"_s);
    makeCollection(tandemUrl);
    makeCollection(putUrl);
    if (!connectTeam(db, data.team, davSettings(tandemUrl))) {
        fail(u"cannot connect the team"_s);
    }

    // The PUT loop's bytes, encoded before its clock starts.
    QElapsedTimer timer;
    timer.start();
    const QList<Encoded> encoded = encodeTeam(db, data.team);
    f.encodeMs = double(timer.nsecsElapsed()) / 1e6;
    f.resources = int(encoded.size());

    const auto putLoop = [&] {
        CalDavClient client(davSettings(putUrl));
        const CpuMeter cpu;
        QElapsedTimer t;
        t.start();
        for (const Encoded &e : encoded) {
            auto put = client.put(client.hrefFor(e.name), e.ics, {});
            if (auto *error = std::get_if<DavError>(&put)) {
                fail(u"PUT %1: %2"_s.arg(e.name, error->message));
            }
        }
        f.putLoopMs = double(t.nsecsElapsed()) / 1e6;
        f.putLoopCpu = cpu.elapsed();
        f.putLoopRequests = client.requestCount();
    };
    // Alternate which of the two uploads comes first, so neither always meets the busier server.
    f.putLoopFirst = run % 2 == 1;
    if (f.putLoopFirst) {
        putLoop();
    }
    f.upload = timedSync(db, data.team, tandemUrl);
    if (!f.putLoopFirst) {
        putLoop();
    }
    f.noop = timedSync(db, data.team, tandemUrl);

    ShiftService service(db);
    for (int i = 0; i < Edits; ++i) {
        const ShiftId id = data.shifts.at(qsizetype(i) * data.shifts.size() / Edits);
        if (auto edit = service.setNote(id, u"Bench handoff note %1 of run %2"_s.arg(i + 1).arg(run + 1)); !edit) {
            fail(u"setNote: %1"_s.arg(edit.errorMessage()));
        }
    }
    f.edits = timedSync(db, data.team, tandemUrl);
    f.settled = timedSync(db, data.team, tandemUrl);

    if (withVdirsyncer) {
        f.vdir = runVdirsyncer(tandemUrl);
    } else {
        f.vdir.why = u"skipped (--no-vdirsyncer)"_s;
    }
    return f;
}

QString ms(double v)
{
    return v >= 10000 ? u"%1 s"_s.arg(v / 1000, 0, 'f', 1)
                      : (v >= 100 ? u"%1 ms"_s.arg(v, 0, 'f', 0) : u"%1 ms"_s.arg(v, 0, 'f', 1));
}

template <typename F> double med(const QList<RunFigures> &runs, F value)
{
    QList<double> values;
    for (const RunFigures &r : runs) {
        values.append(double(value(r)));
    }
    return median(values);
}

template <typename F> QJsonArray each(const QList<RunFigures> &runs, F value)
{
    QJsonArray values;
    for (const RunFigures &r : runs) {
        values.append(double(value(r)));
    }
    return values;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Tandem's CalDAV sync against a local Radicale, a plain PUT loop and vdirsyncer."_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"Runs (default 3); medians are reported."_s, u"n"_s, u"3"_s);
    const QCommandLineOption shiftsOption(u"shifts"_s, u"Shifts to upload (default 10000)."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption outOption(u"out"_s, u"Write syncbench.json and syncbench.txt here."_s, u"dir"_s);
    const QCommandLineOption noVdirOption(u"no-vdirsyncer"_s, u"Skip vdirsyncer."_s);
    parser.addOptions({runsOption, shiftsOption, outOption, noVdirOption});
    parser.process(app);
    bool okRuns = false;
    bool okShifts = false;
    const int runs = parser.value(runsOption).toInt(&okRuns);
    const int shiftCount = parser.value(shiftsOption).toInt(&okShifts);
    if (!okRuns || runs < 1 || !okShifts || shiftCount < Edits) {
        fail(u"--runs must be at least 1 and --shifts at least %1"_s.arg(Edits));
    }

    const QString machine = u"%1, %2, %3 threads, Qt %4"_s.arg(QSysInfo::prettyProductName(), cpuModel())
                                .arg(QThread::idealThreadCount())
                                .arg(QString::fromLatin1(qVersion()));
    const QString radicale = versionOf(u"/usr/bin/python3"_s, {u"-c"_s, u"import radicale; print(radicale.VERSION)"_s});
    const QString vdirsyncer =
        parser.isSet(noVdirOption) ? QString() : versionOf(u"/usr/bin/vdirsyncer"_s, {u"--version"_s});
    say(u"machine: %1"_s.arg(machine));
    say(u"Radicale %1 (storage filesystem, auth none, one fresh folder per run); %2"_s.arg(
        radicale.isEmpty() ? u"unknown version"_s : radicale,
        vdirsyncer.isEmpty() ? u"vdirsyncer not available"_s : vdirsyncer));
    say(u"%1 shifts (4 rotations of 8-hour shifts, one team of 12 devs and 12 ops), %2 runs"_s.arg(shiftCount)
            .arg(runs));
    say();

    QList<RunFigures> results;
    QElapsedTimer total;
    total.start();
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const RunFigures f = oneRun(run, shiftCount, !parser.isSet(noVdirOption));
        QString vdir =
            f.vdir.ok
                ? u"vdirsyncer %1 / %2 (%3 files)"_s.arg(ms(f.vdir.firstMs), ms(f.vdir.secondMs)).arg(f.vdir.files)
                : u"vdirsyncer: %1"_s.arg(f.vdir.why);
        say(u"run %1 (%2 first): upload %3 (%4 req, first PUT after %5), PUT loop %6 (%7 req), ratio %8; "
            "no-op %9 (%10 req); 10 edits %11 (%12 req); settled %13 (%14 req); encode %15; %16; run took %17"_s
                .arg(run + 1)
                .arg(f.putLoopFirst ? u"PUT loop"_s : u"Tandem"_s)
                .arg(ms(f.upload.ms))
                .arg(f.upload.report.requests)
                .arg(ms(f.upload.firstSendMs))
                .arg(ms(f.putLoopMs))
                .arg(f.putLoopRequests)
                .arg(f.ratio(), 0, 'f', 2)
                .arg(ms(f.noop.ms))
                .arg(f.noop.report.requests)
                .arg(ms(f.edits.ms))
                .arg(f.edits.report.requests)
                .arg(ms(f.settled.ms))
                .arg(f.settled.report.requests)
                .arg(ms(f.encodeMs))
                .arg(vdir)
                .arg(ms(double(timer.elapsed()))));
        say(u"  CPU client / Radicale: upload %1 / %2, PUT loop %3 / %4, no-op %5 / %6"_s.arg(ms(f.upload.cpu.client))
                .arg(ms(f.upload.cpu.server))
                .arg(ms(f.putLoopCpu.client))
                .arg(ms(f.putLoopCpu.server))
                .arg(ms(f.noop.cpu.client))
                .arg(ms(f.noop.cpu.server)));
        results.append(f);
    }
    say();

    const auto &r = results;
    const double upload = med(r, [](const RunFigures &f) { return f.upload.ms; });
    const double putLoop = med(r, [](const RunFigures &f) { return f.putLoopMs; });
    const double ratio = med(r, [](const RunFigures &f) { return f.ratio(); });
    const double noop = med(r, [](const RunFigures &f) { return f.noop.ms; });
    const double noopRequests = med(r, [](const RunFigures &f) { return f.noop.report.requests; });
    const double settledRequests = med(r, [](const RunFigures &f) { return f.settled.report.requests; });
    const int resources = r.first().resources;
    say(u"| step | median time | requests | per resource | note |"_s);
    say(u"|---|--:|--:|--:|---|"_s);
    const auto row = [&](const QString &step, double time, double requests, int count, const QString &note) {
        say(u"| %1 | %2 | %3 | %4 | %5 |"_s.arg(step, ms(time),
                                                requests < 0 ? u"—"_s : QString::number(requests, 'f', 0),
                                                count > 0 ? u"%1 ms"_s.arg(time / count, 0, 'f', 2) : QString(), note));
    };
    row(u"Tandem initial upload"_s, upload, med(r, [](const RunFigures &f) { return f.upload.report.requests; }),
        resources,
        u"%1 sent (%2 shifts + roster); first PUT after %3"_s
            .arg(int(med(r, [](const RunFigures &f) { return f.upload.report.sent; })))
            .arg(shiftCount)
            .arg(ms(med(r, [](const RunFigures &f) { return f.upload.firstSendMs; }))));
    row(u"plain PUT loop (baseline)"_s, putLoop, med(r, [](const RunFigures &f) { return f.putLoopRequests; }),
        resources,
        u"same bytes, If-None-Match: *, encoded beforehand (%1)"_s.arg(
            ms(med(r, [](const RunFigures &f) { return f.encodeMs; }))));
    row(u"no-op sync after the upload"_s, noop, noopRequests, 0,
        u"sync-collection lists the %1 uploaded items (token from before the upload)"_s.arg(resources));
    row(u"sync after 10 edits"_s, med(r, [](const RunFigures &f) { return f.edits.ms; }),
        med(r, [](const RunFigures &f) { return f.edits.report.requests; }), 0,
        u"%1 sent"_s.arg(int(med(r, [](const RunFigures &f) { return f.edits.report.sent; }))));
    row(u"no-op sync, settled"_s, med(r, [](const RunFigures &f) { return f.settled.ms; }), settledRequests, 0,
        u"empty sync-collection answer"_s);
    QList<RunFigures> vdirRuns;
    for (const RunFigures &f : r) {
        if (f.vdir.ok) {
            vdirRuns.append(f);
        }
    }
    if (!vdirRuns.isEmpty()) {
        row(u"vdirsyncer first sync (download)"_s, med(vdirRuns, [](const RunFigures &f) { return f.vdir.firstMs; }),
            -1, resources,
            u"%1 files; discover %2"_s.arg(vdirRuns.first().vdir.files).arg(ms(med(vdirRuns, [](const RunFigures &f) {
                return f.vdir.discoverMs;
            }))));
        row(u"vdirsyncer no-op sync"_s, med(vdirRuns, [](const RunFigures &f) { return f.vdir.secondMs; }), -1, 0, {});
    } else {
        say(u"| vdirsyncer | — | — | — | %1 |"_s.arg(r.first().vdir.why));
    }
    say();
    say(u"Where the upload time goes (medians; the rest is neither process on a CPU: fsync, waits):"_s);
    say(u"| | wall | client CPU | Radicale CPU | rest |"_s);
    say(u"|---|--:|--:|--:|--:|"_s);
    const auto split = [&](const QString &what, double wall, double client, double server) {
        say(u"| %1 | %2 | %3 | %4 | %5 |"_s.arg(what, ms(wall), ms(client), ms(server), ms(wall - client - server)));
    };
    split(u"Tandem initial upload"_s, upload, med(r, [](const RunFigures &f) { return f.upload.cpu.client; }),
          med(r, [](const RunFigures &f) { return f.upload.cpu.server; }));
    split(u"plain PUT loop"_s, putLoop, med(r, [](const RunFigures &f) { return f.putLoopCpu.client; }),
          med(r, [](const RunFigures &f) { return f.putLoopCpu.server; }));
    split(u"no-op sync after the upload"_s, noop, med(r, [](const RunFigures &f) { return f.noop.cpu.client; }),
          med(r, [](const RunFigures &f) { return f.noop.cpu.server; }));
    say();
    const bool uploadMet = ratio <= 1.5;
    const bool noopMet = noopRequests <= 1 && settledRequests <= 1;
    say(u"upload ÷ PUT loop (median of the per-run ratios): %1 — target ≤ 1.5: %2"_s.arg(ratio, 0, 'f', 2)
            .arg(uploadMet ? u"met"_s : u"missed"_s));
    say(u"no-op sync requests: %1 after the upload, %2 settled — target 1: %3"_s.arg(noopRequests)
            .arg(settledRequests)
            .arg(noopMet ? u"met"_s : u"missed"_s));
    say(u"total %1"_s.arg(ms(double(total.elapsed()))));

    if (parser.isSet(outOption)) {
        QJsonObject json;
        json.insert(u"machine"_s, machine);
        json.insert(u"radicale"_s, radicale);
        json.insert(u"vdirsyncer"_s, vdirsyncer);
        json.insert(u"shifts"_s, shiftCount);
        json.insert(u"resources"_s, resources);
        json.insert(u"runs"_s, runs);
        QJsonObject medians;
        medians.insert(u"uploadMs"_s, upload);
        medians.insert(u"uploadRequests"_s, med(r, [](const RunFigures &f) { return f.upload.report.requests; }));
        medians.insert(u"putLoopMs"_s, putLoop);
        medians.insert(u"putLoopRequests"_s, med(r, [](const RunFigures &f) { return f.putLoopRequests; }));
        medians.insert(u"uploadOverPutLoop"_s, ratio);
        medians.insert(u"noopMs"_s, noop);
        medians.insert(u"noopRequests"_s, noopRequests);
        medians.insert(u"editsMs"_s, med(r, [](const RunFigures &f) { return f.edits.ms; }));
        medians.insert(u"editsRequests"_s, med(r, [](const RunFigures &f) { return f.edits.report.requests; }));
        medians.insert(u"settledMs"_s, med(r, [](const RunFigures &f) { return f.settled.ms; }));
        medians.insert(u"settledRequests"_s, settledRequests);
        medians.insert(u"encodeMs"_s, med(r, [](const RunFigures &f) { return f.encodeMs; }));
        if (!vdirRuns.isEmpty()) {
            medians.insert(u"vdirsyncerFirstMs"_s, med(vdirRuns, [](const RunFigures &f) { return f.vdir.firstMs; }));
            medians.insert(u"vdirsyncerNoopMs"_s, med(vdirRuns, [](const RunFigures &f) { return f.vdir.secondMs; }));
        }
        medians.insert(u"uploadClientCpuMs"_s, med(r, [](const RunFigures &f) { return f.upload.cpu.client; }));
        medians.insert(u"uploadServerCpuMs"_s, med(r, [](const RunFigures &f) { return f.upload.cpu.server; }));
        medians.insert(u"putLoopClientCpuMs"_s, med(r, [](const RunFigures &f) { return f.putLoopCpu.client; }));
        medians.insert(u"putLoopServerCpuMs"_s, med(r, [](const RunFigures &f) { return f.putLoopCpu.server; }));
        json.insert(u"medians"_s, medians);
        QJsonObject perRun;
        perRun.insert(u"uploadMs"_s, each(r, [](const RunFigures &f) { return f.upload.ms; }));
        perRun.insert(u"uploadFirstSendMs"_s, each(r, [](const RunFigures &f) { return f.upload.firstSendMs; }));
        perRun.insert(u"putLoopMs"_s, each(r, [](const RunFigures &f) { return f.putLoopMs; }));
        perRun.insert(u"putLoopFirst"_s, each(r, [](const RunFigures &f) { return f.putLoopFirst ? 1 : 0; }));
        perRun.insert(u"noopMs"_s, each(r, [](const RunFigures &f) { return f.noop.ms; }));
        perRun.insert(u"editsMs"_s, each(r, [](const RunFigures &f) { return f.edits.ms; }));
        perRun.insert(u"settledMs"_s, each(r, [](const RunFigures &f) { return f.settled.ms; }));
        perRun.insert(u"vdirsyncerFirstMs"_s,
                      each(r, [](const RunFigures &f) { return f.vdir.ok ? f.vdir.firstMs : -1; }));
        perRun.insert(u"vdirsyncerNoopMs"_s,
                      each(r, [](const RunFigures &f) { return f.vdir.ok ? f.vdir.secondMs : -1; }));
        json.insert(u"perRun"_s, perRun);
        if (vdirRuns.size() < r.size()) {
            json.insert(u"vdirsyncerProblem"_s, r.first().vdir.why);
        }
        QJsonObject targets;
        targets.insert(u"uploadWithin1.5xPutLoop"_s, uploadMet);
        targets.insert(u"noopOneRequest"_s, noopMet);
        json.insert(u"targets"_s, targets);

        const QString out = parser.value(outOption);
        QDir().mkpath(out);
        QFile jsonFile(QDir(out).filePath(u"syncbench.json"_s));
        QFile textFile(QDir(out).filePath(u"syncbench.txt"_s));
        if (!jsonFile.open(QIODevice::WriteOnly) || !textFile.open(QIODevice::WriteOnly)) {
            fail(u"cannot write into %1"_s.arg(out));
        }
        jsonFile.write(QJsonDocument(json).toJson());
        textFile.write(report().toUtf8());
        printf("wrote %s and syncbench.txt\n", qPrintable(jsonFile.fileName()));
    }
    return 0;
}
