#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/team.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimeEdit;

namespace Tandem {

class OnboardingPage;
class HourWindowsEditor;
class TimeZoneCombo;
struct TraineeProgress;

/// Adds or edits a rotation: its shape (length, handoff, active days, start) and its rules.
/// Validates as you type with validateRotation and keeps OK disabled until the form is valid.
/// On OK it calls the submit function (the undoable service call); a refusal names the field,
/// which the dialog points at while staying open. "New Pool…" creates an ops pool on the spot.
class RotationDialog final : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<Status(const Rotation &)>;
    using AddPool = std::function<Result<OpsPool>(const OpsPool &)>;

    RotationDialog(const QList<Team> &teams, const QList<Person> &people, const QList<OpsPool> &pools, Submit submit,
                   AddPool addPool, QWidget *parent = nullptr);

    void setRotation(const Rotation &rotation);
    Rotation rotation() const;
    /// The progress of the rotation's onboarding developers, shown on the Onboarding tab.
    void setOnboardingProgress(const QList<TraineeProgress> &progress);

    void accept() override;

    /// Opens the pool dialog; public so that tests and the main window can reach it.
    void newPool();

private:
    void validate();
    void teamChanged();
    void fillNewDevelopers(const QList<PersonId> &checked);
    void fillOnboarding(const RotationRules &rules);
    /// The developers of the team and the people with production access, for a forbidden pair.
    void fillPairChoices();
    void setForbiddenPairs(const QList<QPair<PersonId, PersonId>> &pairs);
    void addForbiddenPair();
    void setColor(const QString &color);
    QString personName(PersonId id) const;
    QWidget *fieldWidget(const QString &field) const;
    void pointAt(QWidget *field);

    Submit m_submit;
    AddPool m_addPool;
    Rotation m_rotation;
    QList<Team> m_teams;
    QList<Person> m_people;
    QString m_autoZone; ///< the zone the team chose, replaced on a team change unless edited

    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QComboBox *m_team;
    QComboBox *m_pool;
    QPushButton *m_newPool;
    TimeZoneCombo *m_timeZone;
    QSpinBox *m_length;
    QComboBox *m_unit;
    QComboBox *m_handoffDay;
    QTimeEdit *m_handoffTime;
    QWidget *m_activeDaysBox;
    HourWindowsEditor *m_hours;
    QList<QCheckBox *> m_activeDays;
    QDateEdit *m_startDate;
    QSpinBox *m_minRest;
    QSpinBox *m_maxShifts;
    QSpinBox *m_concurrency;
    QCheckBox *m_noSamePair;
    QCheckBox *m_swapsNeedApproval;
    QListWidget *m_newDevelopers;
    OnboardingPage *m_onboarding;
    QListWidget *m_forbidden;
    QComboBox *m_forbidDev;
    QComboBox *m_forbidOps;
    QPushButton *m_addForbidden;
    QPushButton *m_removeForbidden;
    QComboBox *m_color;
    QDoubleSpinBox *m_weekendWeight;
    QDoubleSpinBox *m_holidayWeight;
    QDoubleSpinBox *m_nightWeight;
    QTimeEdit *m_nightStart;
    QTimeEdit *m_nightEnd;
    QSpinBox *m_freezeDays;
    QSpinBox *m_lookback;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace Tandem
