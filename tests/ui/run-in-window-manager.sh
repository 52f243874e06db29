#!/usr/bin/env bash
# Runs a test on a private 1024x768 X server (xvfb-run) with the openbox window manager, so
# windows are mapped, framed and made full screen as on a teacher's desktop. Exits 77 (CTest's
# skip) when either is not installed.
set -u
if [ "${1:-}" = "--inside" ]; then
    shift
    # Under AddressSanitizer: the system libraries behind the xcb platform keep memory to exit.
    export LSAN_OPTIONS="suppressions=$(dirname "$(readlink -f "$0")")/lsan-xcb.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    # The window manager must own the screen before the test maps its first window: a window
    # mapped while openbox is still starting may never be shown (seen on a busy CI machine).
    ready=$(mktemp -u "${TMPDIR:-/tmp}/socketlab-wm-ready.XXXXXX")
    openbox --sm-disable --startup "touch $ready" >/dev/null 2>&1 &
    wm=$!
    for _ in $(seq 1 200); do
        [ -e "$ready" ] && break
        kill -0 "$wm" 2>/dev/null || break
        sleep 0.1
    done
    if [ ! -e "$ready" ]; then
        echo "openbox did not start within 20 s" >&2
        kill "$wm" 2>/dev/null
        wait "$wm" 2>/dev/null
        exit 1
    fi
    rm -f "$ready"
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
