#include "fairnesschart.h"

#include "pagedocument.h"
#include "reports/fairnesscsv.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem::Print {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Print::FairnessChart", text);
}

} // namespace

FairnessChart::FairnessChart(Planner::FairnessSummary summary, QHash<PersonId, Person> people)
    : m_summary(std::move(summary)), m_people(std::move(people))
{
    std::tie(m_devs, m_ops) = Reports::pairAxes(m_summary, m_people);
}

qreal FairnessChart::loadBarsHeight(const QFont &font, const QPaintDevice *device) const
{
    const QFontMetricsF fm(font, device);
    return fm.lineSpacing() * 1.5 * qreal(m_summary.people.size() + 2);
}

void FairnessChart::paintLoadBars(QPainter &painter, const QRectF &rect, const QFont &font) const
{
    const QFontMetricsF fm(font, painter.device());
    const qreal row = fm.lineSpacing() * 1.5;
    qreal nameWidth = 0;
    double maxValue = 0.1;
    for (const Planner::PersonFigures &f : m_summary.people) {
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(m_people.value(f.person).name));
        maxValue = std::max({maxValue, f.load, f.fairShare});
    }
    nameWidth = std::min(nameWidth + fm.averageCharWidth(), rect.width() * 0.35);
    const qreal valueWidth = fm.horizontalAdvance(u"00.0 / 00.0"_s) + fm.averageCharWidth();
    const qreal left = rect.left() + nameWidth;
    const qreal width = rect.width() - nameWidth - valueWidth;
    const auto x = [&](double v) { return left + width * v / (maxValue * 1.05); };
    painter.setFont(font);
    qreal y = rect.top();
    for (const Planner::PersonFigures &f : m_summary.people) {
        const QString name = fm.elidedText(m_people.value(f.person).name, Qt::ElideRight, nameWidth);
        painter.setPen(Qt::black);
        painter.drawText(QPointF(rect.left(), y + (row + fm.ascent() - fm.descent()) / 2), name);
        const QRectF bar(left, y + row * 0.2, x(f.load) - left, row * 0.6);
        // Developers and ops in two tones; the part above the fair share darker.
        const QColor base = f.role == Role::Developer ? QColor(0x8f, 0xb3, 0xde) : QColor(0xa8, 0xd5, 0xa2);
        painter.fillRect(bar, base);
        if (f.load > f.fairShare) {
            painter.fillRect(QRectF(x(f.fairShare), bar.top(), x(f.load) - x(f.fairShare), bar.height()),
                             base.darker(150));
        }
        painter.setPen(QPen(Qt::black, fm.lineWidth() * 2));
        painter.drawLine(QPointF(x(f.fairShare), y + row * 0.05), QPointF(x(f.fairShare), y + row * 0.95));
        painter.setPen(Qt::black);
        painter.drawText(
            QPointF(rect.right() - valueWidth + fm.averageCharWidth(), y + (row + fm.ascent() - fm.descent()) / 2),
            QString::number(f.load, 'f', 1) + u" / "_s + QString::number(f.fairShare, 'f', 1));
        y += row;
    }
    painter.setPen(QPen(QColor(0x66, 0x66, 0x66), 0));
    painter.drawLine(QPointF(left, rect.top()), QPointF(left, y));
    painter.setPen(Qt::black);
    PageDocument::drawText(painter, QRectF(rect.left(), y + row * 0.3, rect.width(), row * 1.5),
                           tr("Bars: weighted load (darker above the fair share); line: fair share; "
                              "numbers: load / fair share"),
                           font);
}

qreal FairnessChart::pairMatrixHeight(const QFont &font, const QPaintDevice *device) const
{
    const QFontMetricsF fm(font, device);
    return fm.lineSpacing() * (2.4 + 1.6 * qreal(m_devs.size())) + fm.lineSpacing() * 2;
}

void FairnessChart::paintPairMatrix(QPainter &painter, const QRectF &rect, const QFont &font) const
{
    const QFontMetricsF fm(font, painter.device());
    if (m_devs.isEmpty() || m_ops.isEmpty()) {
        painter.setFont(font);
        painter.drawText(QPointF(rect.left(), rect.top() + fm.ascent()), tr("No pairs yet."));
        return;
    }
    qreal nameWidth = 0;
    int most = 1;
    for (const PersonId &d : m_devs) {
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(m_people.value(d).name));
    }
    for (auto it = m_summary.pairs.cbegin(); it != m_summary.pairs.cend(); ++it) {
        most = std::max(most, it.value());
    }
    nameWidth = std::min(nameWidth + fm.averageCharWidth(), rect.width() * 0.3);
    const qreal headHeight = fm.lineSpacing() * 2.4;
    const qreal cellHeight = fm.lineSpacing() * 1.6;
    const qreal cellWidth = std::min((rect.width() - nameWidth) / qreal(m_ops.size()), fm.averageCharWidth() * 16);
    painter.setFont(font);
    for (qsizetype c = 0; c < m_ops.size(); ++c) {
        // Two lines: first name, then the rest, each elided to the column.
        const QString name = m_people.value(m_ops.at(c)).name;
        const QString first = name.section(u' ', 0, 0);
        const QString rest = name.section(u' ', 1);
        const qreal x = rect.left() + nameWidth + c * cellWidth;
        painter.setPen(Qt::black);
        painter.drawText(QPointF(x + fm.averageCharWidth() * 0.5, rect.top() + fm.ascent()),
                         fm.elidedText(first, Qt::ElideRight, cellWidth - fm.averageCharWidth()));
        painter.drawText(QPointF(x + fm.averageCharWidth() * 0.5, rect.top() + fm.lineSpacing() + fm.ascent()),
                         fm.elidedText(rest, Qt::ElideRight, cellWidth - fm.averageCharWidth()));
    }
    for (qsizetype r = 0; r < m_devs.size(); ++r) {
        const qreal y = rect.top() + headHeight + r * cellHeight;
        painter.setPen(Qt::black);
        painter.drawText(QPointF(rect.left(), y + (cellHeight + fm.ascent() - fm.descent()) / 2),
                         fm.elidedText(m_people.value(m_devs.at(r)).name, Qt::ElideRight, nameWidth));
        for (qsizetype c = 0; c < m_ops.size(); ++c) {
            const int n = m_summary.pairs.value({m_devs.at(r), m_ops.at(c)});
            const QRectF cell(rect.left() + nameWidth + c * cellWidth, y, cellWidth, cellHeight);
            // White for never, dark blue for the most frequent pair; the number is always printed,
            // so the map reads in grayscale too.
            const double share = double(n) / double(most);
            const QColor color =
                QColor::fromRgbF(float(1 - 0.85 * share), float(1 - 0.65 * share), float(1 - 0.3 * share));
            painter.fillRect(cell, color);
            painter.setPen(QPen(QColor(0xaa, 0xaa, 0xaa), 0));
            painter.drawRect(cell);
            painter.setPen(share > 0.55 ? Qt::white : Qt::black);
            const QString text = n == 0 ? u"·"_s : QString::number(n);
            painter.drawText(QPointF(cell.center().x() - fm.horizontalAdvance(text) / 2,
                                     cell.top() + (cellHeight + fm.ascent() - fm.descent()) / 2),
                             text);
        }
    }
    painter.setPen(Qt::black);
    PageDocument::drawText(
        painter,
        QRectF(rect.left(), rect.top() + headHeight + m_devs.size() * cellHeight + fm.lineSpacing() * 0.4, rect.width(),
               fm.lineSpacing() * 1.6),
        tr("Rows: developers; columns: ops engineers; number: shifts together (darker: more often)"), font);
}

} // namespace Tandem::Print
