#pragma once

#include <QString>

namespace Tandem {

/// The IANA name Tandem stores for `zone`: the name itself when it is a current one (the
/// zone.tab names Qt offers, and UTC), else the zone the system's tz database links the old
/// name to: Asia/Calcutta is stored as Asia/Kolkata, US/Eastern as America/New_York,
/// Europe/Kiev as Europe/Kyiv. Surrounding spaces do not count. Empty when the tz database
/// does not know the name.
///
/// HR systems and old exports still use IANA's backward-compatible names, and Qt resolves
/// them (the file exists) but does not list them; the links come from the tz database's own
/// tzdata.zi ("L TARGET NAME"), else from the symbolic link in the zoneinfo folder.
QString canonicalTimeZone(const QString &zone);

} // namespace Tandem
