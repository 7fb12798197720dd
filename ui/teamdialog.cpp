#include "teamdialog.h"

#include "services/validation.h"
#include "timezonecombo.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

TeamDialog::TeamDialog(Submit submit, QWidget *parent) : QDialog(parent), m_submit(std::move(submit))
{
    setWindowTitle(tr("New Team"));
    setObjectName(u"teamDialog"_s);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"teamNameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. Payments"));
    m_timeZone = new TimeZoneCombo(this);
    m_timeZone->setObjectName(u"teamTimeZoneCombo"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020;"_s);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Default time &zone:"), m_timeZone);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Rotations of the team hand off in this zone unless set otherwise."), this));
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &TeamDialog::validate);
    connect(m_timeZone, &QComboBox::editTextChanged, this, &TeamDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TeamDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TeamDialog::reject);
    resize(420, sizeHint().height());
    validate();
}

void TeamDialog::setTeam(const Team &team)
{
    m_team = team;
    setWindowTitle(team.id.isNull() ? tr("New Team") : tr("Edit Team %1").arg(team.name));
    m_name->setText(team.name);
    m_timeZone->setTimeZone(team.timeZone);
    validate();
}

Team TeamDialog::team() const
{
    Team t = m_team;
    t.name = m_name->text().trimmed();
    t.timeZone = m_timeZone->timeZone();
    return t;
}

void TeamDialog::validate()
{
    const QList<Error> errors = validateTeam(team());
    QStringList messages;
    for (const Error &e : errors) {
        if (!(e.field == Field::Name && m_name->text().isEmpty())) {
            messages.append(e.message);
        }
    }
    m_message->setText(messages.join(u'\n'));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(errors.isEmpty());
}

void TeamDialog::accept()
{
    if (m_submit) {
        if (const Status status = m_submit(team()); !status) {
            m_message->setText(status.errorMessage());
            return;
        }
    }
    QDialog::accept();
}

} // namespace Tandem
