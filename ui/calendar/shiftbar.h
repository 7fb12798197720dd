#pragma once

#include <QColor>
#include <QPainterPath>

class QPainter;

namespace Tandem::ShiftBar {

/// How a shift's bar looks; the month grid and the timeline draw bars the same way, so a
/// problem reads the same in both (and in grayscale: patterns, not only colours).
struct Style
{
    QColor color;             ///< the rotation's colour
    bool gap = false;         ///< an empty seat: pale fill, dashed outline
    bool hardRule = false;    ///< a broken hard rule: hatched
    bool softRule = false;    ///< a soft rule: dotted outline
    bool dimmed = false;      ///< someone else is highlighted
    bool highlighted = false; ///< the highlighted person's shift: bold outline
};

/// `c` mixed with white by `amount` (0: unchanged, 1: white).
QColor tint(const QColor &c, qreal amount);
/// Paints the bar and returns its outline (for the selection frame).
QPainterPath paint(QPainter &painter, const QRectF &rect, const Style &style);
/// The colour of the label on the bar.
QColor textColor(const Style &style);
/// The drop marker around `target`, green and solid when allowed, amber and solid with "⚠" when
/// allowed with a warning, red and dashed when refused, with its words in a bubble below (above
/// when there is no room), kept inside `bounds`.
void paintDropMarker(QPainter &painter, const QRectF &target, bool allowed, const QString &text, const QRectF &bounds,
                     bool warning = false);

} // namespace Tandem::ShiftBar
