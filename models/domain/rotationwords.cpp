#include "rotationwords.h"

#include "hourwindows.h"
#include "rotation.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::RotationWords", text);
}

QString dayName(int weekday, const QLocale &locale)
{
    return weekday >= 1 && weekday <= 7 ? locale.dayName(weekday, QLocale::LongFormat) : tr("day %1").arg(weekday);
}

} // namespace

QString shiftLengthWords(int minutes)
{
    constexpr int day = 24 * 60;
    if (minutes % (7 * day) == 0) {
        return minutes == 7 * day ? tr("weekly") : tr("every %1 weeks").arg(minutes / (7 * day));
    }
    if (minutes % day == 0) {
        return minutes == day ? tr("daily") : tr("every %1 days").arg(minutes / day);
    }
    if (minutes % 60 == 0) {
        return tr("every %1 hours").arg(minutes / 60);
    }
    return tr("every %1 minutes").arg(minutes);
}

QString activeDaysWords(int activeDays, const QLocale &locale)
{
    if ((activeDays & 0x7f) == 0x7f) {
        return tr("every day");
    }
    // Runs of consecutive days: "Monday to Friday", "Monday, Wednesday, Friday".
    QStringList parts;
    for (int day = 1; day <= 7; ++day) {
        if (!((activeDays >> (day - 1)) & 1)) {
            continue;
        }
        int last = day;
        while (last < 7 && ((activeDays >> last) & 1)) {
            ++last;
        }
        if (last - day >= 2) {
            parts.append(tr("%1 to %2").arg(dayName(day, locale), dayName(last, locale)));
        } else {
            for (int d = day; d <= last; ++d) {
                parts.append(dayName(d, locale));
            }
        }
        day = last;
    }
    return parts.join(u", "_s);
}

QString rotationShapeWords(const Rotation &r, const QLocale &locale)
{
    const bool weeks = r.shiftMinutes > 0 && r.shiftMinutes % (7 * 24 * 60) == 0;
    const QString time = r.handoffTime.toString(u"HH:mm"_s);
    const QString handoff = weeks ? u"%1 %2"_s.arg(dayName(r.handoffWeekday, locale), time) : time;
    const QString shape =
        tr("%1, handoff %2 %3, %4")
            .arg(shiftLengthWords(r.shiftMinutes), handoff, r.timeZone, activeDaysWords(r.activeDays, locale));
    const QString hours = windowsWords(r.windows);
    return hours.isEmpty() ? shape : shape + u", "_s + hours;
}

} // namespace Tandem
