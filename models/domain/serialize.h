#pragma once

#include "person.h"
#include "rotation.h"
#include "shift.h"
#include "swaprequest.h"
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
QJsonObject toJson(const RotationRules &rules);
QJsonObject toJson(const Rotation &rotation);
QJsonObject toJson(const OpsPool &pool);
/// Reads rules written by toJson(); missing keys keep their defaults.
RotationRules rulesFromJson(const QJsonObject &object);
QJsonObject toJson(const SwapRequest &request);
/// Reads a request written by toJson() (the sync payload of entity "request"); an object without
/// a valid id, kind, shift, seat, requester, target or state is refused.
std::optional<SwapRequest> swapRequestFromJson(const QJsonObject &object);

} // namespace Tandem
