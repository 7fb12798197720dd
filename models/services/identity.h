#pragma once

#include <QString>

namespace Tandem {

/// Who the change log names: the identity configured in the settings (identity/email), else
/// the operating-system user.
QString defaultActor();
QString osUserName();

} // namespace Tandem
