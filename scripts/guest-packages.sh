#!/usr/bin/env bash
# Fetches Debian trixie riscv64 packages (guest software) into lpm's cache and unpacks them there.
# apt-get runs with a private state (its own sources list, lists and cache) and the archive address
# taken from this machine's own apt configuration, so nothing is written to the system's apt state.
#
#   scripts/guest-packages.sh PACKAGE...     # prints the unpack root on stdout
#
# Cache: ${LPM_CACHE:-~/.cache/lpm}/debs  (unpacked tree under .../root)
set -euo pipefail
cache="${LPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lpm}/debs"
root="$cache/root"
mkdir -p "$cache/lists/partial" "$cache/archives/partial" "$cache/pkgs" "$root"
opts=(-o "Dir::Etc::SourceList=$cache/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$cache/lists" -o "Dir::Cache=$cache" -o "Dir::Cache::archives=$cache/archives"
      -o APT::Architecture=riscv64 -o APT::Architectures=riscv64)
if [ ! -s "$cache/sources.list" ]; then
  uri=$(grep -h -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
  [ -n "$uri" ] || uri=$(grep -h -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
  if [ -z "$uri" ]; then
    echo "guest-packages: this machine's apt configuration names no Debian archive" >&2
    exit 1
  fi
  echo "deb [arch=riscv64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$cache/sources.list"
fi
if [ ! -e "$cache/lists/.updated" ]; then
  apt-get "${opts[@]}" update >&2 || { echo "guest-packages: apt-get update of the riscv64 lists failed" >&2; exit 1; }
  touch "$cache/lists/.updated"
fi
for p in "$@"; do
  [ -e "$cache/pkgs/.$p" ] && continue
  (cd "$cache/pkgs" && apt-get "${opts[@]}" download "$p" >&2) \
    || { echo "guest-packages: cannot download $p" >&2; exit 1; }
  for deb in "$cache/pkgs/${p}"_*.deb; do dpkg-deb -x "$deb" "$root"; done
  touch "$cache/pkgs/.$p"
done
echo "$root"
