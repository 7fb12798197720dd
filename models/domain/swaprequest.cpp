#include "swaprequest.h"

using namespace Qt::StringLiterals;

namespace Tandem {

QString swapKindToString(SwapKind kind)
{
    return kind == SwapKind::Cover ? u"cover"_s : u"swap"_s;
}

std::optional<SwapKind> swapKindFromString(QStringView text)
{
    if (text == u"swap") {
        return SwapKind::Swap;
    }
    if (text == u"cover") {
        return SwapKind::Cover;
    }
    return std::nullopt;
}

QString swapStateToString(SwapState state)
{
    switch (state) {
    case SwapState::Pending:
        return u"pending"_s;
    case SwapState::Accepted:
        return u"accepted"_s;
    case SwapState::Declined:
        return u"declined"_s;
    case SwapState::Approved:
        return u"approved"_s;
    case SwapState::Cancelled:
        return u"cancelled"_s;
    case SwapState::Applied:
        return u"applied"_s;
    }
    return u"pending"_s;
}

std::optional<SwapState> swapStateFromString(QStringView text)
{
    for (SwapState state : {SwapState::Pending, SwapState::Accepted, SwapState::Declined, SwapState::Approved,
                            SwapState::Cancelled, SwapState::Applied}) {
        if (text == swapStateToString(state)) {
            return state;
        }
    }
    return std::nullopt;
}

QString seatToString(Seat seat)
{
    return seat == Seat::Ops ? u"ops"_s : u"dev"_s;
}

std::optional<Seat> seatFromString(QStringView text)
{
    if (text == u"dev") {
        return Seat::Dev;
    }
    if (text == u"ops") {
        return Seat::Ops;
    }
    return std::nullopt;
}

} // namespace Tandem
