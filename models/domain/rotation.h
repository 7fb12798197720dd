#pragma once

#include "ids.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>
#include <QTime>

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

/// The rules of a rotation. Hard rules are never broken by the planner; the weights shape
/// what "fair" means. Stored as JSON in the rotation row (see serialize.h).
struct RotationRules
{
    /// Minimum hours between the end of one of a person's shifts and the start of their next;
    /// -1 means "one shift length" (no back-to-back shifts).
    int minRestHours = -1;
    /// At most this many shifts per person in any 28 days; 0 is no limit.
    int maxShiftsPer4Weeks = 0;
    /// How many rotations one ops engineer may cover at the same time.
    int opsConcurrency = 1;
    /// Never the same dev+ops pair in two consecutive shifts of the rotation.
    bool noSamePairConsecutive = true;
    /// Developers who pair only with a senior operations engineer.
    QList<PersonId> newDevelopers;
    /// Developers onboarding into the rotation: they shadow pairs (Shift::shadow) and never take
    /// its developer seat until a lead confirms them. Not `newDevelopers`, who already work the
    /// seat (with a senior ops).
    QList<PersonId> trainees;
    /// Shadow shifts a trainee does before they are ready to be confirmed; 0: no onboarding.
    int shadowShiftsNeeded = 0;
    /// (developer, ops) pairs that must never share a shift.
    QList<QPair<PersonId, PersonId>> forbiddenPairs;
    double weekendWeight = 1.5; ///< per weekend day, relative to a weekday
    double holidayWeight = 2.0; ///< per public holiday
    double nightWeight = 1.0;   ///< factor on hours in [nightStart, nightEnd)
    QTime nightStart = QTime(22, 0);
    QTime nightEnd = QTime(6, 0);
    int freezeDays = 14;    ///< published shifts starting within this many days never move
    int lookbackWeeks = 26; ///< past shifts count for fairness over this window
    /// A swap or cover agreed between two engineers waits for a lead's approval before it applies.
    bool swapsNeedApproval = false;

    friend bool operator==(const RotationRules &, const RotationRules &) = default;
};

/// A daily window in which a rotation runs, in the rotation's zone: it starts on `weekday`
/// (1 = Monday) at `start` wall-clock time and lasts `minutes` of wall-clock time (at most a day;
/// a window that crosses midnight belongs to the day it starts on). See hourwindows.h.
struct DailyWindow
{
    int weekday = 1;
    QTime start = QTime(0, 0);
    int minutes = 24 * 60;

    friend bool operator==(const DailyWindow &, const DailyWindow &) = default;
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
    bool isActiveOn(int weekday) const { return (activeDays >> (weekday - 1)) & 1; }
    QDate startDate;
    /// The hours it runs, per weekday; empty: all the time. Its shifts are cut at their edges.
    QList<DailyWindow> windows;
    RotationRules rules;
    QString color;

    friend bool operator==(const Rotation &, const Rotation &) = default;
};

} // namespace Tandem
