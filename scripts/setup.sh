#!/usr/bin/env bash
# One-time set-up for building and testing lpm on Debian: host tools from apt (when missing; needs root)
# and the guest software the tests boot (Debian riscv64 packages, cached outside the repo).
set -euo pipefail
cd "$(dirname "$0")/.."
host_packages=(maven binutils-riscv64-linux-gnu gcc-riscv64-linux-gnu device-tree-compiler qemu-system-misc
               cpio xz-utils iproute2 e2fsprogs)
missing=()
for p in "${host_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
. scripts/java-home.sh
# The guest image's packages (kernel, OpenSBI, busybox, redis and its libraries; ~130 MB the first time):
# `./lpm image build` and the tests find them cached, and fetch them on demand when set-up was skipped.
root=$(scripts/guest-packages.sh --image)
echo "setup: JDK $JAVA_HOME; guest packages under $root" >&2
