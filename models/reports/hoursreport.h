#pragma once

#include "domain/person.h"
#include "domain/rotation.h"
#include "domain/shift.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>

namespace Tandem::Reports {

/// Pay per on-call hour, by the kind of day the hour falls on (in the rotation's zone).
struct HourRates
{
    double weekday = 0;
    double weekend = 0;
    double holiday = 0; ///< a public holiday of the rotation's team, also on a weekend
};

/// One person's on-call hours in one month (months and days counted in the rotation's zone).
struct HoursRow
{
    PersonId person;
    QString name;
    QString email;
    Role role = Role::Developer;
    QString month; ///< "2026-03"
    double weekdayHours = 0;
    double weekendHours = 0;
    double holidayHours = 0;
    double amount = 0; ///< hours times the rates

    double totalHours() const { return weekdayHours + weekendHours + holidayHours; }
};

/// Everything the hours report needs, as plain values.
struct HoursInput
{
    QList<Rotation> rotations;
    QList<Shift> shifts;                 ///< of these rotations, overlapping the period
    QHash<PersonId, Person> people;      ///< also people removed since
    QHash<TeamId, QSet<QDate>> holidays; ///< public holidays per team
    QDate from;                          ///< first day, in each rotation's zone
    QDate to;                            ///< last day, included
    HourRates rates;
};

/// On-call hours per person per month, split into weekday, weekend and holiday hours. Both
/// seats of a shift earn their hours; only the part of a shift inside [from, to] counts. A day
/// is cut at local midnight in the rotation's zone, so a DST day has 23 or 25 hours. Rows are
/// ordered by month, then name.
QList<HoursRow> hoursReport(const HoursInput &input);

/// The payroll CSV (header in the README): email,name,role,month,weekday_hours,weekend_hours,
/// holiday_hours,total_hours,weekday_rate,weekend_rate,holiday_rate,amount. RFC 4180, UTF-8, LF.
QByteArray hoursCsv(const QList<HoursRow> &rows, const HourRates &rates);

/// RFC 4180 quoting of one field.
QString csvField(const QString &text);

} // namespace Tandem::Reports
