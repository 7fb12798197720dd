#include "validation.h"

#include "domain/hourwindows.h"
#include "domain/timezonenames.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Validation", text);
}
} // namespace

bool isValidEmail(const QString &email)
{
    // Deliberately loose: one @, something on both sides, a dot in the domain, no spaces.
    static const QRegularExpression re(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$"_s);
    return re.match(email).hasMatch();
}

bool isValidTimeZone(const QString &ianaId)
{
    return !canonicalTimeZone(ianaId).isEmpty();
}

const QStringList &timeZoneChoices()
{
    static const QStringList zones = [] {
        QStringList result;
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
            const QString zone = QString::fromUtf8(id);
            if (zone == u"UTC" || (zone.contains(u'/') && !zone.startsWith(u"Etc/") && !zone.startsWith(u"US/") &&
                                   !zone.startsWith(u"SystemV/"))) {
                result.append(zone);
            }
        }
        result.sort();
        return result;
    }();
    return zones;
}

QList<Error> validatePerson(const Person &p)
{
    QList<Error> errors;
    if (p.name.trimmed().isEmpty()) {
        errors.append(Error{tr("Name is empty."), Field::Name.toString()});
    }
    if (p.email.trimmed().isEmpty()) {
        errors.append(Error{tr("E-mail is empty."), Field::Email.toString()});
    } else if (!isValidEmail(p.email.trimmed())) {
        errors.append(Error{tr("“%1” is not an e-mail address (expected name@example.com).").arg(p.email),
                            Field::Email.toString()});
    }
    if (!isValidTimeZone(p.timeZone)) {
        errors.append(Error{
            p.timeZone.isEmpty()
                ? tr("Time zone is empty.")
                : tr("“%1” is not a known time zone (expected an IANA name such as Europe/Berlin).").arg(p.timeZone),
            Field::TimeZone.toString()});
    }
    if (!(p.capacity >= 0.1 - 1e-9 && p.capacity <= 1.0 + 1e-9)) {
        errors.append(
            Error{tr("Capacity must be between 0.1 and 1.0 FTE, not %1.").arg(p.capacity), Field::Capacity.toString()});
    }
    static const QRegularExpression phone(u"^\\+?[0-9 ()./-]{3,32}$"_s);
    if (!p.phone.isEmpty() && !phone.match(p.phone).hasMatch()) {
        errors.append(Error{tr("“%1” is not a phone number (digits, spaces and + ( ) - . / only).").arg(p.phone),
                            Field::Phone.toString()});
    }
    return errors;
}

QList<Error> validateTeam(const Team &team)
{
    QList<Error> errors;
    if (team.name.trimmed().isEmpty()) {
        errors.append(Error{tr("Team name is empty."), Field::Name.toString()});
    }
    if (!isValidTimeZone(team.timeZone)) {
        errors.append(Error{tr("“%1” is not a known time zone.").arg(team.timeZone), Field::TimeZone.toString()});
    }
    return errors;
}

QList<Error> validateTimeOff(const TimeOff &t)
{
    QList<Error> errors;
    if (!t.from.isValid()) {
        errors.append(Error{tr("The first day of the time off is not a valid date."), Field::From.toString()});
    }
    if (!t.to.isValid()) {
        errors.append(Error{tr("The last day of the time off is not a valid date."), Field::To.toString()});
    }
    if (t.from.isValid() && t.to.isValid() && t.to < t.from) {
        errors.append(Error{tr("The time off ends (%1) before it starts (%2).")
                                .arg(t.to.toString(Qt::ISODate), t.from.toString(Qt::ISODate)),
                            Field::To.toString()});
    }
    return errors;
}

QList<Error> validateHoliday(const Holiday &h)
{
    QList<Error> errors;
    if (h.teamId.isNull()) {
        errors.append(Error{tr("The holiday belongs to no team."), Field::Team.toString()});
    }
    if (!h.date.isValid()) {
        errors.append(Error{tr("The day of the holiday is not a valid date."), Field::Date.toString()});
    }
    if (h.name.trimmed().isEmpty()) {
        errors.append(Error{tr("The holiday has no name."), Field::Name.toString()});
    }
    return errors;
}

QList<Error> validateRotation(const Rotation &r)
{
    QList<Error> errors;
    auto add = [&errors](const QString &message, QStringView field) {
        errors.append(Error{message, field.toString()});
    };
    if (r.name.trimmed().isEmpty()) {
        add(tr("Rotation name is empty."), Field::Name);
    }
    if (r.teamId.isNull()) {
        add(tr("The rotation belongs to no team."), Field::Team);
    }
    if (r.opsPoolId.isNull()) {
        add(tr("The rotation has no ops pool to fill the ops seat."), Field::OpsPool);
    }
    if (!isValidTimeZone(r.timeZone)) {
        add(r.timeZone.isEmpty()
                ? tr("Time zone is empty.")
                : tr("“%1” is not a known time zone (expected an IANA name such as Europe/Berlin).").arg(r.timeZone),
            Field::TimeZone);
    }
    if (r.shiftMinutes <= 0) {
        add(tr("A shift must last longer than zero (e.g. 24 hours or 7 days)."), Field::ShiftMinutes);
    } else if (r.shiftMinutes > 28 * 24 * 60) {
        add(tr("A shift can last at most 4 weeks, not %1 days.").arg(r.shiftMinutes / (24 * 60)), Field::ShiftMinutes);
    }
    if (r.handoffWeekday < 1 || r.handoffWeekday > 7) {
        add(tr("The handoff day must be a weekday from Monday (1) to Sunday (7), not %1.").arg(r.handoffWeekday),
            Field::HandoffWeekday);
    }
    if (!r.handoffTime.isValid()) {
        add(tr("The handoff time is not a valid time of day (expected HH:MM)."), Field::HandoffTime);
    }
    if ((r.activeDays & 0x7f) == 0 || (r.activeDays & ~0x7f) != 0) {
        add(tr("The rotation must run on at least one day of the week."), Field::ActiveDays);
    }
    if (!r.startDate.isValid()) {
        add(tr("The rotation has no start date."), Field::StartDate);
    }
    for (const QString &problem : windowProblems(r.windows)) {
        add(problem, Field::Windows);
    }

    const RotationRules &rules = r.rules;
    if (rules.minRestHours < -1) {
        add(tr("Minimum rest must be 0 hours or more (or -1 for one shift length), not %1.").arg(rules.minRestHours),
            Field::MinRestHours);
    }
    if (rules.maxShiftsPer4Weeks < 0) {
        add(tr("The most shifts per person in 4 weeks must be 0 (no limit) or more, not %1.")
                .arg(rules.maxShiftsPer4Weeks),
            Field::MaxShiftsPer4Weeks);
    }
    if (rules.opsConcurrency < 1) {
        add(tr("An ops engineer must be able to cover at least 1 rotation at a time, not %1.")
                .arg(rules.opsConcurrency),
            Field::OpsConcurrency);
    }
    errors.append(validateWeights(rules));
    if (!rules.nightStart.isValid()) {
        add(tr("The start of night hours is not a valid time of day."), Field::NightStart);
    }
    if (!rules.nightEnd.isValid()) {
        add(tr("The end of night hours is not a valid time of day."), Field::NightEnd);
    }
    if (rules.freezeDays < 0) {
        add(tr("The freeze window must be 0 days or more, not %1.").arg(rules.freezeDays), Field::FreezeDays);
    }
    if (rules.lookbackWeeks < 0) {
        add(tr("The look-back must be 0 weeks or more, not %1.").arg(rules.lookbackWeeks), Field::LookbackWeeks);
    }
    for (const PersonId &id : rules.newDevelopers) {
        if (id.isNull()) {
            add(tr("A new developer is not a known person."), Field::NewDevelopers);
            break;
        }
    }
    if (rules.shadowShiftsNeeded < 0 || rules.shadowShiftsNeeded > MaxShadowShifts) {
        add(tr("The shadow shifts a new developer needs must be from 0 to %1, not %2.")
                .arg(MaxShadowShifts)
                .arg(rules.shadowShiftsNeeded),
            Field::ShadowShiftsNeeded);
    }
    for (const PersonId &id : rules.trainees) {
        if (id.isNull()) {
            add(tr("A developer onboarding is not a known person."), Field::Trainees);
            break;
        }
    }
    for (const auto &pair : rules.forbiddenPairs) {
        if (pair.first.isNull() || pair.second.isNull()) {
            add(tr("A forbidden pair names someone who is not a known person."), Field::ForbiddenPairs);
            break;
        }
        if (pair.first == pair.second) {
            add(tr("A forbidden pair must name two different people."), Field::ForbiddenPairs);
            break;
        }
    }
    return errors;
}

QList<Error> validateWeights(const RotationRules &rules)
{
    QList<Error> errors;
    const struct
    {
        double value;
        QStringView field;
        const char *what;
    } weights[] = {
        {rules.weekendWeight, Field::WeekendWeight, QT_TRANSLATE_NOOP("Tandem::Validation", "The weekend weight")},
        {rules.holidayWeight, Field::HolidayWeight, QT_TRANSLATE_NOOP("Tandem::Validation", "The holiday weight")},
        {rules.nightWeight, Field::NightWeight, QT_TRANSLATE_NOOP("Tandem::Validation", "The night weight")},
    };
    for (const auto &w : weights) {
        // Written as !(low <= x <= high) so that NaN is refused too.
        if (!(w.value >= MinWeight && w.value <= MaxWeight)) {
            errors.append(Error{tr("%1 must be a number from %2 to %3, not %4.")
                                    .arg(tr(w.what))
                                    .arg(MinWeight)
                                    .arg(MaxWeight)
                                    .arg(w.value),
                                w.field.toString()});
        }
    }
    return errors;
}

QList<Error> validatePool(const OpsPool &pool)
{
    QList<Error> errors;
    if (pool.name.trimmed().isEmpty()) {
        errors.append(Error{tr("Ops pool name is empty."), Field::Name.toString()});
    }
    if (pool.members.isEmpty()) {
        errors.append(Error{tr("The ops pool has no members; the ops seat needs at least one person with production "
                               "access."),
                            Field::Members.toString()});
    }
    return errors;
}

bool isValidBridgeUrl(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    return parsed.isValid() && (scheme == u"http" || scheme == u"https") && !parsed.host().isEmpty();
}

QList<Error> validateShift(const Shift &s)
{
    QList<Error> errors;
    if (s.rotationId.isNull()) {
        errors.append(Error{tr("The shift belongs to no rotation."), u"rotation"_s});
    }
    if (!s.start.isValid() || !s.end.isValid()) {
        errors.append(Error{tr("The shift has no valid start and end."), u"start"_s});
    } else if (s.end <= s.start) {
        errors.append(Error{tr("The shift ends (%1) before it starts (%2).")
                                .arg(s.end.toString(Qt::ISODate), s.start.toString(Qt::ISODate)),
                            u"end"_s});
    } else if (s.start.secsTo(s.end) > MaxShiftSeconds) {
        errors.append(Error{tr("A shift can last at most %1 days, not %2.")
                                .arg(MaxShiftSeconds / (24 * 3600))
                                .arg(s.start.secsTo(s.end) / (24 * 3600)),
                            u"end"_s});
    }
    if (!s.dev.isNull() && s.dev == s.ops) {
        errors.append(Error{tr("One person holds both seats of the shift."), u"ops"_s});
    }
    if (!s.shadow.isNull() && (s.shadow == s.dev || s.shadow == s.ops)) {
        errors.append(Error{tr("The shadow of the shift also holds one of its seats; the shadow is a third person."),
                            u"shadow"_s});
    }
    if (!s.bridgeUrl.isEmpty() && !isValidBridgeUrl(s.bridgeUrl)) {
        errors.append(Error{tr("The bridge link must be an http or https address, such as "
                               "https://meet.example.com/room."),
                            u"bridge"_s});
    }
    return errors;
}

} // namespace Tandem
