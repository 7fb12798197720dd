#pragma once

#include "ids.h"

#include <QList>
#include <QString>

#include <optional>

namespace Tandem {

/// Which seat of a pair a person can take.
enum class Role {
    Developer,  ///< knows the code; no production access by default
    Operations, ///< acts in production; production access by default
};

QString roleToString(Role role);                      ///< "developer" / "operations": the stored and CSV form
std::optional<Role> roleFromString(QStringView text); ///< accepts "developer", "dev", "operations", "ops"
QString roleDisplayName(Role role);                   ///< translated, for the UI

/// Someone who goes on call.
struct Person
{
    PersonId id;
    QString name;
    QString email; ///< unique (case-insensitive); the key re-imports match on
    Role role = Role::Developer;
    QList<TeamId> teams;
    QString timeZone; ///< IANA id
    QString phone;
    QString chat;          ///< chat handle, e.g. "@alice"
    double capacity = 1.0; ///< FTE, 0.1 to 1.0: weighs their fair share
    bool productionAccess = false;
    bool senior = false;
    bool active = true; ///< inactive people stay in the roster but are not planned
    QString notes;

    /// Production access follows the role unless said otherwise: ops yes, developers no.
    static bool defaultProductionAccess(Role role) { return role == Role::Operations; }

    friend bool operator==(const Person &, const Person &) = default;
};

} // namespace Tandem

Q_DECLARE_METATYPE(Tandem::Person)
