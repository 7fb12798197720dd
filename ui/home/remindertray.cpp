#include "remindertray.h"

#include "../workspace.h"
#include "domain/clock.h"
#include "services/engineerservice.h"
#include "services/identity.h"
#include "store/database.h"
#include "store/shiftrepository.h"
#include "sync/synccontroller.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSystemTrayIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

constexpr int TickMs = 60 * 1000; // the tooltip counts down in minutes

QIcon trayIcon()
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0x2e, 0x6d, 0xb4));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRectF(4, 4, 56, 56));
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(36);
    painter.setFont(font);
    painter.drawText(pixmap.rect(), Qt::AlignCenter, u"T"_s);
    return QIcon(pixmap);
}

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
    return result;
}

void ReminderSettings::save() const
{
    QStringList parts;
    for (int minutes : leadMinutes) {
        parts.append(QString::number(minutes));
    }
    QSettings settings;
    settings.setValue(u"reminders/leadMinutes"_s, parts.join(u','));
    settings.setValue(u"reminders/keepInTray"_s, keepInTray);
}

ReminderTray::ReminderTray(QObject *parent)
    : QObject(parent), m_clock(&SystemClock::instance()), m_settings(ReminderSettings::load())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReminderTray::check);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(trayIcon(), this);
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
    m_clock = clock ? clock : &SystemClock::instance();
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

void ReminderTray::notify(const Reminder &reminder)
{
    if (m_tray) {
        m_tray->showMessage(reminder.title, reminder.text, QSystemTrayIcon::Information, 30 * 1000);
    }
    Q_EMIT reminded(reminder);
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
        notify(r);
    }
    settings.setValue(u"reminders/lastCheck"_s, now);
    updateTray(shifts.value());
    const QDateTime wake = reminders.nextWakeUp(shifts.value(), now);
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
        for (const Rotation &r : RotationRepository(m_workspace->database()).all().value_or({})) {
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
