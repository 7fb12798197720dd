#pragma once

#include <QDateTime>

class QTreeWidget;

namespace Tandem {

class Database;

/// Home's "On call now" rows for the follow-the-sun services, after the rotations' rows: per
/// service, the leg whose pair holds it now and that pair, or "not covered now" in red (with the
/// seat a leg does hold, when one does). The columns are the rotations' (name, developer, ops,
/// hands off, then). Returns the number of rows added; a failed read adds none and is logged.
int addServiceOnCallRows(QTreeWidget *tree, Database &db, const QDateTime &now);

} // namespace Tandem
