#include "desktopnotifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

const QString Service = u"org.freedesktop.Notifications"_s;
const QString Path = u"/org/freedesktop/Notifications"_s;
const QString Interface = u"org.freedesktop.Notifications"_s;

QDBusMessage call(const QString &method)
{
    return QDBusMessage::createMethodCall(Service, Path, Interface, method);
}

} // namespace

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent) : QObject(parent), m_bus(bus)
{
    if (!m_bus.isConnected()) {
        return;
    }
    m_bus.connect(Service, Path, Interface, u"ActionInvoked"_s, this, SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(Service, Path, Interface, u"NotificationClosed"_s, this, SLOT(onNotificationClosed(uint, uint)));
    if (isAvailable()) {
        // Whether the body may carry markup: then names with "&" or "<" must be escaped.
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call(u"GetCapabilities"_s)), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
            const QDBusPendingReply<QStringList> reply = *w;
            m_bodyMarkup = reply.isValid() && reply.value().contains(u"body-markup"_s);
            w->deleteLater();
        });
    }
}

DesktopNotifier::~DesktopNotifier() = default;

bool DesktopNotifier::isAvailable() const
{
    if (!m_bus.isConnected() || !m_bus.interface()) {
        return false;
    }
    // Most notification daemons (dunst, xfce4-notifyd, mako) are started by the bus on the first
    // call: a service the bus can activate counts as available.
    return m_bus.interface()->isServiceRegistered(Service).value() ||
           m_bus.interface()->activatableServiceNames().value().contains(Service);
}

bool DesktopNotifier::notify(const Reminder &reminder)
{
    if (!isAvailable()) {
        return false;
    }
    const QString body = m_bodyMarkup ? reminder.text.toHtmlEscaped() : reminder.text;
    const QStringList actions{u"default"_s,     tr("Open shift"), openAction(),
                              tr("Open shift"), snoozeAction(),   tr("Snooze 10 min")};
    QVariantMap hints;
    hints.insert(u"desktop-entry"_s, QStringLiteral(TANDEM_APP_ID));
    // A shift starting now is critical: the server keeps it until the user acts.
    hints.insert(u"urgency"_s, QVariant::fromValue(uchar(reminder.kind == Reminder::Kind::Starting ? 2 : 1)));
    const uint replaces = m_shiftNotes.value(reminder.shift, 0);
    QDBusMessage message = call(u"Notify"_s);
    message << QGuiApplication::applicationDisplayName() << replaces << QStringLiteral(TANDEM_APP_ID) << reminder.title
            << body << actions << hints << -1;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, reminder](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        w->deleteLater();
        if (reply.isError()) {
            Q_EMIT failed(reminder, reply.error().message());
            return;
        }
        m_shown.insert(reply.value(), reminder);
        m_shiftNotes.insert(reminder.shift, reply.value());
    });
    return true;
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.constEnd()) {
        return; // another application's notification
    }
    const Reminder reminder = *it;
    if (action == openAction() || action == u"default") {
        Q_EMIT openRequested(reminder);
    } else if (action == snoozeAction()) {
        Q_EMIT snoozeRequested(reminder);
    }
    // Servers close the notification after an action (unless it is resident); say so anyway.
    m_bus.asyncCall(call(u"CloseNotification"_s) << id);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const auto it = m_shown.constFind(id);
    if (it == m_shown.constEnd()) {
        return;
    }
    if (m_shiftNotes.value(it->shift) == id) {
        m_shiftNotes.remove(it->shift);
    }
    m_shown.erase(it);
}

} // namespace Tandem
