#pragma once

#include <QColor>
#include <QList>

namespace Tandem {

struct Rotation;

/// The colours of rotations, the same on screen (calendar bars, the rotation dialog's swatches)
/// and on paper (the printed sheet).
namespace RotationColors {

/// Okabe and Ito's palette, which colour-blind eyes tell apart, in an order whose neighbours
/// also differ in lightness, so that the first rotations stay apart in grayscale. Light ones
/// take dark text (ShiftBar::textColor).
const QList<QColor> &palette();
/// The rotation's colour: its own, else the palette's at its position `index`.
QColor of(const Rotation &rotation, int index);

} // namespace RotationColors

/// `c` mixed with white by `amount` (0: unchanged, 1: white).
QColor tint(const QColor &c, qreal amount);

} // namespace Tandem
