// How much a stretch of on-call time weighs: weekend, holiday and night hours by the rotation's
// rules (DayWeights of rules.h).
#include "rules.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace Tandem::Planner {

// --- DayWeights -------------------------------------------------------------------------------

DayWeights::DayWeights(const Rotation &rotation) : m_zone(rotation.timeZone.toUtf8()), m_rules(rotation.rules)
{
    if (!m_zone.isValid()) {
        m_zone = QTimeZone::utc();
    }
}

qint64 DayWeights::midnight(QDate date) const
{
    const auto it = m_midnights.constFind(date.toJulianDay());
    if (it != m_midnights.constEnd()) {
        return *it;
    }
    const qint64 secs = localDateTime(date, QTime(0, 0), m_zone).toSecsSinceEpoch();
    m_midnights.insert(date.toJulianDay(), secs);
    return secs;
}

DayWeights::Figures DayWeights::weight(qint64 start, qint64 end, const QSet<QDate> &holidays) const
{
    Figures figures;
    if (end <= start) {
        return figures;
    }
    QDate day = QDateTime::fromSecsSinceEpoch(start, m_zone).date();
    const int nightStart = m_rules.nightStart.isValid() ? m_rules.nightStart.msecsSinceStartOfDay() / 1000 : 0;
    const int nightEnd = m_rules.nightEnd.isValid() ? m_rules.nightEnd.msecsSinceStartOfDay() / 1000 : 0;
    for (qint64 dayStart = midnight(day); dayStart < end; day = day.addDays(1), dayStart = midnight(day)) {
        const qint64 dayEnd = midnight(day.addDays(1));
        const qint64 from = std::max(start, dayStart);
        const qint64 to = std::min(end, dayEnd);
        if (to <= from) {
            continue;
        }
        const bool holiday = holidays.contains(day);
        const bool weekend = day.dayOfWeek() >= 6;
        const double factor = holiday ? m_rules.holidayWeight : weekend ? m_rules.weekendWeight : 1.0;
        figures.holiday = figures.holiday || holiday;
        figures.weekend = figures.weekend || weekend;
        // Night hours of this local day: [00:00, nightEnd) and [nightStart, 24:00).
        auto overlap = [&](qint64 a, qint64 b) { return std::max<qint64>(0, std::min(to, b) - std::max(from, a)); };
        qint64 night = 0;
        if (nightStart != nightEnd) {
            if (nightStart > nightEnd) {
                night = overlap(dayStart, dayStart + nightEnd) + overlap(dayStart + nightStart, dayEnd);
            } else {
                night = overlap(dayStart + nightStart, dayStart + nightEnd);
            }
        }
        figures.night = figures.night || night > 0;
        const double hours = double(to - from) / 3600.0;
        const double nightHours = double(night) / 3600.0;
        figures.weight += factor * (hours + (m_rules.nightWeight - 1.0) * nightHours) / 24.0;
    }
    return figures;
}

} // namespace Tandem::Planner
