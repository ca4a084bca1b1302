#!/usr/bin/env bash
# Fetches Debian trixie riscv64 packages (guest software) into lpm's cache and unpacks them there.
# apt-get runs with a private state (its own sources list, lists and cache) and the archive address
# taken from this machine's own apt configuration, so nothing is written to the system's apt state.
#
#   scripts/guest-packages.sh [--manifest FILE] [--exact|--deps|--meta] PACKAGE... [--exact|--deps|--meta PACKAGE...]
#   scripts/guest-packages.sh [--manifest FILE] --image
#
# Prints the unpack root on stdout. The mode flags apply to the packages that follow them:
#   --exact  (default) fetch just PACKAGE;
#   --deps   fetch PACKAGE and its Depends/Pre-Depends closure, as apt-get's own resolver installs it on an
#            empty system (private, empty dpkg status; no Recommends);
#   --meta   PACKAGE is a metapackage: fetch the packages it depends on instead (linux-image-riscv64 ->
#            linux-image-VERSION-riscv64), without their dependencies.
# --image is the set `lpm image build` puts in a guest image (kernel, firmware, busybox, redis).
# --manifest FILE: writes the .deb files that make up the requested packages to FILE, one path a line.
#
# Cache: ${LPM_CACHE:-~/.cache/lpm}/debs  (unpacked tree under .../root; .debs under .../pkgs, where
# .NAME records the .deb fetched for NAME, .deps.NAME the closure of NAME, .meta.NAME what NAME stands for)
# Errors are one line on stderr starting with "guest-packages:" that names the package that failed.
set -euo pipefail
cache="${LPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lpm}/debs"
root="$cache/root"
die() { echo "guest-packages: $*" >&2; exit 1; }

manifest=
specs=()   # "mode package" pairs
mode=exact
while [ $# -gt 0 ]; do
  case "$1" in
    --manifest) [ $# -ge 2 ] || die "--manifest needs a file"; manifest=$2; shift;;
    --exact) mode=exact;; --deps) mode=deps;; --meta) mode=meta;;
    --image) specs+=("meta linux-image-riscv64" "exact opensbi" "exact busybox-static"
                     "deps redis-server" "deps redis-tools");;
    -*) die "unknown option $1";;
    *) specs+=("$mode $1");;
  esac
  shift
done

# Where apt would need root: a cache this user cannot write (typically made by an earlier run as root).
hint_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo " (not root: apt-get cannot write $cache; run as root, or set LPM_CACHE to a directory you own)"
  fi
}
mkdir -p "$cache/lists/partial" "$cache/archives/partial" "$cache/pkgs" "$root" 2>/dev/null || true
opts=(-o "Dir::Etc::SourceList=$cache/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$cache/lists" -o "Dir::Cache=$cache" -o "Dir::Cache::archives=$cache/archives"
      -o APT::Architecture=riscv64 -o APT::Architectures=riscv64)
if [ "$(id -u)" -ne 0 ]; then
  opts+=(-o APT::Sandbox::User="$(id -un)")   # apt drops to _apt only when it is root
fi
log="$cache/apt.log"

# Runs apt-get quietly; its output goes to $log (and to stderr with LPM_VERBOSE=1).
apt_run() {
  if [ "${LPM_VERBOSE:-0}" = 1 ]; then "$@" 2>&1 | tee "$log" >&2; return "${PIPESTATUS[0]}"
  else "$@" >"$log" 2>&1; fi
}
# The reason apt-get gave, for the one-line error: its last E: line, or a permission problem.
apt_reason() {
  local e
  if grep -qi 'permission denied\|are you root' "$log" 2>/dev/null && [ "$(id -u)" -ne 0 ]; then
    hint_root; return
  fi
  e=$(grep -E '^E: Failed to fetch' "$log" 2>/dev/null | head -1 | sed -E 's/^E: Failed to fetch [^ ]+ +//' || true)
  [ -n "$e" ] || e=$(grep -E '^E:' "$log" 2>/dev/null | tail -1 | sed -E 's/^E: //' || true)
  if echo "$e" | grep -qiE 'could not (connect|resolve)|temporary failure|timed out|unreachable|connection failed'; then
    e="no network? $e"
  fi
  [ -n "$e" ] && echo " (${e:0:200})"
  return 0
}

# ensure_lists FIRST: makes sure the package lists are there before anything is fetched or resolved
# (FIRST names the package wanted, for the error).
ensure_lists() {
  local first=$1
  [ -w "$cache/pkgs" ] && [ -w "$cache/lists" ] && [ -w "$root" ] \
    || die "cannot fetch $first: $cache is not writable$(hint_root)"
  if [ ! -s "$cache/sources.list" ]; then
    local uri
    uri=$(grep -h -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
    [ -n "$uri" ] || uri=$(grep -h -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
    [ -n "$uri" ] || die "cannot fetch $first: this machine's apt configuration names no Debian archive"
    echo "deb [arch=riscv64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$cache/sources.list"
  fi
  if [ ! -e "$cache/lists/.updated" ]; then
    echo "guest-packages: updating the riscv64 package lists" >&2
    apt_run apt-get "${opts[@]}" --error-on=any update \
      || die "cannot fetch $first: apt-get update of the riscv64 package lists failed$(apt_reason)"
    touch "$cache/lists/.updated"
  fi
}

# cached NAME: the path of the .deb fetched for NAME, if it was fetched and unpacked before.
cached() {
  local p=$1 deb
  if [ -s "$cache/pkgs/.$p" ]; then
    deb=$cache/pkgs/$(head -1 "$cache/pkgs/.$p")
    [ -e "$deb" ] && echo "$deb"
  elif [ -e "$cache/pkgs/.$p" ]; then   # a marker from before markers named their .deb
    deb=$(ls -t "$cache/pkgs/${p}"_*.deb 2>/dev/null | head -1 || true)
    [ -n "$deb" ] && basename "$deb" > "$cache/pkgs/.$p" && echo "$deb"
  fi
  return 0
}

# fetch "NAME [VERSION]"...: downloads (one apt-get call) and unpacks each package not fetched before.
fetch() {
  local missing=() names=() n v deb
  for nv in "$@"; do
    read -r n v <<< "$nv"
    [ -n "$(cached "$n")" ] && continue
    missing+=("$n${v:+=$v}"); names+=("$n")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  ensure_lists "${names[0]}"
  echo "guest-packages: fetching ${names[*]}" >&2
  if ! (cd "$cache/pkgs" && apt_run apt-get "${opts[@]}" download "${missing[@]}"); then
    for n in "${names[@]}"; do   # name the first package apt-get did not deliver
      ls "$cache/pkgs/${n}"_*.deb >/dev/null 2>&1 || die "cannot download $n$(apt_reason)"
    done
    die "cannot download ${names[*]}$(apt_reason)"
  fi
  for n in "${names[@]}"; do
    deb=$(ls -t "$cache/pkgs/${n}"_*.deb 2>/dev/null | head -1 || true)
    [ -n "$deb" ] || die "cannot download $n (apt-get left no .deb)"
    dpkg-deb -x "$deb" "$root" || die "cannot unpack $n ($deb)"
    basename "$deb" > "$cache/pkgs/.$n"
  done
}

# closure NAME: "name version" lines for NAME and what it depends on, resolved by apt-get for an empty system.
closure() {
  local p=$1 f="$cache/pkgs/.deps.$1"
  if [ ! -s "$f" ]; then
    ensure_lists "$p"
    : > "$cache/empty-status"
    apt_run apt-get "${opts[@]}" -o "Dir::State::status=$cache/empty-status" -o Debug::NoLocking=1 \
        -s --no-install-recommends install "$p" \
      || die "cannot resolve the dependencies of $p$(apt_reason)"
    awk '/^Inst /{v=$3; gsub(/[()]/, "", v); print $2, v}' "$log" > "$f.tmp"
    [ -s "$f.tmp" ] || die "cannot resolve the dependencies of $p (apt-get selected nothing)"
    mv "$f.tmp" "$f"
  fi
  cat "$f"
}

# meta NAME: the packages metapackage NAME depends on.
meta() {
  local p=$1 f="$cache/pkgs/.meta.$1"
  if [ ! -s "$f" ]; then
    ensure_lists "$p"
    apt-cache "${opts[@]}" depends --no-recommends --no-suggests "$p" 2>"$log" \
      | awk '/^ *Depends: [^<]/{print $2}' > "$f.tmp" || true
    [ -s "$f.tmp" ] || die "cannot resolve metapackage $p$(apt_reason)"
    mv "$f.tmp" "$f"
  fi
  cat "$f"
}

wanted=()   # "name [version]", in order, each name once
declare -A seen=()
for spec in "${specs[@]}"; do
  m=${spec%% *}; p=${spec#* }
  case "$m" in
    exact) list="$p";;
    deps) list=$(closure "$p");;
    meta) list=$(meta "$p");;
  esac
  while read -r nv; do
    [ -n "${seen[${nv%% *}]:-}" ] || { seen[${nv%% *}]=1; wanted+=("$nv"); }
  done <<< "$list"
done
fetch "${wanted[@]}"
if [ -n "$manifest" ]; then
  for nv in "${wanted[@]}"; do cached "${nv%% *}"; done > "$manifest"
fi
echo "$root"
