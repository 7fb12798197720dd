#pragma once

#include "domain/result.h"
#include "domain/team.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Tandem {

class TimeZoneCombo;

/// Creates or renames a team and sets its default time zone.
class TeamDialog final : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<Status(const Team &)>;

    explicit TeamDialog(Submit submit, QWidget *parent = nullptr);
    void setTeam(const Team &team);
    Team team() const;
    void accept() override;

private:
    void validate();

    Submit m_submit;
    Team m_team;
    QLineEdit *m_name;
    TimeZoneCombo *m_timeZone;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace Tandem
