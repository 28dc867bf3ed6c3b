# Sourced by the bench scripts. Before sourcing, set ROOT (the repository), DB (h2|postgresql) and LABEL (names the
# work and results directories). Gives JAVA, WORK, RESULTS, BENCH_JAR and these functions:
#   log TEXT               a heading, also in RESULTS/run.log
#   tool CLASS ARGS...     runs a bench tool (org.regard.bench.CLASS)
#   build                  builds Regard and the tools (unless BENCH_SKIP_BUILD=1) and sets APP_JAR
#   database PGDB          sets URL and DBUSER: an H2 file in WORK, or PostgreSQL database PGDB created afresh (kept
#                          as it is with BENCH_REUSE=1); sets PORT, a free port for Regard
#   start_regard ARGS...   starts Regard on 127.0.0.1:PORT with that database (JVM options from REGARD_JVM_OPTS,
#                          default -Xms1g -Xmx2g; ARGS are more Spring properties) and waits until it is healthy
#   stop_regard            stops it and waits until it is gone
# On exit the work directory and the PostgreSQL database are removed (BENCH_KEEP=1 keeps them), Regard is stopped,
# and a function named cleanup_more runs first when the script defines one.

# a JDK 21 or newer (the default java may be older)
source "$ROOT/bench/java.sh"

if [[ "${BENCH_REUSE:-0}" == 1 && "$DB" == h2 ]]; then
    WORK=${BENCH_WORK:?BENCH_REUSE on H2 needs BENCH_WORK, the directory a run with BENCH_KEEP=1 kept}
else
    WORK=$(mktemp -d "/tmp/regard-$LABEL.XXXXXX")
fi
RESULTS="$ROOT/bench/results/$(date -u +%Y%m%d-%H%M%S)-$LABEL"
mkdir -p "$RESULTS"
BENCH_JAR="$ROOT/bench/target/regard-bench.jar"
REGARD_PID=
PGDB=

log() { printf '\n== %s\n' "$*" | tee -a "$RESULTS/run.log"; }
# the tools read the CPU time of Regard (this pid, when it runs) and of PostgreSQL around what they measure
tool() { BENCH_REGARD_PID="${REGARD_PID:-}" "$JAVA" -cp "$BENCH_JAR" "org.regard.bench.$@"; }

build() {
    if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
        log "building Regard and the bench tools"
        (cd "$ROOT" && mvn -q -B -DskipTests package)
        (cd "$ROOT" && mvn -q -B -f bench/pom.xml package)
    fi
    APP_JAR=${BENCH_APP_JAR:-$(ls "$ROOT"/target/regard-*.jar | grep -v original | head -n 1)}
}

database() {
    if [[ "$DB" == h2 ]]; then
        # the embedded default's settings; AUTO_SERVER lets a bench tool read the file while Regard has it open
        URL="jdbc:h2:file:$WORK/regard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"
        DBUSER=sa
    else
        PGDB=$1
        if [[ "${BENCH_REUSE:-0}" != 1 ]]; then
            dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB"
            createdb -h 127.0.0.1 -U postgres "$PGDB"
        fi
        URL="jdbc:postgresql://127.0.0.1:5432/$PGDB"
        DBUSER=postgres
    fi
    PORT=$(tool FreePort)
}

start_regard() {
    local jvm=(${REGARD_JVM_OPTS:--Xms1g -Xmx2g})
    "$JAVA" "${jvm[@]}" -jar "$APP_JAR" --server.address=127.0.0.1 --server.port="$PORT" --regard.data-dir="$WORK" \
        --regard.demo=false --spring.datasource.url="$URL" --spring.datasource.username="$DBUSER" "$@" \
        >>"$RESULTS/regard-console.log" 2>&1 &
    REGARD_PID=$!
    for _ in $(seq 1 180); do
        if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
        kill -0 "$REGARD_PID" 2>/dev/null || { echo "Regard did not start; see $RESULTS/regard-console.log" >&2; exit 1; }
        sleep 1
    done
    echo "Regard did not answer within 180 s; see $RESULTS/regard-console.log" >&2
    exit 1
}

stop_regard() {
    if [[ -n "$REGARD_PID" ]] && kill -0 "$REGARD_PID" 2>/dev/null; then
        kill "$REGARD_PID"
        for _ in $(seq 1 60); do kill -0 "$REGARD_PID" 2>/dev/null || break; sleep 1; done
    fi
    REGARD_PID=
}

cleanup() {
    if declare -F cleanup_more >/dev/null; then cleanup_more; fi
    stop_regard
    if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
        rm -rf "$WORK"
        if [[ -n "$PGDB" ]]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB" 2>/dev/null || true; fi
    else
        echo "kept: $WORK ${PGDB:-}"
    fi
}
trap cleanup EXIT
