#pragma once

#include "domain/changeentry.h"
#include "domain/person.h"
#include "domain/rotation.h"
#include "domain/shift.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>

namespace Tandem::Reports {

/// Why a stretch of a rotation's on-call time was not covered by a complete pair.
enum class GapReason {
    NoShift,     ///< nobody at all
    NoOps,       ///< a developer, but no one with production access
    NoDeveloper, ///< someone with production access, but no developer
    NotPaired,   ///< both seats held, but in different shifts
};

QString gapReasonText(GapReason reason); ///< translated, for tables
QString gapReasonKey(GapReason reason);  ///< "no_shift", "no_ops", "no_developer", "not_paired" (CSV, JSON)

/// An interval of a rotation's on-call time without a developer paired with someone who has
/// production access.
struct CoverageGap
{
    RotationId rotation;
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC, exclusive
    GapReason reason = GapReason::NoShift;
    QString detail; ///< e.g. "Bob Ops has no production access"

    qint64 minutes() const { return start.secsTo(end) / 60; }
};

/// One rotation over the period: how much of its on-call time a complete pair held.
struct RotationCoverage
{
    RotationId rotation;
    QString name;
    QString timeZone;
    qint64 requiredMinutes = 0; ///< the rotation's on-call time inside the period
    qint64 coveredMinutes = 0;
    QList<CoverageGap> gaps; ///< by start, adjacent stretches with the same reason merged
};

/// "Who changed which shift and when", from the change log.
struct ShiftChange
{
    QDateTime at; ///< UTC
    QString actor;
    ChangeAction action = ChangeAction::Update;
    ShiftId shift;
    RotationId rotation;
    QDateTime start; ///< UTC, of the shift after the change (before, for a deletion)
    QDateTime end;
    PersonId devBefore;
    PersonId opsBefore;
    PersonId devAfter;
    PersonId opsAfter;
};

struct CoverageReport
{
    QDate from;
    QDate to;
    QList<RotationCoverage> rotations;
    QList<ShiftChange> changes;     ///< in log order
    QHash<PersonId, Person> people; ///< everyone the report names
};

struct CoverageInput
{
    QList<Rotation> rotations;
    QList<Shift> shifts;            ///< of these rotations, overlapping the period
    QHash<PersonId, Person> people; ///< production access is judged from here
    QList<ChangeEntry> shiftLog;    ///< change-log entries of entity "shift"
    QDate from;                     ///< first day, in each rotation's zone
    QDate to;                       ///< last day, included
};

/// Over [from, to] (each rotation's local days), every minute in which the rotation runs (its
/// slots, so days it is not active on do not count) must be held by a shift with a developer
/// and an ops engineer with production access. Lists what was not, and the shift changes
/// recorded in the log that touch the period. Production access is taken from the roster as
/// it is now: the log keeps its history, the report does not replay it.
CoverageReport coverageReport(const CoverageInput &input);

/// The gaps as CSV (header in the README): rotation,start,end,start_local,end_local,minutes,
/// reason,detail. RFC 4180, UTF-8, LF.
QByteArray coverageGapsCsv(const CoverageReport &report);
/// The shift changes as CSV: at,actor,action,shift,rotation,start,end,dev_before,ops_before,
/// dev_after,ops_after (people by e-mail).
QByteArray coverageChangesCsv(const CoverageReport &report);

} // namespace Tandem::Reports
