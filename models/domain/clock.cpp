#include "clock.h"

#include <atomic>

namespace Tandem {

namespace {
std::atomic<const Clock *> currentClock{nullptr};
} // namespace

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

const Clock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

const Clock &Clock::current()
{
    const Clock *clock = currentClock.load();
    return clock ? *clock : SystemClock::instance();
}

void Clock::setCurrent(const Clock *clock)
{
    currentClock.store(clock);
}

} // namespace Tandem
