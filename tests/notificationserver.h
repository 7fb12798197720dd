#pragma once

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QObject>
#include <QVariantMap>

namespace Tandem::Test {

/// The other side of the Desktop Notifications Specification, on a test bus: records each
/// Notify call, answers like a server (ids from 1, the capabilities given) and emits the
/// server's signals when the test acts as the user (a click on an action, a close). A desktop's
/// notification daemon does the same; the tests use this one to act in its place.
class NotificationServer final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Notification
    {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
    };

    NotificationServer(const QDBusConnection &bus,
                       QStringList capabilities = {QStringLiteral("actions"), QStringLiteral("body")})
        : m_bus(bus), m_capabilities(std::move(capabilities))
    {
        m_bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                             QDBusConnection::ExportScriptableSlots);
        m_bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
    }
    ~NotificationServer() override
    {
        m_bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        m_bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    }

    QList<Notification> received;
    bool refuse = false; ///< answer Notify with an error

    void invokeAction(uint id, const QString &action) { emitSignal(QStringLiteral("ActionInvoked"), {id, action}); }
    void close(uint id, uint reason = 2) { emitSignal(QStringLiteral("NotificationClosed"), {id, reason}); }

public Q_SLOTS:
    // The specification's methods, spelled as D-Bus spells them.
    Q_SCRIPTABLE uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                             const QString &body, const QStringList &actions, const QVariantMap &hints,
                             int expireTimeout)
    {
        if (refuse) {
            sendErrorReply(QDBusError::AccessDenied, QStringLiteral("notifications are off"));
            return 0;
        }
        received.append({appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout});
        return replacesId != 0 ? replacesId : ++m_lastId;
    }
    Q_SCRIPTABLE QStringList GetCapabilities() { return m_capabilities; }
    Q_SCRIPTABLE void CloseNotification(uint id) { m_closed.append(id); }

public:
    QList<uint> closedByClient() const { return m_closed; }

private:
    void emitSignal(const QString &name, const QVariantList &arguments)
    {
        QDBusMessage message = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
                                                          QStringLiteral("org.freedesktop.Notifications"), name);
        message.setArguments(arguments);
        m_bus.send(message);
    }

    QDBusConnection m_bus;
    QStringList m_capabilities;
    uint m_lastId = 0;
    QList<uint> m_closed;
};

} // namespace Tandem::Test
