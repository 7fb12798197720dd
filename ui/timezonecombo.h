#pragma once

#include <QComboBox>

namespace Tandem {

/// Chooses an IANA time zone from the list, with type-to-search ("berl" finds Europe/Berlin).
class TimeZoneCombo final : public QComboBox
{
    Q_OBJECT

public:
    explicit TimeZoneCombo(QWidget *parent = nullptr);

    QString timeZone() const { return currentText().trimmed(); }
    void setTimeZone(const QString &zone);
};

} // namespace Tandem
