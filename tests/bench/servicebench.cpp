// The follow-the-sun service benchmark (issue 17): a service with 3 legs (Sydney, Berlin, New
// York, 8 hours a day each in their own zones) over a year, in a temporary SQLite database. Medians
// of the service's coverage (reading the legs' shifts and merging them), of the merge alone, and,
// as the baseline in the same run, of the existing coverage report of the same three rotations
// over the same year. Not a ctest test; run it by hand: build/bin/tandem_servicebench [--runs N].

#include "../fakeclock.h"
#include "benchsupport.h"
#include "services/reportservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/servicecatalog.h"
#include "store/database.h"
#include "store/shiftrepository.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Tandem::Bench;
using namespace Tandem;

namespace {

template <typename T> T check(Result<T> result, const char *what)
{
    if (!result) {
        qFatal("%s: %s", what, qPrintable(result.errorMessage()));
    }
    return std::move(result).value();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 21;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(u"--runs"_s); i >= 0 && i + 1 < args.size()) {
        runs = std::max(1, args.at(i + 1).toInt());
    }
    FakeClock clock(QDateTime(QDate(2025, 12, 1), QTime(12, 0), Qt::UTC));
    QTemporaryDir dir;
    const auto database = openDatabase(dir.filePath(u"service.sqlite"_s), clock);
    Database &db = *database;
    printf("machine: %s, %s, %d threads, Qt %s\n", qPrintable(QSysInfo::prettyProductName()), qPrintable(cpuModel()),
           QThread::idealThreadCount(), qVersion());

    RosterService roster(db);
    RotationService rotations(db);
    const Team team = check(roster.addTeam(Team{{}, u"Global"_s, u"Europe/Berlin"_s}), "team");
    QList<PersonId> devs;
    OpsPool pool;
    pool.name = u"Global ops"_s;
    for (int i = 0; i < 6; ++i) {
        Person dev;
        dev.name = u"Dev %1"_s.arg(i);
        dev.email = u"dev%1@example.com"_s.arg(i);
        dev.timeZone = u"Europe/Berlin"_s;
        dev.teams = {team.id};
        devs.append(check(roster.addPerson(dev), "dev").id);
        Person op = dev;
        op.name = u"Ops %1"_s.arg(i);
        op.email = u"ops%1@example.com"_s.arg(i);
        op.role = Role::Operations;
        op.productionAccess = true;
        op.teams = {team.id};
        pool.members.append(check(roster.addPerson(op), "ops").id);
    }
    pool = check(rotations.addPool(pool), "pool");
    struct Leg
    {
        QString name;
        QString zone;
        QTime start;
    };
    const QList<Leg> legs{{u"Sydney"_s, u"Australia/Sydney"_s, QTime(9, 0)},
                          {u"Berlin"_s, u"Europe/Berlin"_s, QTime(9, 0)},
                          {u"New York"_s, u"America/New_York"_s, QTime(9, 0)}};
    const QDate first(2026, 1, 1);
    const QDate last(2026, 12, 31);
    Service service;
    service.name = u"Payments production"_s;
    QList<RotationId> rotationIds;
    int shiftCount = 0;
    {
        Transaction transaction(db);
        ShiftRepository shifts(db);
        for (int l = 0; l < legs.size(); ++l) {
            Rotation r;
            r.teamId = team.id;
            r.name = legs.at(l).name;
            r.opsPoolId = pool.id;
            r.timeZone = legs.at(l).zone;
            r.shiftMinutes = 8 * 60;
            r.handoffTime = legs.at(l).start;
            r.startDate = first;
            r = check(rotations.addRotation(r), "rotation");
            rotationIds.append(r.id);
            const QTimeZone zone(r.timeZone.toUtf8());
            for (QDate d = first; d <= last; d = d.addDays(1)) {
                Shift s;
                s.id = ShiftId::create();
                s.rotationId = r.id;
                s.start = QDateTime(d, r.handoffTime, zone).toUTC();
                s.end = s.start.addSecs(8 * 3600);
                s.dev = devs.at((shiftCount + l) % devs.size());
                s.ops = pool.members.at((shiftCount + 2 * l) % pool.members.size());
                if (auto status = shifts.insert(s); !status) {
                    qFatal("shift: %s", qPrintable(status.errorMessage()));
                }
                ++shiftCount;
            }
        }
        if (auto status = transaction.commit(); !status) {
            qFatal("commit: %s", qPrintable(status.errorMessage()));
        }
    }
    service.legs = rotationIds;
    ServiceCatalog catalog(db);
    service = check(catalog.addService(service), "service");
    printf("a service with %d legs, %d shifts over %s to %s; %d runs each\n", int(legs.size()), shiftCount,
           qPrintable(first.toString(Qt::ISODate)), qPrintable(last.toString(Qt::ISODate)), runs);

    QElapsedTimer timer;
    QList<double> full;
    Reports::ServiceCoverage coverage;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        coverage = check(catalog.coverage(service.id, first, last), "coverage");
        full.append(double(timer.nsecsElapsed()) / 1e6);
    }

    // The merge alone, on shifts read once.
    Reports::ServiceCoverageInput input;
    input.service = service;
    input.from = QDateTime(first, QTime(0, 0), QTimeZone("Europe/Berlin")).toUTC();
    input.to = QDateTime(last.addDays(1), QTime(0, 0), QTimeZone("Europe/Berlin")).toUTC();
    for (const RotationId &id : rotationIds) {
        input.rotations.append(check(rotations.rotation(id), "rotation").value());
        input.shifts += check(rotations.shifts(input.from, input.to, id), "shifts");
    }
    QList<double> merge;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        const auto c = Reports::serviceCoverage(input);
        merge.append(double(timer.nsecsElapsed()) / 1e6);
        if (c.coveredMinutes != coverage.coveredMinutes) {
            qFatal("the merge alone disagrees with the service");
        }
    }

    // Baseline: the rotation coverage report of the same three rotations over the same year.
    ReportService reports(db);
    ReportScope scope;
    scope.rotations = rotationIds;
    scope.from = first;
    scope.to = last;
    QList<double> baseline;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        check(reports.coverage(scope), "rotation coverage");
        baseline.append(double(timer.nsecsElapsed()) / 1e6);
    }

    say(u"service coverage over a year (3 legs, read + merge): median %1 ms, 95th %2 ms (budget 50 ms)"_s.arg(
        fixed(median(full)), fixed(percentile(full, 0.95))));
    say(u"  the merge alone: median %1 ms"_s.arg(fixed(median(merge), 3)));
    say(u"  result: %1% covered, %2 hole minutes, %3 holes, %4 overlaps"_s.arg(fixed(coverage.coveredPercent()))
            .arg(coverage.holeMinutes())
            .arg(coverage.holes.size())
            .arg(coverage.overlaps.size()));
    say(u"baseline, rotation coverage report of the same 3 rotations over the year: median %1 ms"_s.arg(
        fixed(median(baseline))));
    return median(full) < 50.0 ? 0 : 1;
}
