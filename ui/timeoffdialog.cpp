#include "timeoffdialog.h"

#include "domain/clock.h"
#include "emptystate.h"
#include "itemmodels/rostercommands.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

TimeOffDialog::TimeOffDialog(RosterEditor &editor, const Person &person, QWidget *parent)
    : QDialog(parent), m_editor(editor), m_person(person)
{
    setWindowTitle(tr("Time Off: %1").arg(person.name));
    setObjectName(u"timeOffDialog"_s);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(u"timeOffTable"_s);
    m_table->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Reason")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Time off of %1").arg(person.name));
    EmptyState::install(m_table, tr("No time off recorded. Add the first days below."));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    const QDate today = Clock::current().today();
    m_from = new QDateEdit(today, this);
    m_from->setObjectName(u"fromDate"_s);
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(u"toDate"_s);
    m_to->setCalendarPopup(true);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setPlaceholderText(tr("Holiday, conference, sick leave…"));
    m_addButton = new QPushButton(tr("&Add"), this);
    m_saveButton = new QPushButton(tr("&Save Changes"), this);
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020;"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To (included):"), m_to);
    form->addRow(tr("R&eason:"), m_reason);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(close);

    connect(m_addButton, &QPushButton::clicked, this, &TimeOffDialog::add);
    connect(m_saveButton, &QPushButton::clicked, this, &TimeOffDialog::saveSelected);
    connect(m_removeButton, &QPushButton::clicked, this, &TimeOffDialog::removeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TimeOffDialog::showSelected);
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_to->date() < date) {
            m_to->setDate(date);
        }
    });
    connect(close, &QDialogButtonBox::rejected, this, &TimeOffDialog::reject);
    resize(520, 420);
    reload();
}

void TimeOffDialog::reload()
{
    const auto entries = m_editor.service().timeOff(m_person.id);
    if (!entries) {
        m_message->setText(entries.errorMessage());
    }
    m_entries = entries.value_or({}); // an empty table, the message below says why

    m_table->setRowCount(int(m_entries.size()));
    const QLocale locale;
    for (int row = 0; row < m_entries.size(); ++row) {
        const TimeOff &t = m_entries.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(locale.toString(t.from, QLocale::ShortFormat)));
        m_table->setItem(row, 1, new QTableWidgetItem(locale.toString(t.to, QLocale::ShortFormat)));
        m_table->setItem(row, 2, new QTableWidgetItem(t.reason));
    }
    showSelected();
}

void TimeOffDialog::showSelected()
{
    const int row = m_table->currentRow();
    const bool selected = row >= 0 && row < m_entries.size() && !m_table->selectedItems().isEmpty();
    m_saveButton->setEnabled(selected);
    m_removeButton->setEnabled(selected);
    if (selected) {
        const TimeOff &t = m_entries.at(row);
        m_from->setDate(t.from);
        m_to->setDate(t.to);
        m_reason->setText(t.reason);
    }
}

void TimeOffDialog::add()
{
    auto added = m_editor.addTimeOff(TimeOff{{}, m_person.id, m_from->date(), m_to->date(), m_reason->text()});
    m_message->setText(added ? QString() : added.errorMessage());
    if (added) {
        m_reason->clear();
        reload();
    }
}

void TimeOffDialog::saveSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_entries.size()) {
        return;
    }
    TimeOff t = m_entries.at(row);
    t.from = m_from->date();
    t.to = m_to->date();
    t.reason = m_reason->text();
    const Status status = m_editor.updateTimeOff(t);
    m_message->setText(status ? QString() : status.errorMessage());
    reload();
}

void TimeOffDialog::removeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_entries.size()) {
        return;
    }
    const Status status = m_editor.removeTimeOff(m_entries.at(row));
    m_message->setText(status ? QString() : status.errorMessage());
    reload();
}

} // namespace Tandem
