#pragma once

#include "domain/changeentry.h"
#include "services/reminders.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QSystemTrayIcon;

namespace Tandem {

class Clock;
class DesktopNotifier;
class Workspace;

/// What the user chose about reminders (QSettings "reminders/..."): the lead times before a
/// shift, whether Tandem keeps running in the tray when its window closes, and whether it
/// starts in the tray at login (the XDG autostart entry, see Autostart).
struct ReminderSettings
{
    QList<int> leadMinutes = Reminders::defaultLeadMinutes();
    bool keepInTray = false;
    bool startAtLogin = false;

    static ReminderSettings load();
    /// Writes the settings and writes or removes the autostart entry; fails when that entry
    /// cannot be written (the other settings are saved).
    [[nodiscard]] Status save() const;
};

/// The reminders of the user's shifts: a timer set to the next reminder time (and every minute
/// for the countdown in the tray icon's tooltip), the tray icon, and the notifications:
/// freedesktop notifications over D-Bus with "Open shift" and "Snooze 10 min" (DesktopNotifier),
/// the tray icon's message where no notification service is on the bus. Every reminder is also
/// emitted as reminded() for the in-app banner (no tray at all under Xvfb, or on desktops
/// without one).
class ReminderTray final : public QObject
{
    Q_OBJECT

public:
    explicit ReminderTray(QObject *parent = nullptr);
    ~ReminderTray() override;

    void setWorkspace(Workspace *workspace);
    /// Tests pass a FakeClock; the default is the system clock.
    void setClock(const Clock *clock);
    void setSettings(const ReminderSettings &settings);
    const ReminderSettings &settings() const { return m_settings; }
    /// Whether a tray exists on this desktop (then closing the window may keep Tandem running).
    bool isTrayAvailable() const;
    QString toolTip() const { return m_toolTip; }

    /// Looks for due reminders now and sets the timer again.
    void check();
    /// Says the reminder again in 10 minutes (a shift's reminder with the time left then).
    void snooze(const Tandem::Reminder &reminder);
    /// Tests pass a notifier on a private bus (the tray keeps ownership of neither).
    void setNotifier(DesktopNotifier *notifier);
    DesktopNotifier *notifier() const { return m_notifier; }

    static constexpr int SnoozeMinutes = 10;

Q_SIGNALS:
    void reminded(const Tandem::Reminder &reminder);
    /// The tray icon was clicked: show the window.
    void showRequested();
    /// "Open shift" in a notification: show the window on that shift.
    void openShiftRequested(const Tandem::Reminder &reminder);
    void quitRequested();

private:
    void changed(const QList<Tandem::ChangeEntry> &changes);
    void notify(const Reminder &reminder);
    void updateTray(const QList<MyShift> &shifts);

    struct Snoozed
    {
        Reminder reminder;
        QDateTime due;
    };

    QPointer<Workspace> m_workspace;
    const Clock *m_clock;
    ReminderSettings m_settings;
    QTimer m_timer;
    QSystemTrayIcon *m_tray = nullptr;
    DesktopNotifier *m_notifier = nullptr; ///< reset when it is destroyed
    QList<Snoozed> m_snoozed;
    QString m_toolTip;
    QMetaObject::Connection m_connection;
    QMetaObject::Connection m_flagConnection; ///< the sync's flags: changes from the server that break a rule
};

} // namespace Tandem
