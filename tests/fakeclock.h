#pragma once

#include "domain/clock.h"

namespace Tandem {

/// A clock that only moves when a test tells it to.
class FakeClock final : public FixedClock
{
public:
    using FixedClock::FixedClock;
    void advanceSecs(qint64 secs) { setNow(now().addSecs(secs)); }
};

} // namespace Tandem
