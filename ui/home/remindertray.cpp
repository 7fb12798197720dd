#include "remindertray.h"

#include "../appicon.h"
#include "../workspace.h"
#include "autostart.h"
#include "desktopnotifier.h"
#include "domain/clock.h"
#include "services/engineerservice.h"
#include "services/identity.h"
#include "services/rotationservice.h"
#include "store/database.h"
#include "sync/synccontroller.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

constexpr int TickMs = 60 * 1000; // the tooltip counts down in minutes

} // namespace

ReminderSettings ReminderSettings::load()
{
    QSettings settings;
    ReminderSettings result;
    if (settings.contains(u"reminders/leadMinutes"_s)) {
        result.leadMinutes.clear();
        for (const QString &part :
             settings.value(u"reminders/leadMinutes"_s).toString().split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const int minutes = part.trimmed().toInt(&ok);
            if (ok && minutes >= 0) {
                result.leadMinutes.append(minutes);
            }
        }
    }
    result.keepInTray = settings.value(u"reminders/keepInTray"_s, false).toBool();
    result.startAtLogin = Autostart::isEnabled();
    return result;
}

Status ReminderSettings::save() const
{
    QStringList parts;
    for (int minutes : leadMinutes) {
        parts.append(QString::number(minutes));
    }
    QSettings settings;
    settings.setValue(u"reminders/leadMinutes"_s, parts.join(u','));
    settings.setValue(u"reminders/keepInTray"_s, keepInTray);
    if (startAtLogin != Autostart::isEnabled()) {
        return Autostart::setEnabled(startAtLogin);
    }
    return {};
}

ReminderTray::ReminderTray(QObject *parent)
    : QObject(parent), m_clock(&Clock::current()), m_settings(ReminderSettings::load())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReminderTray::check);
    setNotifier(new DesktopNotifier(QDBusConnection::sessionBus(), this));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(applicationIcon(), this);
        m_tray->setObjectName(u"trayIcon"_s);
        auto *menu = new QMenu();
        menu->addAction(tr("Show Tandem"), this, &ReminderTray::showRequested);
        menu->addSeparator();
        menu->addAction(tr("Quit"), this, &ReminderTray::quitRequested);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QObject::destroyed, menu, &QObject::deleteLater);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                Q_EMIT showRequested();
            }
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &ReminderTray::showRequested);
        m_tray->setToolTip(tr("Tandem"));
        m_tray->show();
    }
}

ReminderTray::~ReminderTray() = default;

bool ReminderTray::isTrayAvailable() const
{
    return m_tray != nullptr;
}

void ReminderTray::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::current();
}

void ReminderTray::setSettings(const ReminderSettings &settings)
{
    m_settings = settings;
    check();
}

void ReminderTray::setWorkspace(Workspace *workspace)
{
    QObject::disconnect(m_connection);
    QObject::disconnect(m_flagConnection);
    m_workspace = workspace;
    if (workspace) {
        m_connection = connect(&workspace->database(), &Database::committed, this, &ReminderTray::changed);
        // The lead hears when a change from the shared calendar broke a rule (a gap, an overlap).
        m_flagConnection =
            connect(&workspace->sync(), &SyncController::flagged, this, [this](const QList<SyncFlag> &flags) {
                for (const SyncFlag &flag : flags) {
                    notify(Reminders::fromSyncFlag(flag));
                }
            });
    }
    check();
}

void ReminderTray::setNotifier(DesktopNotifier *notifier)
{
    if (m_notifier) {
        disconnect(m_notifier, nullptr, this, nullptr);
    }
    m_notifier = notifier;
    if (!notifier) {
        return;
    }
    connect(notifier, &QObject::destroyed, this, [this, notifier] {
        if (m_notifier == notifier) {
            m_notifier = nullptr;
        }
    });
    connect(notifier, &DesktopNotifier::openRequested, this, &ReminderTray::openShiftRequested);
    connect(notifier, &DesktopNotifier::snoozeRequested, this, &ReminderTray::snooze);
    // A service that refuses the notification: the tray says it instead.
    connect(notifier, &DesktopNotifier::failed, this, [this](const Reminder &reminder, const QString &) {
        if (m_tray) {
            m_tray->showMessage(reminder.title, reminder.text, QSystemTrayIcon::Information, 30 * 1000);
        }
    });
}

void ReminderTray::notify(const Reminder &reminder)
{
    const bool sent = m_notifier && m_notifier->notify(reminder);
    if (!sent && m_tray) {
        m_tray->showMessage(reminder.title, reminder.text, QSystemTrayIcon::Information, 30 * 1000);
    }
    Q_EMIT reminded(reminder);
}

void ReminderTray::snooze(const Reminder &reminder)
{
    m_snoozed.removeIf([&reminder](const Snoozed &s) { return s.reminder.shift == reminder.shift; });
    m_snoozed.append({reminder, m_clock->now().addSecs(SnoozeMinutes * 60)});
    check();
}

void ReminderTray::check()
{
    m_timer.stop();
    if (!m_workspace) {
        return;
    }
    const QDateTime now = m_clock->now();
    auto me = resolvePerson(m_workspace->database());
    if (!me || !me.value()) {
        updateTray({});
        return;
    }
    auto shifts = EngineerService(m_workspace->database()).upcoming(me.value()->id, now, 2);
    if (!shifts) {
        return;
    }
    // Reminders missed while Tandem was closed are said once at start (only the latest per
    // shift, and only for shifts not over); the first start looks back one longest lead time.
    QSettings settings;
    const int longest = m_settings.leadMinutes.isEmpty()
                            ? 0
                            : *std::max_element(m_settings.leadMinutes.begin(), m_settings.leadMinutes.end());
    QDateTime since = settings.value(u"reminders/lastCheck"_s).toDateTime();
    if (!since.isValid() || since > now) {
        since = now.addSecs(-qint64(longest) * 60 - 1);
    }
    const Reminders reminders(m_settings.leadMinutes);
    for (const Reminder &r : reminders.due(shifts.value(), since, now)) {
        m_snoozed.removeIf([&r](const Snoozed &s) { return s.reminder.shift == r.shift; });
        notify(r);
    }
    // Snoozed reminders come back with the time left then; one about a shift that is gone or
    // over is dropped.
    QDateTime wake = reminders.nextWakeUp(shifts.value(), now);
    for (qsizetype i = 0; i < m_snoozed.size();) {
        const Snoozed snoozed = m_snoozed.at(i);
        if (snoozed.due > now) {
            wake = wake.isValid() ? std::min(wake, snoozed.due) : snoozed.due;
            ++i;
            continue;
        }
        m_snoozed.removeAt(i);
        const auto mine = std::find_if(shifts->cbegin(), shifts->cend(),
                                       [&](const MyShift &s) { return s.shift.id == snoozed.reminder.shift; });
        const bool aboutTime =
            snoozed.reminder.kind == Reminder::Kind::Upcoming || snoozed.reminder.kind == Reminder::Kind::Starting;
        if (mine != shifts->cend()) {
            notify(aboutTime ? Reminders::reminderFor(*mine, now) : snoozed.reminder);
        } else if (!aboutTime) {
            notify(snoozed.reminder); // e.g. "taken off your shift": the shift is no longer mine
        }
    }
    settings.setValue(u"reminders/lastCheck"_s, now);
    updateTray(shifts.value());
    const qint64 untilWake = wake.isValid() ? std::max<qint64>(now.msecsTo(wake), 0) : TickMs;
    m_timer.start(int(std::min<qint64>(untilWake, TickMs)));
}

void ReminderTray::updateTray(const QList<MyShift> &shifts)
{
    const QDateTime now = m_clock->now();
    if (shifts.isEmpty()) {
        m_toolTip = tr("Tandem: no shift of yours is planned");
    } else if (shifts.first().isUnderway(now)) {
        m_toolTip = tr("Tandem: you are on call (%1), handing off %2")
                        .arg(shifts.first().rotation.name, countdownWords(now, shifts.first().shift.end));
    } else {
        m_toolTip = tr("Tandem: your next shift (%1) starts %2")
                        .arg(shifts.first().rotation.name, countdownWords(now, shifts.first().shift.start));
    }
    if (m_tray) {
        m_tray->setToolTip(m_toolTip);
    }
}

void ReminderTray::changed(const QList<ChangeEntry> &changes)
{
    if (!m_workspace) {
        return;
    }
    auto me = resolvePerson(m_workspace->database());
    if (me && me.value()) {
        QHash<RotationId, QString> names;
        // Only names: without them (a failed read) a reminder still says when, without the
        // rotation's name.
        for (const Rotation &r : RotationService(m_workspace->database()).rotations().value_or({})) {
            names.insert(r.id, r.name);
        }
        for (const Reminder &r : Reminders::changesByOthers(changes, me.value()->id, m_workspace->database().actor(),
                                                            names, m_clock->now())) {
            notify(r);
        }
    }
    check();
}

} // namespace Tandem
