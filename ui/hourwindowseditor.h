#pragma once

#include "domain/rotation.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QRadioButton;
class QTimeEdit;
class QVBoxLayout;

namespace Tandem {

/// The hours a rotation runs (Rotation::windows), in the rotation dialog: "All the time" or
/// "Only inside these hours" with a list of windows, each a range of weekdays and a from/to
/// wall-clock time in the rotation's zone (a "to" at or before "from" runs past midnight; equal
/// times are the whole day); presets for business hours, nights and weekends. Every control has
/// an accessible name and is reached with Tab.
class HourWindowsEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit HourWindowsEditor(QWidget *parent = nullptr);

    void setWindows(const QList<DailyWindow> &windows);
    QList<DailyWindow> windows() const;
    /// "Only inside these hours" with no window: not a rotation anyone means (it would run all
    /// the time), so the dialog refuses it instead of saving it as "All the time".
    bool isOnlyWithoutWindows() const;

    /// Adds a row (Monday to Friday, 09:00 to 17:00) and turns "Only inside these hours" on.
    void addRow();
    void applyPreset(int preset); ///< a WindowPreset

Q_SIGNALS:
    void changed();

private:
    struct Row
    {
        QWidget *box = nullptr;
        QComboBox *fromDay = nullptr;
        QComboBox *toDay = nullptr;
        QTimeEdit *from = nullptr;
        QTimeEdit *to = nullptr;
        QPushButton *remove = nullptr;
    };

    void addRow(int fromDay, int toDay, QTime from, QTime to);
    void removeRow(QWidget *box);
    void clearRows();
    void updateEnabled();

    QRadioButton *m_always;
    QRadioButton *m_only;
    QWidget *m_list;
    QVBoxLayout *m_rows;
    QPushButton *m_add;
    QComboBox *m_presets;
    QList<Row> m_rowList;
};

} // namespace Tandem
