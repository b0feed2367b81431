#!/bin/sh
# The differential check between two parsers: every page under the shared data
# through two copydesk builds, --json output compared record by record.
#
#   tools/parse_diff.sh OURS_BIN MYHTML_BIN [OUT_DIR]
#
# OURS_BIN / MYHTML_BIN: two copydesk binaries (in issue #14, built with
# -DCOPYDESK_PARSER=own and =myhtml; myhtml's build needs a checkout from
# before its removal, and that checkout's tools/parse_diff.c compared the two
# trees page by page). Any two builds do: e.g. before and after a parser
# change. Writes OUT_DIR/{ours,mine}-SET.jsonl and OUT_DIR/differ.txt (the
# sources whose records differ) and prints the share of identical records.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
data=${CD_DATA:-$top/../shared/data}
ours=${1:?usage: parse_diff.sh OURS_BIN MYHTML_BIN [OUT_DIR]}
mine=${2:?usage: parse_diff.sh OURS_BIN MYHTML_BIN [OUT_DIR]}
out=${3:-/tmp/copydesk-parse-diff}
mkdir -p "$out"
: > "$out/differ.txt"
for set in wcxb-dev/html l3s-gn1/html cleanportaleval/input readability/pages; do
    name=$(echo "$set" | cut -d/ -f1)
    for b in ours mine; do
        eval bin=\$$b
        if [ "$set" = readability/pages ]; then
            find "$data/$set" -name '*.html' | sort | xargs "$bin" --json -q -j 1 > "$out/$b-$name.jsonl" || true
        else
            "$bin" --json -q -j 1 "$data/$set" > "$out/$b-$name.jsonl" || true
        fi
    done
done
python3 - "$out" <<'EOF'
import json, os, sys
out = sys.argv[1]
total = same = 0
diff = []
for f in sorted(os.listdir(out)):
    if not f.startswith("ours-"):
        continue
    a = open(os.path.join(out, f), encoding="utf-8").read().splitlines()
    b = open(os.path.join(out, "mine-" + f[5:]), encoding="utf-8").read().splitlines()
    if len(a) != len(b):
        sys.exit("%s: %d records against %d" % (f, len(a), len(b)))
    n = s = 0
    for x, y in zip(a, b):
        n += 1
        if x == y:
            s += 1
        else:
            diff.append(json.loads(x).get("source", "?"))
    print("%-22s %5d records, %5d identical (%.2f %%)" % (f[5:-6], n, s, 100.0 * s / max(n, 1)))
    total += n
    same += s
with open(os.path.join(out, "differ.txt"), "w") as o:
    o.write("\n".join(diff) + ("\n" if diff else ""))
print("all                    %5d records, %5d identical (%.2f %%); differing sources in %s/differ.txt"
      % (total, same, 100.0 * same / max(total, 1), out))
EOF
