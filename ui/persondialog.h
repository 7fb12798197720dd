#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/team.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace Tandem {

class TimeZoneCombo;

/// Adds or edits a person. Validates as you type, says what is wrong next to the form, and
/// keeps OK disabled until the form is valid. On OK it calls the submit function (the undoable
/// service call); a refusal (an e-mail already used) is shown and the dialog stays open.
class PersonDialog final : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<Status(const Person &)>;

    PersonDialog(const QList<Team> &teams, Submit submit, QWidget *parent = nullptr);

    void setPerson(const Person &person);
    Person person() const;

    void accept() override;

private:
    void validate();
    void setFieldError(QWidget *field, bool error);
    /// A new person's zone follows the first team checked until the user picks one.
    void followTeamZone();

    Submit m_submit;
    Person m_person;
    QList<Team> m_teams;
    bool m_accessTouched = false;
    bool m_zoneTouched = false; ///< the user chose a zone: checking a team no longer changes it
    bool m_settingZone = false;

    QLineEdit *m_name;
    QLineEdit *m_email;
    QComboBox *m_role;
    QListWidget *m_teamList;
    TimeZoneCombo *m_timeZone;
    QLineEdit *m_phone;
    QLineEdit *m_chat;
    QDoubleSpinBox *m_capacity;
    QCheckBox *m_productionAccess;
    QCheckBox *m_senior;
    QCheckBox *m_active;
    QPlainTextEdit *m_notes;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace Tandem
