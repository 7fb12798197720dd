#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Tandem {

/// The outcome of a three-way merge of two edits of the same JSON value.
struct MergeResult
{
    QJsonObject preferMine;   ///< both sides' changes; where they clash, mine
    QJsonObject preferTheirs; ///< both sides' changes; where they clash, theirs
    QStringList conflicts;    ///< paths both sides changed differently, e.g. "note", "people/<id>/phone"

    bool clean() const { return conflicts.isEmpty(); }
};

/// Merges field by field against `base`, the last copy both sides agreed on. Objects merge
/// per key (recursively); arrays of objects with an "id" merge per element (added, removed or
/// changed on one side only); arrays of strings merge as sets (both sides' additions and
/// removals). A field changed on one side only takes that side; changed on both to the same
/// value is no conflict. An empty `base` means both sides created the value independently.
MergeResult mergeThreeWay(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs);

} // namespace Tandem
