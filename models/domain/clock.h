#pragma once

#include <QDateTime>

namespace Tandem {

/// The source of "now". Code that needs the current time takes a Clock so tests can pass a
/// fake one (tests/fakeclock.h) and stay deterministic. Code with no clock handed to it (the
/// widgets' "today", Database::open's default) asks Clock::current(): the system clock unless
/// the composition root or a test installed another.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; ///< always UTC
    /// The date of now() in the local time zone.
    QDate today() const { return now().toLocalTime().date(); }

    /// The process's clock: the system clock unless setCurrent() installed another.
    static const Clock &current();
    /// Installs `clock` as the process's clock (nullptr: the system clock again). It must outlive
    /// its use; only main() and tests call this.
    static void setCurrent(const Clock *clock);
};

/// The real clock.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    /// A process-wide instance.
    static const Clock &instance();
};

/// A clock that says what its owner last set (the rule pass's thread copies its owner's time;
/// the test build's fixed "now", see app/main.cpp).
class FixedClock : public Clock
{
public:
    explicit FixedClock(QDateTime now) : m_now(now.toUTC()) {}
    QDateTime now() const override { return m_now; }
    void setNow(const QDateTime &now) { m_now = now.toUTC(); }

private:
    QDateTime m_now;
};

} // namespace Tandem
