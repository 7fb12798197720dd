#!/usr/bin/env bash
# ctest `layers`: the layering ARCHITECTURE.md describes, checked on the sources.
#   - models/ never includes a Qt Widgets header (it also does not link Qt6::Widgets);
#   - ui/ and app/ read and write through services/, never a store/ repository or SQL of their own.
# Prints every offending line with its file and line number.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
failures=0
report() {
    local what=$1
    shift
    local hits
    hits=$(grep -rnE "$@" || true)
    if [[ -n $hits ]]; then
        echo "$what:"
        printf '%s\n' "$hits" | sed 's/^/  /'
        failures=$((failures + 1))
    fi
}
report "models/ includes a Qt Widgets header" --include='*.h' --include='*.cpp' \
    '^#include <(QtWidgets/|QWidget>|QDialog>|QApplication>|QMainWindow>|QMenu>|QAction>|QMessageBox>|QLabel>|QLineEdit>|QPushButton>|QComboBox>|QTableView>|QTreeView>|QListWidget>|QStyle>)' models
report "ui/ or app/ includes a store repository (read through a service)" --include='*.h' --include='*.cpp' \
    '^#include "store/[a-z]*repository\.h"' ui app
report "ui/ writes SQL (use a service)" --include='*.h' --include='*.cpp' \
    '^#include (<QSql(Query|Database|Record)>|"store/sqlutil\.h")' ui
if ((failures > 0)); then
    exit 1
fi
echo "layers hold: models/ without widgets; ui/ and app/ through services, no SQL in ui/"
