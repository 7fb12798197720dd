#include "persondialog.h"

#include "services/validation.h"
#include "timezonecombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

PersonDialog::PersonDialog(const QList<Team> &teams, Submit submit, QWidget *parent)
    : QDialog(parent), m_submit(std::move(submit)), m_teams(teams)
{
    setWindowTitle(tr("Add Person"));
    setObjectName(u"personDialog"_s);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("Full name"));
    m_email = new QLineEdit(this);
    m_email->setObjectName(u"emailEdit"_s);
    m_email->setPlaceholderText(tr("name@example.com"));
    m_role = new QComboBox(this);
    m_role->setObjectName(u"roleCombo"_s);
    m_role->addItem(roleDisplayName(Role::Developer), int(Role::Developer));
    m_role->addItem(roleDisplayName(Role::Operations), int(Role::Operations));
    m_teamList = new QListWidget(this);
    m_teamList->setObjectName(u"teamList"_s);
    m_teamList->setAccessibleName(tr("Teams"));
    m_teamList->setMaximumHeight(90);
    for (const Team &team : m_teams) {
        auto *item = new QListWidgetItem(team.name, m_teamList);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, team.id.toString());
    }
    m_timeZone = new TimeZoneCombo(this);
    m_timeZone->setObjectName(u"timeZoneCombo"_s);
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(u"phoneEdit"_s);
    m_phone->setPlaceholderText(tr("+49 30 1234 5678"));
    m_chat = new QLineEdit(this);
    m_chat->setObjectName(u"chatEdit"_s);
    m_chat->setPlaceholderText(tr("@handle"));
    m_capacity = new QDoubleSpinBox(this);
    m_capacity->setObjectName(u"capacitySpin"_s);
    m_capacity->setRange(0.1, 1.0);
    m_capacity->setSingleStep(0.1);
    m_capacity->setDecimals(1);
    m_capacity->setValue(1.0);
    m_capacity->setSuffix(tr(" FTE"));
    m_productionAccess = new QCheckBox(tr("Has &production access (can take the ops seat)"), this);
    m_productionAccess->setObjectName(u"productionAccessCheck"_s);
    m_senior = new QCheckBox(tr("&Senior"), this);
    m_senior->setObjectName(u"seniorCheck"_s);
    m_active = new QCheckBox(tr("&Active (planned into rotations)"), this);
    m_active->setObjectName(u"activeCheck"_s);
    m_active->setChecked(true);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"notesEdit"_s);
    m_notes->setMaximumHeight(70);
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020;"_s);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Teams:"), m_teamList);
    form->addRow(tr("Time &zone:"), m_timeZone);
    form->addRow(tr("P&hone:"), m_phone);
    form->addRow(tr("C&hat:"), m_chat);
    form->addRow(tr("&Capacity:"), m_capacity);
    form->addRow(QString(), m_productionAccess);
    form->addRow(QString(), m_senior);
    form->addRow(QString(), m_active);
    form->addRow(tr("N&otes:"), m_notes);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    m_productionAccess->setChecked(Person::defaultProductionAccess(Role::Developer));
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        // Access follows the role until the user sets it by hand.
        if (!m_accessTouched) {
            m_productionAccess->setChecked(Person::defaultProductionAccess(Role(m_role->currentData().toInt())));
        }
        validate();
    });
    connect(m_productionAccess, &QCheckBox::clicked, this, [this] { m_accessTouched = true; });
    for (QLineEdit *edit : {m_name, m_email, m_phone, m_chat}) {
        connect(edit, &QLineEdit::textChanged, this, &PersonDialog::validate);
    }
    connect(m_timeZone, &QComboBox::editTextChanged, this, [this] {
        m_zoneTouched = m_zoneTouched || !m_settingZone;
        validate();
    });
    connect(m_teamList, &QListWidget::itemChanged, this, &PersonDialog::followTeamZone);
    connect(m_capacity, &QDoubleSpinBox::valueChanged, this, &PersonDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PersonDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PersonDialog::reject);

    resize(480, sizeHint().height());
    validate();
}

void PersonDialog::setPerson(const Person &person)
{
    m_person = person;
    setWindowTitle(person.id.isNull() ? tr("Add Person") : tr("Edit %1").arg(person.name));
    m_name->setText(person.name);
    m_email->setText(person.email);
    m_role->setCurrentIndex(m_role->findData(int(person.role)));
    for (int i = 0; i < m_teamList->count(); ++i) {
        QListWidgetItem *item = m_teamList->item(i);
        const bool member = person.teams.contains(TeamId::fromString(item->data(Qt::UserRole).toString()));
        item->setCheckState(member ? Qt::Checked : Qt::Unchecked);
    }
    if (!person.timeZone.isEmpty()) {
        m_settingZone = true;
        m_timeZone->setTimeZone(person.timeZone);
        m_settingZone = false;
    }
    // Someone on the roster keeps their zone; a new one takes their team's until told otherwise.
    m_zoneTouched = !person.id.isNull();
    followTeamZone();
    m_phone->setText(person.phone);
    m_chat->setText(person.chat);
    m_capacity->setValue(person.capacity);
    m_productionAccess->setChecked(person.productionAccess);
    m_accessTouched = !person.id.isNull();
    m_senior->setChecked(person.senior);
    m_active->setChecked(person.active);
    m_notes->setPlainText(person.notes);
    validate();
}

Person PersonDialog::person() const
{
    Person p = m_person;
    p.name = m_name->text().trimmed();
    p.email = m_email->text().trimmed();
    p.role = Role(m_role->currentData().toInt());
    p.teams.clear();
    for (int i = 0; i < m_teamList->count(); ++i) {
        if (m_teamList->item(i)->checkState() == Qt::Checked) {
            p.teams.append(TeamId::fromString(m_teamList->item(i)->data(Qt::UserRole).toString()));
        }
    }
    p.timeZone = m_timeZone->timeZone();
    p.phone = m_phone->text().trimmed();
    p.chat = m_chat->text().trimmed();
    p.capacity = m_capacity->value();
    p.productionAccess = m_productionAccess->isChecked();
    p.senior = m_senior->isChecked();
    p.active = m_active->isChecked();
    p.notes = m_notes->toPlainText().trimmed();
    return p;
}

void PersonDialog::followTeamZone()
{
    if (m_zoneTouched) {
        return;
    }
    for (int i = 0; i < m_teamList->count(); ++i) {
        if (m_teamList->item(i)->checkState() != Qt::Checked) {
            continue;
        }
        const TeamId id = TeamId::fromString(m_teamList->item(i)->data(Qt::UserRole).toString());
        for (const Team &team : std::as_const(m_teams)) {
            if (team.id == id && !team.timeZone.isEmpty()) {
                m_settingZone = true;
                m_timeZone->setTimeZone(team.timeZone);
                m_settingZone = false;
                validate();
                return;
            }
        }
    }
}

void PersonDialog::setFieldError(QWidget *field, bool error)
{
    field->setStyleSheet(error ? u"border: 1px solid #b00020;"_s : QString());
}

void PersonDialog::validate()
{
    const Person p = person();
    const QList<Error> errors = validatePerson(p);
    const QHash<QString, QWidget *> fields = {
        {Field::Name.toString(), m_name},         {Field::Email.toString(), m_email},
        {Field::TimeZone.toString(), m_timeZone}, {Field::Phone.toString(), m_phone},
        {Field::Capacity.toString(), m_capacity},
    };
    QStringList messages;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        bool bad = false;
        for (const Error &error : errors) {
            // An empty field the user has not reached yet is not shouted about, but still blocks OK.
            bad = bad || error.field == it.key();
        }
        setFieldError(it.value(), bad && !(qobject_cast<QLineEdit *>(it.value()) &&
                                           qobject_cast<QLineEdit *>(it.value())->text().isEmpty()));
    }
    for (const Error &error : errors) {
        auto *edit = qobject_cast<QLineEdit *>(fields.value(error.field));
        if (!(edit && edit->text().isEmpty())) {
            messages.append(error.message);
        }
    }
    if (p.role == Role::Developer && p.productionAccess) {
        messages.append(tr("Note: a developer with production access weakens the separation of duties."));
    }
    m_message->setText(messages.join(u'\n'));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(errors.isEmpty());
}

void PersonDialog::accept()
{
    const Person p = person();
    if (!validatePerson(p).isEmpty()) {
        validate();
        return;
    }
    if (m_submit) {
        if (const Status status = m_submit(p); !status) {
            m_message->setText(status.errorMessage());
            if (status.error().field == Field::Email) {
                setFieldError(m_email, true);
                m_email->setFocus();
            }
            return;
        }
    }
    m_person = p;
    QDialog::accept();
}

} // namespace Tandem
