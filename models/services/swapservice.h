#pragma once

#include "domain/result.h"
#include "domain/swaprequest.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace Tandem {

class Database;

/// What an engineer asks for: their seat of `shift` swapped against the same seat of the
/// colleague's `otherShift`, or covered by the colleague (all of it, or [partFrom, partTo)).
struct SwapAsk
{
    SwapKind kind = SwapKind::Swap;
    ShiftId shift;
    PersonId requester;
    PersonId target;
    ShiftId otherShift; ///< swaps only
    QDateTime partFrom; ///< cover of a part only (UTC); both null for the whole shift
    QDateTime partTo;
    QString message;
};

/// Swap and cover requests between engineers: ask, accept or decline (the colleague), approve
/// or refuse (a lead, where the rotation's swapsNeedApproval says so), cancel (the requester),
/// and the seats move when the last yes is given. Every step is one transaction with a
/// change-log row for entity "request"; the seats move through ShiftService (the calendar's
/// checked edits), so a request that would break a hard rule is refused, with the planner
/// RuleBook's words, when it is asked and again when it applies.
///
/// Tandem has no lead role: a lead's approval is accepted from anyone on the roster who is
/// neither the requester nor the colleague (four eyes), and recorded in decidedBy and the log.
class SwapService
{
public:
    explicit SwapService(Database &db) : m_db(db) {}

    /// Checks the request against the rules as if it applied now, then stores it pending.
    Result<SwapRequest> request(const SwapAsk &ask);
    /// The colleague says yes; applies at once unless a lead must approve.
    Result<SwapRequest> accept(SwapRequestId id, PersonId by);
    /// The colleague says no.
    Result<SwapRequest> decline(SwapRequestId id, PersonId by);
    /// A lead says yes to an accepted request; the seats move.
    Result<SwapRequest> approve(SwapRequestId id, PersonId by);
    /// A lead says no to an accepted request.
    Result<SwapRequest> refuse(SwapRequestId id, PersonId by);
    /// The requester withdraws a request nobody has finished with.
    Result<SwapRequest> cancel(SwapRequestId id, PersonId by);

    /// Whether `ask` would keep every hard rule; the error says which it breaks. Reads only.
    Status check(const SwapAsk &ask) const;

    Result<std::optional<SwapRequest>> find(SwapRequestId id) const;
    /// Requests `person` made or was asked, newest first.
    Result<QList<SwapRequest>> involving(PersonId person) const;
    /// Accepted requests waiting for a lead, newest first.
    Result<QList<SwapRequest>> awaitingApproval() const;

private:
    Result<SwapRequest> build(const SwapAsk &ask) const;
    Result<SwapRequest> decide(SwapRequestId id, PersonId by, SwapState from, SwapState to);
    Status apply(SwapRequest &request);
    Status store(const SwapRequest &before, const SwapRequest &after);

    Database &m_db;
};

} // namespace Tandem
