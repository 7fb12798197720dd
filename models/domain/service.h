#pragma once

#include "ids.h"

#include <QList>
#include <QString>

namespace Tandem {

struct ServiceTag;
/// A follow-the-sun service's id (kept here, beside the only type that uses it).
using ServiceId = Id<ServiceTag>;

/// What must be covered around the clock (e.g. "Payments production") and the rotations that
/// cover it in legs (a Berlin rotation by day, a New York rotation by its day). A leg is just a
/// rotation: its shifts (cut at its hour windows, if it has any) are the leg's hours. The
/// service requires every minute to be held by a pair, 24/7; its zone is the one its coverage
/// is shown and its days counted in.
struct Service
{
    ServiceId id;
    TeamId teamId;
    QString name;
    QString timeZone;
    QList<RotationId> legs; ///< in the order the lead gave them (e.g. by local start of day)

    friend bool operator==(const Service &, const Service &) = default;
};

} // namespace Tandem

Q_DECLARE_METATYPE(Tandem::ServiceId)
