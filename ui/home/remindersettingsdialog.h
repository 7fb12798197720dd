#pragma once

#include "remindertray.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace Tandem {

/// Settings ▸ Reminders: when to be reminded before a shift, whether Tandem keeps running in
/// the tray when its window closes, and whether it starts there at login.
class ReminderSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    ReminderSettingsDialog(const ReminderSettings &settings, bool trayAvailable, QWidget *parent = nullptr);
    ReminderSettings settings() const;

private:
    QCheckBox *m_dayBefore;
    QCheckBox *m_hourBefore;
    QCheckBox *m_atHandoff;
    QSpinBox *m_customHours;
    QCheckBox *m_keepInTray;
    QCheckBox *m_startAtLogin;
};

} // namespace Tandem
