#include "slots.h"

namespace Tandem::Planner {

QDateTime localDateTime(QDate date, QTime time, const QTimeZone &zone)
{
    const QDateTime candidate(date, time, zone);
    if (candidate.isValid() && candidate.date() == date && candidate.time() == time) {
        return candidate.toUTC();
    }
    // In a DST gap: the first minute after `time` that exists. Gaps are at most a few hours.
    for (int minutes = 1; minutes <= 24 * 60; ++minutes) {
        const QTime later = time.addSecs(minutes * 60);
        if (later < time) {
            break; // past midnight: no valid minute left that day
        }
        const QDateTime shifted(date, later, zone);
        if (shifted.isValid() && shifted.date() == date && shifted.time() == later) {
            return shifted.toUTC();
        }
    }
    return candidate.toUTC();
}

QList<Slot> generateSlots(const Rotation &rotation, QDate from, QDate to)
{
    QList<Slot> slots;
    const QTimeZone zone(rotation.timeZone.toUtf8());
    if (!zone.isValid() || rotation.shiftMinutes <= 0 || !from.isValid() || !to.isValid() || to < from ||
        !rotation.handoffTime.isValid()) {
        return slots;
    }
    const int minutes = rotation.shiftMinutes;
    const bool wholeDays = minutes % (24 * 60) == 0;
    const int days = minutes / (24 * 60);
    const QDate first = std::max(from, rotation.startDate.isValid() ? rotation.startDate : from);

    if (wholeDays) {
        // Shifts of whole days start on local dates: for a weekly (or longer) rotation on the
        // handoff weekday, stepping by the length from the rotation's first handoff day.
        QDate anchor = rotation.startDate.isValid() ? rotation.startDate : first;
        if (days % 7 == 0) {
            while (anchor.dayOfWeek() != rotation.handoffWeekday) {
                anchor = anchor.addDays(1);
            }
        }
        qint64 offset = anchor.daysTo(first);
        qint64 step = offset <= 0 ? 0 : (offset + days - 1) / days;
        for (QDate day = anchor.addDays(step * days); day <= to; day = day.addDays(days)) {
            if (day < first || !rotation.isActiveOn(day.dayOfWeek())) {
                continue;
            }
            slots.append(Slot{rotation.id, localDateTime(day, rotation.handoffTime, zone),
                              localDateTime(day.addDays(days), rotation.handoffTime, zone)});
        }
        return slots;
    }

    // Shorter shifts (e.g. 12 h day/night) step in local wall-clock time from the handoff:
    // 09:00 and 21:00 every day, whatever the offset does in between.
    QDate day = first;
    QTime time = rotation.handoffTime;
    // Start from the day's first handoff on or after midnight that is aligned with the handoff time.
    while (time.addSecs(-minutes * 60) < time && time.msecsSinceStartOfDay() >= minutes * 60) {
        time = time.addSecs(-minutes * 60);
    }
    while (day <= to) {
        const qint64 startMinute = time.msecsSinceStartOfDay() / 60000;
        const qint64 endMinute = startMinute + minutes;
        const QDate endDay = day.addDays(endMinute / (24 * 60));
        const QTime endTime = QTime(0, 0).addSecs(int(endMinute % (24 * 60)) * 60);
        if (rotation.isActiveOn(day.dayOfWeek())) {
            slots.append(Slot{rotation.id, localDateTime(day, time, zone), localDateTime(endDay, endTime, zone)});
        }
        day = endDay;
        time = endTime;
    }
    return slots;
}

} // namespace Tandem::Planner
