#include "home/desktopnotifier.h"

#include "notificationserver.h"
#include "sessionbus.h"
#include "testutil.h"

#include <QDBusConnectionInterface>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Tandem;
using Test::NotificationServer;

/// Reminders as freedesktop notifications, on a private dbus-daemon with a notification server
/// on the other end of the bus: what the Notify call carries (actions, the desktop entry,
/// urgency, the shift's earlier notification replaced), what the user's clicks do, and the
/// fallback when no service is on the bus or it refuses.
class DesktopNotifierTest : public QObject
{
    Q_OBJECT

private:
    static Reminder reminder(Reminder::Kind kind = Reminder::Kind::Upcoming, ShiftId shift = ShiftId::create())
    {
        Reminder r;
        r.kind = kind;
        r.shift = shift;
        r.at = QDateTime(QDate(2026, 3, 30), QTime(7, 0), Qt::UTC);
        r.shiftStart = QDateTime(QDate(2026, 3, 30), QTime(8, 0), Qt::UTC);
        r.title = u"On call in 1 hour: Payments on call"_s;
        r.text = u"Your shift starts Mon 30 Mar 10:00 CEST, with Ops 1 & Dev <2>."_s;
        return r;
    }

private Q_SLOTS:
    void withoutAServiceNothingIsSent()
    {
        Test::SessionBus bus;
        DesktopNotifier notifier(bus.connect(u"client"_s));
        QVERIFY(!notifier.isAvailable());
        QVERIFY(!notifier.notify(reminder())); // the caller shows the tray's message instead
    }

    void aServiceTheBusCanStartCounts()
    {
        // dunst, xfce4-notifyd and mako are started by the bus on the first notification.
        Test::SessionBus bus;
        QVERIFY(Test::writeFile(bus.serviceDir() + u"/notifications.service"_s,
                                "[D-BUS Service]\nName=org.freedesktop.Notifications\nExec=/bin/false\n"));
        QDBusConnection connection = bus.connect(u"client"_s);
        const QDBusMessage reload = connection.call(QDBusMessage::createMethodCall(
            u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s, u"org.freedesktop.DBus"_s, u"ReloadConfig"_s));
        QCOMPARE(reload.type(), QDBusMessage::ReplyMessage);
        DesktopNotifier notifier(connection);
        QVERIFY(notifier.isAvailable());
    }

    void withoutABusNothingIsSent()
    {
        DesktopNotifier notifier(QDBusConnection(u"never connected"_s));
        QVERIFY(!notifier.isAvailable());
        QVERIFY(!notifier.notify(reminder()));
    }

    void notifyCarriesActionsAndTheDesktopEntry()
    {
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s));
        DesktopNotifier notifier(bus.connect(u"client"_s));
        QVERIFY(notifier.isAvailable());
        QVERIFY(notifier.notify(reminder()));
        QTRY_COMPARE(server.received.size(), 1);
        const NotificationServer::Notification &n = server.received.first();
        QCOMPARE(n.summary, u"On call in 1 hour: Payments on call"_s);
        // No body-markup capability: the text goes as it is.
        QCOMPARE(n.body, u"Your shift starts Mon 30 Mar 10:00 CEST, with Ops 1 & Dev <2>."_s);
        QCOMPARE(n.appIcon, QStringLiteral(TANDEM_APP_ID));
        QCOMPARE(n.replacesId, 0u);
        // Pairs of action key and label: a click ("default"), Open shift, Snooze 10 min.
        QCOMPARE(n.actions, (QStringList{u"default"_s, u"Open shift"_s, u"open"_s, u"Open shift"_s, u"snooze"_s,
                                         u"Snooze 10 min"_s}));
        QCOMPARE(n.hints.value(u"desktop-entry"_s).toString(), QStringLiteral(TANDEM_APP_ID));
        QCOMPARE(n.hints.value(u"urgency"_s).toInt(), 1);
        QCOMPARE(n.expireTimeout, -1);
    }

    void aShiftStartingNowIsCritical()
    {
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s));
        DesktopNotifier notifier(bus.connect(u"client"_s));
        QVERIFY(notifier.notify(reminder(Reminder::Kind::Starting)));
        QTRY_COMPARE(server.received.size(), 1);
        QCOMPARE(server.received.first().hints.value(u"urgency"_s).toInt(), 2);
    }

    void markupIsEscapedWhereTheServerReadsIt()
    {
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s), {u"actions"_s, u"body"_s, u"body-markup"_s});
        DesktopNotifier notifier(bus.connect(u"client"_s));
        QTest::qWait(100); // the capabilities come back asynchronously
        QVERIFY(notifier.notify(reminder()));
        QTRY_COMPARE(server.received.size(), 1);
        QCOMPARE(server.received.first().body,
                 u"Your shift starts Mon 30 Mar 10:00 CEST, with Ops 1 &amp; Dev &lt;2&gt;."_s);
    }

    void aNewReminderOfTheShiftReplacesTheOldOne()
    {
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s));
        DesktopNotifier notifier(bus.connect(u"client"_s));
        const ShiftId shift = ShiftId::create();
        QVERIFY(notifier.notify(reminder(Reminder::Kind::Upcoming, shift)));
        QTRY_COMPARE(server.received.size(), 1);
        QTest::qWait(50); // the id of the first comes back
        QVERIFY(notifier.notify(reminder(Reminder::Kind::Starting, shift)));
        QVERIFY(notifier.notify(reminder(Reminder::Kind::Upcoming, ShiftId::create())));
        QTRY_COMPARE(server.received.size(), 3);
        QCOMPARE(server.received.at(1).replacesId, 1u);
        QCOMPARE(server.received.at(2).replacesId, 0u);
    }

    void actionsReachTheApplication_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("open");
        QTest::addColumn<bool>("snooze");
        QTest::newRow("Open shift") << u"open"_s << true << false;
        QTest::newRow("a click") << u"default"_s << true << false;
        QTest::newRow("Snooze 10 min") << u"snooze"_s << false << true;
        QTest::newRow("unknown action") << u"something-else"_s << false << false;
    }

    void actionsReachTheApplication()
    {
        QFETCH(QString, action);
        QFETCH(bool, open);
        QFETCH(bool, snooze);
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s));
        DesktopNotifier notifier(bus.connect(u"client"_s));
        QSignalSpy opened(&notifier, &DesktopNotifier::openRequested);
        QSignalSpy snoozed(&notifier, &DesktopNotifier::snoozeRequested);
        const Reminder sent = reminder();
        QVERIFY(notifier.notify(sent));
        QTRY_COMPARE(server.received.size(), 1);
        QTest::qWait(50);
        server.invokeAction(1, action);
        QTRY_COMPARE(opened.size() + snoozed.size() + (open || snooze ? 0 : 1), 1);
        QTest::qWait(50);
        QCOMPARE(opened.size(), open ? 1 : 0);
        QCOMPARE(snoozed.size(), snooze ? 1 : 0);
        if (open) {
            QCOMPARE(opened.first().first().value<Reminder>().shift, sent.shift);
            QCOMPARE(opened.first().first().value<Reminder>().shiftStart, sent.shiftStart);
        }
        if (snooze) {
            QCOMPARE(snoozed.first().first().value<Reminder>().shift, sent.shift);
        }
    }

    void anotherApplicationsNotificationIsIgnored()
    {
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s));
        DesktopNotifier notifier(bus.connect(u"client"_s));
        QSignalSpy opened(&notifier, &DesktopNotifier::openRequested);
        QVERIFY(notifier.notify(reminder()));
        QTRY_COMPARE(server.received.size(), 1);
        server.invokeAction(7, u"open"_s); // not ours
        server.close(1);
        QTest::qWait(100);
        server.invokeAction(1, u"open"_s); // ours, but closed already
        QTest::qWait(100);
        QCOMPARE(opened.size(), 0);
    }

    void aRefusedNotificationIsReported()
    {
        Test::SessionBus bus;
        NotificationServer server(bus.connect(u"server"_s));
        server.refuse = true;
        DesktopNotifier notifier(bus.connect(u"client"_s));
        QSignalSpy failed(&notifier, &DesktopNotifier::failed);
        QVERIFY(notifier.notify(reminder()));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(1).toString().contains(u"notifications are off"_s));
    }
};

QTEST_MAIN(DesktopNotifierTest)
#include "desktopnotifiertest.moc"
