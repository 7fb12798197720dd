#pragma once

#include <QDateTime>

namespace Tandem {

/// The source of "now". Code that needs the current time takes a Clock so tests can pass a
/// FakeClock and stay deterministic.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; ///< always UTC
};

/// The real clock.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    /// A process-wide instance for code that has no clock handed to it.
    static const Clock &instance();
};

/// A clock that only moves when told to.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime now) : m_now(now.toUTC()) {}
    QDateTime now() const override { return m_now; }
    void setNow(const QDateTime &now) { m_now = now.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }

private:
    QDateTime m_now;
};

} // namespace Tandem
