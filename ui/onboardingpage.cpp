#include "onboardingpage.h"

#include "services/validation.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace Tandem {

OnboardingPage::OnboardingPage(QWidget *parent) : QWidget(parent)
{
    m_needed = new QSpinBox(this);
    m_needed->setObjectName(u"shadowShiftsSpin"_s);
    m_needed->setRange(0, MaxShadowShifts);
    m_needed->setSpecialValueText(tr("No onboarding"));
    m_needed->setAccessibleName(tr("Shadow shifts a new developer needs"));
    m_trainees = new QListWidget(this);
    m_trainees->setObjectName(u"traineesList"_s);
    m_trainees->setAccessibleName(tr("Developers onboarding"));
    m_trainees->setToolTip(tr("Checked developers shadow pairs (no load, no production access) and do not take the "
                              "developer seat until a lead confirms them."));
    m_confirm = new QPushButton(tr("Con&firm Ready Developer"), this);
    m_confirm->setObjectName(u"confirmTraineeButton"_s);
    m_confirm->setToolTip(tr("Takes the selected developer, who has done enough shadow shifts, off the onboarding "
                             "list: from the next plan on they take the developer seat."));
    m_hint = new QLabel(this);
    m_hint->setObjectName(u"onboardingHint"_s);
    m_hint->setWordWrap(true);

    auto *neededLabel = new QLabel(tr("&Shadow shifts before joining:"), this);
    neededLabel->setBuddy(m_needed);
    auto *listLabel = new QLabel(tr("&Developers onboarding:"), this);
    listLabel->setBuddy(m_trainees);
    auto *form = new QFormLayout(this);
    form->addRow(neededLabel, m_needed);
    form->addRow(listLabel, m_trainees);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(m_confirm);
    form->addRow(QString(), row);
    form->addRow(m_hint);

    connect(m_needed, &QSpinBox::valueChanged, this, [this] {
        refreshTexts();
        Q_EMIT changed();
    });
    connect(m_trainees, &QListWidget::itemChanged, this, [this] {
        refreshTexts();
        Q_EMIT changed();
    });
    connect(m_trainees, &QListWidget::currentRowChanged, this, &OnboardingPage::updateButton);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_trainees->currentItem()) {
            item->setCheckState(Qt::Unchecked);
        }
    });
    refreshTexts();
}

void OnboardingPage::setChoices(const QList<Person> &developers, const RotationRules &rules)
{
    const QSignalBlocker blockSpin(m_needed);
    const QSignalBlocker blockList(m_trainees);
    m_needed->setValue(rules.shadowShiftsNeeded);
    m_trainees->clear();
    m_names.clear();
    for (const Person &p : developers) {
        auto *item = new QListWidgetItem(p.name, m_trainees);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(rules.trainees.contains(p.id) ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, p.id.toString());
        m_names.insert(p.id, p.name);
    }
    refreshTexts();
}

void OnboardingPage::setProgress(const QList<TraineeProgress> &progress)
{
    m_progress.clear();
    for (const TraineeProgress &p : progress) {
        m_progress.insert(p.person.id, p);
    }
    refreshTexts();
}

void OnboardingPage::apply(RotationRules &rules) const
{
    rules.shadowShiftsNeeded = m_needed->value();
    rules.trainees.clear();
    for (int i = 0; i < m_trainees->count(); ++i) {
        if (m_trainees->item(i)->checkState() == Qt::Checked) {
            rules.trainees.append(PersonId::fromString(m_trainees->item(i)->data(Qt::UserRole).toString()));
        }
    }
}

void OnboardingPage::refreshTexts()
{
    const QSignalBlocker block(m_trainees);
    const int needed = m_needed->value();
    for (int i = 0; i < m_trainees->count(); ++i) {
        QListWidgetItem *item = m_trainees->item(i);
        const PersonId id = PersonId::fromString(item->data(Qt::UserRole).toString());
        QString text = m_names.value(id);
        if (item->checkState() == Qt::Checked) {
            const auto it = m_progress.constFind(id);
            const int done = it == m_progress.constEnd() ? 0 : it->done;
            const int planned = it == m_progress.constEnd() ? 0 : it->scheduled;
            text = done >= needed
                       ? tr("%1: %2 of %3 shadow shifts, ready to confirm").arg(text).arg(done).arg(needed)
                       : tr("%1: %2 of %3 shadow shifts, %4 planned").arg(text).arg(done).arg(needed).arg(planned);
        }
        item->setText(text);
        item->setData(Qt::UserRole + 1, item->checkState() == Qt::Checked &&
                                            (m_progress.contains(id) ? m_progress.value(id).done : 0) >= needed);
    }
    m_hint->setText(needed == 0 ? tr("With no shadow shifts asked, a checked developer is ready at once: confirm them "
                                     "to let them take the developer seat.")
                                : tr("The planner puts each checked developer in the shadow seat of %n planned "
                                     "shift(s) with as many different pairs as it can.",
                                     nullptr, needed));
    updateButton();
}

void OnboardingPage::updateButton()
{
    const QListWidgetItem *item = m_trainees->currentItem();
    m_confirm->setEnabled(item && item->data(Qt::UserRole + 1).toBool());
}

} // namespace Tandem
