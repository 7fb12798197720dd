#include "identity.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tandem {

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
    const QString configured = QSettings().value(u"identity/email"_s).toString();
    return configured.isEmpty() ? osUserName() : configured;
}

} // namespace Tandem
