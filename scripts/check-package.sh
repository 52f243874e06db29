#!/usr/bin/env bash
# Builds the .deb from a built tree (default: build) and checks it as a distribution would:
# desktop-file-validate, appstreamcli validate --no-net, lintian, the man pages render without
# warnings, and the packaged programs print their version from an extracted copy.
# Needs no display and no network. Exit 0 when every check passes.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

failures=0
check() {  # check NAME COMMAND...: runs COMMAND, reports it, counts a failure
    local name=$1; shift
    local output
    if output=$("$@" 2>&1); then
        echo "ok    $name"
    else
        echo "FAIL  $name"
        printf '%s\n' "$output" | sed 's/^/      /'
        failures=$((failures + 1))
    fi
}

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
arch=$(dpkg --print-architecture)
deb="$build/package/socketlab_${version}_${arch}.deb"
rm -f "$build"/package/socketlab_*.deb
echo "== package $deb"
if ! cpack --config "$build/CPackConfig.cmake" -B "$build/package" >"$build/package.log" 2>&1 \
        || [ ! -f "$deb" ]; then
    cat "$build/package.log"
    echo "FAIL  cpack did not make $deb"
    exit 1
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

silent() {  # silent COMMAND...: succeeds and prints nothing (desktop-file-validate's hints too)
    local out
    out=$("$@" 2>&1) || { printf '%s\n' "$out"; return 1; }
    [ -z "$out" ] || { printf '%s\n' "$out"; return 1; }
}
check "desktop-file-validate" \
    silent desktop-file-validate "$root/usr/share/applications/socketlab.desktop"
check "appstreamcli validate --no-net" \
    appstreamcli validate --no-net "$root"/usr/share/metainfo/*.metainfo.xml
# No errors and no warnings; an accepted warning is suppressed here with its reason in the README.
check "lintian" \
    lintian --fail-on error,warning --tag-display-limit 0 "$deb"

changelog_matches() {  # resources/debian/changelog gets an entry for each new version
    local top
    top=$(zcat "$root/usr/share/doc/socketlab/changelog.gz" | head -n 1)
    [[ $top == "socketlab ($version) "* ]] || { echo "top entry: $top"; return 1; }
}
check "changelog names $version" changelog_matches

man_renders() {  # man -l prints groff's warnings on standard error
    local warnings
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$1" 2>&1 >/dev/null) || return 1
    [ -z "$warnings" ] || { printf '%s\n' "$warnings"; return 1; }
}
pages=("$root"/usr/share/man/man1/*.1.gz "$root"/usr/share/man/pt_BR/man1/*.1.gz)
[ ${#pages[@]} -eq 4 ] || { echo "FAIL  expected 4 man pages, found: ${pages[*]}"; failures=$((failures + 1)); }
for page in "${pages[@]}"; do
    check "man -l ${page#"$root"}" man_renders "$page"
done

same() {  # same EXPECTED COMMAND...: the command's standard output is exactly EXPECTED
    local out
    out=$("${@:2}") || return 1
    [ "$out" = "$1" ] || { echo "printed \"$out\", expected \"$1\""; return 1; }
}
check "packaged socketlab-cli --version" \
    same "socketlab-cli $version" "$root/usr/bin/socketlab-cli" --version
check "packaged socketlab --version" \
    same "socketlab $version" env QT_QPA_PLATFORM=offscreen "$root/usr/bin/socketlab" --version

completion() {  # the completion loads and offers the commands
    bash -c 'source /usr/share/bash-completion/bash_completion && source "$1" &&
             COMP_WORDS=(socketlab-cli se) COMP_CWORD=1 COMP_LINE="socketlab-cli se" COMP_POINT=16 &&
             _socketlab_cli socketlab-cli se socketlab-cli && [ "${COMPREPLY[*]}" = server ]' \
        _ "$root/usr/share/bash-completion/completions/socketlab-cli"
}
check "bash completion" completion

echo "== package contents"
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends | sed 's/^/      /'
if [ $failures -ne 0 ]; then
    echo "$failures package check(s) failed"
    exit 1
fi
echo "all package checks passed"
