#pragma once

#include "domain/rotationcolors.h"

#include <QCache>
#include <QColor>
#include <QPainterPath>
#include <QPixmap>
#include <QStaticText>

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

    friend bool operator==(const Style &, const Style &) = default;
};

/// `c` mixed with white by `amount` (0: unchanged, 1: white): the one of screen and paper.
using Tandem::tint;
/// Paints the bar and returns its outline (for the selection frame). Draws every time: views
/// paint through a Painter, which keeps what this draws.
QPainterPath paint(QPainter &painter, const QRectF &rect, const Style &style);
/// The colour of the label on the bar.
QColor textColor(const Style &style);
/// The drop marker around `target`, green and solid when allowed, amber and solid with "⚠" when
/// allowed with a warning, red and dashed when refused, with its words in a bubble below (above
/// when there is no room), kept inside `bounds`.
void paintDropMarker(QPainter &painter, const QRectF &target, bool allowed, const QString &text, const QRectF &bounds,
                     bool warning = false);

/// Draws bars and their labels from caches, so that a frame costs a pixmap copy per bar and a
/// laid-out text per label instead of rasterising rounded, hatched and dotted paths and laying
/// out text each time: a pixmap per bar size, position within the pixel and style, and an
/// elided label per text, width and font (the keys hold everything the result depends on, the
/// device pixel ratio too, so nothing needs clearing). One per view; both caches are bounded.
class Painter
{
public:
    Painter();

    /// The bar of `style` in `rect`, as paint() would draw it.
    void paintBar(QPainter &painter, const QRectF &rect, const Style &style);
    /// `text` in the painter's font and pen, elided at the right to fit `rect`'s width, at its
    /// left and vertically centred. Nothing when `rect` has no width.
    void paintLabel(QPainter &painter, const QRectF &rect, const QString &text);

private:
    struct BarKey
    {
        int width = 0; ///< quarter device pixels
        int height = 0;
        int dx = 0; ///< position within the pixel, quarter pixels
        int dy = 0;
        int dpr = 0; ///< device pixel ratio × 100
        QRgb color = 0;
        int flags = 0;
        friend bool operator==(const BarKey &, const BarKey &) = default;
        friend size_t qHash(const BarKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.width, key.height, key.dx, key.dy, key.dpr, key.color, key.flags);
        }
    };
    struct LabelKey
    {
        QString text;
        int width = 0;
        QString font;
        friend bool operator==(const LabelKey &, const LabelKey &) = default;
        friend size_t qHash(const LabelKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.width, key.font);
        }
    };

    QCache<BarKey, QPixmap> m_bars;
    QCache<LabelKey, QStaticText> m_labels;
};

} // namespace Tandem::ShiftBar
