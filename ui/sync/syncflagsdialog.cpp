#include "syncflagsdialog.h"

#include "accountitems.h"
#include "services/syncservice.h"
#include "synccontroller.h"
#include "workspace.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

SyncFlagsDialog::SyncFlagsDialog(Workspace &workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(u"syncFlagsDialog"_s);
    setWindowTitle(tr("Flagged Changes from the Server"));
    auto *intro = new QLabel(tr("Other clients changed these through the shared calendar. Tandem applied them (the "
                                "server is the team's shared truth) but they break a rule: fix them in the calendar, "
                                "or dismiss them once you have seen them."),
                             this);
    intro->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"flagList"_s);
    m_list->setAccessibleName(tr("Flagged changes"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setWordWrap(true);
    m_dismiss = new QPushButton(tr("&Dismiss"), this);
    m_dismiss->setObjectName(u"dismissButton"_s);
    m_dismiss->setToolTip(tr("Take the selected flags off the list; the changes stay as they are."));
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_dismiss, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(m_dismiss, &QPushButton::clicked, this, &SyncFlagsDialog::dismissSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_dismiss->setEnabled(!m_list->selectedItems().isEmpty() && !m_flags.isEmpty()); });
    connect(&m_workspace.sync(), &SyncController::finished, this, &SyncFlagsDialog::refresh);
    resize(640, 360);
    refresh();
}

void SyncFlagsDialog::refresh()
{
    const auto listed = itemsOfEveryAccount(SyncService(m_workspace.database()), &SyncStatus::flags);
    // A failed read lists nothing; the message below the list says why.
    m_flags = listed.value_or({});
    m_list->clear();
    for (const auto &[team, flag] : std::as_const(m_flags)) {
        auto *item = new QListWidgetItem(
            tr("%1 — found %2").arg(flag.text, QLocale().toString(flag.detected.toLocalTime(), QLocale::ShortFormat)),
            m_list);
        item->setData(Qt::UserRole, flag.id);
    }
    if (m_flags.isEmpty()) {
        auto *none = new QListWidgetItem(tr("Nothing flagged."), m_list);
        none->setFlags(Qt::NoItemFlags);
    } else {
        m_list->setCurrentRow(0);
    }
    m_dismiss->setEnabled(!m_flags.isEmpty() && !m_list->selectedItems().isEmpty());
    if (!listed) {
        m_message->setText(listed.errorMessage());
    }
}

void SyncFlagsDialog::dismissSelected()
{
    SyncService service(m_workspace.database());
    int dismissed = 0;
    for (const QListWidgetItem *item : m_list->selectedItems()) {
        const int row = m_list->row(item);
        if (row < 0 || row >= m_flags.size()) {
            continue;
        }
        const auto &[team, flag] = m_flags.at(row);
        if (auto done = service.dismissFlag(team, flag.id); !done) {
            m_message->setText(tr("Could not dismiss: %1").arg(done.errorMessage()));
            return;
        }
        ++dismissed;
    }
    m_message->setText(tr("Dismissed %n flag(s).", nullptr, dismissed));
    refresh();
}

} // namespace Tandem
