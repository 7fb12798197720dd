#include "identitydialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

IdentityDialog::IdentityDialog(const QList<Person> &people, const QString &currentEmail, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"identityDialog"_s);
    setWindowTitle(tr("Who Are You?"));
    auto *intro = new QLabel(tr("Pick yourself from the roster. Tandem then shows your next shift and your "
                                "partner on the Home page, reminds you before your shifts, and names you in the "
                                "change log."),
                             this);
    intro->setWordWrap(true);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(u"identityCombo"_s);
    // Editable with a contains-completer: typing "weber" or "markus@" finds the person.
    m_combo->setEditable(true);
    m_combo->setAccessibleName(tr("Who you are"));
    m_combo->lineEdit()->setAccessibleName(tr("Who you are"));
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->addItem(tr("Nobody (do not show my shifts)"), QString());
    int current = 0;
    for (const Person &p : people) {
        m_combo->addItem(u"%1 <%2>"_s.arg(p.name, p.email), p.email);
        if (p.email.compare(currentEmail, Qt::CaseInsensitive) == 0) {
            current = m_combo->count() - 1;
        }
    }
    m_combo->setCurrentIndex(current);
    m_combo->completer()->setFilterMode(Qt::MatchContains);
    m_combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    auto *label = new QLabel(tr("&I am:"), this);
    label->setBuddy(m_combo);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A typed text that matches no one cannot be accepted.
    connect(m_combo, &QComboBox::currentTextChanged, this, [this, buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_combo->findText(text) >= 0);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
    m_combo->setFocus();
}

QString IdentityDialog::email() const
{
    const int index = m_combo->findText(m_combo->currentText());
    return index >= 0 ? m_combo->itemData(index).toString() : QString();
}

} // namespace Tandem
