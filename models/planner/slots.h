#pragma once

#include "domain/rotation.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace Tandem::Planner {

/// One shift to fill: where and when, before anyone is in it.
struct Slot
{
    RotationId rotation;
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC, exclusive

    friend bool operator==(const Slot &, const Slot &) = default;
};

/// `time` on `date` in `zone`. A time that does not exist that day (the hour skipped when DST
/// starts) moves to the next valid minute; a time that exists twice takes the first.
QDateTime localDateTime(QDate date, QTime time, const QTimeZone &zone);

/// The slots of a rotation whose start falls on a day in [from, to] (dates in the rotation's
/// zone). Handoffs keep their local wall-clock time across DST: a 09:00 Europe/Berlin handoff
/// stays at 09:00, so a shift across a DST change is an hour shorter or longer. Slots that
/// start on an inactive weekday are left out. Empty for invalid settings (see validateRotation).
QList<Slot> generateSlots(const Rotation &rotation, QDate from, QDate to);

} // namespace Tandem::Planner
