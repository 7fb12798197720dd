#include "pooldialog.h"

#include "services/validation.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

PoolDialog::PoolDialog(const QList<Person> &people, Submit submit, QWidget *parent)
    : QDialog(parent), m_submit(std::move(submit))
{
    setWindowTitle(tr("New Ops Pool"));
    setObjectName(u"poolDialog"_s);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"poolNameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. Platform ops"));
    m_members = new QListWidget(this);
    m_members->setObjectName(u"poolMemberList"_s);
    m_members->setAccessibleName(tr("Members"));
    QList<Person> candidates;
    std::copy_if(people.cbegin(), people.cend(), std::back_inserter(candidates),
                 [](const Person &p) { return p.productionAccess && p.active; });
    std::sort(candidates.begin(), candidates.end(),
              [](const Person &a, const Person &b) { return a.name.localeAwareCompare(b.name) < 0; });
    for (const Person &p : std::as_const(candidates)) {
        auto *item = new QListWidgetItem(u"%1 (%2)"_s.arg(p.name, roleDisplayName(p.role)), m_members);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, p.id.toString());
    }
    auto *hint = new QLabel(tr("Only people with production access can take the ops seat."), this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020;"_s);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create Pool"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Members:"), m_members);
    form->addRow(QString(), hint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &PoolDialog::validate);
    connect(m_members, &QListWidget::itemChanged, this, &PoolDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PoolDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PoolDialog::reject);
    resize(400, 420);
    validate();
}

void PoolDialog::setPool(const OpsPool &pool)
{
    m_pool = pool;
    m_name->setText(pool.name);
    for (int i = 0; i < m_members->count(); ++i) {
        QListWidgetItem *item = m_members->item(i);
        const bool member = pool.members.contains(PersonId::fromString(item->data(Qt::UserRole).toString()));
        item->setCheckState(member ? Qt::Checked : Qt::Unchecked);
    }
    validate();
}

OpsPool PoolDialog::pool() const
{
    OpsPool p = m_pool;
    p.name = m_name->text().trimmed();
    p.members.clear();
    for (int i = 0; i < m_members->count(); ++i) {
        if (m_members->item(i)->checkState() == Qt::Checked) {
            p.members.append(PersonId::fromString(m_members->item(i)->data(Qt::UserRole).toString()));
        }
    }
    return p;
}

void PoolDialog::validate()
{
    const QList<Error> errors = validatePool(pool());
    QStringList messages;
    for (const Error &error : errors) {
        // An empty name the user has not typed yet blocks OK without a message.
        if (!(error.field == Field::Name && m_name->text().isEmpty())) {
            messages.append(error.message);
        }
    }
    m_message->setText(messages.join(u'\n'));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(errors.isEmpty());
}

void PoolDialog::accept()
{
    const OpsPool p = pool();
    if (!validatePool(p).isEmpty()) {
        validate();
        return;
    }
    if (m_submit) {
        auto added = m_submit(p);
        if (!added) {
            m_message->setText(added.errorMessage());
            if (added.error().field == Field::Name) {
                m_name->setFocus();
            }
            return;
        }
        m_pool = added.value();
    } else {
        m_pool = p;
    }
    QDialog::accept();
}

} // namespace Tandem
