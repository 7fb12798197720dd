#include "pagedocument.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace Tandem::Print {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Print::PageDocument", text);
}

QTextOption wrapping()
{
    QTextOption option;
    // Names and links wrap at spaces; a word longer than the column (a URL) breaks anywhere
    // rather than running over the next column.
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

// Lines of one paragraph (no '\n') wrapped into `width`.
int wrappedLines(const QString &line, const QFont &font, const QFontMetricsF &fm, QPaintDevice *device, qreal width)
{
    if (line.isEmpty() || fm.horizontalAdvance(line) <= width) {
        return 1;
    }
    QTextLayout layout(line, font, device);
    layout.setTextOption(wrapping());
    layout.beginLayout();
    int count = 0;
    for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
        l.setLineWidth(width);
        ++count;
    }
    layout.endLayout();
    return std::max(count, 1);
}

struct CellMetrics
{
    QFont regular;
    QFont bold;
    QFontMetricsF regularMetrics;
    QFontMetricsF boldMetrics;
};

qreal cellHeight(const QString &cell, bool boldFirst, bool elide, const CellMetrics &m, QPaintDevice *device,
                 qreal width)
{
    const QStringList lines = cell.split(u'\n');
    qreal height = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const bool bold = boldFirst && i == 0;
        const QFontMetricsF &fm = bold ? m.boldMetrics : m.regularMetrics;
        const int n = elide ? 1 : wrappedLines(lines.at(i), bold ? m.bold : m.regular, fm, device, width);
        height += n * fm.lineSpacing();
    }
    return height;
}

void drawCell(QPainter &painter, const QRectF &rect, const QString &cell, bool boldFirst, bool elide,
              const QFont &regular, const QFont &bold, Qt::Alignment alignment)
{
    const QStringList lines = cell.split(u'\n');
    qreal y = rect.top();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QFont &font = boldFirst && i == 0 ? bold : regular;
        const QFontMetricsF fm(font, painter.device());
        QString line = lines.at(i);
        if (elide) {
            line = fm.elidedText(line, Qt::ElideRight, rect.width());
        }
        const QRectF lineRect(rect.left(), y, rect.width(), rect.bottom() - y);
        PageDocument::drawText(painter, lineRect, line, font, alignment);
        const int n = elide ? 1 : wrappedLines(line, font, fm, painter.device(), rect.width());
        y += n * fm.lineSpacing();
    }
}

} // namespace

void setUpPage(QPagedPaintDevice &device, Paper paper, bool landscape)
{
    const QPageLayout layout(QPageSize(paper == Paper::A4 ? QPageSize::A4 : QPageSize::Letter),
                             landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(12, 12, 12, 12),
                             QPageLayout::Millimeter);
    device.setPageLayout(layout);
}

PageDocument::PageDocument(QPagedPaintDevice &device, PageHeader header)
    : m_device(device), m_header(std::move(header)), m_family(u"DejaVu Sans"_s)
{
    m_page = QRectF(0, 0, m_device.width(), m_device.height());
    const QFontMetricsF title(font(14, true), &m_device);
    const QFontMetricsF small(font(8.5), &m_device);
    const qreal headerHeight = title.lineSpacing() + small.lineSpacing() + mm(3);
    const qreal footerHeight = small.lineSpacing() + mm(2);
    m_body = QRectF(m_page.left(), m_page.top() + headerHeight, m_page.width(),
                    m_page.height() - headerHeight - footerHeight);
    newPage();
}

qreal PageDocument::mm(qreal millimetres) const
{
    return millimetres * m_device.logicalDpiY() / 25.4;
}

QFont PageDocument::font(qreal pointSize, bool bold) const
{
    QFont f(m_family);
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // Metrics must not depend on the screen's hinting: the page is measured and painted alike.
    f.setHintingPreference(QFont::PreferNoHinting);
    // Letter spacing, however small, turns ligatures off in Qt's shaper: "fi" stays two letters,
    // so text copied or searched in the PDF reads as written (QFont::setFeature is Qt 6.7).
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return f;
}

bool PageDocument::pageIsEmpty() const
{
    return m_pages.isEmpty() || m_pages.last().isEmpty();
}

void PageDocument::newPage()
{
    m_pages.append(QList<Item>());
    m_y = m_body.top();
}

void PageDocument::addSpacing(qreal height)
{
    if (!pageIsEmpty()) {
        m_y = std::min(m_y + height, m_body.bottom());
    }
}

void PageDocument::place(qreal height, Painter paint)
{
    m_pages.last().append(Item{QRectF(m_body.left(), m_y, m_body.width(), height), std::move(paint)});
    m_y += height;
}

void PageDocument::addBlock(qreal height, Painter paint)
{
    if (height > remaining() && !pageIsEmpty()) {
        newPage();
    }
    place(height, std::move(paint));
}

void PageDocument::addHeading(const QString &text)
{
    const QFont f = font(11, true);
    const qreal height = textHeight(text, f, m_body.width()) + mm(1.5);
    // A heading never ends a page: keep room for a few lines after it.
    if (height + mm(20) > remaining() && !pageIsEmpty()) {
        newPage();
    }
    place(height, [text, f](QPainter &p, const QRectF &r) { drawText(p, r, text, f); });
}

void PageDocument::addParagraph(const QString &text, qreal pointSize)
{
    const QFont f = font(pointSize);
    addBlock(textHeight(text, f, m_body.width()) + mm(1),
             [text, f](QPainter &p, const QRectF &r) { drawText(p, r, text, f); });
}

qreal PageDocument::textHeight(const QString &text, const QFont &font, qreal width) const
{
    const QFontMetricsF fm(font, &m_device);
    qreal height = 0;
    for (const QString &line : text.split(u'\n')) {
        height += wrappedLines(line, font, fm, &m_device, width) * fm.lineSpacing();
    }
    return height;
}

void PageDocument::drawText(QPainter &painter, const QRectF &rect, const QString &text, const QFont &font,
                            Qt::Alignment alignment)
{
    const QFontMetricsF fm(font, painter.device());
    painter.setFont(font);
    qreal y = rect.top();
    for (const QString &line : text.split(u'\n')) {
        const qreal advance = fm.horizontalAdvance(line);
        if (advance <= rect.width()) {
            qreal x = rect.left();
            if (alignment & Qt::AlignRight) {
                x = rect.right() - advance;
            } else if (alignment & Qt::AlignHCenter) {
                x = rect.left() + (rect.width() - advance) / 2;
            }
            painter.drawText(QPointF(x, y + fm.ascent()), line);
            y += fm.lineSpacing();
            continue;
        }
        QTextLayout layout(line, font, painter.device());
        layout.setTextOption(wrapping());
        layout.beginLayout();
        qreal ly = 0;
        for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
            l.setLineWidth(rect.width());
            l.setPosition(QPointF(0, ly));
            ly += fm.lineSpacing();
        }
        layout.endLayout();
        layout.draw(&painter, QPointF(rect.left(), y));
        y += ly;
    }
}

void PageDocument::addTable(const Table &table)
{
    const qreal pad = mm(1.2);
    qreal totalWeight = 0;
    for (const TableColumn &c : table.columns) {
        totalWeight += c.weight;
    }
    QList<qreal> widths;
    for (const TableColumn &c : table.columns) {
        widths.append(m_body.width() * c.weight / totalWeight);
    }
    // A column is at least as wide as its longest word (a surname, a phone number: its spaces
    // do not break), so words break mid-way only when the page has no room at all; the width
    // comes from columns with room to spare, such as the notes.
    {
        const QFontMetricsF regular(font(table.pointSize), &m_device);
        const QFontMetricsF bold(font(table.pointSize, true), &m_device);
        QList<qreal> needed(widths.size(), 0);
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            if (table.columns.at(c).elide) {
                continue;
            }
            const bool boldFirst = table.boldFirstLine.contains(int(c));
            for (const QStringList &row : table.rows) {
                const QStringList lines = row.value(c).split(u'\n');
                for (qsizetype l = 0; l < lines.size(); ++l) {
                    const QFontMetricsF &fm = boldFirst && l == 0 ? bold : regular;
                    for (const QString &word : lines.at(l).split(u' ', Qt::SkipEmptyParts)) {
                        needed[c] = std::max(needed[c], fm.horizontalAdvance(word) + 2 * pad + 1);
                    }
                }
            }
        }
        qreal deficit = 0;
        qreal slack = 0;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            deficit += std::max<qreal>(0, needed[c] - widths[c]);
            slack += std::max<qreal>(0, widths[c] - std::max(needed[c], mm(12)));
        }
        if (deficit > 0 && slack > 0) {
            const qreal share = std::min<qreal>(1, deficit / slack);
            for (qsizetype c = 0; c < widths.size(); ++c) {
                if (needed[c] > widths[c]) {
                    widths[c] = widths[c] + (needed[c] - widths[c]) * std::min<qreal>(1, slack / deficit);
                } else {
                    widths[c] -= std::max<qreal>(0, widths[c] - std::max(needed[c], mm(12))) * share;
                }
            }
        }
    }
    const CellMetrics metrics{font(table.pointSize), font(table.pointSize, true),
                              QFontMetricsF(font(table.pointSize), &m_device),
                              QFontMetricsF(font(table.pointSize, true), &m_device)};
    const QFont headerFont = font(table.pointSize, true);

    qreal headerHeight = 0;
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        headerHeight =
            std::max(headerHeight, textHeight(table.columns.at(c).title, headerFont, widths.at(c) - 2 * pad));
    }
    headerHeight += 2 * pad;

    const auto columns = table.columns;
    const auto paintHeader = [columns, widths, headerFont, pad](QPainter &p, const QRectF &r) {
        p.fillRect(r, QColor(0xe6, 0xe6, 0xe6));
        qreal x = r.left();
        for (qsizetype c = 0; c < columns.size(); ++c) {
            drawText(p, QRectF(x + pad, r.top() + pad, widths.at(c) - 2 * pad, r.height() - 2 * pad),
                     columns.at(c).title, headerFont, columns.at(c).alignment);
            x += widths.at(c);
        }
        p.setPen(QPen(Qt::black, 0));
        p.drawLine(r.bottomLeft(), r.bottomRight());
    };

    bool headerOnPage = false;
    const auto startPage = [&]() {
        place(headerHeight, paintHeader);
        headerOnPage = true;
    };

    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const QStringList cells = table.rows.at(i);
        qreal height = 0;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const bool boldFirst = table.boldFirstLine.contains(int(c));
            height = std::max(height, cellHeight(cells.value(c), boldFirst, columns.at(c).elide, metrics, &m_device,
                                                 widths.at(c) - 2 * pad));
        }
        height = std::max(height + 2 * pad, mm(table.minRowHeightMm));
        if (!headerOnPage || height > remaining()) {
            if (headerHeight + height > remaining() && !pageIsEmpty()) {
                newPage();
            }
            startPage();
        }
        const QColor background = table.rowBackground.value(i);
        const QList<int> bold = table.boldFirstLine;
        const QFont regular = metrics.regular;
        const QFont boldFont = metrics.bold;
        place(height, [=](QPainter &p, const QRectF &r) {
            if (background.isValid()) {
                p.fillRect(r, background);
            }
            qreal x = r.left();
            p.setPen(QPen(QColor(0x99, 0x99, 0x99), 0));
            for (qsizetype c = 0; c < columns.size(); ++c) {
                if (c > 0) {
                    p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
                }
                x += widths.at(c);
            }
            p.drawLine(r.bottomLeft(), r.bottomRight());
            p.setPen(Qt::black);
            x = r.left();
            for (qsizetype c = 0; c < columns.size(); ++c) {
                drawCell(p, QRectF(x + pad, r.top() + pad, widths.at(c) - 2 * pad, r.height() - 2 * pad),
                         cells.value(c), bold.contains(int(c)), columns.at(c).elide, regular, boldFont,
                         columns.at(c).alignment);
                x += widths.at(c);
            }
        });
    }
    if (table.rows.isEmpty()) {
        if (headerHeight > remaining()) {
            newPage();
        }
        startPage();
    }
}

void PageDocument::paintHeader(QPainter &painter, int page) const
{
    const QFont titleFont = font(14, true);
    const QFont smallFont = font(8.5);
    const QFontMetricsF title(titleFont, painter.device());
    const QFontMetricsF small(smallFont, painter.device());
    painter.setPen(Qt::black);
    // Title left, "valid as of" right; subtitle and period below. The title is elided only if
    // it would run into the date (a list of many teams).
    const qreal validWidth = small.horizontalAdvance(m_header.validAsOf);
    painter.setFont(titleFont);
    painter.drawText(QPointF(m_page.left(), m_page.top() + title.ascent()),
                     title.elidedText(m_header.title, Qt::ElideRight, m_page.width() - validWidth - mm(5)));
    painter.setFont(smallFont);
    painter.drawText(QPointF(m_page.right() - validWidth, m_page.top() + title.ascent()), m_header.validAsOf);
    const QString line = m_header.period.isEmpty() ? m_header.subtitle : m_header.subtitle + u" · "_s + m_header.period;
    painter.drawText(QPointF(m_page.left(), m_page.top() + title.lineSpacing() + small.ascent()), line);
    const qreal ruleY = m_body.top() - mm(1.5);
    painter.setPen(QPen(Qt::black, mm(0.3)));
    painter.drawLine(QPointF(m_page.left(), ruleY), QPointF(m_page.right(), ruleY));

    const QString pageText = tr("Page %1 of %2").arg(page + 1).arg(m_pages.size());
    const qreal footerY = m_page.bottom() - small.descent();
    painter.setPen(Qt::black);
    painter.drawText(QPointF(m_page.right() - small.horizontalAdvance(pageText), footerY), pageText);
    painter.drawText(QPointF(m_page.left(), footerY), tr("Tandem"));
}

bool PageDocument::render()
{
    QPainter painter;
    if (!painter.begin(&m_device)) {
        return false;
    }
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        if (i > 0) {
            m_device.newPage();
        }
        paintHeader(painter, int(i));
        for (const Item &item : m_pages.at(i)) {
            painter.save();
            item.paint(painter, item.rect);
            painter.restore();
        }
    }
    return painter.end();
}

} // namespace Tandem::Print
