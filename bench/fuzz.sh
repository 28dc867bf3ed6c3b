#!/usr/bin/env bash
# Fuzzes the mail parser or the HTML sanitiser with Jazzer (coverage-guided, libFuzzer underneath) for a number of
# executions, starting from the shared mail corpus (read in place from ../shared/corpus/mail, never copied).
#
#   bench/fuzz.sh parser 10000000
#   bench/fuzz.sh html 10000000
#
# The inputs the fuzzer finds interesting go to .cifuzz-corpus/<target>/ (git-ignored) and are reused by the next
# run. A finding (an exception escaping the target, or swallowed by one of the parser's guards; an output the sanitiser
# must not give; a hang over FUZZ_TIMEOUT seconds; more than FUZZ_RSS_MB of memory) is written to
# bench/results/fuzz-<target>/ (git-ignored; Jazzer may also drop it into the target's Inputs directory under
# src/test/resources/org/regard/mail/parsing/). Once fixed, the input is committed there, where every build runs it.
# Ctrl-C (SIGINT) stops a run cleanly and still prints the final statistics; SIGTERM counts as a crash.
# Knobs: FUZZ_MAX_LEN (bytes per input, default 8192 for parser, 2048 for html), FUZZ_TIMEOUT (seconds per input, default 30: on a busy machine
# the first inputs take seconds while the classes they reach are loaded and instrumented), FUZZ_RSS_MB (default 3072),
# FUZZ_SECONDS (a time limit as well as the count, 0 = none), FUZZ_SKIP_BUILD=1, FUZZ_JAZZER_ARGS (more Jazzer
# options, e.g. --keep_going=50 to collect several findings in one run), FUZZ_INCLUDES (what is instrumented).
# Run it with `nice -n 19` on a shared machine; it uses one core. Figures: bench/README.md, "Fuzzing".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${1:?usage: bench/fuzz.sh parser|html EXECUTIONS}
RUNS=${2:?usage: bench/fuzz.sh parser|html EXECUTIONS}
case "$TARGET" in
    # what is instrumented for coverage: the parser is Regard's own (Jakarta Mail only reads dates, and the HTML
    # libraries behind it have a target of their own); the sanitiser is jsoup and the OWASP sanitiser under Regard's policy
    # the parser runs many regular expressions: Jazzer's hooks that steer inputs through them cost about 1.5 times the CPU
    # per execution there (measured on 1,465 inputs), so they are off for that target
    parser) CLASS=org.regard.mail.parsing.MailParserFuzzTest METHOD=parse INCLUDES='org.regard.**:jakarta.mail.**'
            HOOKS=--disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexRoadblocks ;;
    # the sanitiser: the policy on top of jsoup (OWASP's sanitiser, StyleBounds, DisguisedLinks); instrumenting jsoup
    # itself cost 3.7 times the time per execution (514 against 1,905 per second), so it is left out, as are the
    # regular-expression hooks, and inputs stay short (FUZZ_MAX_LEN 2048)
    html) CLASS=org.regard.mail.parsing.HtmlSafetyFuzzTest METHOD=sanitise INCLUDES='org.regard.**:org.owasp.html.**'
          HOOKS=--disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexRoadblocks DEFAULT_MAX_LEN=2048 ;;
    *) echo "unknown target $TARGET (parser or html)" >&2; exit 2 ;;
esac
source "$ROOT/bench/java.sh"
cd "$ROOT"
if [[ "${FUZZ_SKIP_BUILD:-0}" != 1 ]]; then
    mvn -q -B test-compile
    mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt
fi
CORPUS=.cifuzz-corpus/$TARGET
FINDINGS=bench/results/fuzz-$TARGET
mkdir -p "$CORPUS" "$FINDINGS"
SEEDS=()
if [[ -d ../shared/corpus/mail ]]; then SEEDS+=(../shared/corpus/mail); else echo "shared corpus not found; starting from nothing" >&2; fi
SEEDS+=("src/test/resources/org/regard/mail/parsing/${CLASS##*.}Inputs/$METHOD")
# always a time limit: without one, Jazzer takes the target's @FuzzTest(maxDuration = "30s"), meant for the JUnit
# fuzzing mode, and a long run stops after 30 seconds; 0 (the default) stands for ten years
SECONDS_LIMIT=${FUZZ_SECONDS:-0}
if [[ "$SECONDS_LIMIT" == 0 ]]; then SECONDS_LIMIT=315360000; fi
LIMIT=(-max_total_time="$SECONDS_LIMIT")
INCLUDES=${FUZZ_INCLUDES:-$INCLUDES}
exec "$JAVA" -Xss8m -Xmx1g -cp "target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)" \
    com.code_intelligence.jazzer.Jazzer \
    --target_class="$CLASS" --target_method="$METHOD" \
    --instrumentation_includes="$INCLUDES" --custom_hook_includes="$INCLUDES" \
    --reproducer_path="$FINDINGS" $HOOKS ${FUZZ_JAZZER_ARGS:-} \
    -runs="$RUNS" -max_len="${FUZZ_MAX_LEN:-${DEFAULT_MAX_LEN:-8192}}" -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb="${FUZZ_RSS_MB:-3072}" \
    -report_slow_units="${FUZZ_TIMEOUT:-30}" -artifact_prefix="$FINDINGS/" -print_final_stats=1 -print_pcs=0 "${LIMIT[@]}" \
    "$CORPUS" "${SEEDS[@]}"
