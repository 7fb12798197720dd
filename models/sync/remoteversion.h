#pragma once

#include "domain/result.h"
#include "localitems.h"
#include "merge.h"

#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace Tandem {

class Database;

// What a sync run and a join share about a version from the server: merging it with this
// computer's, and writing it here in the server's name.

/// mergeThreeWay() with SEQUENCE kept out of the merge and set afterwards.
MergeResult mergeResource(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs);

/// Writes a version that came from the server (nullopt: deleted there) with the change log
/// naming the server; `synced`: the server has exactly this, so the rows are not sent back.
/// Whether anything changed here. Must run inside a Transaction.
Result<bool> writeRemote(Database &db, LocalItems &local, const QUrl &server, const ResourceRef &ref,
                         const std::optional<QJsonObject> &value, bool synced);

} // namespace Tandem
