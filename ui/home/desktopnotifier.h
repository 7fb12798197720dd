#pragma once

#include "services/reminders.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>

namespace Tandem {

/// Reminders as freedesktop notifications (org.freedesktop.Notifications over D-Bus, the
/// Desktop Notifications Specification 1.2) with two actions, "Open shift" and "Snooze 10 min";
/// a click on the notification opens the shift too. A new notification about the same shift
/// replaces the one still on screen. isAvailable() says whether a notification service is on
/// the bus (running or startable by the bus); where it is not, the caller shows the tray's
/// message instead.
class DesktopNotifier final : public QObject
{
    Q_OBJECT

public:
    /// The session bus by default; tests pass a private bus.
    explicit DesktopNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);
    ~DesktopNotifier() override;

    /// Whether a notification service runs on the bus or the bus can start one.
    bool isAvailable() const;
    /// Sends the notification; false (nothing sent) when no service is available.
    bool notify(const Reminder &reminder);

    /// The action names in the Notify call; the spec's "default" is a click on the notification.
    static QString openAction() { return QStringLiteral("open"); }
    static QString snoozeAction() { return QStringLiteral("snooze"); }

Q_SIGNALS:
    /// "Open shift", or a click on the notification.
    void openRequested(const Tandem::Reminder &reminder);
    /// "Snooze 10 min".
    void snoozeRequested(const Tandem::Reminder &reminder);
    /// The service refused the notification (its error): the caller may show it another way.
    void failed(const Tandem::Reminder &reminder, const QString &error);

private Q_SLOTS:
    // QtDBus connects bus signals to slots by signature only (no pointer-to-member form).
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    bool m_bodyMarkup = false;
    QHash<uint, Reminder> m_shown;     ///< notification id -> what it says
    QHash<ShiftId, uint> m_shiftNotes; ///< shift -> its notification on screen (to replace)
};

} // namespace Tandem
