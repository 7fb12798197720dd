#include "icalinfo.h"

#include <kcalendarcore_version.h>

namespace Tandem {

QString kcalendarcoreVersion()
{
    return QStringLiteral(KCALENDARCORE_VERSION_STRING);
}

} // namespace Tandem
