#pragma once

#include "ids.h"

#include <QString>

namespace Tandem {

/// A team: people who share rotations, with the time zone its rotations default to.
struct Team
{
    TeamId id;
    QString name;
    QString timeZone; ///< IANA id, e.g. "Europe/Berlin"

    friend bool operator==(const Team &, const Team &) = default;
};

} // namespace Tandem
