#pragma once

#include "person.h"
#include "result.h"
#include "rotation.h"
#include "shift.h"
#include "team.h"
#include "timeoff.h"

#include <QJsonObject>

namespace Tandem {

/// Reads the JSON forms written by toJson() (serialize.h) back into values: what sync applies
/// from the server. Each fails with a message naming the field that is missing or wrong.
Result<Person> personFromJson(const QJsonObject &object);
Result<Team> teamFromJson(const QJsonObject &object);
Result<TimeOff> timeOffFromJson(const QJsonObject &object);
Result<Holiday> holidayFromJson(const QJsonObject &object);
Result<Shift> shiftFromJson(const QJsonObject &object);
Result<Rotation> rotationFromJson(const QJsonObject &object);
Result<OpsPool> poolFromJson(const QJsonObject &object);

} // namespace Tandem
