#include "pickdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

PickDialog::PickDialog(const QString &title, const QString &label, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"pickDialog"_s);
    setWindowTitle(title);
    m_label = new QLabel(label, this);
    m_label->setWordWrap(true);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"pickFilter"_s);
    m_search->setPlaceholderText(tr("Type to search; arrow keys choose"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"pickList"_s);
    m_list->setAccessibleName(label);
    m_list->setUniformItemSizes(true);
    m_label->setBuddy(m_list);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &PickDialog::filter);
    connect(m_search, &QLineEdit::returnPressed, this, &PickDialog::tryAccept);
    connect(m_list, &QListWidget::itemActivated, this, &PickDialog::tryAccept);
    connect(m_list, &QListWidget::currentRowChanged, this, &PickDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PickDialog::tryAccept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 420);
    updateOk();
}

void PickDialog::setItems(const QList<Item> &items)
{
    m_list->clear();
    for (const Item &item : items) {
        auto *row = new QListWidgetItem(
            item.detail.isEmpty() ? item.text
                                  : (item.allowed ? u"%1 — ✓ %2"_s : u"%1 — ✗ %2"_s).arg(item.text, item.detail),
            m_list);
        row->setToolTip(item.detail);
        if (!item.allowed) {
            // Shown, with the reason, but not pickable.
            row->setFlags(Qt::NoItemFlags);
        }
    }
    m_list->setCurrentRow(-1);
    filter(m_search->text());
}

void PickDialog::setCurrentRow(int row)
{
    if (row < 0 || row >= m_list->count() || m_list->item(row)->isHidden() ||
        !(m_list->item(row)->flags() & Qt::ItemIsEnabled)) {
        m_list->setCurrentRow(-1);
    } else {
        m_list->setCurrentRow(row);
    }
    updateOk();
}

int PickDialog::currentRow() const
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden() || !(item->flags() & Qt::ItemIsEnabled) || !item->isSelected()) {
        return -1;
    }
    return m_list->row(item);
}

bool PickDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            // The search field keeps the focus (typing goes on), the list moves its highlight.
            QCoreApplication::sendEvent(m_list, event);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void PickDialog::filter(const QString &text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    int first = -1;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        bool match = true;
        for (const QString &w : words) {
            match = match && item->text().contains(w, Qt::CaseInsensitive);
        }
        item->setHidden(!match);
        if (match && first < 0 && (item->flags() & Qt::ItemIsEnabled)) {
            first = i;
        }
    }
    // Typing narrows the list to what was meant: its first pickable row is highlighted, visibly.
    // Without a search nothing is highlighted until the user moves there.
    if (!words.isEmpty()) {
        setCurrentRow(first);
    } else if (m_list->currentItem() && m_list->currentItem()->isHidden()) {
        setCurrentRow(-1);
    }
    updateOk();
}

void PickDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(currentRow() >= 0);
}

void PickDialog::tryAccept()
{
    if (currentRow() >= 0) {
        accept();
    }
}

} // namespace Tandem
