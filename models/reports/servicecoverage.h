#pragma once

#include "coveragereport.h"
#include "domain/person.h"
#include "domain/rotation.h"
#include "domain/service.h"
#include "domain/shift.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace Tandem::Reports {

/// A stretch of a service's time that no leg held with a complete pair.
struct ServiceHole
{
    enum Kind {
        Uncovered, ///< no leg has a shift at all: the legs do not meet (e.g. across a DST switch)
        NoPair,    ///< a leg has a shift, but no shift there has a developer and an ops engineer
    };
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC, exclusive
    Kind kind = Uncovered;
    /// For NoPair: what the shifts there lack (NoOps, NoDeveloper, NotPaired: both seats held,
    /// but in different legs' shifts; NoShift: shifts with both seats empty).
    GapReason reason = GapReason::NoShift;
    QList<RotationId> legs; ///< for NoPair: the legs with a shift there

    qint64 minutes() const { return start.secsTo(end) / 60; }
};

/// A stretch in which two or more legs both hold the service with a pair: information (a
/// handover overlap), not a fault.
struct ServiceOverlap
{
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC, exclusive
    QList<RotationId> legs;

    qint64 minutes() const { return start.secsTo(end) / 60; }
};

/// One leg as the report names it.
struct ServiceLeg
{
    RotationId rotation;
    QString name; ///< empty when the rotation is not in the database
    QString timeZone;
    bool removed = false;     ///< taken out of use: it has no shifts ahead
    qint64 pairedMinutes = 0; ///< minutes of the period this leg held with a pair
};

/// A service's coverage over [from, to): every minute must be held by a pair of one of its legs.
struct ServiceCoverage
{
    ServiceId service;
    QString name;
    QString timeZone;
    QDateTime from; ///< UTC
    QDateTime to;   ///< UTC, exclusive
    QList<ServiceLeg> legs;
    QList<ServiceHole> holes;       ///< by start; adjacent stretches of the same kind merged
    QList<ServiceOverlap> overlaps; ///< by start
    qint64 requiredMinutes = 0;     ///< the whole period: services are 24/7
    qint64 coveredMinutes = 0;      ///< held by at least one pair
    qint64 uncoveredMinutes = 0;    ///< holes of kind Uncovered
    qint64 noPairMinutes = 0;       ///< holes of kind NoPair
    qint64 overlapMinutes = 0;

    qint64 holeMinutes() const { return uncoveredMinutes + noPairMinutes; }
    /// 0 to 100; 100 for an empty period.
    double coveredPercent() const
    {
        return requiredMinutes > 0 ? 100.0 * double(coveredMinutes) / double(requiredMinutes) : 100.0;
    }
    const ServiceLeg *leg(RotationId id) const;
    /// The legs' names joined with " + " (for tables).
    QString legNames(const QList<RotationId> &legs) const;
};

struct ServiceCoverageInput
{
    Service service;
    QList<Rotation> rotations;      ///< the legs found (also removed ones)
    QList<RotationId> removed;      ///< which of them are out of use
    QList<Shift> shifts;            ///< of the legs, overlapping the period (others are ignored)
    QHash<PersonId, Person> people; ///< an ops seat counts only with production access
    QDateTime from;                 ///< UTC
    QDateTime to;                   ///< UTC, exclusive
};

/// Merges the legs' shifts over [from, to) and reports holes, overlaps and the totals. A shift
/// holds the service only with both seats filled and an ops engineer with production access; a
/// shift with one seat (only ops, only a developer) is "no pair": someone is on call, but not the
/// pair the service needs, so it is a hole, reported apart from the stretches nobody holds.
/// Linear in the number of shifts after one sort.
ServiceCoverage serviceCoverage(const ServiceCoverageInput &input);

/// "uncovered" or "no_pair" (CSV, JSON); the translated words for tables.
QString serviceHoleKindKey(ServiceHole::Kind kind);
QString serviceHoleKindText(ServiceHole::Kind kind);

/// Holes and overlaps as CSV: kind,start,end,start_local,end_local,minutes,legs,reason (local
/// times in the service's zone). RFC 4180, UTF-8, LF.
QByteArray serviceCoverageCsv(const ServiceCoverage &coverage);
/// The report as JSON (format in the README).
QJsonObject serviceCoverageJson(const ServiceCoverage &coverage);

} // namespace Tandem::Reports
