#pragma once

#include "domain/ids.h"
#include "sync/syncengine.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Tandem {

class Workspace;

/// File ▸ Share Team via CalDAV: connects a team to a calendar on a CalDAV server (or joins
/// a team another lead shares there), through the workspace's SyncController in the
/// background; shows how a shared team stands, with Sync Now and Stop Sharing. Keeps the last
/// address and user in QSettings, the password only in the keychain when asked.
class ShareDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ShareDialog(Workspace &workspace, QWidget *parent = nullptr);
    ~ShareDialog() override;

    /// Preselects a team (a null id: joining).
    void setTeam(TeamId team);
    void accept() override;
    void reject() override;

private:
    TeamId currentTeam() const;
    void updateForm();
    void updateStatus();
    void setBusy(bool busy);
    void stopSharing();
    void connectWith(const QUrl &url, const JoinOptions &join);
    /// Joining found a local team of the shared team's name: link it, rename it, or stop.
    void askSameNamedTeam(const QUrl &url, const QString &why);

    Workspace &m_workspace;
    QComboBox *m_team;
    QGroupBox *m_form;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_create;
    QCheckBox *m_allowHttp;
    QLabel *m_httpWarning;
    QCheckBox *m_remember;
    QGroupBox *m_status;
    QLabel *m_statusText;
    QPushButton *m_syncNow;
    QPushButton *m_stopSharing;
    QLabel *m_progress;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace Tandem
