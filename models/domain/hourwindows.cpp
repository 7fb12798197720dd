#include "hourwindows.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::HourWindows", text);
}

constexpr int DayMinutes = 24 * 60;
constexpr int WeekMinutes = 7 * DayMinutes;

const QStringList &dayNames()
{
    static const QStringList names = {u"Mon"_s, u"Tue"_s, u"Wed"_s, u"Thu"_s, u"Fri"_s, u"Sat"_s, u"Sun"_s};
    return names;
}

int dayFromName(QStringView name)
{
    const QString n = name.trimmed().toString();
    for (int day = 1; day <= 7; ++day) {
        if (n.compare(dayNames().at(day - 1), Qt::CaseInsensitive) == 0) {
            return day;
        }
    }
    return 0;
}

/// Minutes since midnight of "HH:MM" ("24:00" only where `allow24`), -1 when it is not one.
int minutesOf(QStringView text, bool allow24)
{
    const QString t = text.trimmed().toString();
    if (t.size() != 5 || t.at(2) != u':') {
        return -1;
    }
    bool okHours = false;
    bool okMinutes = false;
    const int hours = t.left(2).toInt(&okHours);
    const int minutes = t.mid(3).toInt(&okMinutes);
    if (!okHours || !okMinutes || minutes < 0 || minutes > 59 || hours < 0) {
        return -1;
    }
    if (hours == 24 && minutes == 0 && allow24) {
        return DayMinutes;
    }
    return hours <= 23 ? hours * 60 + minutes : -1;
}

QString clock(int minutes)
{
    return u"%1:%2"_s.arg(minutes / 60, 2, 10, QChar(u'0')).arg(minutes % 60, 2, 10, QChar(u'0'));
}

QString spanText(const QTime &start, int minutes)
{
    const int from = start.isValid() ? start.msecsSinceStartOfDay() / 60000 : 0;
    const int to = from + minutes;
    return clock(from) + u'-' + (to == DayMinutes ? u"24:00"_s : clock(to % DayMinutes));
}

} // namespace

QList<DailyWindow> sortedWindows(QList<DailyWindow> windows)
{
    std::sort(windows.begin(), windows.end(), [](const DailyWindow &a, const DailyWindow &b) {
        return a.weekday != b.weekday ? a.weekday < b.weekday : a.start < b.start;
    });
    return windows;
}

QString windowText(const DailyWindow &window)
{
    const QString day = window.weekday >= 1 && window.weekday <= 7 ? dayNames().at(window.weekday - 1)
                                                                   : QString::number(window.weekday);
    return day + u' ' + spanText(window.start, window.minutes);
}

Result<QList<DailyWindow>> parseWindows(const QString &text)
{
    QList<DailyWindow> windows;
    const QStringList entries = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &raw : entries) {
        const QString entry = raw.simplified();
        if (entry.isEmpty()) {
            continue;
        }
        const auto bad = [&entry](const QString &why) {
            return Error{tr("Hour window “%1”: %2 (expected e.g. “Mon-Fri 09:00-17:00”).").arg(entry, why),
                         u"windows"_s};
        };
        const qsizetype space = entry.lastIndexOf(u' ');
        if (space <= 0) {
            return bad(tr("it needs days and a time span"));
        }
        const QString daysPart = entry.left(space).remove(u' ');
        const QStringList span = entry.mid(space + 1).split(u'-');
        if (span.size() != 2) {
            return bad(tr("the time span must be FROM-TO"));
        }
        const int from = minutesOf(span.at(0), false);
        const int to = minutesOf(span.at(1), true);
        if (from < 0 || to < 0) {
            return bad(tr("the times must be HH:MM (00:00 to 24:00)"));
        }
        if (from == to || (from == 0 && to == 0)) {
            return bad(tr("the window has no length"));
        }
        const int minutes = to > from ? to - from : to + DayMinutes - from;
        QList<int> days;
        for (const QString &item : daysPart.split(u',')) {
            const QStringList range = item.split(u'-');
            const int first = range.isEmpty() ? 0 : dayFromName(range.first());
            const int last = range.size() == 2 ? dayFromName(range.at(1)) : first;
            if (range.size() > 2 || first == 0 || last == 0) {
                return bad(tr("“%1” is not a day or a range of days (Mon, Tue, …, Sun)").arg(item));
            }
            for (int day = first;; day = day % 7 + 1) {
                if (!days.contains(day)) {
                    days.append(day);
                }
                if (day == last) {
                    break;
                }
            }
        }
        for (int day : std::as_const(days)) {
            windows.append(DailyWindow{day, QTime(0, 0).addSecs(from * 60), minutes});
        }
    }
    return sortedWindows(windows);
}

QString windowsText(const QList<DailyWindow> &windows)
{
    // Group by span; write each group's days as ranges of consecutive days; order by first day.
    QMap<QPair<int, int>, QList<int>> bySpan; // (start minute, minutes) -> weekdays
    QList<QString> odd;                       // windows no text can group (bad weekday or time)
    for (const DailyWindow &w : sortedWindows(windows)) {
        if (w.weekday < 1 || w.weekday > 7 || !w.start.isValid() || w.minutes <= 0 || w.minutes > DayMinutes) {
            odd.append(windowText(w));
            continue;
        }
        bySpan[{w.start.msecsSinceStartOfDay() / 60000, w.minutes}].append(w.weekday);
    }
    QList<QPair<int, QString>> parts; // (first weekday * 10000 + start minute, text)
    for (auto it = bySpan.cbegin(); it != bySpan.cend(); ++it) {
        QList<int> days = it.value();
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        QStringList ranges;
        for (int i = 0; i < days.size();) {
            int j = i;
            while (j + 1 < days.size() && days.at(j + 1) == days.at(j) + 1) {
                ++j;
            }
            ranges.append(j == i ? dayNames().at(days.at(i) - 1)
                                 : dayNames().at(days.at(i) - 1) + u'-' + dayNames().at(days.at(j) - 1));
            i = j + 1;
        }
        const QString span = spanText(QTime(0, 0).addSecs(it.key().first * 60), it.key().second);
        parts.append({days.first() * 10000 + it.key().first, ranges.join(u',') + u' ' + span});
    }
    std::sort(parts.begin(), parts.end());
    QStringList texts;
    for (const auto &part : std::as_const(parts)) {
        texts.append(part.second);
    }
    texts.append(odd);
    return texts.join(u"; "_s);
}

QStringList windowProblems(const QList<DailyWindow> &windows)
{
    QStringList problems;
    QList<QPair<int, int>> spans; // week minute [from, to), to may pass the end of the week
    QList<int> spanOf;            // index into windows
    for (int i = 0; i < windows.size(); ++i) {
        const DailyWindow &w = windows.at(i);
        const QString name = windowText(w);
        if (w.weekday < 1 || w.weekday > 7) {
            problems.append(tr("Hour window %1 (%2): the weekday must be 1 (Monday) to 7 (Sunday), not %3.")
                                .arg(i + 1)
                                .arg(name)
                                .arg(w.weekday));
            continue;
        }
        if (!w.start.isValid()) {
            problems.append(tr("Hour window %1: the start is not a time of day.").arg(i + 1));
            continue;
        }
        if (w.minutes <= 0) {
            problems.append(tr("Hour window %1 (%2) has no length.").arg(i + 1).arg(name));
            continue;
        }
        if (w.minutes > DayMinutes) {
            problems.append(
                tr("Hour window %1 (%2) is longer than a day; use one window per day.").arg(i + 1).arg(name));
            continue;
        }
        if (w.start.second() != 0 || w.start.msec() != 0) {
            problems.append(tr("Hour window %1 (%2) must start on a whole minute.").arg(i + 1).arg(name));
            continue;
        }
        const int from = (w.weekday - 1) * DayMinutes + w.start.msecsSinceStartOfDay() / 60000;
        spans.append({from, from + w.minutes});
        spanOf.append(i);
    }
    // Overlaps on the week's circle: Sunday night's window may reach into Monday.
    const auto overlaps = [](QPair<int, int> a, QPair<int, int> b) {
        for (int shift : {-WeekMinutes, 0, WeekMinutes}) {
            if (a.first < b.second + shift && b.first + shift < a.second) {
                return true;
            }
        }
        return false;
    };
    for (int a = 0; a < spans.size(); ++a) {
        for (int b = a + 1; b < spans.size(); ++b) {
            if (overlaps(spans.at(a), spans.at(b))) {
                problems.append(tr("Hour windows %1 (%2) and %3 (%4) overlap.")
                                    .arg(spanOf.at(a) + 1)
                                    .arg(windowText(windows.at(spanOf.at(a))))
                                    .arg(spanOf.at(b) + 1)
                                    .arg(windowText(windows.at(spanOf.at(b)))));
            }
        }
    }
    return problems;
}

QList<DailyWindow> windowPreset(WindowPreset preset)
{
    switch (preset) {
    case WindowPreset::BusinessHours:
        return parseWindows(u"Mon-Fri 09:00-17:00"_s).value_or({});
    case WindowPreset::Nights:
        return parseWindows(u"Mon-Sun 18:00-09:00"_s).value_or({});
    case WindowPreset::Weekends:
        return parseWindows(u"Sat-Sun 00:00-24:00"_s).value_or({});
    }
    return {};
}

QString windowsWords(const QList<DailyWindow> &windows)
{
    if (windows.isEmpty()) {
        return {};
    }
    const QList<DailyWindow> sorted = sortedWindows(windows);
    const QString text = windowsText(sorted);
    if (sorted == windowPreset(WindowPreset::BusinessHours)) {
        return tr("business hours %1").arg(text);
    }
    if (sorted == windowPreset(WindowPreset::Nights)) {
        return tr("nights %1").arg(text);
    }
    if (sorted == windowPreset(WindowPreset::Weekends)) {
        return tr("weekends %1").arg(text);
    }
    return tr("hours %1").arg(text);
}

} // namespace Tandem
