#pragma once

#include "domain/shift.h"
#include "slots.h"

#include <QHash>
#include <QTimeZone>

namespace Tandem::Planner {

/// Cuts UTC intervals into the pieces that lie inside a rotation's hour windows
/// (Rotation::windows), wall-clock in the rotation's zone: 09:00-17:00 stays 09:00-17:00 local
/// across DST; a window edge in a DST gap moves to the first minute that exists (localDateTime);
/// a window across midnight belongs to the day it starts on, so a night window across a DST
/// change is an hour shorter or longer. Touching pieces (Sat 00:00-24:00 and Sun 00:00-24:00)
/// are one piece. A rotation without windows runs all the time: the interval is its one piece.
/// The one place that says where a rotation's time is; the planner, the rules, coverage and
/// reminders ask it.
class WindowCut
{
public:
    explicit WindowCut(const Rotation &rotation);

    bool allTheTime() const { return m_windows.isEmpty(); }
    /// The pieces of [start, end) (UTC seconds) inside the windows, in time order.
    QList<QPair<qint64, qint64>> pieces(qint64 start, qint64 end) const;
    QList<QPair<QDateTime, QDateTime>> pieces(const QDateTime &start, const QDateTime &end) const;
    /// Seconds of [start, end) inside the windows.
    qint64 seconds(qint64 start, qint64 end) const;
    /// `slot` cut into its pieces: the shifts of one stint.
    QList<Slot> cut(const Slot &slot) const;

private:
    /// The windows of local day `date` as UTC intervals (starting that day, maybe ending the next).
    const QList<QPair<qint64, qint64>> &day(QDate date) const;

    QTimeZone m_zone;
    QList<DailyWindow> m_windows;
    mutable QHash<qint64, QList<QPair<qint64, qint64>>> m_days; // julian day -> UTC windows
};

/// The slot of `rotation` (generateSlots) that holds [start, end) (UTC seconds): the stint a
/// piece belongs to; [start, end) itself for a rotation without windows or when no slot holds it.
QPair<qint64, qint64> stintOf(const Rotation &rotation, qint64 start, qint64 end);
/// Whether `shift` continues `previous` (two shifts of a rotation with hour windows): the same
/// person in `seat`, pieces of one stint. Such a shift is no new start: no reminder, no rest.
bool continuesStint(const Rotation &rotation, const Shift &previous, const Shift &shift, Seat seat);

/// generateSlots() cut into window pieces: the shifts a rotation has over [from, to], several
/// per slot (one stint) where the slot spans several windows, none where it spans none.
QList<Slot> generateWindowSlots(const Rotation &rotation, QDate from, QDate to);

} // namespace Tandem::Planner
