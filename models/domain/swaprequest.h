#pragma once

#include "ids.h"
#include "shift.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Tandem {

enum class SwapKind {
    Swap,  ///< the requester's seat for the same seat of one of the colleague's shifts
    Cover, ///< the colleague takes the requester's seat (all of the shift or a part of it)
};

enum class SwapState {
    Pending,   ///< waiting for the colleague
    Accepted,  ///< the colleague said yes; waiting for the lead (needsApproval)
    Declined,  ///< the colleague said no (final)
    Approved,  ///< the lead said yes; momentary, the seats move in the same step
    Cancelled, ///< withdrawn by the requester, or refused by the lead (final)
    Applied,   ///< the seats moved (final)
};

QString swapKindToString(SwapKind kind);
std::optional<SwapKind> swapKindFromString(QStringView text);
QString swapStateToString(SwapState state);
std::optional<SwapState> swapStateFromString(QStringView text);
QString seatToString(Seat seat); ///< "dev" / "ops"
std::optional<Seat> seatFromString(QStringView text);

/// An engineer's request to trade a seat with a colleague (swap) or to hand it over (cover).
/// It travels between Tandem instances through sync, so it names everything by id.
struct SwapRequest
{
    SwapRequestId id;
    SwapKind kind = SwapKind::Swap;
    ShiftId shiftId; ///< the requester's shift
    Seat seat = Seat::Dev;
    PersonId requester;
    PersonId target;      ///< the colleague asked
    ShiftId otherShiftId; ///< swaps: the colleague's shift; null for cover
    /// Cover of a part of the shift, [partFrom, partTo) in UTC; both null for the whole shift.
    QDateTime partFrom;
    QDateTime partTo;
    SwapState state = SwapState::Pending;
    bool needsApproval = false; ///< the rotation's swapsNeedApproval when the request was made
    PersonId decidedBy;         ///< who approved or refused as lead; null otherwise
    QString message;
    QDateTime created; ///< UTC
    QDateTime updated; ///< UTC

    bool isPartial() const { return partFrom.isValid() && partTo.isValid(); }
    /// Pending or accepted: still waiting for someone.
    bool isOpen() const { return state == SwapState::Pending || state == SwapState::Accepted; }

    friend bool operator==(const SwapRequest &, const SwapRequest &) = default;
};

} // namespace Tandem
