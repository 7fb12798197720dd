#pragma once

#include "domain/result.h"
#include "pagedocument.h"
#include "reports/sheetdata.h"

#include <QColor>

class QPagedPaintDevice;
class QPainter;

namespace Tandem::Print {

enum class SheetLayout {
    Month,  ///< a calendar grid per month, each day with its pairs
    List,   ///< one row per shift with phones, escalation, bridge and a notes column
    Person, ///< one person's shifts with partners and contacts
};

struct SheetOptions
{
    SheetLayout layout = SheetLayout::List;
    /// Grays instead of colours; rotations stay apart by their pattern.
    bool grayscale = false;
};

/// Paints rotation sheets onto any paged device: a QPdfWriter for PDF (text stays text), a
/// QPrinter for print and print preview. Needs fonts (a QGuiApplication, offscreen is enough),
/// never a screen or widgets.
class SheetRenderer
{
public:
    SheetRenderer(Reports::SheetData data, SheetOptions options);

    /// Lays the sheet out on the device's page (set it up first, see setUpPage()) and paints it.
    /// Returns the number of pages.
    Result<int> render(QPagedPaintDevice &device) const;
    /// Writes the sheet as a PDF file.
    Result<int> writePdf(const QString &path, Paper paper, bool landscape) const;

    static QString layoutName(SheetLayout layout); ///< translated
    /// The header every page of a sheet or report repeats.
    static PageHeader header(const Reports::SheetData &data, const QString &subtitle);

    /// The colour of the rotation at `index` (its own colour when it has one).
    static QColor rotationColor(const Rotation &rotation, int index, bool grayscale);
    /// Fills `rect` with the pattern of the rotation at `index` (hatching drawn as lines, so it
    /// keeps its size on any device and survives a grayscale printer).
    static void paintPattern(QPainter &painter, const QRectF &rect, int index, const QColor &color, qreal unit);

private:
    void layoutMonth(PageDocument &doc) const;
    void layoutList(PageDocument &doc) const;
    void layoutPerson(PageDocument &doc) const;

    Reports::SheetData m_data;
    SheetOptions m_options;
};

} // namespace Tandem::Print
