#include "dbusapplication.h"

#include "mainwindow.h"
#include "sessionbus.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QStackedWidget>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// One Tandem per session, on a private dbus-daemon: the first instance holds the name, a
/// second one cannot and hands its request (a desktop action, a page) to the first, whose
/// window then shows that page.
class DBusApplicationTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() { Test::usePrivateHome(m_home, u"dbusapplicationtest"_s); }

    void theObjectPathFollowsTheApplicationId() { QCOMPARE(DBusApplication::objectPath(), u"/org/tandem/Tandem"_s); }

    void aSecondInstanceForwardsToTheFirst_data()
    {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<QString>("page");
        QTest::newRow("the menu") << QString() << QString();
        QTest::newRow("Open Calendar") << u"calendar"_s << u"calendar"_s;
        QTest::newRow("My Next Shift") << u"next-shift"_s << u"home"_s;
        QTest::newRow("--show roster") << u"roster"_s << u"roster"_s;
    }

    void aSecondInstanceForwardsToTheFirst()
    {
        QFETCH(QString, asked);
        QFETCH(QString, page);
        Test::SessionBus bus;
        DBusApplication first;
        QVERIFY(first.registerOn(bus.connect(u"first"_s)));
        QSignalSpy activated(&first, &DBusApplication::activateRequested);

        DBusApplication second;
        QVERIFY(!second.registerOn(bus.connect(u"second"_s))); // the name is taken
        // The second instance is another process; here a thread makes its blocking call while
        // this thread's event loop lets the first instance answer.
        const QDBusConnection secondBus = QDBusConnection(u"second"_s);
        std::atomic<bool> forwarded = false;
        std::unique_ptr<QThread> secondProcess(
            QThread::create([&] { forwarded = DBusApplication::forward(asked, secondBus); }));
        secondProcess->start();
        QTRY_COMPARE(activated.size(), 1);
        QVERIFY(secondProcess->wait(10000));
        QVERIFY(forwarded);
        QCOMPARE(activated.first().first().toString(), page);
    }

    void withNobodyRunningNothingIsForwarded()
    {
        Test::SessionBus bus;
        QVERIFY(!DBusApplication::forward(u"calendar"_s, bus.connect(u"alone"_s)));
        QVERIFY(!DBusApplication::forward(u"calendar"_s, QDBusConnection(u"never connected"_s)));
    }

    void theNameIsFreeAgainWhenTheFirstQuits()
    {
        Test::SessionBus bus;
        {
            DBusApplication first;
            QVERIFY(first.registerOn(bus.connect(u"first"_s)));
        }
        DBusApplication next;
        QVERIFY(next.registerOn(bus.connect(u"next"_s)));
    }

    void theWindowShowsThePageAsked()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"tandem.sqlite"_s), true));
        auto *pages = window.findChild<QStackedWidget *>();
        QVERIFY(window.activate(u"calendar"_s));
        QVERIFY(window.isVisible());
        QCOMPARE(pages->currentWidget()->objectName(), u"calendarPage"_s);
        QVERIFY(window.activate(u"roster"_s));
        QCOMPARE(pages->currentWidget()->objectName(), u"rosterPage"_s);
        QVERIFY(window.activate(u"home"_s));
        QCOMPARE(pages->currentWidget()->objectName(), u"homePage"_s);
        QVERIFY(!window.activate(u"settings"_s));
        QCOMPARE(pages->currentWidget()->objectName(), u"homePage"_s);
        window.showMinimized();
        QVERIFY(window.activate());
        QVERIFY(!window.isMinimized());
    }
};

QTEST_MAIN(DBusApplicationTest)
#include "dbusapplicationtest.moc"
