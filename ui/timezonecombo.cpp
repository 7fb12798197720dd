#include "timezonecombo.h"

#include "services/validation.h"

#include <QCompleter>
#include <QLineEdit>
#include <QTimeZone>

namespace Tandem {

TimeZoneCombo::TimeZoneCombo(QWidget *parent) : QComboBox(parent)
{
    setEditable(true);
    setAccessibleName(tr("Time zone"));
    lineEdit()->setAccessibleName(tr("Time zone"));
    setInsertPolicy(QComboBox::NoInsert);
    addItems(timeZoneChoices());
    setMaxVisibleItems(20);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    setTimeZone(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
}

void TimeZoneCombo::setTimeZone(const QString &zone)
{
    const int index = findText(zone);
    if (index >= 0) {
        setCurrentIndex(index);
    } else {
        setEditText(zone);
    }
}

} // namespace Tandem
