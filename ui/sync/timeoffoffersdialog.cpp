#include "timeoffoffersdialog.h"

#include "accountitems.h"
#include "services/rosterservice.h"
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

TimeOffOffersDialog::TimeOffOffersDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(u"timeOffOffersDialog"_s);
    setWindowTitle(tr("Time Off from the Shared Calendar"));
    auto *intro = new QLabel(tr("Other calendar apps put these all-day events in the shared calendar, and they read as "
                                "time off of people on the roster. Check the ones to import as time off (the planner "
                                "and the rules then count them), or dismiss them."),
                             this);
    intro->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"offerList"_s);
    m_list->setAccessibleName(tr("Time off offered"));
    m_import = new QPushButton(tr("&Import Checked"), this);
    m_import->setObjectName(u"importButton"_s);
    m_dismiss = new QPushButton(tr("&Dismiss Checked"), this);
    m_dismiss->setObjectName(u"dismissButton"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_import, QDialogButtonBox::ActionRole);
    buttons->addButton(m_dismiss, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(m_import, &QPushButton::clicked, this, [this] { act(true); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { act(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_workspace.sync(), &SyncController::finished, this, &TimeOffOffersDialog::refresh);
    resize(600, 340);
    refresh();
}

void TimeOffOffersDialog::refresh()
{
    const auto listed = itemsOfEveryAccount(SyncService(m_workspace.database()), &SyncStatus::offers);
    // A failed read lists nothing; the message below the list says why.
    m_offers = listed.value_or({});
    m_list->clear();
    const QLocale locale;
    for (const auto &[team, offer] : std::as_const(m_offers)) {
        auto person = m_workspace.roster().person(PersonId::fromString(offer.person));
        const QString who = person && person.value() ? person.value()->name : tr("someone on the roster");
        auto *item = new QListWidgetItem(tr("%1: %2 to %3 (“%4”)")
                                             .arg(who, locale.toString(offer.from, QLocale::ShortFormat),
                                                  locale.toString(offer.to, QLocale::ShortFormat), offer.summary),
                                         m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    if (m_offers.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No time off is offered."), m_list);
        none->setFlags(Qt::NoItemFlags);
    }
    m_import->setEnabled(!m_offers.isEmpty());
    m_dismiss->setEnabled(!m_offers.isEmpty());
    if (!listed) {
        m_message->setText(listed.errorMessage());
    }
}

void TimeOffOffersDialog::act(bool import)
{
    SyncService service(m_workspace.database());
    int done = 0;
    QStringList failures;
    for (int row = 0; row < m_offers.size() && row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() != Qt::Checked) {
            continue;
        }
        const auto &[team, offer] = m_offers.at(row);
        Status status;
        if (import) {
            if (auto added = service.importOffer(team, offer.uid); !added) {
                status = added.error();
            }
        } else {
            status = service.dismissOffer(team, offer.uid);
        }
        if (status) {
            ++done;
        } else {
            failures.append(status.errorMessage());
        }
    }
    QString text = import
                       ? tr("Imported %n offer(s) as time off; they go to the server at the next sync.", nullptr, done)
                       : tr("Dismissed %n offer(s).", nullptr, done);
    if (!failures.isEmpty()) {
        text += u' ' + tr("Not done: %1").arg(failures.join(u' '));
    }
    m_message->setText(text);
    refresh();
    if (import && done > 0) {
        m_workspace.sync().syncNow();
    }
}

} // namespace Tandem
