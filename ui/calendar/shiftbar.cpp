#include "shiftbar.h"

#include <QFontMetrics>
#include <QPaintDevice>
#include <QPainter>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace Tandem::ShiftBar {

QPainterPath paint(QPainter &p, const QRectF &rect, const Style &style)
{
    const QColor color = style.dimmed ? tint(style.color, 0.6) : style.color;
    QPainterPath path;
    path.addRoundedRect(rect, 4, 4);
    p.fillPath(path, style.gap ? tint(color, 0.82) : color);
    if (style.hardRule) {
        // Hatched: reads in grayscale and for colour-blind users.
        p.fillPath(path, QBrush(style.gap ? color : QColor(255, 255, 255, 150), Qt::BDiagPattern));
    }
    p.setBrush(Qt::NoBrush);
    if (style.gap) {
        p.setPen(QPen(color.darker(130), 1.5, Qt::DashLine));
        p.drawPath(path);
    }
    if (style.softRule) {
        p.setPen(QPen(QColor(0x20, 0x20, 0x20), 1.5, Qt::DotLine));
        p.drawPath(path);
    }
    if (style.highlighted) {
        p.setPen(QPen(QColor(0x10, 0x10, 0x10), 2));
        p.drawPath(path);
    }
    return path;
}

QColor textColor(const Style &style)
{
    if (style.gap || style.dimmed) {
        return QColor(0x20, 0x20, 0x20);
    }
    // Whichever of white and near-black contrasts more with the fill (WCAG relative luminance):
    // white on the dark blue, black on orange, yellow or sky blue.
    auto linear = [](float c) { return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); };
    const QColor c = style.color.toRgb();
    const float luminance = 0.2126f * linear(c.redF()) + 0.7152f * linear(c.greenF()) + 0.0722f * linear(c.blueF());
    return luminance > 0.179f ? QColor(0x10, 0x10, 0x10) : QColor(Qt::white);
}

void paintDropMarker(QPainter &p, const QRectF &target, bool allowed, const QString &text, const QRectF &bounds,
                     bool warning)
{
    const QColor c = !allowed  ? QColor(0xb0, 0x00, 0x20)
                     : warning ? QColor(0x9a, 0x5b, 0x00)
                               : QColor(0x1b, 0x7f, 0x3b);
    p.setPen(QPen(c, 2.5, allowed ? Qt::SolidLine : Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(target.adjusted(-2, -2, 2, 2), 5, 5);
    if (text.isEmpty()) {
        return;
    }
    const QString words = (!allowed ? u"✗ "_s : warning ? u"⚠ "_s : u"✓ "_s) + text;
    const QFontMetrics fm = p.fontMetrics();
    const qreal w = std::min(bounds.width() - 8, qreal(fm.horizontalAdvance(words) + 16));
    QRectF bubble(std::max(target.left(), bounds.left()), target.bottom() + 6, w, fm.height() + 8);
    if (bubble.right() > bounds.right() - 4) {
        bubble.moveRight(bounds.right() - 4);
    }
    if (bubble.bottom() > bounds.bottom() - 2) {
        bubble.moveBottom(target.top() - 6);
    }
    p.setPen(c);
    p.setBrush(QColor(255, 255, 255, 240));
    p.drawRoundedRect(bubble, 4, 4);
    p.drawText(bubble.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(words, Qt::ElideRight, int(bubble.width() - 16)));
}

namespace {

// Outlines reach past the rect: a 2 px pen centred on the edge, plus antialiasing.
constexpr int Margin = 2;
// Wider bars (a week at a day's zoom) are drawn directly: few of them fit on a screen.
constexpr qreal MaxCachedWidth = 2048;

int quarters(qreal value)
{
    return int(std::lround(value * 4));
}

} // namespace

Painter::Painter()
{
    // Cost: pixels for bars (about 16 MB of them), entries for labels.
    m_bars.setMaxCost(4 * 1024 * 1024);
    m_labels.setMaxCost(20000);
}

void Painter::paintBar(QPainter &p, const QRectF &rect, const Style &style)
{
    const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    if (rect.isEmpty() || rect.width() * dpr > MaxCachedWidth || p.worldTransform().type() > QTransform::TxTranslate) {
        paint(p, rect, style);
        return;
    }
    // The pixmap starts at the whole pixel before the bar; where the bar sits within that pixel
    // (a quarter pixel is close enough) is part of the key, so bars look as if drawn in place.
    const QPointF origin(std::floor(rect.left()), std::floor(rect.top()));
    BarKey key;
    key.width = quarters(rect.width());
    key.height = quarters(rect.height());
    key.dx = quarters(rect.left() - origin.x());
    key.dy = quarters(rect.top() - origin.y());
    key.dpr = int(std::lround(dpr * 100));
    key.color = style.color.rgba();
    key.flags = int(style.gap) | int(style.hardRule) << 1 | int(style.softRule) << 2 | int(style.dimmed) << 3 |
                int(style.highlighted) << 4;
    QPixmap *pixmap = m_bars.object(key);
    if (!pixmap) {
        const QRectF local(Margin + key.dx / 4.0, Margin + key.dy / 4.0, key.width / 4.0, key.height / 4.0);
        const QSize size(int(std::ceil(local.right())) + Margin, int(std::ceil(local.bottom())) + Margin);
        auto image = std::make_unique<QPixmap>(size * dpr);
        image->setDevicePixelRatio(dpr);
        image->fill(Qt::transparent);
        {
            QPainter painter(image.get());
            painter.setRenderHints(p.renderHints());
            paint(painter, local, style);
        }
        pixmap = image.get();
        const qsizetype cost = qsizetype(image->width()) * image->height();
        if (!m_bars.insert(key, image.release(), cost)) {
            paint(p, rect, style); // larger than the whole cache: the cache has deleted it
            return;
        }
    }
    p.drawPixmap(origin - QPointF(Margin, Margin), *pixmap);
}

void Painter::paintLabel(QPainter &p, const QRectF &rect, const QString &text)
{
    const int width = int(rect.width());
    if (width <= 0 || text.isEmpty()) {
        return;
    }
    const LabelKey key{text, width, p.font().key()};
    QStaticText *label = m_labels.object(key);
    if (!label) {
        auto laidOut = std::make_unique<QStaticText>(p.fontMetrics().elidedText(text, Qt::ElideRight, width));
        laidOut->setTextFormat(Qt::PlainText);
        laidOut->prepare(QTransform(), p.font());
        label = laidOut.get();
        m_labels.insert(key, laidOut.release());
    }
    p.drawStaticText(QPointF(rect.left(), rect.center().y() - label->size().height() / 2), *label);
}

} // namespace Tandem::ShiftBar
