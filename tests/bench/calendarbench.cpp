// The calendar benchmark (issue 4): 100,000 shifts (200 rotations over two years) in a
// temporary SQLite database; medians of reading one month for the month view, of one drag-hover
// update on an existing DropSession, and the process's peak RSS, with the machine it ran on.
// Not a ctest test; run it by hand: build/bin/tandem_calendarbench.

#include "../fakeclock.h"
#include "benchsupport.h"
#include "domain/clock.h"
#include "planner/rules.h"
#include "services/dropsession.h"
#include "services/shiftservice.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Tandem::Bench;
using namespace Tandem;

namespace {} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QDateTime first(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
    FakeClock clock(first.addDays(-4));
    QTemporaryDir dir;
    const auto database = openDatabase(dir.filePath(u"calendar.sqlite"_s), clock);
    Database &db = *database;

    printf("machine: %s, %s, %d threads, Qt %s\n", qPrintable(QSysInfo::prettyProductName()), qPrintable(cpuModel()),
           QThread::idealThreadCount(), qVersion());
    QElapsedTimer timer;
    timer.start();
    const CalendarData data = generateCalendarData(db, first);
    printf("generated %d shifts (%d rotations over two years) in %.1f s\n",
           int(data.rotations.size()) * ShiftsPerRotation, int(data.rotations.size()), double(timer.elapsed()) / 1000);

    // (a) One month for the month view: the 6-week grid around a month in the middle of the data.
    ShiftRepository shifts(db);
    QList<double> month;
    int monthCount = 0;
    for (int run = 0; run < 24; ++run) {
        const QDate firstOfMonth = QDate(2026, 1, 1).addMonths(run);
        const QDateTime from(firstOfMonth.addDays(-7), QTime(0, 0), Qt::UTC);
        const QDateTime to = from.addDays(42);
        timer.restart();
        const auto read = shifts.overlapping(from, to);
        month.append(double(timer.nsecsElapsed()) / 1e6);
        monthCount = std::max(monthCount, int(read->size()));
    }
    // The repository's statement, as SQLite plans it (the bench may look; the app never runs SQL here).
    QSqlQuery plan(db.connection());
    plan.prepare(u"EXPLAIN QUERY PLAN SELECT id, rotation_id, start_utc, end_utc, dev_id, ops_id, state, note, "
                 "bridge_url, sequence FROM shifts WHERE start_utc > ? AND start_utc < ? AND end_utc > ? "
                 "ORDER BY start_utc, rotation_id"_s);
    plan.addBindValue(first.addDays(358).toSecsSinceEpoch() - MaxShiftSeconds);
    plan.addBindValue(first.addDays(400).toSecsSinceEpoch());
    plan.addBindValue(first.addDays(358).toSecsSinceEpoch());
    plan.exec();
    printf("query plan of ShiftRepository::overlapping:\n");
    while (plan.next()) {
        printf("  %s\n", qPrintable(plan.value(3).toString()));
    }
    printf("(a) month view read (6 weeks, up to %d shifts): median %.2f ms of %d runs (target < 50 ms)\n", monthCount,
           median(month), int(month.size()));

    // (b) Drag hovers: a person dragged over the seats of one rotation, 6 weeks shown.
    ShiftService service(db);
    const RotationId rotation = data.rotations.at(57);
    const QDate shownFrom = first.date().addDays(365);
    const QDate shownTo = shownFrom.addDays(41);
    QList<double> starts;
    std::unique_ptr<DropSession> session;
    for (int run = 0; run < 5; ++run) {
        timer.restart();
        auto created = service.beginDropOn({rotation}, shownFrom, shownTo);
        starts.append(double(timer.nsecsElapsed()) / 1e6);
        if (!created) {
            qFatal("cannot start a drag: %s", qPrintable(created.errorMessage()));
        }
        session = std::move(created).value();
    }
    const auto targets = shifts.overlapping(QDateTime(shownFrom, QTime(0, 0), Qt::UTC),
                                            QDateTime(shownTo, QTime(0, 0), Qt::UTC), rotation);
    const int team = 57 / RotationsPerTeam;
    QList<double> hovers;
    int allowed = 0;
    for (int run = 0; run < 400; ++run) {
        const Shift &target = targets->at(run % targets->size());
        const Seat seat = run % 2 ? Seat::Ops : Seat::Dev;
        const PersonId person =
            seat == Seat::Dev ? data.devs.at(team).at(run % PeoplePerRole) : data.ops.at(team).at(run % PeoplePerRole);
        timer.restart();
        const DropPreview preview = session->assignSeat(target.id, seat, person);
        hovers.append(double(timer.nsecsElapsed()) / 1e6);
        allowed += preview.allowed ? 1 : 0;
    }
    QList<double> handoffs;
    for (int run = 0; run < 100; ++run) {
        const Shift &target = targets->at(run % targets->size());
        timer.restart();
        const DropPreview preview = session->moveHandoff(target.id, target.end.addSecs((run % 7 - 3) * 3600));
        handoffs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    printf("    drag start (DropSession over look-back + 6 weeks): median %.1f ms of %d runs\n", median(starts),
           int(starts.size()));
    printf("(b) drag hover, assign a person (rule check + effect): median %.3f ms, max %.3f ms of %d runs, %d allowed "
           "(target < 8 ms)\n",
           median(hovers), *std::max_element(hovers.cbegin(), hovers.cend()), int(hovers.size()), allowed);
    printf("    drag hover, move a handoff: median %.3f ms of %d runs\n", median(handoffs), int(handoffs.size()));
    printf("    example effect: %s\n",
           qPrintable(session->assignSeat(targets->at(3).id, Seat::Dev, data.devs.at(team).at(0)).effect));

    // (c) The process: peak resident set size.
    printf("(c) peak RSS: %.1f MB (target < 200 MB)\n", double(statusKiB("VmHWM")) / 1024.0);
    return 0;
}
