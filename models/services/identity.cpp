#include "identity.h"

#include "store/personrepository.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {
const QString IdentityKey = u"identity/email"_s;
}

QString osUserName()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty()) {
            return name;
        }
    }
    return u"unknown"_s;
}

QString defaultActor()
{
    const QString configured = configuredEmail();
    return configured.isEmpty() ? osUserName() : configured;
}

QString configuredEmail()
{
    return QSettings().value(IdentityKey).toString().trimmed();
}

void setConfiguredEmail(const QString &email)
{
    QSettings settings;
    if (email.trimmed().isEmpty()) {
        settings.remove(IdentityKey);
    } else {
        settings.setValue(IdentityKey, email.trimmed());
    }
}

Result<std::optional<Person>> resolvePerson(Database &db, const QString &email)
{
    const QString wanted = email.trimmed().isEmpty() ? configuredEmail() : email.trimmed();
    if (wanted.isEmpty()) {
        return std::optional<Person>();
    }
    PersonRepository people(db);
    auto found = people.findByEmail(wanted);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return std::optional<Person>();
    }
    auto removed = people.isRemoved(found.value()->id);
    if (!removed) {
        return removed.error();
    }
    return removed.value() ? std::optional<Person>() : found.value();
}

} // namespace Tandem
