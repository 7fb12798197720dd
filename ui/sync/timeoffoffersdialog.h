#pragma once

#include "domain/ids.h"
#include "domain/syncrecords.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace Tandem {

class Workspace;

/// Sync ▸ Time Off from the Shared Calendar: all-day events other calendar clients put in the
/// shared calendar that read as someone's time off (vacation, out of office...). Tandem never
/// takes them silently: Import makes the checked ones this database's time off (they then
/// travel as Tandem's own), Dismiss stops offering them.
class TimeOffOffersDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TimeOffOffersDialog(Workspace &workspace, QWidget *parent = nullptr);

    int count() const { return int(m_offers.size()); }
    void refresh();

private:
    void act(bool import);

    Workspace &m_workspace;
    QList<std::pair<TeamId, SyncOffer>> m_offers;
    QListWidget *m_list;
    QPushButton *m_import;
    QPushButton *m_dismiss;
    QLabel *m_message;
};

} // namespace Tandem
