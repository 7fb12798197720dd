#pragma once

#include "domain/person.h"
#include "domain/result.h"

#include <QString>

#include <optional>

namespace Tandem {

class Database;

/// Who the change log names: the identity configured in the settings (identity/email), else
/// the operating-system user.
QString defaultActor();
QString osUserName();

/// The e-mail the user said is theirs (settings identity/email); empty when not set.
QString configuredEmail();
/// Remembers `email` as the user's identity (empty forgets it).
void setConfiguredEmail(const QString &email);

/// The person on the roster with `email` (case-insensitive), or with the configured identity
/// when `email` is empty. Nothing when no e-mail is known or nobody on the roster has it;
/// removed people are not found (they are nobody's identity any more).
Result<std::optional<Person>> resolvePerson(Database &db, const QString &email = {});

} // namespace Tandem
