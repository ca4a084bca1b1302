# Sourced by lpm's scripts: points JAVA_HOME at a JDK of version 25 or newer.
# Keeps a JAVA_HOME that is already new enough; otherwise looks in the system's JVM folder.
lpm_java_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(lpm_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  JAVA_HOME=
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(lpm_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then JAVA_HOME=$candidate; break; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "lpm needs a JDK 25 or newer; none found in /usr/lib/jvm (install one, or set JAVA_HOME)" >&2
    exit 1
  fi
fi
export JAVA_HOME
