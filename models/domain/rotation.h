#pragma once

#include "ids.h"

#include <QList>
#include <QString>
#include <QTime>
#include <QDate>

namespace Tandem {

/// A named set of people with production access who fill the ops seat; several rotations
/// may share one pool.
struct OpsPool
{
    PoolId id;
    QString name;
    QList<PersonId> members;

    friend bool operator==(const OpsPool &, const OpsPool &) = default;
};

/// A rotation of a team: the shape of its shifts and where its seats draw people from.
/// The planner issue gives it its rules; the store keeps them from the start.
struct Rotation
{
    RotationId id;
    TeamId teamId;
    QString name;
    PoolId opsPoolId;
    QString timeZone; ///< handoffs happen in this zone
    int shiftMinutes = 7 * 24 * 60;
    int handoffWeekday = 1; ///< 1 = Monday (Qt::DayOfWeek)
    QTime handoffTime = QTime(9, 0);
    int activeDays = 0x7f; ///< bit (weekday - 1) set when the rotation runs that day
    QDate startDate;
    QString rulesJson; ///< rest, caps, pairing rules: owned by the planner
    QString color;

    friend bool operator==(const Rotation &, const Rotation &) = default;
};

} // namespace Tandem
