#pragma once

#include "domain/person.h"
#include "planner/planner.h"

#include <QFont>
#include <QHash>

class QPainter;

namespace Tandem::Print {

/// Fairness as pictures, painted with plain QPainter so the same code draws in the app and in
/// a PDF: weighted load per person as bars against their fair share, and the dev x ops pair
/// matrix as a heat map.
class FairnessChart
{
public:
    FairnessChart(Planner::FairnessSummary summary, QHash<PersonId, Person> people);

    /// Height the bars need with `font` on `device` (one row per person, a scale below).
    qreal loadBarsHeight(const QFont &font, const QPaintDevice *device) const;
    void paintLoadBars(QPainter &painter, const QRectF &rect, const QFont &font) const;

    qreal pairMatrixHeight(const QFont &font, const QPaintDevice *device) const;
    void paintPairMatrix(QPainter &painter, const QRectF &rect, const QFont &font) const;

private:
    Planner::FairnessSummary m_summary;
    QHash<PersonId, Person> m_people;
    QList<PersonId> m_devs;
    QList<PersonId> m_ops;
};

} // namespace Tandem::Print
