#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *tree = new QTreeWidget(this);
    tree->setObjectName(u"shortcutsView"_s);
    tree->setAccessibleName(tr("Keyboard shortcuts"));
    tree->setHeaderLabels({tr("Command"), tr("Keys")});
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto group = [tree](const QString &title) {
        auto *item = new QTreeWidgetItem(tree, {title});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setFirstColumnSpanned(true);
        return item;
    };
    auto row = [tree](const QString &command, const QString &keys) { new QTreeWidgetItem(tree, {command, keys}); };
    if (menus) {
        for (QAction *top : menus->actions()) {
            const QMenu *menu = top->menu();
            if (!menu) {
                continue;
            }
            bool first = true;
            for (QAction *action : menu->actions()) {
                if (action->shortcut().isEmpty() || action->isSeparator()) {
                    continue;
                }
                if (first) {
                    group(top->text().remove(u'&'));
                    first = false;
                }
                QString text = action->text().remove(u'&');
                if (text.endsWith(u'…')) {
                    text.chop(1);
                }
                row(text, action->shortcut().toString(QKeySequence::NativeText));
            }
        }
    }
    group(tr("Roster"));
    row(tr("Edit the cell"), tr("F2, or start typing"));
    row(tr("Edit the person in full"), tr("Ctrl+Return, or double-click"));
    row(tr("Context menu"), tr("Menu key, Shift+F10"));
    group(tr("Calendar: month"));
    row(tr("Previous or next day, week"), tr("Left, Right, Up, Down"));
    row(tr("Previous or next shift of the day"), tr("Ctrl+Up, Ctrl+Down"));
    row(tr("Previous or next month"), tr("Page Up, Page Down"));
    row(tr("Open the shift's details"), tr("Return"));
    row(tr("The shift's menu: swap, assign, clear, lock, handoff…"), tr("Menu key, Shift+F10"));
    group(tr("Calendar: timeline"));
    row(tr("Previous or next shift of the rotation"), tr("Left, Right"));
    row(tr("The overlapping shift of the rotation above or below"), tr("Up, Down"));
    row(tr("Zoom in or out"), tr("+, −, Ctrl+wheel"));
    row(tr("Open the shift's details"), tr("Return"));
    group(tr("Lists to pick from (Assign…, Swap Pair With…)"));
    row(tr("Search"), tr("type"));
    row(tr("Move the highlighted row"), tr("Up, Down, Page Up, Page Down"));
    row(tr("Pick the highlighted row"), tr("Return"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    resize(560, 600);
}

} // namespace Tandem
