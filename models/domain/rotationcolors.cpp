#include "rotationcolors.h"

#include "rotation.h"

namespace Tandem {

const QList<QColor> &RotationColors::palette()
{
    static const QList<QColor> colors{QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
                                      QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00),
                                      QColor(0xf0, 0xe4, 0x42), QColor(0x6b, 0x6b, 0x6b)};
    return colors;
}

QColor RotationColors::of(const Rotation &rotation, int index)
{
    const QColor color = QColor::fromString(rotation.color);
    const QList<QColor> &colors = palette();
    return color.isValid() ? color : colors.at(index % colors.size());
}

QColor tint(const QColor &c, qreal amount)
{
    return QColor::fromRgbF(float(c.redF() + (1 - c.redF()) * amount), float(c.greenF() + (1 - c.greenF()) * amount),
                            float(c.blueF() + (1 - c.blueF()) * amount));
}

} // namespace Tandem
