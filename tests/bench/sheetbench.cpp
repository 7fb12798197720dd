// Times a one-year list sheet for 10 rotations (3,650 daily shifts) written to PDF: the median
// of 5 runs, with the machine it ran on. Not a ctest test; run it by hand or from a script.

#include "sheetrenderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {

Reports::SheetData yearOfTenRotations()
{
    Reports::SheetData data;
    data.title = u"Benchmark team"_s;
    data.from = QDate(2026, 1, 1);
    data.to = QDate(2026, 12, 31);
    data.generatedAt = QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
    Team team{TeamId::create(), u"Benchmark team"_s, u"Europe/Berlin"_s};
    data.teams.insert(team.id, team);
    OpsPool pool{PoolId::create(), u"Bench ops"_s, {}};
    QList<PersonId> devs;
    for (int i = 0; i < 40; ++i) {
        Person p;
        p.id = PersonId::create();
        p.name = u"Person %1 Lastname-%2"_s.arg(i).arg(QChar(u'A' + i % 26));
        p.email = u"p%1@example.com"_s.arg(i);
        p.role = i % 2 ? Role::Operations : Role::Developer;
        p.phone = u"+49 30 5550 %1"_s.arg(1000 + i);
        p.senior = i % 10 == 1;
        p.teams = {team.id};
        (p.role == Role::Operations ? pool.members : devs).append(p.id);
        data.people.insert(p.id, p);
    }
    data.pools.insert(pool.id, pool);
    for (int r = 0; r < 10; ++r) {
        Rotation rotation;
        rotation.id = RotationId::create();
        rotation.teamId = team.id;
        rotation.name = u"Rotation %1"_s.arg(r + 1);
        rotation.opsPoolId = pool.id;
        rotation.timeZone = u"Europe/Berlin"_s;
        rotation.shiftMinutes = 24 * 60;
        data.rotations.append(rotation);
        for (int d = 0; d < 365; ++d) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = rotation.id;
            s.start = QDateTime(data.from.addDays(d), QTime(9, 0), QTimeZone("Europe/Berlin")).toUTC();
            s.end = QDateTime(data.from.addDays(d + 1), QTime(9, 0), QTimeZone("Europe/Berlin")).toUTC();
            s.dev = devs.at((d + r) % devs.size());
            s.ops = pool.members.at((d * 3 + r) % pool.members.size());
            s.bridgeUrl = u"https://meet.example.com/r%1"_s.arg(r + 1);
            data.shifts.append(s);
        }
    }
    std::sort(data.shifts.begin(), data.shifts.end(), [](const Shift &a, const Shift &b) { return a.start < b.start; });
    return data;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    const Reports::SheetData data = yearOfTenRotations();
    const Print::SheetRenderer renderer(data, {Print::SheetLayout::List, false});
    QList<qint64> times;
    int pages = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto written = renderer.writePdf(dir.filePath(u"sheet.pdf"_s), Print::Paper::A4, true);
        times.append(timer.elapsed());
        if (!written) {
            fprintf(stderr, "sheetbench: %s\n", qPrintable(written.errorMessage()));
            return 1;
        }
        pages = written.value();
    }
    std::sort(times.begin(), times.end());
    printf("sheetbench: list sheet, 10 rotations, %lld shifts, one year, A4 landscape: %d pages\n",
           static_cast<long long>(data.shifts.size()), pages);
    printf("median of 5: %lld ms (min %lld, max %lld); target < 2000 ms\n", static_cast<long long>(times.at(2)),
           static_cast<long long>(times.first()), static_cast<long long>(times.last()));
    printf("machine: %s, %s, %d threads, Qt %s\n", qPrintable(QSysInfo::prettyProductName()),
           qPrintable(QSysInfo::currentCpuArchitecture()), QThread::idealThreadCount(), qVersion());
    return times.at(2) < 2000 ? 0 : 1;
}
