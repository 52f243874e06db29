#!/usr/bin/env bash
# Installs the Debian packages SocketLab needs to build, run and test, when any is missing
# (the same names on Debian 12 and 13).
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    clang-format  # scripts/check-format.sh: the tree follows .clang-format
    strace  # tests/trace: the reference the tracer's calls are compared with (skipped without)
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6svg6 qt6-svg-dev libgl-dev fonts-dejavu-core  # qt6-svg-dev: QSvgGenerator (diagram export)
    python3 netcat-openbsd socat
    xvfb xauth openbox  # tests/ui/run-in-window-manager.sh: the real-window test (skipped without)
    iproute2  # tests/hostile: the two-host test builds network namespaces (runs as root only)
    iperf3  # bench/run.py: the 64 KiB loopback reference (not needed by the tests)
    tshark  # tests/capture: opens the pcapng files --capture writes (brings dumpcap along)
    help2man locales  # man pages (locales: the pt_BR definitions help2man's headings need)
    # scripts/check-package.sh: build the .deb and check it
    dpkg-dev file desktop-file-utils appstream lintian man-db groff-base bash-completion
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
# wireshark-common asks whether non-root users may capture: answer it before, so the install
# never stops to ask (No: SocketLab's tests capture as root or say how to allow it).
echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
