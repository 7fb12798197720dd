#include "remindersettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

ReminderSettingsDialog::ReminderSettingsDialog(const ReminderSettings &settings, bool trayAvailable, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"reminderSettingsDialog"_s);
    setWindowTitle(tr("Reminders"));
    auto *when = new QGroupBox(tr("Remind me of my shifts"), this);
    m_dayBefore = new QCheckBox(tr("&24 hours before"), when);
    m_hourBefore = new QCheckBox(tr("&1 hour before"), when);
    m_atHandoff = new QCheckBox(tr("At the &handoff (when it starts)"), when);
    m_customHours = new QSpinBox(when);
    m_customHours->setObjectName(u"customHours"_s);
    m_customHours->setRange(0, 14 * 24);
    m_customHours->setSuffix(tr(" h before"));
    m_customHours->setSpecialValueText(tr("no other time"));
    QList<int> leads = settings.leadMinutes;
    m_dayBefore->setChecked(leads.removeAll(24 * 60) > 0);
    m_hourBefore->setChecked(leads.removeAll(60) > 0);
    m_atHandoff->setChecked(leads.removeAll(0) > 0);
    m_customHours->setValue(leads.isEmpty() ? 0 : leads.first() / 60);
    auto *custom = new QLabel(tr("&Also:"), when);
    custom->setBuddy(m_customHours);
    auto *whenLayout = new QFormLayout(when);
    whenLayout->addRow(m_dayBefore);
    whenLayout->addRow(m_hourBefore);
    whenLayout->addRow(m_atHandoff);
    whenLayout->addRow(custom, m_customHours);

    m_keepInTray = new QCheckBox(tr("&Keep running in the tray when the window closes"), this);
    m_keepInTray->setChecked(settings.keepInTray && trayAvailable);
    m_keepInTray->setEnabled(trayAvailable);
    if (!trayAvailable) {
        m_keepInTray->setToolTip(tr("This desktop has no system tray."));
    }
    m_startAtLogin = new QCheckBox(tr("&Start Tandem in the tray when I log in"), this);
    m_startAtLogin->setObjectName(u"startAtLogin"_s);
    m_startAtLogin->setChecked(settings.startAtLogin);
    m_startAtLogin->setToolTip(trayAvailable ? tr("Reminders come from the start; the window opens from the tray.")
                                             : tr("Reminders come from the start; the window starts minimized."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(when);
    layout->addWidget(m_keepInTray);
    layout->addWidget(m_startAtLogin);
    layout->addWidget(buttons);
}

ReminderSettings ReminderSettingsDialog::settings() const
{
    ReminderSettings result;
    result.leadMinutes.clear();
    if (m_dayBefore->isChecked()) {
        result.leadMinutes.append(24 * 60);
    }
    if (m_hourBefore->isChecked()) {
        result.leadMinutes.append(60);
    }
    if (m_atHandoff->isChecked()) {
        result.leadMinutes.append(0);
    }
    if (m_customHours->value() > 0 && !result.leadMinutes.contains(m_customHours->value() * 60)) {
        result.leadMinutes.append(m_customHours->value() * 60);
    }
    result.keepInTray = m_keepInTray->isChecked();
    result.startAtLogin = m_startAtLogin->isChecked();
    return result;
}

} // namespace Tandem
