#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>

class QPagedPaintDevice;
class QPainter;

namespace Tandem::Print {

/// Paper sizes the sheets are laid out for.
enum class Paper { A4, Letter };

/// Sets paper, orientation and the sheet margins (12 mm) on a PDF writer or printer.
void setUpPage(QPagedPaintDevice &device, Paper paper, bool landscape);

/// What every page repeats at its top.
struct PageHeader
{
    QString title;     ///< the team(s) or the person
    QString subtitle;  ///< "Rotation sheet: list", "On-call hours"
    QString period;    ///< "1 Mar 2026 – 31 May 2026"
    QString validAsOf; ///< "Valid as of 2026-03-18 13:00 (UTC+01:00)"
};

/// A column of a table: its share of the width, and whether long text wraps (lists) or is
/// elided (grids).
struct TableColumn
{
    QString title;
    qreal weight = 1;
    bool elide = false;
    Qt::Alignment alignment = Qt::AlignLeft;
};

/// A table that may run over pages; its header row repeats on every page it touches.
struct Table
{
    QList<TableColumn> columns;
    QList<QStringList> rows; ///< a cell may hold several lines separated by '\n'
    qreal pointSize = 8;
    qreal minRowHeightMm = 0;    ///< room to write by hand (the notes column)
    QList<int> boldFirstLine;    ///< columns whose first line is bold (names above phones)
    QList<QColor> rowBackground; ///< per row, invalid for none
};

/// Lays content out onto the pages of a paged device, top to bottom, then paints it with the
/// header and "Page n of m" on each page. Layout measures with the device's own font metrics,
/// so what is measured is what is printed: no text is cut off. Text stays text (selectable
/// in a PDF).
class PageDocument
{
public:
    using Painter = std::function<void(QPainter &, const QRectF &)>;

    PageDocument(QPagedPaintDevice &device, PageHeader header);

    qreal mm(qreal millimetres) const;
    QFont font(qreal pointSize, bool bold = false) const;
    /// The content area of a page (below the header, above the footer).
    QRectF body() const { return m_body; }
    qreal remaining() const { return m_body.bottom() - m_y; }
    bool pageIsEmpty() const;

    void newPage();
    void addSpacing(qreal height);
    /// A block of fixed height; starts a new page first when it does not fit on this one.
    void addBlock(qreal height, Painter paint);
    void addHeading(const QString &text);
    void addParagraph(const QString &text, qreal pointSize = 9);
    void addTable(const Table &table);

    int pageCount() const { return int(m_pages.size()); }
    /// Paints every page. False when the device cannot be painted on.
    bool render();

    /// Height of `text` wrapped into `width` (at word boundaries, or anywhere in a word longer
    /// than the width) with `font`, measured on the device.
    qreal textHeight(const QString &text, const QFont &font, qreal width) const;
    /// Draws `text` wrapped as textHeight() measured it.
    static void drawText(QPainter &painter, const QRectF &rect, const QString &text, const QFont &font,
                         Qt::Alignment alignment = Qt::AlignLeft);

private:
    struct Item
    {
        QRectF rect;
        Painter paint;
    };
    void place(qreal height, Painter paint);
    void paintHeader(QPainter &painter, int page) const;

    QPagedPaintDevice &m_device;
    PageHeader m_header;
    QString m_family;
    QRectF m_page;
    QRectF m_body;
    qreal m_y = 0;
    QList<QList<Item>> m_pages;
};

} // namespace Tandem::Print
