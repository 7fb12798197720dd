#pragma once

#include <QLocale>
#include <QString>

namespace Tandem {

struct Rotation;

/// A rotation's shape in words, one wording for the command line (`rotation show`, `rotation
/// list`) and the printed sheet: "weekly, handoff Monday 09:00 Europe/Berlin, every day". The
/// handoff weekday only matters for lengths of whole weeks; shorter shifts hand off at the time
/// every day. Day names in `locale` (QLocale::c() for English whatever the system says).
QString rotationShapeWords(const Rotation &rotation, const QLocale &locale = QLocale());
/// "weekly", "every 2 weeks", "daily", "every 3 days", "every 12 hours", "every 90 minutes".
QString shiftLengthWords(int minutes);
/// "every day", "Monday to Friday", "Monday, Wednesday, Friday".
QString activeDaysWords(int activeDays, const QLocale &locale = QLocale());

} // namespace Tandem
