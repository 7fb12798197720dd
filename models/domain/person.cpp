#include "person.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tandem {

QString roleToString(Role role)
{
    return role == Role::Operations ? u"operations"_s : u"developer"_s;
}

std::optional<Role> roleFromString(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    if (t == u"developer" || t == u"dev") {
        return Role::Developer;
    }
    if (t == u"operations" || t == u"ops") {
        return Role::Operations;
    }
    return std::nullopt;
}

QString roleDisplayName(Role role)
{
    return role == Role::Operations ? QCoreApplication::translate("Tandem::Role", "Ops engineer")
                                    : QCoreApplication::translate("Tandem::Role", "Developer");
}

} // namespace Tandem
