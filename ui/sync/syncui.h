#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;
class QLabel;
class QMainWindow;
class QProgressBar;

namespace Tandem {

struct DavError;
class Workspace;

/// The sharing part of the main window over the open workspace's SyncController: the actions
/// (Share Team via CalDAV…, Sync Now, Sync Conflicts…), the status-bar widgets (last sync or
/// the error, progress, what waits, a clickable conflict count, the read-only notice), the
/// password prompt after a 401 and the refused-certificate warning.
class SyncUi final : public QObject
{
    Q_OBJECT

public:
    explicit SyncUi(QMainWindow *window);

    void setWorkspace(Workspace *workspace);

    QAction *shareAction() const { return m_share; }
    QAction *syncNowAction() const { return m_syncNow; }
    QAction *conflictsAction() const { return m_conflicts; }

    void showShareDialog();
    void showConflicts();

private:
    void updateStatus();
    void showCertificate(const QString &teamName, const DavError &error);

    QMainWindow *m_window;
    QPointer<Workspace> m_workspace;
    QAction *m_share;
    QAction *m_syncNow;
    QAction *m_conflicts;
    QLabel *m_status;
    QProgressBar *m_progress;
    QLabel *m_pending;
    QLabel *m_conflictCount;
    QLabel *m_readOnly;
    QWidget *m_separator; ///< between the sync widgets and the window's own
    QTimer m_refresh;     ///< counts after local edits, gathered
    QStringList m_certificatesShown;
};

} // namespace Tandem
