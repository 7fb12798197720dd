#include "clock.h"

namespace Tandem {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

const Clock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace Tandem
