#pragma once

#include "person.h"
#include "shift.h"
#include "team.h"
#include "timeoff.h"

#include <QJsonObject>

namespace Tandem {

/// JSON forms of the domain values: the before/after of the change log, `--json` output and,
/// later, the sync payload. Field names are stable; they are documented in the README.
QJsonObject toJson(const Person &person);
QJsonObject toJson(const Team &team);
QJsonObject toJson(const TimeOff &timeOff);
QJsonObject toJson(const Holiday &holiday);
QJsonObject toJson(const Shift &shift);

} // namespace Tandem
