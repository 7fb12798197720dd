#include "validation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

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
    return !ianaId.isEmpty() && QTimeZone::isTimeZoneIdAvailable(ianaId.toUtf8());
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
        errors.append(Error{p.timeZone.isEmpty()
                           ? tr("Time zone is empty.")
                           : tr("“%1” is not a known time zone (expected an IANA name such as Europe/Berlin).")
                                 .arg(p.timeZone),
                       Field::TimeZone.toString()});
    }
    if (!(p.capacity >= 0.1 - 1e-9 && p.capacity <= 1.0 + 1e-9)) {
        errors.append(Error{tr("Capacity must be between 0.1 and 1.0 FTE, not %1.").arg(p.capacity),
                       Field::Capacity.toString()});
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

} // namespace Tandem
