#pragma once

#include "domain/person.h"
#include "planner/planner.h"

#include <QByteArray>
#include <QHash>

namespace Tandem::Reports {

/// The fairness report as CSV, one row per person (header in the README):
/// email,name,role,pool,shifts,load,fair_share,deviation,weekends,holidays,nights,partners.
QByteArray fairnessCsv(const Planner::FairnessSummary &summary, const QHash<PersonId, Person> &people);

/// The dev x ops pair matrix as CSV: first row "dev \ ops" and the ops e-mails, then one row
/// per developer with the shifts each pair worked together.
QByteArray pairMatrixCsv(const Planner::FairnessSummary &summary, const QHash<PersonId, Person> &people);

/// Developers and ops engineers who appear in the pair matrix, each ordered by name.
std::pair<QList<PersonId>, QList<PersonId>> pairAxes(const Planner::FairnessSummary &summary,
                                                     const QHash<PersonId, Person> &people);

} // namespace Tandem::Reports
