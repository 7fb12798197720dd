#include "home/remindertray.h"

#include "calendar/calendarpage.h"
#include "fakeclock.h"
#include "home/desktopnotifier.h"
#include "mainwindow.h"
#include "notificationserver.h"
#include "services/identity.h"
#include "sessionbus.h"
#include "shiftfixture.h"
#include "testutil.h"
#include "workspace.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Tandem;
using Test::NotificationServer;

/// The reminders of the engineer's shifts as desktop notifications, on a real database with a
/// fake clock and a notification server on a private bus: the reminder an hour before, Snooze
/// 10 min saying it again ten minutes later with the time left, Open shift showing the
/// calendar on that shift, and the in-app banner where no notification service exists.
class ReminderTrayTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    // Monday 30 March 2026 07:00 UTC: one hour before Dev 1 + Ops 1 take over (09:00 in Berlin).
    FakeClock m_clock{QDateTime(QDate(2026, 3, 30), QTime(7, 0), Qt::UTC)};

private Q_SLOTS:
    void initTestCase()
    {
        Test::usePrivateHome(m_home, u"remindertraytest"_s);
        auto *translator = new QTranslator(this); // "50 minutes", as the executable says it
        QVERIFY(translator->load(u":/i18n/tandem_en.qm"_s));
        QCoreApplication::installTranslator(translator);
    }

    void init()
    {
        QSettings().clear(); // no reminder said before
        m_clock.setNow(QDateTime(QDate(2026, 3, 30), QTime(7, 0), Qt::UTC));
    }

    void snoozeSaysItAgainTenMinutesLater()
    {
        Test::ShiftFixture f(m_clock);
        setConfiguredEmail(u"dev1@example.com"_s);
        auto opened = Workspace::open(f.db->path());
        QVERIFY(opened);
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s));
        ReminderTray tray;
        auto *notifier = new DesktopNotifier(bus.connect(u"client"_s), &tray);
        tray.setNotifier(notifier);
        tray.setClock(&m_clock);
        QSignalSpy reminded(&tray, &ReminderTray::reminded);
        tray.setWorkspace(opened.value().get());

        QTRY_COMPARE(server.received.size(), 1);
        QCOMPARE(server.received.at(0).summary, u"On call in 1 hour: Payments on call"_s);
        QVERIFY2(server.received.at(0).body.contains(u"with Ops 1"_s), qPrintable(server.received.at(0).body));
        QCOMPARE(reminded.size(), 1); // the banner on Home says it too

        QTest::qWait(50);
        server.invokeAction(1, DesktopNotifier::snoozeAction());
        QTest::qWait(100);
        QCOMPARE(server.received.size(), 1); // not again at once
        m_clock.advanceSecs(9 * 60);
        tray.check();
        QTest::qWait(50);
        QCOMPARE(server.received.size(), 1);
        m_clock.advanceSecs(60);
        tray.check();
        QTRY_COMPARE(server.received.size(), 2);
        QCOMPARE(server.received.at(1).summary, u"On call in 50 minutes: Payments on call"_s);
        QCOMPARE(server.received.at(1).replacesId, 1u); // in place of the first one
        QCOMPARE(reminded.size(), 2);
        setConfiguredEmail({});
    }

    void openShiftShowsItOnTheCalendar()
    {
        Test::ShiftFixture f(m_clock);
        setConfiguredEmail(u"dev1@example.com"_s);
        const QString path = f.db->path();
        f.db.reset();
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s));
        MainWindow window;
        window.reminderTray()->setNotifier(new DesktopNotifier(bus.connect(u"client"_s), &window));
        window.reminderTray()->setClock(&m_clock);
        QVERIFY(window.openDatabase(path));
        window.showHome();
        QTRY_COMPARE(server.received.size(), 1);
        QTest::qWait(50);

        server.invokeAction(1, DesktopNotifier::openAction());
        QTRY_COMPARE(window.findChild<QStackedWidget *>()->currentWidget()->objectName(), u"calendarPage"_s);
        QCOMPARE(window.calendarPage()->currentShift(), f.shifts.at(1).id);
        QCOMPARE(window.calendarPage()->month(), QDate(2026, 3, 1));
        QVERIFY(window.isVisible());
        setConfiguredEmail({});
    }

    void withoutANotificationServiceTheBannerSaysIt()
    {
        Test::ShiftFixture f(m_clock);
        setConfiguredEmail(u"dev1@example.com"_s);
        auto opened = Workspace::open(f.db->path());
        QVERIFY(opened);
        Test::SessionBus bus; // nobody serves notifications on it
        ReminderTray tray;
        tray.setNotifier(new DesktopNotifier(bus.connect(u"client"_s), &tray));
        QVERIFY(!tray.notifier()->isAvailable());
        tray.setClock(&m_clock);
        QSignalSpy reminded(&tray, &ReminderTray::reminded);
        tray.setWorkspace(opened.value().get());
        QCOMPARE(reminded.size(), 1);
        QCOMPARE(reminded.first().first().value<Reminder>().title, u"On call in 1 hour: Payments on call"_s);
        setConfiguredEmail({});
    }
};

QTEST_MAIN(ReminderTrayTest)
#include "remindertraytest.moc"
