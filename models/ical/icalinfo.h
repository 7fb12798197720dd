#pragma once

#include <QString>

namespace Tandem {

/// The version of the KCalendarCore Tandem was built with, for the About box.
QString kcalendarcoreVersion();

} // namespace Tandem
