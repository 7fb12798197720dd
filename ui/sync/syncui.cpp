#include "syncui.h"

#include "conflictsdialog.h"
#include "services/syncservice.h"
#include "sharedialog.h"
#include "store/database.h"
#include "synccontroller.h"
#include "syncflagsdialog.h"
#include "timeoffoffersdialog.h"
#include "workspace.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

/// The server refused the password: ask again, with the user and the server shown.
std::optional<QString> askPassword(QWidget *parent, const SyncAccount &account, const QString &teamName,
                                   const QString &reason, bool *remember)
{
    QDialog dialog(parent);
    dialog.setObjectName(u"passwordDialog"_s);
    dialog.setWindowTitle(QObject::tr("Password for %1").arg(teamName));
    auto *why = new QLabel(QObject::tr("The server refused the password: %1").arg(reason), &dialog);
    why->setWordWrap(true);
    auto *password = new QLineEdit(&dialog);
    password->setObjectName(u"passwordEdit"_s);
    password->setEchoMode(QLineEdit::Password);
    auto *keep = new QCheckBox(QObject::tr("&Remember in the keychain"), &dialog);
    keep->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout;
    form->addRow(QObject::tr("Server:"), new QLabel(account.url.toDisplayString(), &dialog));
    form->addRow(QObject::tr("User:"), new QLabel(account.username, &dialog));
    form->addRow(QObject::tr("&Password:"), password);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(keep);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(460, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    *remember = keep->isChecked();
    return password->text();
}

} // namespace

SyncUi::SyncUi(QMainWindow *window) : QObject(window), m_window(window)
{
    m_share = new QAction(tr("S&hare Team via CalDAV…"), this);
    m_share->setObjectName(u"actionShareTeam"_s);
    m_syncNow = new QAction(tr("S&ync Now"), this);
    m_syncNow->setObjectName(u"actionSyncNow"_s);
    // Ctrl+R is Reports; F5 is what calendar and mail clients use to fetch.
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    m_conflicts = new QAction(tr("Sync &Conflicts…"), this);
    m_conflicts->setObjectName(u"actionSyncConflicts"_s);
    connect(m_share, &QAction::triggered, this, &SyncUi::showShareDialog);
    connect(m_syncNow, &QAction::triggered, this, [this] {
        if (m_workspace) {
            m_workspace->sync().syncNow();
        }
    });
    connect(m_conflicts, &QAction::triggered, this, &SyncUi::showConflicts);
    m_flags = new QAction(tr("&Flagged Changes from the Server…"), this);
    m_flags->setObjectName(u"actionSyncFlags"_s);
    connect(m_flags, &QAction::triggered, this, &SyncUi::showFlags);
    m_offers = new QAction(tr("&Time Off from the Shared Calendar…"), this);
    m_offers->setObjectName(u"actionTimeOffOffers"_s);
    connect(m_offers, &QAction::triggered, this, &SyncUi::showOffers);

    QStatusBar *bar = window->statusBar();
    m_status = new QLabel(bar);
    m_status->setObjectName(u"syncStatusLabel"_s);
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(u"syncProgress"_s);
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_pending = new QLabel(bar);
    m_pending->setObjectName(u"syncPendingLabel"_s);
    m_conflictCount = new QLabel(bar);
    m_conflictCount->setObjectName(u"syncConflictsLabel"_s);
    m_conflictCount->setToolTip(tr("Open the conflicts (Rotations ▸ Sync Conflicts…)"));
    connect(m_conflictCount, &QLabel::linkActivated, this, &SyncUi::showConflicts);
    m_flagCount = new QLabel(bar);
    m_flagCount->setObjectName(u"syncFlagsLabel"_s);
    m_flagCount->setToolTip(tr("Changes from the server that break a rule (Rotations ▸ Flagged Changes from the "
                               "Server…)"));
    connect(m_flagCount, &QLabel::linkActivated, this, &SyncUi::showFlags);
    m_offerCount = new QLabel(bar);
    m_offerCount->setObjectName(u"syncOffersLabel"_s);
    m_offerCount->setToolTip(tr("Time off other calendar apps put in the shared calendar, to import or dismiss"));
    connect(m_offerCount, &QLabel::linkActivated, this, &SyncUi::showOffers);
    m_readOnly = new QLabel(bar);
    m_readOnly->setObjectName(u"syncReadOnlyLabel"_s);
    m_readOnly->setStyleSheet(u"color: #8a5300;"_s);
    m_readOnly->setWordWrap(false);
    auto *separator = new QFrame(bar);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    m_separator = separator;
    const QList<QWidget *> widgets{m_readOnly,      m_status,    m_progress,   m_pending,
                                   m_conflictCount, m_flagCount, m_offerCount, m_separator};
    for (int i = 0; i < widgets.size(); ++i) {
        bar->insertPermanentWidget(i, widgets.at(i));
    }
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(500);
    connect(&m_refresh, &QTimer::timeout, this, &SyncUi::updateStatus);
    setWorkspace(nullptr);
}

void SyncUi::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        m_workspace->sync().setAutomatic(false);
        disconnect(&m_workspace->sync(), nullptr, this, nullptr);
        disconnect(&m_workspace->database(), nullptr, this, nullptr);
    }
    m_workspace = workspace;
    m_refresh.stop();
    m_progress->hide();
    if (workspace) {
        SyncController *sync = &workspace->sync();
        sync->setPasswordPrompt(
            [this](const SyncAccount &account, const QString &teamName, const QString &reason, bool *remember) {
                return askPassword(m_window, account, teamName, reason, remember);
            });
        connect(sync, &SyncController::started, this, [this] {
            m_progress->setRange(0, 0);
            m_progress->show();
            m_status->setText(tr("Syncing…"));
        });
        connect(sync, &SyncController::progress, this, [this](const QString &phase, int done, int total) {
            m_progress->setRange(0, total);
            m_progress->setValue(done);
            m_status->setText(phase);
        });
        connect(sync, &SyncController::finished, this, &SyncUi::updateStatus);
        connect(sync, &SyncController::certificateRefused, this, &SyncUi::showCertificate);
        connect(&workspace->database(), &Database::committed, this, [this] { m_refresh.start(); });
        sync->setAutomatic(true);
    }
    updateStatus();
}

void SyncUi::updateStatus()
{
    SyncController *sync = m_workspace ? &m_workspace->sync() : nullptr;
    const bool shared = sync && sync->hasAccounts();
    m_share->setEnabled(m_workspace != nullptr);
    m_syncNow->setEnabled(shared);
    m_conflicts->setEnabled(shared);
    m_flags->setEnabled(shared);
    m_offers->setEnabled(shared);
    if (!shared) {
        for (QWidget *w : QList<QWidget *>{m_status, m_progress, m_pending, m_conflictCount, m_flagCount, m_offerCount,
                                           m_readOnly, m_separator}) {
            w->hide();
        }
        return;
    }
    m_separator->show();
    if (!sync->isSyncing()) {
        m_progress->hide();
        m_status->setText(sync->hasRun() ? sync->statusText() : tr("Shared through CalDAV"));
        m_status->setStyleSheet(sync->hasRun() && !sync->lastOk() ? u"color: #b00020;"_s : QString());
    }
    m_status->setToolTip(m_status->text());
    m_status->show();
    const int pending = sync->pending();
    m_pending->setText(tr("Waiting to send: %1").arg(pending));
    m_pending->setVisible(pending > 0);
    const int conflicts = sync->conflictCount();
    m_conflictCount->setText(u"<a href=\"conflicts\">%1</a>"_s.arg(tr("Conflicts: %1").arg(conflicts)));
    m_conflictCount->setVisible(conflicts > 0);
    const SyncService service(m_workspace->database());
    // Counts in the status bar: a failed read counts nothing (no link to a list that would fail
    // the same read), and the next sync reads again.
    const int flags = int(service.allFlags().value_or({}).size());
    const int offers = int(service.allOffers().value_or({}).size());
    m_flagCount->setText(u"<a href=\"flags\">%1</a>"_s.arg(tr("Flagged: %1").arg(flags)));
    m_flagCount->setVisible(flags > 0);
    m_offerCount->setText(u"<a href=\"offers\">%1</a>"_s.arg(tr("Time off offered: %1").arg(offers)));
    m_offerCount->setVisible(offers > 0);
    m_readOnly->setText(sync->readOnlyText());
    m_readOnly->setVisible(!sync->readOnlyText().isEmpty());
}

void SyncUi::showShareDialog()
{
    if (!m_workspace) {
        return;
    }
    ShareDialog dialog(*m_workspace, m_window);
    dialog.exec();
    updateStatus();
}

void SyncUi::showConflicts()
{
    if (!m_workspace) {
        return;
    }
    ConflictsDialog dialog(*m_workspace, m_window);
    dialog.exec();
    updateStatus();
}

void SyncUi::showFlags()
{
    if (!m_workspace) {
        return;
    }
    SyncFlagsDialog dialog(*m_workspace, m_window);
    dialog.exec();
    updateStatus();
}

void SyncUi::showOffers()
{
    if (!m_workspace) {
        return;
    }
    TimeOffOffersDialog dialog(*m_workspace, m_window);
    dialog.exec();
    updateStatus();
}

void SyncUi::showCertificate(const QString &teamName, const DavError &error)
{
    const QSslCertificate certificate = error.certificates.value(0);
    const QString print = certificateFingerprint(certificate);
    // Once per certificate and session: the status bar keeps saying it at every try.
    if (m_certificatesShown.contains(print)) {
        return;
    }
    m_certificatesShown.append(print);
    QStringList details;
    for (const QSslCertificate &c : error.certificates) {
        details.append(certificateDetails(c));
    }
    QMessageBox box(QMessageBox::Warning, tr("Certificate Refused"),
                    tr("Tandem did not connect to the server of %1: %2\n\nNothing was sent. If the server is "
                       "yours, give it a certificate the system trusts (or add its authority to the system's "
                       "trusted certificates), then sync again. Compare the fingerprint with the one your "
                       "administrator gives you.")
                        .arg(teamName, error.message),
                    QMessageBox::Ok, m_window);
    box.setObjectName(u"certificateDialog"_s);
    box.setInformativeText(details.value(0));
    if (details.size() > 1) {
        box.setDetailedText(details.join(u"\n\n"_s));
    }
    box.exec();
}

} // namespace Tandem
