#pragma once

#include <QDialog>

class QMenuBar;

namespace Tandem {

/// Help ▸ Keyboard Shortcuts: every menu command that has a shortcut, read from the menus
/// themselves (so the list cannot drift from them), and the keys of the roster, the calendar
/// and the pickers, which have no menu entry.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);
};

} // namespace Tandem
