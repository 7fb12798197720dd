#include "windowcut.h"

#include <algorithm>

namespace Tandem::Planner {

WindowCut::WindowCut(const Rotation &rotation) : m_zone(rotation.timeZone.toUtf8()), m_windows(rotation.windows)
{
    if (!m_zone.isValid()) {
        m_zone = QTimeZone::utc();
    }
    // Windows that cannot be placed (validation refuses them) are left out rather than guessed.
    m_windows.removeIf([](const DailyWindow &w) {
        return w.weekday < 1 || w.weekday > 7 || !w.start.isValid() || w.minutes <= 0 || w.minutes > 24 * 60;
    });
}

const QList<QPair<qint64, qint64>> &WindowCut::day(QDate date) const
{
    const auto it = m_days.constFind(date.toJulianDay());
    if (it != m_days.constEnd()) {
        return *it;
    }
    QList<QPair<qint64, qint64>> spans;
    for (const DailyWindow &w : m_windows) {
        if (w.weekday != date.dayOfWeek()) {
            continue;
        }
        const int startMinute = w.start.msecsSinceStartOfDay() / 60000;
        const int endMinute = startMinute + w.minutes;
        const QDate endDate = date.addDays(endMinute / (24 * 60));
        const QTime endTime = QTime(0, 0).addSecs((endMinute % (24 * 60)) * 60);
        const qint64 from = localDateTime(date, w.start, m_zone).toSecsSinceEpoch();
        const qint64 to = localDateTime(endDate, endTime, m_zone).toSecsSinceEpoch();
        if (to > from) {
            spans.append({from, to});
        }
    }
    return *m_days.insert(date.toJulianDay(), spans);
}

QList<QPair<qint64, qint64>> WindowCut::pieces(qint64 start, qint64 end) const
{
    QList<QPair<qint64, qint64>> result;
    if (end <= start) {
        return result;
    }
    if (allTheTime()) {
        result.append({start, end});
        return result;
    }
    // A window starts on the local day it belongs to and lasts at most a day: the day before
    // the interval's first local day may reach into it.
    const QDate first = QDateTime::fromSecsSinceEpoch(start, m_zone).date().addDays(-1);
    const QDate last = QDateTime::fromSecsSinceEpoch(end, m_zone).date();
    for (QDate date = first; date <= last; date = date.addDays(1)) {
        for (const auto &span : day(date)) {
            const qint64 from = std::max(start, span.first);
            const qint64 to = std::min(end, span.second);
            if (to > from) {
                result.append({from, to});
            }
        }
    }
    std::sort(result.begin(), result.end());
    QList<QPair<qint64, qint64>> merged;
    for (const auto &piece : std::as_const(result)) {
        if (!merged.isEmpty() && piece.first <= merged.last().second) {
            merged.last().second = std::max(merged.last().second, piece.second);
        } else {
            merged.append(piece);
        }
    }
    return merged;
}

QList<QPair<QDateTime, QDateTime>> WindowCut::pieces(const QDateTime &start, const QDateTime &end) const
{
    QList<QPair<QDateTime, QDateTime>> result;
    for (const auto &piece : pieces(start.toSecsSinceEpoch(), end.toSecsSinceEpoch())) {
        result.append({QDateTime::fromSecsSinceEpoch(piece.first, Qt::UTC),
                       QDateTime::fromSecsSinceEpoch(piece.second, Qt::UTC)});
    }
    return result;
}

qint64 WindowCut::seconds(qint64 start, qint64 end) const
{
    qint64 total = 0;
    for (const auto &piece : pieces(start, end)) {
        total += piece.second - piece.first;
    }
    return total;
}

QList<Slot> WindowCut::cut(const Slot &slot) const
{
    QList<Slot> result;
    if (allTheTime()) {
        result.append(slot);
        return result;
    }
    for (const auto &piece : pieces(slot.start, slot.end)) {
        result.append(Slot{slot.rotation, piece.first, piece.second});
    }
    return result;
}

QPair<qint64, qint64> stintOf(const Rotation &rotation, qint64 start, qint64 end)
{
    if (rotation.windows.isEmpty()) {
        return {start, end};
    }
    // The slots that start in the days before: a slot lasts at most 4 weeks (validation).
    const QTimeZone zone(rotation.timeZone.toUtf8());
    const QDate day = QDateTime::fromSecsSinceEpoch(start, zone.isValid() ? zone : QTimeZone::utc()).date();
    const int days = rotation.shiftMinutes / (24 * 60) + 1;
    const QList<Slot> slots = generateSlots(rotation, day.addDays(-days), day);
    for (auto it = slots.crbegin(); it != slots.crend(); ++it) {
        if (it->start.toSecsSinceEpoch() <= start && end <= it->end.toSecsSinceEpoch()) {
            return {it->start.toSecsSinceEpoch(), it->end.toSecsSinceEpoch()};
        }
    }
    return {start, end};
}

bool continuesStint(const Rotation &rotation, const Shift &previous, const Shift &shift, Seat seat)
{
    if (rotation.windows.isEmpty() || previous.rotationId != rotation.id || shift.rotationId != rotation.id ||
        previous.seat(seat).isNull() || previous.seat(seat) != shift.seat(seat)) {
        return false;
    }
    const auto a = stintOf(rotation, previous.start.toSecsSinceEpoch(), previous.end.toSecsSinceEpoch());
    const auto b = stintOf(rotation, shift.start.toSecsSinceEpoch(), shift.end.toSecsSinceEpoch());
    return a == b; // the same slot of the rotation
}

QList<Slot> generateWindowSlots(const Rotation &rotation, QDate from, QDate to)
{
    const QList<Slot> slots = generateSlots(rotation, from, to);
    if (rotation.windows.isEmpty()) {
        return slots;
    }
    const WindowCut cut(rotation);
    QList<Slot> result;
    for (const Slot &slot : slots) {
        result.append(cut.cut(slot));
    }
    return result;
}

} // namespace Tandem::Planner
