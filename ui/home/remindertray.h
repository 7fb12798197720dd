#pragma once

#include "domain/changeentry.h"
#include "services/reminders.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QSystemTrayIcon;

namespace Tandem {

class Clock;
class Workspace;

/// What the user chose about reminders (QSettings "reminders/..."): the lead times before a
/// shift, and whether Tandem keeps running in the tray when its window closes.
struct ReminderSettings
{
    QList<int> leadMinutes = Reminders::defaultLeadMinutes();
    bool keepInTray = false;

    static ReminderSettings load();
    void save() const;
};

/// The reminders of the user's shifts: a timer set to the next reminder time (and every minute
/// for the countdown in the tray icon's tooltip), the tray icon, and its messages. Freedesktop
/// notifications would need QtDBus; Tandem uses QSystemTrayIcon::showMessage(), which the
/// desktop's tray shows as a notification. Every reminder is also emitted as reminded() for
/// the in-app banner (no tray at all under Xvfb, or on desktops without one).
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

Q_SIGNALS:
    void reminded(const Tandem::Reminder &reminder);
    /// The tray icon was clicked: show the window.
    void showRequested();
    void quitRequested();

private:
    void changed(const QList<Tandem::ChangeEntry> &changes);
    void notify(const Reminder &reminder);
    void updateTray(const QList<MyShift> &shifts);

    QPointer<Workspace> m_workspace;
    const Clock *m_clock;
    ReminderSettings m_settings;
    QTimer m_timer;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_toolTip;
    QMetaObject::Connection m_connection;
    QMetaObject::Connection m_flagConnection; ///< the sync's flags: changes from the server that break a rule
};

} // namespace Tandem
