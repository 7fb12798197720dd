#include "changeentry.h"

using namespace Qt::StringLiterals;

namespace Tandem {

QString changeActionToString(ChangeAction action)
{
    switch (action) {
    case ChangeAction::Create:
        return u"create"_s;
    case ChangeAction::Update:
        return u"update"_s;
    case ChangeAction::Delete:
        return u"delete"_s;
    }
    return u"update"_s;
}

} // namespace Tandem
