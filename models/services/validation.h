#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/team.h"
#include "domain/timeoff.h"

#include <QList>

namespace Tandem {

/// Field names used in Error::field, shared by the dialogs (to point at the field) and the CSV
/// import (to name the column).
namespace Field {
inline constexpr QStringView Name = u"name";
inline constexpr QStringView Email = u"email";
inline constexpr QStringView Role = u"role";
inline constexpr QStringView Team = u"team";
inline constexpr QStringView TimeZone = u"timezone";
inline constexpr QStringView Phone = u"phone";
inline constexpr QStringView Capacity = u"capacity";
inline constexpr QStringView ProductionAccess = u"production_access";
inline constexpr QStringView From = u"from";
inline constexpr QStringView To = u"to";
} // namespace Field

/// What is wrong with a person's own fields, one Error per field at fault, in form order.
/// Checks that need the database (unique e-mail) are the service's.
QList<Error> validatePerson(const Person &person);
QList<Error> validateTeam(const Team &team);
QList<Error> validateTimeOff(const TimeOff &timeOff);

bool isValidEmail(const QString &email);
bool isValidTimeZone(const QString &ianaId);
/// IANA zone ids to choose from, sorted; without the legacy aliases ("US/Eastern", "Etc/GMT+5").
const QStringList &timeZoneChoices();

} // namespace Tandem
