#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/shift.h"
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
inline constexpr QStringView Date = u"date";
// Rotations and ops pools: the keys of their JSON form (serialize.h).
inline constexpr QStringView OpsPool = u"ops_pool";
inline constexpr QStringView Members = u"members";
inline constexpr QStringView ShiftMinutes = u"shift_minutes";
inline constexpr QStringView HandoffWeekday = u"handoff_weekday";
inline constexpr QStringView HandoffTime = u"handoff_time";
inline constexpr QStringView ActiveDays = u"active_days";
inline constexpr QStringView Windows = u"windows";
inline constexpr QStringView StartDate = u"start_date";
inline constexpr QStringView MinRestHours = u"min_rest_hours";
inline constexpr QStringView MaxShiftsPer4Weeks = u"max_shifts_per_4_weeks";
inline constexpr QStringView OpsConcurrency = u"ops_concurrency";
inline constexpr QStringView NewDevelopers = u"new_developers";
inline constexpr QStringView ForbiddenPairs = u"forbidden_pairs";
inline constexpr QStringView WeekendWeight = u"weekend_weight";
inline constexpr QStringView HolidayWeight = u"holiday_weight";
inline constexpr QStringView NightWeight = u"night_weight";
inline constexpr QStringView NightStart = u"night_start";
inline constexpr QStringView NightEnd = u"night_end";
inline constexpr QStringView FreezeDays = u"freeze_days";
inline constexpr QStringView LookbackWeeks = u"lookback_weeks";
inline constexpr QStringView ShadowShiftsNeeded = u"shadow_shifts_needed";
inline constexpr QStringView Trainees = u"trainees";
/// Not a field: what the operation was prepared from changed before it could be written (another
/// Tandem, the sync). Nothing was written; preparing it again and retrying is safe.
inline constexpr QStringView Stale = u"stale";
} // namespace Field

/// What is wrong with a person's own fields, one Error per field at fault, in form order.
/// Checks that need the database (unique e-mail) are the service's.
QList<Error> validatePerson(const Person &person);
QList<Error> validateTeam(const Team &team);
QList<Error> validateTimeOff(const TimeOff &timeOff);
QList<Error> validateHoliday(const Holiday &holiday);
/// The rotation's own fields and rules. That the team, the pool and the people it names exist
/// is the service's to check.
QList<Error> validateRotation(const Rotation &rotation);
/// The range of the weekend, holiday and night weights: a load of a tenth to ten times a plain
/// hour. Wider values say nothing more, and extreme ones break the fairness arithmetic (1e308
/// overflows to infinity).
inline constexpr double MinWeight = 0.1;
inline constexpr double MaxWeight = 10.0;
/// The weights of `rules`, one Error per weight out of range. Every path that writes a rotation
/// checks them through here: the service (CLI, dialog) and the sync.
QList<Error> validateWeights(const RotationRules &rules);
/// The most shadow shifts a rotation may ask of a new developer.
inline constexpr int MaxShadowShifts = 100;
/// Name and members present; who the members are is the service's to check.
QList<Error> validatePool(const OpsPool &pool);
/// A shift's own fields: a rotation, an end after the start, at most MaxShiftSeconds long, two
/// different people in the seats, a bridge link that is an http(s) address. Whether the people
/// may sit there is the RuleBook's to say.
QList<Error> validateShift(const Shift &shift);

/// An http or https address with a host (a shift's bridge link).
bool isValidBridgeUrl(const QString &url);

bool isValidEmail(const QString &email);
/// Whether the tz database knows the name, also an old one (US/Eastern); services store the
/// canonical name (canonicalTimeZone() in domain/timezonenames.h).
bool isValidTimeZone(const QString &ianaId);
/// IANA zone ids to choose from, sorted; without the legacy aliases ("US/Eastern", "Etc/GMT+5").
const QStringList &timeZoneChoices();

} // namespace Tandem
