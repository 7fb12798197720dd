#pragma once

#include "services/reportservice.h"

#include <QComboBox>

namespace Tandem {

class Workspace;

/// Chooses what a sheet or report covers: a whole team (all its rotations), one rotation, or
/// (for personal sheets) one person.
class ScopeCombo final : public QComboBox
{
    Q_OBJECT

public:
    explicit ScopeCombo(Workspace &workspace, QWidget *parent = nullptr);

    /// Fills the list with teams and rotations, or with people; keeps the choice when it can.
    void fill(bool people);
    /// The current choice over [from, to].
    ReportScope scope(QDate from, QDate to) const;
    /// The current choice as text for settings ("rotation:<uuid>"), and back.
    QString key() const { return currentData().toString(); }
    void setKey(const QString &key);

private:
    Workspace &m_workspace;
};

} // namespace Tandem
