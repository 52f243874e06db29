#!/usr/bin/env bash
# Runs a test on a private 1024x768 X server (xvfb-run) with the openbox window manager, so
# windows are mapped, framed and made full screen as on a teacher's desktop. Exits 77 (CTest's
# skip) when either is not installed.
set -u
if [ "${1:-}" = "--inside" ]; then
    shift
    # Under AddressSanitizer: the system libraries behind the xcb platform keep memory to exit.
    export LSAN_OPTIONS="suppressions=$(dirname "$(readlink -f "$0")")/lsan-xcb.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    openbox --sm-disable >/dev/null 2>&1 &
    wm=$!
    QT_QPA_PLATFORM=xcb "$@"
    status=$?
    kill "$wm" 2>/dev/null
    wait "$wm" 2>/dev/null
    exit $status
fi
for tool in xvfb-run xauth Xvfb openbox; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (scripts/install-deps.sh installs xvfb, xauth and openbox)"
        exit 77
    fi
done
exec xvfb-run -a -s "-screen 0 1024x768x24 -nolisten tcp" bash "$0" --inside "$@"
