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
/// (Share Team via CalDAV…, Sync Now, Sync Conflicts…, Flagged Changes…, Time Off from the
/// Shared Calendar…), the status-bar widgets (last sync or the error, progress, what waits,
/// clickable counts of conflicts, flags and time off offered, the read-only notice), the
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
    QAction *flagsAction() const { return m_flags; }
    QAction *offersAction() const { return m_offers; }

    void showShareDialog();
    void showConflicts();
    void showFlags();
    void showOffers();

private:
    void updateStatus();
    void showCertificate(const QString &teamName, const DavError &error);

    QMainWindow *m_window;
    QPointer<Workspace> m_workspace;
    QAction *m_share;
    QAction *m_syncNow;
    QAction *m_conflicts;
    QAction *m_flags;
    QAction *m_offers;
    QLabel *m_status;
    QProgressBar *m_progress;
    QLabel *m_pending;
    QLabel *m_conflictCount;
    QLabel *m_flagCount;  ///< changes from the server that break a rule
    QLabel *m_offerCount; ///< time off of other clients, offered for import
    QLabel *m_readOnly;
    QWidget *m_separator; ///< between the sync widgets and the window's own
    QTimer m_refresh;     ///< counts after local edits, gathered
    QStringList m_certificatesShown;
};

} // namespace Tandem
