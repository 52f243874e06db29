#!/usr/bin/env bash
# The layers docs/architecture.md draws, checked on the sources: core knows no widgets, no ui
# and no app; ui does not include app; the lessons' Qt-Core library includes no widget or GUI
# header; the item models include no widget; a core/private/ header (the workers and their plumbing) is included only by core and
# its tests.
set -u
cd "$(dirname "$0")/../.."
status=0
fail() { echo "layer violation: $*"; status=1; }

while IFS= read -r hit; do fail "core includes $hit"; done < <(
    grep -rnE '#include [<"](ui/|app/|Qt(Widgets|Gui)|QWidget|QPainter|QColor|QApplication)' core)
while IFS= read -r hit; do fail "ui includes $hit"; done < <(grep -rn '#include "app/' ui)
# The lesson engine (lessons/) is the Qt-Core library: no widget, no GUI, nothing of ui/.
while IFS= read -r hit; do fail "lessons/ (Qt-Core library) includes $hit"; done < <(
    grep -rnE '#include [<"](ui/|app/|Qt(Widgets|Gui)|QWidget|QPainter|QColor|QFont|QPalette|QApplication)' lessons)
# The item models (ui/models/, socketlab_models) are Qt Gui: no widget, nothing of ui/ beyond them.
while IFS= read -r hit; do fail "ui/models/ (Qt Gui library) includes $hit"; done < <(
    grep -rnE '#include [<"](app/|QtWidgets|QWidget|QApplication|QAbstractItemView|QStyle)' ui/models;
    grep -rnE '#include "ui/' ui/models | grep -v '#include "ui/models/')
while IFS= read -r hit; do fail "outside core: $hit"; done < <(
    grep -rn '#include "core/private/' app ui lessons bench translations 2>/dev/null)

[ $status = 0 ] && echo "layers: ok"
exit $status
