// The calendar views' benchmark (issue 4): on the 100,000 shifts of tandem_calendarbench (200
// rotations over two years) in a temporary SQLite database, the median of switching the month
// view to another month and painting it (range + model update + render at 1400×900), the median
// and 95th percentile of a timeline frame while scrolling at a 4-week zoom, and the process's
// peak RSS, with the machine it ran on. Not a ctest test; run it by hand, offscreen:
// QT_QPA_PLATFORM=offscreen build/bin/tandem_calendarviewbench

#include "../fakeclock.h"
#include "benchsupport.h"
#include "calendar/monthview.h"
#include "calendar/timelineview.h"
#include "domain/clock.h"
#include "itemmodels/shiftrangemodel.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/transaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QScrollBar>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Tandem::Bench;
using namespace Tandem;

namespace {

const QSize ViewSize(1400, 900);

struct MonthFigures
{
    QList<double> total;
    QList<double> model; // range + model update only
    int rows = 0;
};

// Switches `view` through 24 months and renders each; `team` filters the model when set.
MonthFigures switchMonths(ShiftRangeModel &model, MonthView &view, const QTimeZone &zone, TeamId team)
{
    MonthFigures figures;
    model.setTeamFilter(team);
    QImage image(ViewSize, QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer timer;
    for (int run = 0; run < 25; ++run) {
        const QDate month = QDate(2026, 1, 1).addMonths(run % 24);
        timer.start();
        view.setMonth(month);
        const QDate start = view.gridStart();
        model.setRange(QDateTime(start, QTime(0, 0), zone), QDateTime(start.addDays(42), QTime(0, 0), zone));
        const double modelMs = double(timer.nsecsElapsed()) / 1e6;
        QCoreApplication::processEvents();
        view.render(&image);
        if (run > 0) { // the first run warms fonts and caches
            figures.total.append(double(timer.nsecsElapsed()) / 1e6);
            figures.model.append(modelMs);
        }
        figures.rows = std::max(figures.rows, model.rowCount());
    }
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured
    const QDateTime first(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
    FakeClock clock(first.addDays(-4));
    QTemporaryDir dir;
    const auto database = openDatabase(dir.filePath(u"calendar.sqlite"_s), clock);
    Database &db = *database;

    printf("machine: %s, %s, %d threads, Qt %s, platform %s\n", qPrintable(QSysInfo::prettyProductName()),
           qPrintable(cpuModel()), QThread::idealThreadCount(), qVersion(),
           qPrintable(QGuiApplication::platformName()));
    QElapsedTimer timer;
    timer.start();
    generateCalendarData(db, first);
    printf("generated %d shifts (%d rotations over two years) in %.1f s\n",
           Teams * RotationsPerTeam * ShiftsPerRotation, Teams * RotationsPerTeam, double(timer.elapsed()) / 1000);
    printf("RSS after generating: %.1f MB\n", double(statusKiB("VmRSS")) / 1024.0);

    RotationService rotations(db);
    RosterService roster(db);
    const QTimeZone zone("Europe/Berlin");

    // (a) Month switches: the 6-week grid of each month of the data, set range, model update,
    // render of the whole view into a QImage. All 200 rotations (worst case), then one team.
    {
        ShiftRangeModel model(db, rotations, roster);
        model.setViewerTimeZone(zone);
        MonthView view;
        view.setModel(&model);
        view.setTimeZone(zone);
        view.setToday(QDate(2026, 6, 10));
        view.resize(ViewSize);
        view.show();
        QCoreApplication::processEvents();
        const MonthFigures all = switchMonths(model, view, zone, {});
        printf("(a) month switch + first paint, all 200 rotations (up to %d shifts): median %.1f ms (model %.1f ms), "
               "p95 %.1f ms of %d switches (target < 50 ms)\n",
               all.rows, percentile(all.total, 0.5), percentile(all.model, 0.5), percentile(all.total, 0.95),
               int(all.total.size()));
        const TeamId team = model.teams().at(42).id;
        const MonthFigures one = switchMonths(model, view, zone, team);
        printf("    month switch + first paint, one team (up to %d shifts): median %.1f ms (model %.1f ms), "
               "p95 %.1f ms of %d switches\n",
               one.rows, percentile(one.total, 0.5), percentile(one.model, 0.5), percentile(one.total, 0.95),
               int(one.total.size()));
    }

    // (b) Timeline scrolling at a 4-week zoom: each frame scrolls by a fixed step, lets the view
    // load what it needs, and renders the viewport into a QImage.
    {
        ShiftRangeModel model(db, rotations, roster);
        model.setViewerTimeZone(zone);
        TimelineView view;
        view.setModel(&model);
        view.setTimeZone(zone);
        view.resize(ViewSize);
        view.show();
        view.setVisibleDays(28);
        view.scrollToDate(QDate(2026, 12, 7));
        QCoreApplication::processEvents();
        QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        view.viewport()->render(&image);
        QList<double> frames;
        constexpr int Step = 24; // pixels per frame: about half a day at this zoom
        for (int frame = 0; frame < 200; ++frame) {
            timer.restart();
            view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + Step);
            QCoreApplication::processEvents();
            view.viewport()->render(&image);
            frames.append(double(timer.nsecsElapsed()) / 1e6);
        }
        printf("(b) timeline frame (scroll %d px, 4 weeks across %d px, %d rows of rotations, %d shifts loaded): "
               "median %.1f ms, p95 %.1f ms, max %.1f ms of %d frames (target < 16 ms)\n",
               Step, view.viewport()->width(), int(model.rotations().size()), model.rowCount(), percentile(frames, 0.5),
               percentile(frames, 0.95), *std::max_element(frames.cbegin(), frames.cend()), int(frames.size()));
    }

    // (c) The process: peak resident set size.
    printf("(c) peak RSS: %.1f MB (target < 200 MB)\n", double(statusKiB("VmHWM")) / 1024.0);
    return 0;
}
