#pragma once

#include "domain/person.h"
#include "domain/rotation.h"
#include "services/onboardingservice.h"

#include <QHash>
#include <QWidget>

class QListWidget;
class QPushButton;
class QSpinBox;
class QLabel;

namespace Tandem {

/// The rotation dialog's Onboarding tab: how many shadow shifts a new developer does, and which
/// of the team's developers are onboarding (they shadow pairs and never take the developer seat
/// yet), each with their progress; "Confirm" takes a ready trainee off the list, which the
/// dialog's OK writes (one undoable rotation edit).
class OnboardingPage final : public QWidget
{
    Q_OBJECT

public:
    explicit OnboardingPage(QWidget *parent = nullptr);

    /// The team's developers to choose from and the rules' onboarding fields.
    void setChoices(const QList<Person> &developers, const RotationRules &rules);
    /// Progress of the rotation's trainees as the database holds it (OnboardingService).
    void setProgress(const QList<TraineeProgress> &progress);
    /// Writes the page's fields into `rules`.
    void apply(RotationRules &rules) const;

Q_SIGNALS:
    void changed();

private:
    void refreshTexts();
    void updateButton();

    QSpinBox *m_needed;
    QListWidget *m_trainees;
    QPushButton *m_confirm;
    QLabel *m_hint;
    QHash<PersonId, TraineeProgress> m_progress;
    QHash<PersonId, QString> m_names;
};

} // namespace Tandem
