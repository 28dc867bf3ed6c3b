# Sourced by the bench scripts: sets JAVA to a Java 21 or newer (the default java may be older), unless already set.
if [[ -z "${JAVA:-}" ]]; then
    for candidate in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
        [[ -x "$candidate" ]] || continue
        major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
        if [[ "${major%%.*}" -ge 21 ]]; then JAVA=$candidate; break; fi
    done
fi
[[ -n "${JAVA:-}" ]] || { echo "no Java 21+ found; set JAVA=" >&2; exit 2; }
