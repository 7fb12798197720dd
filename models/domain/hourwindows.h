#pragma once

#include "result.h"
#include "rotation.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Tandem {

// The hours a rotation runs (Rotation::windows), as text and checked. One text form for the
// store, the JSON of the change log and of the server, and the command line:
//
//     Mon-Fri 09:00-17:00; Sat-Sun 00:00-24:00; Mon,Wed 18:00-09:00
//
// entries separated by ';', each a list of days (English three-letter names, ranges with '-',
// lists with ',', a range may wrap: Fri-Mon) and a wall-clock span; an end at or before the
// start crosses midnight (the window belongs to the day it starts on); 24:00 ends at midnight.
// The empty text is "all the time". Cutting shifts at the windows' edges is in
// planner/windowcut.h.

/// The windows of `text`, sorted by weekday and start; an Error that names the entry at fault.
/// Does not check overlaps (windowProblems does).
Result<QList<DailyWindow>> parseWindows(const QString &text);
/// The canonical text of `windows`: days with the same span grouped into ranges
/// ("Mon-Fri 09:00-17:00"); "" for none.
QString windowsText(const QList<DailyWindow> &windows);
/// What is wrong with `windows`, one sentence per problem naming the window: a weekday outside
/// 1-7, an invalid start, no length, longer than a day, two windows that overlap.
QStringList windowProblems(const QList<DailyWindow> &windows);
/// "Mon 09:00-17:00": one window in the text form.
QString windowText(const DailyWindow &window);
/// The usual shapes, for the dialog's and the command line's presets.
enum class WindowPreset {
    BusinessHours, ///< Mon-Fri 09:00-17:00
    Nights,        ///< Mon-Sun 18:00-09:00
    Weekends,      ///< Sat-Sun 00:00-24:00 (Saturday 00:00 to Monday 00:00)
};
QList<DailyWindow> windowPreset(WindowPreset preset);
/// The windows in words, for rotationShapeWords: "business hours Mon-Fri 09:00-17:00",
/// "nights Mon-Sun 18:00-09:00", "weekends Sat-Sun 00:00-24:00", "hours Mon 08:00-12:00; …";
/// "" for none (all the time).
QString windowsWords(const QList<DailyWindow> &windows);
/// `windows` sorted by weekday, then start.
QList<DailyWindow> sortedWindows(QList<DailyWindow> windows);

} // namespace Tandem
