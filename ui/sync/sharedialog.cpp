#include "sharedialog.h"

#include "services/rosterservice.h"
#include "services/syncservice.h"
#include "synccontroller.h"
#include "workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

ShareDialog::ShareDialog(Workspace &workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(u"shareDialog"_s);
    setWindowTitle(tr("Share Team via CalDAV"));

    m_team = new QComboBox(this);
    m_team->setObjectName(u"teamCombo"_s);
    const auto teams = m_workspace.roster().teams();
    // A failed read offers only joining; the message below says why (set once it exists).
    for (const Team &team : teams.value_or({})) {
        m_team->addItem(team.name, team.id.toString());
    }
    m_team->addItem(tr("Join a team shared on the server"), QString());

    m_form = new QGroupBox(tr("Calendar on the server"), this);
    m_url = new QLineEdit(m_form);
    m_url->setObjectName(u"urlEdit"_s);
    m_url->setPlaceholderText(tr("https://cloud.example.com/remote.php/dav/ or a calendar's address"));
    m_user = new QLineEdit(m_form);
    m_user->setObjectName(u"userEdit"_s);
    m_password = new QLineEdit(m_form);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_create = new QCheckBox(tr("&Create the calendar if it does not exist"), m_form);
    m_create->setObjectName(u"createCheck"_s);
    m_create->setChecked(true);
    m_allowHttp = new QCheckBox(tr("Allow plain &HTTP to other machines"), m_form);
    m_allowHttp->setObjectName(u"allowHttpCheck"_s);
    m_httpWarning = new QLabel(tr("Over plain HTTP your password and the rotations travel unencrypted: anyone on "
                                  "the network can read them. Use it only on a network you trust. (HTTP to this "
                                  "machine needs no option.)"),
                               m_form);
    m_httpWarning->setObjectName(u"httpWarningLabel"_s);
    m_httpWarning->setWordWrap(true);
    m_httpWarning->setStyleSheet(u"color: #b00020;"_s);
    m_httpWarning->setVisible(false);
    m_remember = new QCheckBox(tr("&Remember the password in the keychain"), m_form);
    m_remember->setObjectName(u"rememberCheck"_s);
    m_remember->setChecked(true);
    auto *form = new QFormLayout(m_form);
    form->addRow(tr("Server or calendar &URL:"), m_url);
    form->addRow(tr("User &name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_create);
    form->addRow(m_allowHttp);
    form->addRow(m_httpWarning);
    form->addRow(m_remember);

    m_status = new QGroupBox(tr("Shared through CalDAV"), this);
    m_status->setObjectName(u"statusBox"_s);
    m_statusText = new QLabel(m_status);
    m_statusText->setObjectName(u"statusLabel"_s);
    m_statusText->setWordWrap(true);
    m_statusText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_syncNow = new QPushButton(tr("&Sync Now"), m_status);
    m_syncNow->setObjectName(u"syncNowButton"_s);
    m_stopSharing = new QPushButton(tr("S&top Sharing…"), m_status);
    m_stopSharing->setObjectName(u"stopSharingButton"_s);
    auto *statusButtons = new QHBoxLayout;
    statusButtons->addWidget(m_syncNow);
    statusButtons->addWidget(m_stopSharing);
    statusButtons->addStretch();
    auto *statusLayout = new QVBoxLayout(m_status);
    statusLayout->addWidget(m_statusText);
    statusLayout->addLayout(statusButtons);

    m_progress = new QLabel(this);
    m_progress->setObjectName(u"progressLabel"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020;"_s);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *top = new QFormLayout;
    top->addRow(tr("&Team:"), m_team);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_form);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    if (!teams) {
        m_message->setText(teams.errorMessage());
    }
    layout->addStretch();
    layout->addWidget(m_buttons);

    QSettings settings;
    // Older versions kept the address as typed, user info and all.
    m_url->setText(QUrl(settings.value(u"sync/lastUrl"_s).toString()).adjusted(QUrl::RemoveUserInfo).toString());
    m_user->setText(settings.value(u"sync/lastUser"_s).toString());

    connect(m_team, &QComboBox::currentIndexChanged, this, &ShareDialog::updateForm);
    connect(m_allowHttp, &QCheckBox::toggled, m_httpWarning, &QLabel::setVisible);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ShareDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ShareDialog::reject);
    connect(m_syncNow, &QPushButton::clicked, this, [this] { m_workspace.sync().syncNow(); });
    connect(m_stopSharing, &QPushButton::clicked, this, &ShareDialog::stopSharing);
    SyncController *sync = &m_workspace.sync();
    connect(sync, &SyncController::started, this, &ShareDialog::updateStatus);
    connect(sync, &SyncController::finished, this, &ShareDialog::updateStatus);
    connect(sync, &SyncController::progress, this, [this](const QString &phase, int done, int total) {
        m_progress->setText(total > 0 ? tr("%1 (%2 of %3)").arg(phase).arg(done).arg(total) : phase);
    });

    // The first team not shared yet.
    SyncService service(m_workspace.database());
    for (int i = 0; i < m_team->count(); ++i) {
        const TeamId id = TeamId::fromString(m_team->itemData(i).toString());
        if (id.isNull() || !service.status(id)) {
            m_team->setCurrentIndex(i);
            break;
        }
    }
    updateForm();
    if (!restoreGeometry(settings.value(u"shareDialog/geometry"_s).toByteArray())) {
        resize(560, sizeHint().height());
    }
}

ShareDialog::~ShareDialog()
{
    QSettings().setValue(u"shareDialog/geometry"_s, saveGeometry());
}

void ShareDialog::setTeam(TeamId team)
{
    const int index = m_team->findData(team.isNull() ? QString() : team.toString());
    if (index >= 0) {
        m_team->setCurrentIndex(index);
    }
}

TeamId ShareDialog::currentTeam() const
{
    return TeamId::fromString(m_team->currentData().toString());
}

void ShareDialog::updateForm()
{
    const TeamId team = currentTeam();
    const bool shared = !team.isNull() && SyncService(m_workspace.database()).status(team).ok();
    m_form->setVisible(!shared);
    m_status->setVisible(shared);
    m_create->setEnabled(!team.isNull());
    m_buttons->button(QDialogButtonBox::Ok)->setVisible(!shared);
    m_buttons->button(QDialogButtonBox::Ok)->setText(team.isNull() ? tr("&Join") : tr("&Share"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(shared ? tr("Close") : tr("Cancel"));
    m_message->clear();
    updateStatus();
}

void ShareDialog::updateStatus()
{
    const TeamId team = currentTeam();
    auto status = team.isNull() ? Result<SyncStatus>(Error{}) : SyncService(m_workspace.database()).status(team);
    const bool syncing = m_workspace.sync().isSyncing();
    m_syncNow->setEnabled(!syncing && !m_busy);
    m_stopSharing->setEnabled(!syncing && !m_busy);
    if (!syncing && !m_busy) {
        m_progress->clear();
    }
    if (!status) {
        m_statusText->clear();
        return;
    }
    const SyncAccount &a = status->account;
    const QString lastSync =
        a.lastSync.isValid() ? QLocale().toString(a.lastSync.toLocalTime(), QLocale::ShortFormat) : tr("never");
    QString text = tr("Calendar: %1\nUser: %2\nLast sync: %3\nLast status: %4\nWaiting to send: %5\nConflicts: %6")
                       .arg(a.url.toDisplayString(), a.username.isEmpty() ? tr("none") : a.username, lastSync,
                            a.lastStatus.isEmpty() ? tr("—") : a.lastStatus)
                       .arg(status->pending)
                       .arg(status->conflicts.size());
    if (a.readOnly) {
        text += u"\n"_s + tr("Read-only: the server refuses this account's changes (HTTP 403).");
    }
    m_statusText->setText(text);
}

void ShareDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_team->setEnabled(!busy);
    m_form->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    if (busy) {
        QApplication::setOverrideCursor(Qt::BusyCursor);
    } else {
        QApplication::restoreOverrideCursor();
        m_progress->clear();
    }
}

void ShareDialog::accept()
{
    if (m_busy) {
        return;
    }
    if (!m_form->isVisible()) {
        QDialog::accept();
        return;
    }
    const QString urlText = m_url->text().trimmed();
    if (urlText.isEmpty()) {
        m_message->setText(tr("Give the address of the calendar or of the server."));
        m_url->setFocus();
        return;
    }
    QUrl url = QUrl::fromUserInput(urlText);
    if (!url.userInfo().isEmpty()) {
        // A password typed into the address would end up in the settings and on screen: take the
        // user name and password out of it, only if the user says so.
        const auto answer = QMessageBox::question(
            this, tr("User Name and Password in the Address"),
            tr("The address holds the user name “%1”%2. Use them for this calendar? The address is kept without "
               "them; the password goes to the keychain only if “Remember the password” is on.")
                .arg(url.userName(), url.password().isEmpty() ? QString() : tr(" and a password")),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            m_message->setText(tr("Give the address without the user name and password, and them in the fields "
                                  "below."));
            m_url->setFocus();
            return;
        }
        m_user->setText(url.userName());
        if (!url.password().isEmpty()) {
            m_password->setText(url.password());
        }
        url = url.adjusted(QUrl::RemoveUserInfo);
        m_url->setText(url.toDisplayString());
    }
    connectWith(url, JoinOptions{});
}

void ShareDialog::connectWith(const QUrl &url, const JoinOptions &join)
{
    ConnectRequest request;
    request.team = currentTeam();
    request.url = url;
    request.join = join;
    request.username = m_user->text().trimmed();
    request.password = m_password->text();
    request.allowInsecureHttp = m_allowHttp->isChecked();
    request.create = m_create->isChecked() && !request.team.isNull();
    const bool remember = m_remember->isChecked();
    m_message->clear();
    m_progress->setText(tr("Connecting to %1…").arg(request.url.toDisplayString()));
    setBusy(true);
    QPointer<ShareDialog> self(this);
    SyncController *sync = &m_workspace.sync();
    sync->connectTeam(request, [self, sync, request, remember](const Result<TeamId> &team) {
        if (!self) {
            return;
        }
        self->setBusy(false);
        if (!team) {
            const Error &error = team.error();
            if (error.field == SameNamedTeamField && request.join.sameName == JoinOptions::SameName::Refuse) {
                self->askSameNamedTeam(request.url, error.message);
                return;
            }
            QString hint;
            QWidget *focus = error.field == u"url" ? static_cast<QWidget *>(self->m_url) : self->m_user;
            if (error.field == u"create") {
                hint = tr("Turn on “Create the calendar if it does not exist”.");
                focus = self->m_create;
            } else if (error.field == u"allow_http") {
                hint = tr("Turn on “Allow plain HTTP to other machines” if this network is trusted.");
                focus = self->m_allowHttp;
            }
            self->m_message->setText(tr("Could not connect: %1 %2").arg(error.message, hint).trimmed());
            focus->setFocus();
            return;
        }
        const QStringList notes = sync->lastConnectNotes();
        if (!notes.isEmpty()) {
            QMessageBox::information(self, tr("Joined"), notes.join(u"\n"_s));
        }
        QSettings settings;
        // Never with a user name or password in it.
        settings.setValue(u"sync/lastUrl"_s, request.url.adjusted(QUrl::RemoveUserInfo).toDisplayString());
        settings.setValue(u"sync/lastUser"_s, request.username);
        // The account may be stored under the discovered calendar's address.
        auto status = SyncService(self->m_workspace.database()).status(team.value());
        const QUrl accountUrl = status ? status->account.url : request.url;
        sync->setSessionPassword(accountUrl, request.username, request.password);
        if (remember && !request.username.isEmpty() && !request.password.isEmpty() && sync->passwordStore().write) {
            if (auto stored = sync->passwordStore().write(accountUrl, request.username, request.password); !stored) {
                QMessageBox::warning(self, tr("Password Not Stored"),
                                     tr("The team is shared, but the password could not be stored in the "
                                        "keychain: %1\nTandem asks for it again after a restart.")
                                         .arg(stored.errorMessage()));
            }
        }
        sync->syncNow();
        if (self) {
            self->QDialog::accept();
        }
    });
}

void ShareDialog::askSameNamedTeam(const QUrl &url, const QString &why)
{
    QMessageBox box(QMessageBox::Question, tr("A Team of That Name"), why, QMessageBox::Cancel, this);
    box.setObjectName(u"sameNamedTeamBox"_s);
    QPushButton *link = box.addButton(tr("&Link My Team"), QMessageBox::AcceptRole);
    link->setObjectName(u"linkTeamButton"_s);
    QPushButton *rename = box.addButton(tr("&Rename Mine…"), QMessageBox::ActionRole);
    rename->setObjectName(u"renameTeamButton"_s);
    box.exec();
    if (box.clickedButton() == link) {
        connectWith(url, JoinOptions{JoinOptions::SameName::Link, {}});
    } else if (box.clickedButton() == rename) {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Your Team"),
                                                   tr("New name for your team (the shared one keeps its name):"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty()) {
            connectWith(url, JoinOptions{JoinOptions::SameName::Rename, name.trimmed()});
            return;
        }
        m_message->setText(tr("Nothing was joined."));
    } else {
        m_message->setText(tr("Nothing was joined."));
    }
}

void ShareDialog::reject()
{
    if (!m_busy) {
        QDialog::reject();
    }
}

void ShareDialog::stopSharing()
{
    const TeamId team = currentTeam();
    SyncService service(m_workspace.database());
    auto status = service.status(team);
    if (!status) {
        return;
    }
    const auto answer = QMessageBox::question(this, tr("Stop Sharing"),
                                              tr("Stop sharing %1 through %2? The team stays here as it is, and "
                                                 "nothing is deleted on the server.")
                                                  .arg(m_team->currentText(), status->account.url.toDisplayString()));
    if (answer != QMessageBox::Yes) {
        return;
    }
    if (auto done = service.disconnect(team); !done) {
        m_message->setText(done.errorMessage());
        return;
    }
    const PasswordStore &store = m_workspace.sync().passwordStore();
    if (!status->account.username.isEmpty() && store.remove) {
        (void)store.remove(status->account.url, status->account.username);
    }
    updateForm();
}

} // namespace Tandem
