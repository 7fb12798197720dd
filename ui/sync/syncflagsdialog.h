#pragma once

#include "domain/ids.h"
#include "domain/syncrecords.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace Tandem {

class Workspace;

/// Sync ▸ Flagged Changes: what other clients changed through the shared calendar that breaks
/// a rule (a gap, an overlap, an emptied seat, a hard rule), applied because the server is the
/// shared truth, listed until fixed or dismissed. Dismiss takes the selected ones off.
class SyncFlagsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SyncFlagsDialog(Workspace &workspace, QWidget *parent = nullptr);

    int count() const { return int(m_flags.size()); }
    void refresh();

private:
    void dismissSelected();

    Workspace &m_workspace;
    QList<std::pair<TeamId, SyncFlag>> m_flags;
    QListWidget *m_list;
    QPushButton *m_dismiss;
    QLabel *m_message;
};

} // namespace Tandem
