# Sourced by ./dedup and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'; }

pick_jdk() {
  local home major
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* /opt/java/*; do
    [ -n "$home" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$home"; return 0; fi
  done
  return 1
}

if ! JAVA_HOME=$(pick_jdk); then
  echo "dedup: no JDK >= 21 found (looked at \$JAVA_HOME and /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk'" >&2
  exit 1
fi
export JAVA_HOME
