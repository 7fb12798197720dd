#include "hoursreport.h"

#include <QMap>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem::Reports {

namespace {

// Local midnight of `day` in `zone`. Where midnight does not exist (a zone that springs forward
// at 00:00), Qt moves to the first valid instant of the day, which is what "start of day" means.
QDateTime startOfDay(QDate day, const QTimeZone &zone)
{
    return day.startOfDay(zone).toUTC();
}

QString hours(double value)
{
    return QString::number(value, 'f', 2);
}

} // namespace

QList<HoursRow> hoursReport(const HoursInput &input)
{
    QHash<RotationId, const Rotation *> rotations;
    for (const Rotation &r : input.rotations) {
        rotations.insert(r.id, &r);
    }
    // (month, person) -> row; a QMap keeps months in order.
    QMap<QString, QHash<PersonId, HoursRow>> byMonth;
    for (const Shift &shift : input.shifts) {
        const Rotation *rotation = rotations.value(shift.rotationId);
        if (!rotation || !shift.start.isValid() || shift.end <= shift.start) {
            continue;
        }
        const QTimeZone zone(rotation->timeZone.toUtf8());
        const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
        const QSet<QDate> holidays = input.holidays.value(rotation->teamId);
        QDate day = std::max(shift.start.toTimeZone(tz).date(), input.from);
        const QDate last = std::min(shift.end.addSecs(-1).toTimeZone(tz).date(), input.to);
        for (; day.isValid() && day <= last; day = day.addDays(1)) {
            const QDateTime from = std::max(shift.start, startOfDay(day, tz));
            const QDateTime to = std::min(shift.end, startOfDay(day.addDays(1), tz));
            if (to <= from) {
                continue;
            }
            const double h = double(from.secsTo(to)) / 3600.0;
            const QString month = day.toString(u"yyyy-MM"_s);
            for (const PersonId &id : {shift.dev, shift.ops}) {
                if (id.isNull()) {
                    continue;
                }
                HoursRow &row = byMonth[month][id];
                if (row.person.isNull()) {
                    const Person p = input.people.value(id);
                    row.person = id;
                    row.name = p.name;
                    row.email = p.email;
                    row.role = id == shift.dev ? Role::Developer : Role::Operations;
                    if (!p.id.isNull()) {
                        row.role = p.role;
                    }
                    row.month = month;
                }
                if (holidays.contains(day)) {
                    row.holidayHours += h;
                } else if (day.dayOfWeek() >= Qt::Saturday) {
                    row.weekendHours += h;
                } else {
                    row.weekdayHours += h;
                }
            }
        }
    }
    QList<HoursRow> result;
    for (auto it = byMonth.cbegin(); it != byMonth.cend(); ++it) {
        QList<HoursRow> rows = it.value().values();
        std::sort(rows.begin(), rows.end(), [](const HoursRow &a, const HoursRow &b) {
            return a.name.localeAwareCompare(b.name) < 0 || (a.name == b.name && a.email < b.email);
        });
        for (HoursRow &row : rows) {
            row.amount = row.weekdayHours * input.rates.weekday + row.weekendHours * input.rates.weekend +
                         row.holidayHours * input.rates.holiday;
            result.append(row);
        }
    }
    return result;
}

QString csvField(const QString &text)
{
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        QString quoted = text;
        quoted.replace(u"\""_s, u"\"\""_s);
        return u'"' + quoted + u'"';
    }
    return text;
}

QByteArray hoursCsv(const QList<HoursRow> &rows, const HourRates &rates)
{
    QString text = u"email,name,role,month,weekday_hours,weekend_hours,holiday_hours,total_hours,weekday_rate,"
                   "weekend_rate,holiday_rate,amount\n"_s;
    for (const HoursRow &r : rows) {
        const QStringList fields{
            csvField(r.email),     csvField(r.name),      roleToString(r.role),  r.month,
            hours(r.weekdayHours), hours(r.weekendHours), hours(r.holidayHours), hours(r.totalHours()),
            hours(rates.weekday),  hours(rates.weekend),  hours(rates.holiday),  hours(r.amount)};
        text += fields.join(u',') + u'\n';
    }
    return text.toUtf8();
}

} // namespace Tandem::Reports
