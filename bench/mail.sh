#!/usr/bin/env bash
# Regard mail-intake benchmark, on this machine only (127.0.0.1):
#   an IMAP server inside the bench tool, Regard reading it through a declared mailbox, the shared mail corpus
#   delivered into it COPIES times (new Message-IDs each time), then one 25 MB message; prints messages/s from raw
#   bytes to committed ticket and the heap Regard used for the big message.
#
# Usage: bench/mail.sh h2|postgresql
# Knobs (environment): BENCH_COPIES=3 BENCH_BIG_MB=25 BENCH_HEAP=512m BENCH_SKIP_BUILD=1 BENCH_PG_DB=regard_bench_mail
#        BENCH_CORPUS=../shared/corpus/mail JAVA=/path/to/java (21+)
set -euo pipefail

DB=${1:-}
if [[ "$DB" != h2 && "$DB" != postgresql ]]; then
    echo "usage: $0 h2|postgresql" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COPIES=${BENCH_COPIES:-3}
BIG_MB=${BENCH_BIG_MB:-25}
HEAP=${BENCH_HEAP:-512m}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpus/mail}
ADMIN=admin@bench.example.com
ADMIN_PASSWORD=bench-admin-password
ADDRESS=support@bench.example.com

# a JDK 21 or newer (the default java may be older)
source "$ROOT/bench/java.sh"

WORK=$(mktemp -d /tmp/regard-mail-bench.XXXXXX)
RESULTS="$ROOT/bench/results/$(date -u +%Y%m%d-%H%M%S)-mail-$DB"
mkdir -p "$RESULTS"
BENCH_JAR="$ROOT/bench/target/regard-bench.jar"
REGARD_PID=
TOOL_PID=
cleanup() {
    [[ -n "$REGARD_PID" ]] && kill "$REGARD_PID" 2>/dev/null || true
    [[ -n "$TOOL_PID" ]] && kill "$TOOL_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
    [[ "$DB" == postgresql ]] && dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB" 2>/dev/null || true
}
trap cleanup EXIT

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    (cd "$ROOT" && mvn -q -B -DskipTests package)
    (cd "$ROOT" && mvn -q -B -f bench/pom.xml package)
fi
APP_JAR=$(ls "$ROOT"/target/regard-*.jar | grep -v original | head -n 1)

if [[ "$DB" == h2 ]]; then
    # AUTO_SERVER lets the bench tool read the database while Regard has it open
    URL="jdbc:h2:file:$WORK/regard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"
    DBUSER=sa
else
    PGDB=${BENCH_PG_DB:-regard_bench_mail}
    dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB"
    createdb -h 127.0.0.1 -U postgres "$PGDB"
    URL="jdbc:postgresql://127.0.0.1:5432/$PGDB"
    DBUSER=postgres
fi
PORT=$("$JAVA" -cp "$BENCH_JAR" org.regard.bench.FreePort)

"$JAVA" -cp "$BENCH_JAR" org.regard.bench.MailIntakeLoad --url="$URL" --user="$DBUSER" --corpus="$CORPUS" \
    --copies="$COPIES" --big-mb="$BIG_MB" --base="http://127.0.0.1:$PORT" --admin="$ADMIN" --password="$ADMIN_PASSWORD" \
    --address="$ADDRESS" --port-file="$WORK/ports" --ready-file="$WORK/ready" --pid-file="$WORK/pid" \
    > >(tee "$RESULTS/mail-intake.txt") 2>&1 &
TOOL_PID=$!
for _ in $(seq 1 60); do [[ -s "$WORK/ports" ]] && break; sleep 0.5; done
read -r IMAP_PORT SMTP_PORT < "$WORK/ports" || true   # the file has no final newline

"$JAVA" -Xmx"$HEAP" -jar "$APP_JAR" --server.address=127.0.0.1 --server.port="$PORT" --regard.data-dir="$WORK" \
    --regard.demo=false --spring.datasource.url="$URL" --spring.datasource.username="$DBUSER" \
    --regard.admin.email="$ADMIN" --regard.admin.password="$ADMIN_PASSWORD" --regard.mail.secret-key=bench \
    --regard.mail.poll-interval=1s \
    --regard.mail.mailboxes[0].address="$ADDRESS" --regard.mail.mailboxes[0].display-name="Bench Support" \
    --regard.mail.mailboxes[0].team=Support \
    --regard.mail.mailboxes[0].imap.host=127.0.0.1 --regard.mail.mailboxes[0].imap.port="$IMAP_PORT" \
    --regard.mail.mailboxes[0].imap.security=none --regard.mail.mailboxes[0].imap.username="$ADDRESS" \
    --regard.mail.mailboxes[0].imap.password=bench-mail-password \
    --regard.mail.mailboxes[0].smtp.host=127.0.0.1 --regard.mail.mailboxes[0].smtp.port="$SMTP_PORT" \
    --regard.mail.mailboxes[0].smtp.security=none \
    >>"$RESULTS/regard-console.log" 2>&1 &
REGARD_PID=$!
for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$REGARD_PID" 2>/dev/null || { echo "Regard did not start; see $RESULTS/regard-console.log" >&2; exit 1; }
    sleep 1
done
echo "$REGARD_PID" > "$WORK/pid"
touch "$WORK/ready"
wait "$TOOL_PID"
TOOL_PID=
{
    echo
    echo "Regard mail intake: $DB, heap $HEAP, $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg)"
    grep '^RESULT' "$RESULTS/mail-intake.txt" | cut -f2- | tr '\t' ' '
} | tee "$RESULTS/summary.txt"
