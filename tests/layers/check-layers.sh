#!/usr/bin/env bash
# The layers docs/architecture.md draws, checked on the sources: core knows no widgets, no ui
# and no app; ui does not include app; the lessons' Qt-Core library includes no widget or GUI
# header; a core/private/ header (the workers and their plumbing) is included only by core and
# its tests.
set -u
cd "$(dirname "$0")/../.."
status=0
fail() { echo "layer violation: $*"; status=1; }

lessons_core="ui/lessons/lessoncatalog ui/lessons/lessoncontroller ui/lessons/lessonruntime
    ui/lessons/lessonsteps ui/lessons/codelisting ui/lessons/recipelisting ui/lessons/processtracker
    ui/lessons/sequencemodel ui/lessons/lessons ui/lessons/lessonscript ui/lessons/lessonstep"

while IFS= read -r hit; do fail "core includes $hit"; done < <(
    grep -rnE '#include [<"](ui/|app/|Qt(Widgets|Gui)|QWidget|QPainter|QColor|QApplication)' core)
while IFS= read -r hit; do fail "ui includes $hit"; done < <(grep -rn '#include "app/' ui)
for base in $lessons_core; do
    for file in "$base.h" "$base.cpp"; do
        [ -f "$file" ] || continue
        grep -nE '#include [<"](QWidget|QPainter|QColor|QFont|QPalette|QApplication|ui/[a-z]+\.h|ui/lessons/(lessonwindow|codeview|processview|eventlogview|sequencediagramwidget|sequencedrawing)\.h)' "$file" \
            | while IFS= read -r hit; do echo "layer violation: $file (Qt-Core library) includes $hit"; done
    done
done | grep . && status=1
while IFS= read -r hit; do fail "outside core: $hit"; done < <(
    grep -rn '#include "core/private/' app ui bench translations 2>/dev/null)

[ $status = 0 ] && echo "layers: ok"
exit $status
