#pragma once

#include "domain/result.h"
#include "pagedocument.h"
#include "planner/planner.h"
#include "reports/coveragereport.h"
#include "reports/hoursreport.h"

class QPagedPaintDevice;

namespace Tandem::Print {

/// The reports as printed pages (tables, and fairness as pictures), on any paged device.
namespace ReportRenderer {

/// Per person figures, per pool spread, load bars against fair share and the pair heat map.
void layoutFairness(PageDocument &doc, const Planner::FairnessSummary &summary, const QHash<PersonId, Person> &people);
/// On-call hours per person and month with the rates and amounts.
void layoutHours(PageDocument &doc, const QList<Reports::HoursRow> &rows, const Reports::HourRates &rates);
/// Coverage per rotation, the gaps, and who changed which shift when.
void layoutCoverage(PageDocument &doc, const Reports::CoverageReport &report);

/// Lays out with `layout` and writes a PDF. Returns the page count.
Result<int> writePdf(const QString &path, const PageHeader &header, Paper paper, bool landscape,
                     const std::function<void(PageDocument &)> &layout);
/// Lays out with `layout` and paints on a device already set up (a printer). Returns the page count.
Result<int> render(QPagedPaintDevice &device, const PageHeader &header,
                   const std::function<void(PageDocument &)> &layout);

} // namespace ReportRenderer

} // namespace Tandem::Print
