#include "hourwindowseditor.h"

#include "domain/hourwindows.h"
#include "domain/localeformat.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

constexpr int DayMinutes = 24 * 60;

int minuteOf(QTime time)
{
    return time.msecsSinceStartOfDay() / 60000;
}

} // namespace

HourWindowsEditor::HourWindowsEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"hourWindows"_s);
    setAccessibleName(tr("Hours"));
    m_always = new QRadioButton(tr("All the ti&me"), this);
    m_always->setObjectName(u"allTheTimeRadio"_s);
    m_only = new QRadioButton(tr("Only inside these &hours:"), this);
    m_only->setObjectName(u"onlyInsideRadio"_s);
    auto *group = new QButtonGroup(this);
    group->addButton(m_always);
    group->addButton(m_only);
    m_always->setChecked(true);

    m_list = new QWidget(this);
    m_list->setObjectName(u"windowRows"_s);
    m_rows = new QVBoxLayout(m_list);
    m_rows->setContentsMargins(24, 0, 0, 0);

    m_add = new QPushButton(tr("Add &Window"), this);
    m_add->setObjectName(u"addWindowButton"_s);
    m_presets = new QComboBox(this);
    m_presets->setObjectName(u"windowPresetCombo"_s);
    m_presets->setAccessibleName(tr("Preset hours"));
    m_presets->addItem(tr("Presets…"), -1);
    m_presets->addItem(tr("Business hours (Mon–Fri 09:00–17:00)"), int(WindowPreset::BusinessHours));
    m_presets->addItem(tr("Nights (18:00–09:00)"), int(WindowPreset::Nights));
    m_presets->addItem(tr("Weekends (Sat 00:00 – Mon 00:00)"), int(WindowPreset::Weekends));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(24, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_presets);
    buttons->addStretch();

    auto *note = new QLabel(tr("Wall-clock hours in the rotation's time zone, also across daylight saving time. "
                               "Shifts are cut at their edges; the pair stays the same for the whole shift. A time "
                               "range that ends at or before it starts runs past midnight."),
                            this);
    note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_always);
    layout->addWidget(m_only);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(note);
    layout->addStretch();

    connect(m_always, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(m_add, &QPushButton::clicked, this, qOverload<>(&HourWindowsEditor::addRow));
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        const int preset = m_presets->itemData(index).toInt();
        m_presets->setCurrentIndex(0);
        if (preset >= 0) {
            applyPreset(preset);
        }
    });
    updateEnabled();
}

void HourWindowsEditor::addRow()
{
    addRow(Qt::Monday, Qt::Friday, QTime(9, 0), QTime(17, 0));
    m_only->setChecked(true);
    m_rowList.last().fromDay->setFocus();
    Q_EMIT changed();
}

void HourWindowsEditor::addRow(int fromDay, int toDay, QTime from, QTime to)
{
    const QLocale locale;
    Row row;
    row.box = new QWidget(m_list);
    auto *layout = new QHBoxLayout(row.box);
    layout->setContentsMargins(0, 0, 0, 0);
    const int number = int(m_rowList.size()) + 1;
    const auto dayCombo = [&](int day, const QString &name) {
        auto *combo = new QComboBox(row.box);
        for (int d = Qt::Monday; d <= Qt::Sunday; ++d) {
            combo->addItem(locale.dayName(d, QLocale::ShortFormat), d);
        }
        combo->setCurrentIndex(day - 1);
        combo->setAccessibleName(name);
        return combo;
    };
    const auto timeEdit = [&](QTime time, const QString &name) {
        auto *edit = new QTimeEdit(time, row.box);
        edit->setDisplayFormat(LocaleFormat::timeFormat());
        edit->setAccessibleName(name);
        return edit;
    };
    row.fromDay = dayCombo(fromDay, tr("Window %1: first day").arg(number));
    row.toDay = dayCombo(toDay, tr("Window %1: last day").arg(number));
    row.from = timeEdit(from, tr("Window %1: from").arg(number));
    row.to = timeEdit(to, tr("Window %1: to").arg(number));
    row.remove = new QPushButton(tr("Remove"), row.box);
    row.remove->setAccessibleName(tr("Remove window %1").arg(number));
    row.fromDay->setObjectName(u"windowFromDay%1"_s.arg(number));
    row.toDay->setObjectName(u"windowToDay%1"_s.arg(number));
    row.from->setObjectName(u"windowFrom%1"_s.arg(number));
    row.to->setObjectName(u"windowTo%1"_s.arg(number));
    row.remove->setObjectName(u"removeWindow%1"_s.arg(number));
    layout->addWidget(row.fromDay);
    layout->addWidget(new QLabel(tr("to"), row.box));
    layout->addWidget(row.toDay);
    layout->addSpacing(12);
    layout->addWidget(row.from);
    layout->addWidget(new QLabel(tr("–"), row.box));
    layout->addWidget(row.to);
    layout->addWidget(row.remove);
    layout->addStretch();
    m_rows->addWidget(row.box);
    for (QComboBox *combo : {row.fromDay, row.toDay}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &HourWindowsEditor::changed);
    }
    for (QTimeEdit *edit : {row.from, row.to}) {
        connect(edit, &QTimeEdit::timeChanged, this, &HourWindowsEditor::changed);
    }
    QWidget *box = row.box;
    connect(row.remove, &QPushButton::clicked, this, [this, box] {
        removeRow(box);
        Q_EMIT changed();
    });
    m_rowList.append(row);
    updateEnabled();
}

void HourWindowsEditor::removeRow(QWidget *box)
{
    for (qsizetype i = 0; i < m_rowList.size(); ++i) {
        if (m_rowList.at(i).box == box) {
            m_rowList.removeAt(i);
            box->deleteLater();
            box->hide();
            break;
        }
    }
    if (!m_rowList.isEmpty()) {
        m_rowList.last().remove->setFocus();
    } else {
        m_add->setFocus();
    }
}

void HourWindowsEditor::clearRows()
{
    for (const Row &row : std::as_const(m_rowList)) {
        row.box->hide();
        row.box->deleteLater();
    }
    m_rowList.clear();
}

void HourWindowsEditor::updateEnabled()
{
    const bool only = m_only->isChecked();
    m_list->setEnabled(only);
}

void HourWindowsEditor::applyPreset(int preset)
{
    setWindows(windowPreset(WindowPreset(preset)));
    Q_EMIT changed();
}

void HourWindowsEditor::setWindows(const QList<DailyWindow> &windows)
{
    const QSignalBlocker blocker(this);
    clearRows();
    // One row per run of consecutive weekdays with the same hours.
    QList<DailyWindow> sorted = sortedWindows(windows);
    std::stable_sort(sorted.begin(), sorted.end(), [](const DailyWindow &a, const DailyWindow &b) {
        return std::pair(minuteOf(a.start), a.minutes) < std::pair(minuteOf(b.start), b.minutes);
    });
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && sorted.at(j + 1).start == sorted.at(i).start &&
               sorted.at(j + 1).minutes == sorted.at(i).minutes &&
               sorted.at(j + 1).weekday == sorted.at(j).weekday + 1) {
            ++j;
        }
        const DailyWindow &w = sorted.at(i);
        addRow(w.weekday, sorted.at(j).weekday, w.start, w.start.addSecs(qint64(w.minutes) * 60));
        i = j + 1;
    }
    m_only->setChecked(!windows.isEmpty());
    m_always->setChecked(windows.isEmpty());
    updateEnabled();
}

bool HourWindowsEditor::isOnlyWithoutWindows() const
{
    return m_only->isChecked() && m_rowList.isEmpty();
}

QList<DailyWindow> HourWindowsEditor::windows() const
{
    QList<DailyWindow> result;
    if (!m_only->isChecked()) {
        return result;
    }
    for (const Row &row : m_rowList) {
        const int first = row.fromDay->currentData().toInt();
        const int last = row.toDay->currentData().toInt();
        const int from = minuteOf(row.from->time());
        const int to = minuteOf(row.to->time());
        const int minutes = to > from ? to - from : to + DayMinutes - from; // equal: the whole day
        for (int day = first;; day = day % 7 + 1) {
            result.append(DailyWindow{day, QTime(0, 0).addSecs(from * 60), minutes});
            if (day == last) {
                break;
            }
        }
    }
    return result;
}

} // namespace Tandem
