#pragma once

#include "domain/result.h"

#include <QString>

namespace Tandem {

/// "Start Tandem in the tray at login": an XDG autostart entry
/// ($XDG_CONFIG_HOME/autostart/TANDEM_APP_ID.desktop) that starts `tandem --minimized`. The
/// file is the setting: the desktop's own autostart manager may remove or disable it too. Its
/// TryExec makes desktops skip it once Tandem is uninstalled.
class Autostart
{
public:
    /// Where the entry lives (the autostart folder of the user's configuration).
    static QString path();
    /// Whether the entry exists and the desktop has not disabled it (Hidden=true,
    /// X-GNOME-Autostart-enabled=false).
    static bool isEnabled();
    /// Writes the entry (through a temporary file) or removes it.
    [[nodiscard]] static Status setEnabled(bool enabled);
    /// The Exec line: `tandem --minimized` when the tandem on PATH is this one, else this
    /// executable's absolute path (a build tree, an unpacked package).
    static QString execLine();
};

} // namespace Tandem
