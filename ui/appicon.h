#pragma once

#include <QIcon>

namespace Tandem {

/// Tandem's application icon (the pair: a developer and an operations engineer): the icon
/// theme's where Tandem is installed (hicolor, or a theme's own), else the PNGs compiled into
/// tandem_ui, so a build tree shows it too. For the window, the tray and notifications.
QIcon applicationIcon();

} // namespace Tandem
