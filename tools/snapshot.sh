#!/bin/sh
# Snapshot the CLI's output over every page under ../shared/data, to check a
# change that must not change output (a refactor) against the tree before it.
#   tools/snapshot.sh DIR          # writes DIR/{json,explain,text,markdown}.out
#   tools/snapshot.sh DIR OLD_DIR  # the same, then diffs against OLD_DIR
# Each file is one run in input order (--ordered), so two snapshots of the same
# output are byte-identical. Text and Markdown are run on the three article sets
# (one record per file, separated by a marker line naming the file).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
data=${CD_DATA:-$top/../shared/data}
bin=${CD_BIN:-$top/build/copydesk}
out=$1
[ -n "$out" ] || { echo "usage: tools/snapshot.sh DIR [OLD_DIR]" >&2; exit 2; }
mkdir -p "$out"
"$bin" --json -q --ordered "$data" > "$out/json.out" || true
"$bin" --json --explain -q --ordered "$data" > "$out/explain.out" || true
"$bin" --json --keep-parts -q --ordered "$data/l3s-gn1" "$data/readability" > "$out/keep-parts.out" || true
for fmt in text markdown; do
    find "$data/l3s-gn1/html" "$data/readability/pages" "$data/wcxb-dev/html" -type f \( -name '*.html' -o -name '*.html.gz' \) | sort |
    while read -r f; do
        echo "=== $f"
        "$bin" --format "$fmt" -q "$f" || echo "(exit $?)"
    done > "$out/$fmt.out"
done
wc -l "$out"/*.out | sed 's/^/snapshot: /'
if [ -n "$2" ]; then
    status=0
    for f in json explain keep-parts text markdown; do
        if cmp -s "$2/$f.out" "$out/$f.out"; then echo "snapshot: $f identical"
        else echo "snapshot: $f DIFFERS"; status=1; fi
    done
    exit $status
fi
