#pragma once

#include "domain/ids.h"
#include "domain/syncrecords.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Tandem {

class Workspace;

/// The changes both sides made differently, with both versions side by side field by field
/// (this computer's and the server's); Keep Mine or Take Theirs settles one through
/// SyncService, then the workspace syncs.
class ConflictsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConflictsDialog(Workspace &workspace, QWidget *parent = nullptr);
    ~ConflictsDialog() override;

    int count() const { return int(m_conflicts.size()); }
    /// The conflict in words: "Shift of Payments on call, Mon 23 Mar 2026 09:00".
    QString describe(const SyncConflict &conflict) const;
    /// A field path in words: "people/<id>/phone" -> "Ada Lovelace › phone".
    QString fieldName(const SyncConflict &conflict, const QString &path) const;

    void refresh();

private:
    void showCurrent();
    void resolve(bool keepMine);
    QString valueText(const QJsonObject &version, const QString &path) const;

    Workspace &m_workspace;
    QList<std::pair<TeamId, SyncConflict>> m_conflicts;
    QListWidget *m_list;
    QLabel *m_title;
    QTableWidget *m_fields;
    QPushButton *m_keepMine;
    QPushButton *m_takeTheirs;
    QLabel *m_message;
};

} // namespace Tandem
