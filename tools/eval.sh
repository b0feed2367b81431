#!/bin/sh
# Score the current build on the development sets with the shared scorer.
#   tools/eval.sh [wcxb|readability|l3s|cleaneval|all] [extra score.py args]
# (cleaneval runs the 71 pages as one batch, as site-level chrome learning needs.)
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
data=${CD_DATA:-$top/../shared/data}
score=${CD_SCORE:-$top/../shared/eval/score.py}
bin=${CD_BIN:-$top/build/copydesk}
out=${CD_OUT:-/tmp/copydesk-eval}
mkdir -p "$out"
which=${1:-all}
[ $# -gt 0 ] && shift
if [ "$which" = wcxb ] || [ "$which" = all ]; then
    "$bin" --json -q --ordered "$data/wcxb-dev/html" > "$out/wcxb.jsonl" || true
    python3 "$score" wcxb "$data/wcxb-dev" "$out/wcxb.jsonl" --per-type "$@"
fi
if [ "$which" = readability ] || [ "$which" = all ]; then
    find "$data/readability/pages" -name source.html | sort | xargs "$bin" --json -q > "$out/readability.jsonl" || true
    python3 "$score" readability "$data/readability" "$out/readability.jsonl" "$@"
fi
if [ "$which" = l3s ] || [ "$which" = all ]; then
    "$bin" --json -q --ordered "$data/l3s-gn1/html" > "$out/l3s.jsonl" || true
    python3 "$score" l3s "$data/l3s-gn1" "$out/l3s.jsonl" "$@"
fi
if [ "$which" = cleaneval ] || [ "$which" = all ]; then
    "$bin" --json -q --ordered "$data/cleanportaleval/input" > "$out/cleaneval.jsonl" || true
    python3 "$score" cleaneval "$data/cleanportaleval" "$out/cleaneval.jsonl" "$@"
fi
