#pragma once

#include "ids.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Tandem {

enum class ShiftState {
    Planned,   ///< the planner may still change it
    Published, ///< announced to the team; frozen close to its start
    Locked,    ///< never moved by the planner
};

QString shiftStateToString(ShiftState state);
std::optional<ShiftState> shiftStateFromString(QStringView text);

enum class Seat { Dev, Ops };

/// No shift lasts longer than this (rotations are at most 4 weeks a shift; moving a handoff
/// joins at most two). Range queries rely on it to read only the index range they need.
inline constexpr qint64 MaxShiftSeconds = 62 * 24 * 3600;

/// Which shifts a range read keeps (the calendar's filters): null fields keep all.
struct ShiftFilter
{
    RotationId rotation;
    TeamId team;     ///< shifts of the team's rotations
    PersonId person; ///< shifts with the person in a seat
};

/// One on-call shift: a pair, a developer and an operations engineer, over [start, end).
/// Either seat may be empty: an empty seat is a coverage gap.
struct Shift
{
    ShiftId id;
    RotationId rotationId;
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC, exclusive
    PersonId dev;
    PersonId ops;
    /// A developer learning the rotation (onboarding, RotationRules::trainees) who shadows the
    /// pair: optional, no load, no production access. Deliberately not a Seat, so that the code
    /// over the two working seats (fairness, coverage, swaps) never counts it.
    PersonId shadow;
    ShiftState state = ShiftState::Planned;
    QString note; ///< handoff note
    QString bridgeUrl;
    int sequence = 0; ///< raised on every change (iCalendar SEQUENCE)

    PersonId seat(Seat s) const { return s == Seat::Dev ? dev : ops; }
    void setSeat(Seat s, PersonId person) { (s == Seat::Dev ? dev : ops) = person; }

    friend bool operator==(const Shift &, const Shift &) = default;
};

/// A seat of a shift that an operation emptied: enough to put the person back.
struct SeatRef
{
    ShiftId shift;
    Seat seat = Seat::Dev;

    friend bool operator==(const SeatRef &, const SeatRef &) = default;
};

} // namespace Tandem
