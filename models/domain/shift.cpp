#include "shift.h"

using namespace Qt::StringLiterals;

namespace Tandem {

QString shiftStateToString(ShiftState state)
{
    switch (state) {
    case ShiftState::Planned:
        return u"planned"_s;
    case ShiftState::Published:
        return u"published"_s;
    case ShiftState::Locked:
        return u"locked"_s;
    }
    return u"planned"_s;
}

std::optional<ShiftState> shiftStateFromString(QStringView text)
{
    if (text == u"planned") {
        return ShiftState::Planned;
    }
    if (text == u"published") {
        return ShiftState::Published;
    }
    if (text == u"locked") {
        return ShiftState::Locked;
    }
    return std::nullopt;
}

} // namespace Tandem
