#pragma once

#include "domain/result.h"
#include "planner/planner.h"
#include "reports/coveragereport.h"
#include "reports/hoursreport.h"
#include "reports/sheetdata.h"

namespace Tandem {

class Database;

/// Which shifts a sheet or report covers: rotations by id, all rotations of a team, or one
/// person's shifts in any rotation. Dates are local days of each rotation, both included.
struct ReportScope
{
    QList<RotationId> rotations;
    TeamId team;
    PersonId person;
    QDate from;
    QDate to;
};

/// The longest periods, refused in words before any work: a sheet (and a report as PDF) covers at
/// most a year of pages; a report's figures at most five years.
inline constexpr qint64 MaxSheetDays = 366;
inline constexpr qint64 MaxReportDays = 5 * 366;

/// Reads the store and builds the rotation sheets' data and the reports (hours, coverage,
/// fairness). Reads only: nothing here writes or logs.
class ReportService
{
public:
    explicit ReportService(Database &db) : m_db(db) {}

    /// The rotations a scope names: its rotations, else its team's, else every rotation in use
    /// (for a person: those they have shifts in over the period). By name.
    Result<QList<Rotation>> rotations(const ReportScope &scope) const;
    /// Everything a rotation sheet shows for the scope (at most MaxSheetDays).
    Result<Reports::SheetData> sheet(const ReportScope &scope) const;
    Result<QList<Reports::HoursRow>> hours(const ReportScope &scope, const Reports::HourRates &rates) const;
    Result<Reports::CoverageReport> coverage(const ReportScope &scope) const;
    Result<Planner::FairnessSummary> fairness(const ReportScope &scope) const;
    /// Everyone who may appear in a report, also people removed from the roster since.
    Result<QHash<PersonId, Person>> people() const;

    /// Whether the scope's period is valid and at most `maxDays` long; the error names the limit.
    static Status checkPeriod(const ReportScope &scope, qint64 maxDays);

private:
    Result<Reports::SheetData> load(const ReportScope &scope) const;

    Database &m_db;
};

} // namespace Tandem
