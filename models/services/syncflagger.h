#pragma once

#include "domain/changeentry.h"
#include "domain/ids.h"
#include "domain/result.h"
#include "store/syncrepository.h"

#include <QList>

namespace Tandem {

class Database;

/// Finds what the server's changes broke: a shift deleted or cut short leaves a gap in its
/// rotation, an end moved past the next shift's start makes an overlap, an emptied seat, a
/// person seated against a hard rule (leave, rest, access, double booking: the planner's
/// RuleBook, as for a local edit). The changes are applied anyway (the server is the shared
/// truth); the flags tell the lead. Reads only.
class SyncFlagger
{
public:
    SyncFlagger(Database &db, TeamId team) : m_db(db), m_team(team) {}

    /// The flags of `changes` that `actor` (the server, "a teammate via HOST") made.
    Result<QList<SyncFlag>> find(const QList<ChangeEntry> &changes, const QString &actor) const;
    /// Whether what `flag` says still holds now (the gap unfilled, the overlap still there...).
    Result<bool> holds(const SyncFlag &flag) const;

private:
    Database &m_db;
    TeamId m_team;
};

} // namespace Tandem
