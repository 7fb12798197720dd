// The end-to-end benchmark (issue 18): Tandem as a user runs it, on a database grown for years.
//
// Builds the database with the command line (20 teams of 23 developers and 23 ops engineers,
// 920 people; 100 daily rotations, 5 per team; `plan` over 1,000 days around today: 100,000
// shifts; then half the roster goes part-time, so most shifts carry the soft "above fair
// share" flag), starts the real `tandem` executable under its own Xvfb on the calendar page
// and measures what a user sees, from outside, through the X server:
//
//   window mapped   the main window's MapNotify after the process starts
//   first paint     the month grid's pixels are drawn (no longer the black of an unpainted window)
//   rules shown     the grid's last change before 2 s without one (the rule pass's flags drawn)
//   month switch    Page Down on the month grid (XTest) until the grid first changes, and until it
//                   settles (its last change before 1.5 s without one: rules shown, idle)
//   timeline frame  one wheel notch to the right on the timeline (XTest) until its pixels change
//   RSS             VmRSS and VmHWM of the process at the end
//
// and, on the same database, the command line: `shifts list` (a month), `next` (an ops
// engineer), `now`, and `plan` with and without --dry-run (writing vs computing the plan).
//
// With --baseline, a second executable (the previous commit's build: `./packaging/dev.sh bench
// app` builds it) is measured the same way on a database its own command line built, run for
// run in alternating order, and the report shows medians side by side with their ratio.
//
// Needs Xvfb and the XTest extension (libxcb-xtest0-dev to build). Not a ctest test.

#include "benchsupport.h"
#include "domain/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRect>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <xcb/xcb.h>
#include <xcb/xtest.h>

using namespace Qt::StringLiterals;

namespace {

using Tandem::Bench::cpuModel;
using Tandem::Bench::statusKiB;

// The screen, the main window's size without a window manager (MainWindow's default), and
// where its parts are at that size: the calendar's month grid, the timeline's lanes, the
// calendar's "Month/Timeline" box. Regions avoid the centre, where the identity prompt opens.
const QSize Screen(1280, 800);
// The legend beside the title shows a dozen rotations ("+88 more"): the title row is at y 81,
// the grid's weekday header at y 155 and its six weeks fill y 168-722 (rows of about 92 px: two
// bars and "+176 more" a day). In the timeline the row labels are x 222-402 and the lanes y 215-705.
const QRect GridLeft(232, 170, 180, 550); // Monday and Tuesday columns of the month grid
const QRect Grid(232, 170, 760, 550);     // the whole grid
const QRect Lanes(420, 230, 540, 450);    // the timeline's bars (right of the row labels)
const QPoint GridDayLabel(300, 178);      // beside a day's number in the grid (first week): focuses the grid
const QPoint Rest(420, 81);               // over the month title: no tooltip, keys still go to the window
const QPoint Prompt(630, 360);            // inside the identity prompt, so that Escape goes to it
const QPoint ModeBox(950, 81);            // the calendar's Month/Timeline box
const QPoint LaneLabels(300, 450);        // the timeline's row labels: wheel here scrolls the timeline

// How long a step may take before it counts as not done (and as this long in the medians).
constexpr int SwitchTimeout = 120000;

constexpr quint32 KeyEscape = 0xff1b;
constexpr quint32 KeyNext = 0xff56; // Page Down
constexpr quint32 KeyControl = 0xffe3;
constexpr quint32 KeyQ = 0x71;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty()) {
        return qQNaN();
    }
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? qQNaN() : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(values.size() * p)));
}

[[noreturn]] void die(const QString &message)
{
    fprintf(stderr, "tandem_appbench: %s\n", qPrintable(message));
    exit(1);
}

/// A private X server and a connection to it: events, pixels, synthetic input (XTest).
class Display
{
public:
    ~Display()
    {
        if (m_connection) {
            xcb_disconnect(m_connection);
        }
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate();
            m_server.waitForFinished(5000);
        }
    }

    void start()
    {
        for (int n = 150; n < 250; ++n) {
            if (QFile::exists(u"/tmp/.X%1-lock"_s.arg(n))) {
                continue;
            }
            m_name = u":%1"_s.arg(n);
            m_server.start(u"Xvfb"_s,
                           {m_name, u"-screen"_s, u"0"_s, u"%1x%2x24"_s.arg(Screen.width()).arg(Screen.height()),
                            u"-nolisten"_s, u"tcp"_s, u"-noreset"_s, u"-br"_s});
            if (!m_server.waitForStarted(5000)) {
                die(u"cannot start Xvfb (apt-get install xvfb)"_s);
            }
            for (int i = 0; i < 100 && m_server.state() == QProcess::Running; ++i) {
                QThread::msleep(50);
                xcb_connection_t *c = xcb_connect(qPrintable(m_name), nullptr);
                if (!xcb_connection_has_error(c)) {
                    m_connection = c;
                    break;
                }
                xcb_disconnect(c);
            }
            if (m_connection) {
                break;
            }
            m_server.kill();
            m_server.waitForFinished();
        }
        if (!m_connection) {
            die(u"no display could be started"_s);
        }
        m_root = xcb_setup_roots_iterator(xcb_get_setup(m_connection)).data->root;
        const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
        xcb_change_window_attributes(m_connection, m_root, XCB_CW_EVENT_MASK, &mask);
        auto *xtest = xcb_test_get_version_reply(m_connection, xcb_test_get_version(m_connection, 2, 2), nullptr);
        if (!xtest) {
            die(u"the X server has no XTest extension"_s);
        }
        free(xtest);
        xcb_flush(m_connection);
    }

    QString name() const { return m_name; }

    /// Drops the events received so far.
    void drainEvents()
    {
        while (xcb_generic_event_t *event = xcb_poll_for_event(m_connection)) {
            free(event);
        }
    }

    /// Whether a top-level window at least `minWidth` wide has been mapped.
    bool bigWindowMapped(int minWidth)
    {
        bool mapped = false;
        while (xcb_generic_event_t *event = xcb_poll_for_event(m_connection)) {
            if ((event->response_type & 0x7f) == XCB_MAP_NOTIFY) {
                const auto *map = reinterpret_cast<xcb_map_notify_event_t *>(event);
                auto *geometry =
                    xcb_get_geometry_reply(m_connection, xcb_get_geometry(m_connection, map->window), nullptr);
                mapped = mapped || (geometry && geometry->width >= minWidth);
                free(geometry);
            }
            free(event);
        }
        return mapped;
    }

    /// The pixels of `rect` on the screen (BGRX, 4 bytes a pixel).
    QByteArray grab(const QRect &rect)
    {
        auto *reply =
            xcb_get_image_reply(m_connection,
                                xcb_get_image(m_connection, XCB_IMAGE_FORMAT_Z_PIXMAP, m_root, int16_t(rect.x()),
                                              int16_t(rect.y()), uint16_t(rect.width()), uint16_t(rect.height()), ~0u),
                                nullptr);
        if (!reply) {
            return {};
        }
        QByteArray pixels(reinterpret_cast<const char *>(xcb_get_image_data(reply)), xcb_get_image_data_length(reply));
        free(reply);
        return pixels;
    }

    void move(const QPoint &to)
    {
        xcb_test_fake_input(m_connection, XCB_MOTION_NOTIFY, 0, XCB_CURRENT_TIME, m_root, int16_t(to.x()),
                            int16_t(to.y()), 0);
        xcb_flush(m_connection);
    }

    void click(const QPoint &at, int button = 1)
    {
        move(at);
        xcb_test_fake_input(m_connection, XCB_BUTTON_PRESS, uint8_t(button), XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
        xcb_test_fake_input(m_connection, XCB_BUTTON_RELEASE, uint8_t(button), XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
        xcb_flush(m_connection);
    }

    void key(quint32 keysym)
    {
        const uint8_t code = keycode(keysym);
        xcb_test_fake_input(m_connection, XCB_KEY_PRESS, code, XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
        xcb_test_fake_input(m_connection, XCB_KEY_RELEASE, code, XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
        xcb_flush(m_connection);
    }

    /// `keysym` with `modifier` held (Ctrl+Q).
    void chord(quint32 modifier, quint32 keysym)
    {
        const uint8_t held = keycode(modifier);
        const uint8_t code = keycode(keysym);
        xcb_test_fake_input(m_connection, XCB_KEY_PRESS, held, XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
        xcb_test_fake_input(m_connection, XCB_KEY_PRESS, code, XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
        xcb_test_fake_input(m_connection, XCB_KEY_RELEASE, code, XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
        xcb_test_fake_input(m_connection, XCB_KEY_RELEASE, held, XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
        xcb_flush(m_connection);
    }

private:
    uint8_t keycode(quint32 keysym)
    {
        const xcb_setup_t *setup = xcb_get_setup(m_connection);
        const int count = setup->max_keycode - setup->min_keycode + 1;
        auto *map = xcb_get_keyboard_mapping_reply(
            m_connection, xcb_get_keyboard_mapping(m_connection, setup->min_keycode, uint8_t(count)), nullptr);
        if (!map) {
            die(u"cannot read the keyboard mapping"_s);
        }
        const xcb_keysym_t *syms = xcb_get_keyboard_mapping_keysyms(map);
        uint8_t found = 0;
        for (int i = 0; i < count * map->keysyms_per_keycode && !found; ++i) {
            if (syms[i] == keysym) {
                found = uint8_t(setup->min_keycode + i / map->keysyms_per_keycode);
            }
        }
        free(map);
        if (!found) {
            die(u"no key for keysym 0x%1"_s.arg(keysym, 0, 16));
        }
        return found;
    }

    QProcess m_server;
    QString m_name;
    xcb_connection_t *m_connection = nullptr;
    xcb_window_t m_root = 0;
};

/// Nonzero pixels in `pixels`, as a fraction: the black of a window nobody has painted is 0.
double paintedFraction(const QByteArray &pixels)
{
    const auto *p = reinterpret_cast<const quint32 *>(pixels.constData());
    const qsizetype n = pixels.size() / 4;
    qsizetype painted = 0;
    for (qsizetype i = 0; i < n; ++i) {
        painted += (p[i] & 0xffffff) != 0 ? 1 : 0;
    }
    return n ? double(painted) / double(n) : 0;
}

struct Settled
{
    double first = qQNaN(); ///< ms until the region first changed
    double last = qQNaN();  ///< ms until its last change before the quiet period
};

/// Watches `region` from `clock`'s start: when it first differs from `before` and when it
/// last changed before `quietMs` without a change (or `timeoutMs`).
Settled watch(Display &display, const QRect &region, const QByteArray &before, const QElapsedTimer &clock, int quietMs,
              int timeoutMs, bool quietFromStart = false)
{
    Settled result;
    QByteArray previous = before;
    // With `quietFromStart`, no change at all for `quietMs` also ends the watch (a region that
    // is already settled), instead of waiting for the timeout.
    qint64 lastChange = quietFromStart ? clock.elapsed() : -1;
    while (clock.elapsed() < timeoutMs) {
        const QByteArray now = display.grab(region);
        const double at = double(clock.nsecsElapsed()) / 1e6;
        if (now != previous) {
            if (qIsNaN(result.first)) {
                result.first = at;
            }
            result.last = at;
            lastChange = clock.elapsed();
            previous = now;
        } else if (lastChange >= 0 && clock.elapsed() - lastChange >= quietMs) {
            break;
        }
        QThread::usleep(2000);
    }
    return result;
}

/// One executable under test and the database its own command line built.
struct Variant
{
    QString label;
    QString tandem;
    QString work; ///< its folder
    QString db;   ///< the grown database
    QString db0;  ///< roster, pools and rotations, no shifts
    QMap<QString, QList<double>> figures;
};

struct RunResult
{
    int exitCode = -1;
    double ms = 0;
    QByteArray out;
    QByteArray err;
};

RunResult runTandem(const Variant &v, const QString &db, const QStringList &args, int timeoutMs = 30 * 60 * 1000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, v.work + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, v.work + u"/data"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.remove(u"DISPLAY"_s);
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(v.tandem, QStringList{u"--db"_s, db} + args);
    if (!process.waitForFinished(timeoutMs)) {
        die(u"%1 %2 did not finish"_s.arg(v.tandem, args.join(u' ')));
    }
    RunResult result;
    result.ms = double(timer.nsecsElapsed()) / 1e6;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void mustRun(const Variant &v, const QString &db, const QStringList &args)
{
    const RunResult r = runTandem(v, db, args);
    if (r.exitCode != 0) {
        die(u"%1: tandem %2 failed: %3"_s.arg(v.label, args.join(u' '), QString::fromUtf8(r.err)));
    }
}

constexpr int Teams = 20;
constexpr int PerRole = 23;
constexpr int RotationsPerTeam = 5;
const char *const Zones[] = {"Europe/Berlin", "America/New_York", "Europe/London", "Asia/Tokyo", "America/Los_Angeles"};

QString email(const char *role, int i, int team)
{
    return u"%1%2.t%3@example.com"_s.arg(QString::fromLatin1(role)).arg(i).arg(team);
}

/// The roster as CSV; with `partTime`, every odd-numbered person works half time.
QString rosterCsv(bool partTime)
{
    QString csv = u"name,email,role,team,timezone,capacity\n"_s;
    for (int t = 1; t <= Teams; ++t) {
        const QString zone = QString::fromLatin1(Zones[t % 5]);
        for (int i = 1; i <= PerRole; ++i) {
            const QString capacity = partTime && i % 2 == 1 ? u"0.5"_s : u"1.0"_s;
            csv += u"Dev%1 Team%2 Person,%3,developer,Team %2,%4,%5\n"_s.arg(i).arg(t).arg(email("dev", i, t), zone,
                                                                                           capacity);
            csv += u"Ops%1 Team%2 Person,%3,operations,Team %2,%4,%5\n"_s.arg(i).arg(t).arg(email("ops", i, t), zone,
                                                                                            capacity);
        }
    }
    return csv;
}

void writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) {
        die(u"cannot write %1"_s.arg(path));
    }
}

void copyDb(const QString &from, const QString &to)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
        QFile::remove(to + suffix);
    }
    if (!QFile::copy(from, to)) {
        die(u"cannot copy %1 to %2"_s.arg(from, to));
    }
}

/// Roster, pools and rotations through the command line: the database before planning.
void buildSetup(const Variant &v)
{
    QDir().mkpath(v.work + u"/config/Tandem"_s);
    QDir().mkpath(v.work + u"/data"_s);
    QFile::remove(v.db0);
    writeFile(v.work + u"/roster.csv"_s, rosterCsv(false));
    mustRun(v, v.db0, {u"roster"_s, u"import"_s, v.work + u"/roster.csv"_s});
    const QDate start = Tandem::Clock::current().today().addDays(-700);
    for (int t = 1; t <= Teams; ++t) {
        QStringList members;
        for (int i = 1; i <= PerRole; ++i) {
            members << email("ops", i, t);
        }
        mustRun(v, v.db0, {u"pool"_s, u"add"_s, u"Pool %1"_s.arg(t), u"--members"_s, members.join(u',')});
        for (int r = 1; r <= RotationsPerTeam; ++r) {
            mustRun(v, v.db0,
                    {u"rotation"_s, u"add"_s, u"Rot %1-%2"_s.arg(t).arg(r), u"--team"_s, u"Team %1"_s.arg(t),
                     u"--ops-pool"_s, u"Pool %1"_s.arg(t), u"--length"_s, u"24h"_s, u"--start"_s,
                     start.toString(Qt::ISODate)});
        }
    }
}

QStringList planArgs(int days)
{
    QStringList args{u"plan"_s};
    for (int t = 1; t <= Teams; ++t) {
        for (int r = 1; r <= RotationsPerTeam; ++r) {
            args << u"--rotation"_s << u"Rot %1-%2"_s.arg(t).arg(r);
        }
    }
    const QDate today = Tandem::Clock::current().today();
    args << u"--from"_s << today.addDays(-days * 3 / 5).toString(Qt::ISODate) << u"--to"_s
         << today.addDays(days * 2 / 5 - 1).toString(Qt::ISODate);
    return args;
}

/// One start of the GUI: every figure of it into `v.figures`.
void measureGui(Display &display, Variant &v, int switches, int frames)
{
    writeFile(v.work + u"/config/Tandem/tandem.conf"_s, u"[window]\npage=calendar\n"_s);
    // The screen black again: nothing of the last run may pass for this one's paint.
    display.drainEvents();
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISPLAY"_s, display.name());
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, v.work + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, v.work + u"/data"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, v.work + u"/runtime"_s);
    QDir().mkpath(v.work + u"/runtime"_s);
    QFile::setPermissions(v.work + u"/runtime"_s,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.setStandardOutputFile(QProcess::nullDevice());
    display.move(Rest);
    QElapsedTimer clock;
    clock.start();
    app.start(v.tandem, {u"--db"_s, v.db});
    if (!app.waitForStarted(10000)) {
        die(u"cannot start %1"_s.arg(v.tandem));
    }
    const qint64 pid = app.processId();
    constexpr int Timeout = 240000;
    double mapped = qQNaN();
    double firstPaint = qQNaN();
    while (clock.elapsed() < Timeout && app.state() == QProcess::Running) {
        if (qIsNaN(mapped) && display.bigWindowMapped(800)) {
            mapped = double(clock.nsecsElapsed()) / 1e6;
        }
        if (!qIsNaN(mapped) && paintedFraction(display.grab(GridLeft)) > 0.9) {
            firstPaint = double(clock.nsecsElapsed()) / 1e6;
            break;
        }
        QThread::usleep(2000);
    }
    if (qIsNaN(firstPaint)) {
        die(u"%1: the month grid was never painted"_s.arg(v.label));
    }
    const Settled start = watch(display, GridLeft, display.grab(GridLeft), clock, 2000, Timeout, true);
    v.figures[u"gui_window_mapped_ms"_s] << mapped;
    v.figures[u"gui_first_paint_ms"_s] << firstPaint;
    v.figures[u"gui_rules_shown_ms"_s] << (qIsNaN(start.last) ? firstPaint : start.last);
    printf("  %s: mapped %.0f ms, first paint %.0f ms, settled %.0f ms\n", qPrintable(v.label), mapped, firstPaint,
           qIsNaN(start.last) ? firstPaint : start.last);

    // The identity prompt away (Escape), the grid focused (a day's number), the pointer where no
    // tooltip opens; then the next month, as a user pages through.
    display.move(Prompt);
    display.key(KeyEscape);
    display.move(Rest);
    QElapsedTimer settle;
    settle.start();
    watch(display, Grid, display.grab(Grid), settle, 1000, 10000);
    display.click(GridDayLabel);
    display.move(Rest);
    settle.restart();
    watch(display, Grid, display.grab(Grid), settle, 1000, 10000);
    for (int i = 0; i < switches; ++i) {
        const QByteArray before = display.grab(Grid);
        QElapsedTimer t;
        t.start();
        display.key(KeyNext);
        const Settled s = watch(display, Grid, before, t, 1500, SwitchTimeout);
        if (qIsNaN(s.first)) {
            // Counted as the whole wait, so that the median says how bad it was.
            printf("  %s: the month did not change within %d s of Page Down\n", qPrintable(v.label),
                   SwitchTimeout / 1000);
            v.figures[u"gui_month_switch_paint_ms"_s] << SwitchTimeout;
            v.figures[u"gui_month_switch_settled_ms"_s] << SwitchTimeout;
            break;
        }
        v.figures[u"gui_month_switch_paint_ms"_s] << s.first;
        v.figures[u"gui_month_switch_settled_ms"_s] << s.last;
        printf("  %s: month switch painted %.1f ms, settled %.1f ms\n", qPrintable(v.label), s.first, s.last);
    }

    // The timeline (a wheel notch on the Month/Timeline box), then scrolling to the right.
    {
        const QByteArray before = display.grab(Lanes);
        QElapsedTimer t;
        t.start();
        display.click(ModeBox, 5);
        display.move(LaneLabels);
        const Settled s = watch(display, Lanes, before, t, 2000, SwitchTimeout);
        if (qIsNaN(s.first)) {
            printf("  %s: the timeline did not open within %d s\n", qPrintable(v.label), SwitchTimeout / 1000);
            frames = 0;
        }
    }
    QList<double> frameTimes;
    for (int i = 0; i < frames; ++i) {
        const QByteArray before = display.grab(Lanes);
        QElapsedTimer t;
        t.start();
        // Right for the first half, back left for the second: a user's back and forth, and
        // never against the end of what the timeline scrolls to.
        display.click(LaneLabels, i < frames / 2 ? 7 : 6);
        QByteArray now;
        double at = qQNaN();
        while (t.elapsed() < SwitchTimeout) {
            now = display.grab(Lanes);
            if (now != before) {
                at = double(t.nsecsElapsed()) / 1e6;
                break;
            }
            QThread::usleep(500);
        }
        if (qIsNaN(at)) {
            printf("  %s: the timeline did not move within %d s of a wheel notch\n", qPrintable(v.label),
                   SwitchTimeout / 1000);
            frameTimes << SwitchTimeout;
            break;
        }
        frameTimes << at;
        QThread::msleep(30); // a user's wheel: notches come apart
    }
    v.figures[u"gui_timeline_frame_p50_ms"_s] << percentile(frameTimes, 0.5);
    v.figures[u"gui_timeline_frame_p95_ms"_s] << percentile(frameTimes, 0.95);
    printf("  %s: %d timeline frames, median %.1f ms, p95 %.1f ms\n", qPrintable(v.label), int(frameTimes.size()),
           percentile(frameTimes, 0.5), percentile(frameTimes, 0.95));

    v.figures[u"gui_rss_mb"_s] << double(statusKiB("VmRSS:", pid)) / 1024.0;
    v.figures[u"gui_peak_rss_mb"_s] << double(statusKiB("VmHWM:", pid)) / 1024.0;
    // File ▸ Quit (Ctrl+Q), as a user ends it: a killed or terminated window leaves its session
    // unclosed, and the next open of the file (the command line measured next) then checks the
    // whole file as after a crash.
    display.move(Rest);
    display.chord(KeyControl, KeyQ);
    if (!app.waitForFinished(10000)) {
        printf("  %s: Ctrl+Q did not end the window within 10 s; terminated\n", qPrintable(v.label));
        app.terminate();
        if (!app.waitForFinished(10000)) {
            app.kill();
            app.waitForFinished();
        }
    }
}

void measureCli(Variant &v)
{
    const QDate today = Tandem::Clock::current().today();
    const QDate first(today.year(), today.month(), 1);
    const struct
    {
        const char *key;
        QStringList args;
    } commands[] = {
        {"cli_shifts_list_month_ms",
         {u"shifts"_s, u"list"_s, u"--from"_s, first.toString(Qt::ISODate), u"--to"_s,
          first.addMonths(1).addDays(-1).toString(Qt::ISODate)}},
        {"cli_next_ms", {u"next"_s, u"--person"_s, email("ops", 7, 3)}},
        {"cli_now_ms", {u"now"_s}},
    };
    for (const auto &c : commands) {
        const RunResult r = runTandem(v, v.db, c.args);
        if (r.exitCode != 0) {
            die(u"%1: tandem %2 failed: %3"_s.arg(v.label, c.args.join(u' '), QString::fromUtf8(r.err)));
        }
        v.figures[QString::fromLatin1(c.key)] << r.ms;
    }
}

struct Metric
{
    const char *key;
    const char *what;
    const char *unit;
    double scale;  ///< from the stored unit
    double target; ///< NaN: none
};

const Metric Metrics[] = {
    {"gui_window_mapped_ms", "window mapped after start", "s", 1e-3, qQNaN()},
    {"gui_first_paint_ms", "first paint of the month grid after start", "s", 1e-3, 0.5},
    {"gui_rules_shown_ms", "rule flags shown after start (grid settled)", "s", 1e-3, qQNaN()},
    {"gui_month_switch_paint_ms", "month switch (Page Down): new month painted", "ms", 1, 50},
    {"gui_month_switch_settled_ms", "month switch: until the grid settles (rules shown)", "ms", 1, qQNaN()},
    {"gui_timeline_frame_p50_ms", "timeline frame (a wheel notch), median", "ms", 1, qQNaN()},
    {"gui_timeline_frame_p95_ms", "timeline frame, 95th percentile", "ms", 1, 16},
    {"gui_rss_mb", "GUI RSS at the end", "MB", 1, 200},
    {"gui_peak_rss_mb", "GUI peak RSS (VmHWM)", "MB", 1, 200},
    {"cli_shifts_list_month_ms", "tandem shifts list (one month, all rotations)", "ms", 1, 100},
    {"cli_next_ms", "tandem next --person (an ops engineer)", "ms", 1, 100},
    {"cli_now_ms", "tandem now (100 rotations)", "ms", 1, 100},
    {"plan_compute_ms", "tandem plan --dry-run (compute)", "s", 1e-3, qQNaN()},
    {"plan_total_ms", "tandem plan (compute + write)", "s", 1e-3, qQNaN()},
    {"plan_write_ratio", "writing ÷ computing ((plan − dry run) ÷ dry run)", "", 1, 2},
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setvbuf(stdout, nullptr, _IOLBF, 0);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tandem's end-to-end benchmark: the real executable under Xvfb."_s);
    parser.addHelpOption();
    const QCommandLineOption tandemOption(u"tandem"_s, u"The executable to measure."_s, u"PATH"_s);
    const QCommandLineOption baselineOption(u"baseline"_s, u"An executable to compare with."_s, u"PATH"_s);
    const QCommandLineOption baselineLabel(u"baseline-label"_s, u"Its name in the report."_s, u"TEXT"_s, u"baseline"_s);
    const QCommandLineOption currentLabel(u"label"_s, u"The measured one's name in the report."_s, u"TEXT"_s,
                                          u"this build"_s);
    const QCommandLineOption runs(u"runs"_s, u"GUI and CLI runs per executable (default 5)."_s, u"N"_s, u"5"_s);
    const QCommandLineOption planRuns(u"plan-runs"_s, u"Plan runs per executable (default 3)."_s, u"N"_s, u"3"_s);
    const QCommandLineOption switches(u"switches"_s, u"Month switches per GUI run (default 4)."_s, u"N"_s, u"4"_s);
    const QCommandLineOption frames(u"frames"_s, u"Timeline frames per GUI run (default 60)."_s, u"N"_s, u"60"_s);
    const QCommandLineOption days(u"days"_s, u"Days planned (default 1000: 100,000 shifts)."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption reuse(u"reuse"_s,
                                   u"Measure on the databases a previous run left in the folder (no plan figures)."_s);
    const QCommandLineOption out(u"out"_s, u"Folder for the report and the databases."_s, u"DIR"_s,
                                 u"bench-results/app"_s);
    parser.addOptions({tandemOption, baselineOption, baselineLabel, currentLabel, runs, planRuns, switches, frames,
                       days, reuse, out});
    parser.process(app);
    if (!parser.isSet(tandemOption)) {
        die(u"--tandem PATH is required"_s);
    }
    const QString outDir = QDir(parser.value(out)).absolutePath();
    QDir().mkpath(outDir);

    QList<Variant> variants;
    variants.append(Variant{parser.value(currentLabel),
                            QFileInfo(parser.value(tandemOption)).absoluteFilePath(),
                            outDir + u"/current"_s,
                            {},
                            {},
                            {}});
    if (parser.isSet(baselineOption)) {
        variants.append(Variant{parser.value(baselineLabel),
                                QFileInfo(parser.value(baselineOption)).absoluteFilePath(),
                                outDir + u"/baseline"_s,
                                {},
                                {},
                                {}});
    }
    bool reusing = parser.isSet(reuse);
    for (Variant &v : variants) {
        v.db = v.work + u"/tandem.sqlite"_s;
        v.db0 = v.work + u"/setup.sqlite"_s;
        reusing = reusing && QFile::exists(v.work + u"/ready"_s);
    }
    if (parser.isSet(reuse) && !reusing) {
        printf("--reuse: no finished databases in %s; building them\n", qPrintable(outDir));
    }
    for (Variant &v : variants) {
        if (!reusing) {
            QDir(v.work).removeRecursively();
            QDir().mkpath(v.work);
        }
    }
    printf("machine: %s, %s, %d threads; load %s\n", qPrintable(QSysInfo::prettyProductName()), qPrintable(cpuModel()),
           QThread::idealThreadCount(),
           [] {
               QFile f(u"/proc/loadavg"_s);
               return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray("?");
           }()
               .constData());

    // The databases: each executable's own command line builds its own, so that both read
    // files they wrote. The plan runs alternate between them; the last one is kept.
    const int dayCount = parser.value(days).toInt();
    for (Variant &v : variants) {
        if (reusing) {
            break;
        }
        QElapsedTimer t;
        t.start();
        buildSetup(v);
        printf("%s: roster, 20 pools, 100 rotations through the CLI in %.1f s\n", qPrintable(v.label),
               double(t.elapsed()) / 1000);
    }
    for (int run = 0; run < (reusing ? 0 : parser.value(planRuns).toInt()); ++run) {
        for (int k = 0; k < variants.size(); ++k) {
            Variant &v = variants[(run + k) % variants.size()];
            const QString scratch = v.work + u"/scratch.sqlite"_s;
            copyDb(v.db0, scratch);
            QStringList dry = planArgs(dayCount);
            dry << u"--dry-run"_s;
            const RunResult computed = runTandem(v, scratch, dry);
            copyDb(v.db0, v.db);
            const RunResult written = runTandem(v, v.db, planArgs(dayCount));
            if (computed.exitCode != 0 || written.exitCode != 0) {
                die(u"%1: plan failed: %2"_s.arg(v.label, QString::fromUtf8(computed.err + written.err)));
            }
            v.figures[u"plan_compute_ms"_s] << computed.ms;
            v.figures[u"plan_total_ms"_s] << written.ms;
            v.figures[u"plan_write_ratio"_s] << (written.ms - computed.ms) / computed.ms;
            printf("%s: plan %d days: dry run %.1f s, plan %.1f s\n", qPrintable(v.label), dayCount, computed.ms / 1000,
                   written.ms / 1000);
        }
    }
    for (Variant &v : variants) {
        if (reusing) {
            break;
        }
        // Half the roster goes part-time after the plan: their fair share halves, and most
        // shifts now carry the soft "above fair share" flag.
        writeFile(v.work + u"/parttime.csv"_s, rosterCsv(true));
        mustRun(v, v.db, {u"roster"_s, u"import"_s, v.work + u"/parttime.csv"_s});
        QFile::remove(v.work + u"/scratch.sqlite"_s);
        writeFile(v.work + u"/ready"_s, u"built\n"_s);
    }

    Display display;
    display.start();
    const int runCount = parser.value(runs).toInt();
    for (int run = 0; run < runCount; ++run) {
        printf("run %d of %d\n", run + 1, runCount);
        for (int k = 0; k < variants.size(); ++k) {
            Variant &v = variants[(run + k) % variants.size()];
            measureCli(v);
            measureGui(display, v, parser.value(switches).toInt(), parser.value(frames).toInt());
        }
    }

    // The report: medians over the runs, side by side.
    QString report = u"| what | %1 |"_s.arg(variants.first().label);
    if (variants.size() > 1) {
        report += u" %1 | %1 ÷ %2 |"_s.arg(variants.at(1).label, variants.first().label);
    }
    report += u" target |\n|---|--:|"_s + (variants.size() > 1 ? u"--:|--:|"_s : QString()) + u"---|\n"_s;
    QJsonObject json;
    for (const Metric &m : Metrics) {
        const QString key = QString::fromLatin1(m.key);
        auto cell = [&](const Variant &v) {
            const double value = median(v.figures.value(key)) * m.scale;
            return qIsNaN(value) ? u"—"_s
                                 : u"%1%2"_s.arg(QString::number(value, 'f',
                                                                 value < 10    ? 2
                                                                 : value < 100 ? 1
                                                                               : 0),
                                                 *m.unit ? u" "_s + QString::fromUtf8(m.unit) : QString());
        };
        const double mine = median(variants.first().figures.value(key));
        report += u"| %1 | %2 |"_s.arg(QString::fromUtf8(m.what), cell(variants.first()));
        if (variants.size() > 1) {
            const double theirs = median(variants.at(1).figures.value(key));
            report += u" %1 | %2 |"_s.arg(cell(variants.at(1)), qIsNaN(theirs) || qIsNaN(mine) || mine == 0
                                                                    ? u"—"_s
                                                                    : QString::number(theirs / mine, 'f', 2));
        }
        const QString target = qIsNaN(m.target) || qIsNaN(mine)
                                   ? u"—"_s
                                   : u"< %1 %2 (%3)"_s.arg(m.target).arg(
                                         QString::fromUtf8(m.unit), mine * m.scale < m.target ? u"met"_s : u"missed"_s);
        report += u" %1 |\n"_s.arg(target);
        QJsonObject entry;
        for (const Variant &v : variants) {
            QJsonArray values;
            for (double value : v.figures.value(key)) {
                values.append(value);
            }
            entry.insert(v.label, QJsonObject{{u"median"_s, median(v.figures.value(key))}, {u"runs"_s, values}});
        }
        json.insert(key, entry);
    }
    printf("\n%s", qPrintable(report));
    writeFile(outDir + u"/report.md"_s, report);
    QFile file(outDir + u"/appbench.json"_s);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.write(QJsonDocument(json).toJson());
    }
    return 0;
}
