#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

/// Dates and times as the user's locale writes them, in the short forms Tandem shows: the
/// weekday and month abbreviated, the year only where asked, times without seconds
/// ("Mon, Mar 30 9:00 AM" in en_US, "Mo., 30. März 09:00" in de_DE). The C locale (tests,
/// LC_ALL=C) keeps Tandem's neutral forms: "Mon 30 Mar 09:00". Machine formats (ISO dates on
/// the command line, CSV, JSON, iCalendar) do not come from here.
namespace Tandem::LocaleFormat {

/// A date: the weekday and the year only when asked for.
QString date(QDate date, bool weekday = true, bool year = false, const QLocale &locale = QLocale());
/// The QDate/QDateTimeEdit display format of the same.
QString dateFormat(bool weekday = true, bool year = false, const QLocale &locale = QLocale());
/// A time of day, hours and minutes.
QString time(QTime time, const QLocale &locale = QLocale());
/// The QTimeEdit display format of the same.
QString timeFormat(const QLocale &locale = QLocale());
/// The date and the time of `dateTime` as it is (convert it to the zone to show first).
QString dateTime(const QDateTime &dateTime, bool weekday = true, bool year = false, const QLocale &locale = QLocale());

} // namespace Tandem::LocaleFormat
