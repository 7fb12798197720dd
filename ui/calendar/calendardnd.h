#pragma once

#include "domain/shift.h"

#include <QMimeData>
#include <QString>

#include <functional>

namespace Tandem {

/// What the calendar views drag, and how they ask whether a drop is allowed.
namespace CalendarDnd {

/// A shift id (text) being dragged from a view.
inline QString shiftMime()
{
    return QStringLiteral("application/x-tandem-shift");
}
/// A person id (text) being dragged from the roster dock.
inline QString personMime()
{
    return QStringLiteral("application/x-tandem-person");
}

/// Whether a drop would be allowed, and the words for the status line (the effect when allowed,
/// the reason when refused). `warning`: allowed, but a soft rule would break (someone would carry
/// more than their fair share); the words say so before the drop.
struct Feedback
{
    bool allowed = false;
    QString text;
    bool warning = false;
};

/// Asked while a drag hovers over `target`'s `seat`.
using DropCheck = std::function<Feedback(const QMimeData *data, ShiftId target, Seat seat, Qt::KeyboardModifiers)>;

} // namespace CalendarDnd

} // namespace Tandem
