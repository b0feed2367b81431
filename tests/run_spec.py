#!/usr/bin/env python3
"""Run copydesk's folder-per-case suites (tests/spec, tests/regression).

    tests/run_spec.py [--bin build/copydesk] [--dir tests/spec] [--update] [CASE ...]

A case is one folder:
  input.html | input.html.gz | input.*   the page (bytes as given)
  page        instead of an input file: the page's path relative to the
              shared data folder, e.g. `l3s-gn1/html/UUID.html.gz`, for pages
              whose licence forbids copying them into the repository. The
              folder is $CD_DATA when set, else ../shared/data beside the
              repository; when the page is not there the case fails (even a
              known-failing one) and says how to provide it.
  url         optional: passed as --url
  args        optional: extra CLI flags (shell words). A lone `-` feeds the
              input on stdin instead of naming the file. A file TEXT_ARGS in
              the suite folder gives flags for the text run (expected.txt) of
              every case of the suite, put before the case's own
              (tests/regression: --body-only, its cases being about the body).
  expected.txt   optional: exact text output (`copydesk [args] INPUT`): the
                 head (headline, deck, byline, …), then the body, unless the
                 args say --body-only
  expected.json  optional: subset of the JSON record (`copydesk --json [args] INPUT`);
                 every key given must match exactly, except:
                 - "error": true means "an error record, whatever its message";
                 - date_published / date_modified are compared as dates (see
                   same_date): notation may differ, the moment may not;
                 - "text_includes": [...] / "text_excludes": [...] are
                   substrings that must / must not occur in "text";
                 - "also_accept": {"field": [alternative, ...]} lists other
                   values accepted for a genuinely ambiguous field (the case's
                   NOTES says why).
  expect      optional: `ok-or-error` -- any article or error record is fine;
              only the universal checks below apply.

Universal checks for every run: the process is not killed by a signal and
finishes within CPU_SECONDS of CPU time (tests/bounded.py: a bound on work
that a busy machine does not tighten; a wall-clock backstop only catches a
run blocked for ever), stdout is valid UTF-8, the exit status is 0 for
an article and 1 for an error record, and every JSON line parses and carries
"source" and either "text" or "error".

KNOWN_FAILING in the suite folder lists `CASE  reason` lines: those cases are
expected to fail (the expectation is right, the extractor is not there yet).
They are reported apart and do not fail the run -- but a listed case that
passes does, so the list stays true. A crash fails even a listed case.

--update rewrites expected.txt / the keys already in expected.json from the
current output (review the diff first!). Known-failing cases are left alone
unless named on the command line. It never touches text_includes,
text_excludes or also_accept, and it refuses (leaves the file alone) in a suite
whose expectations are hand-made only: one holding a HAND_WRITTEN file
(tests/spec/news).

A sub-folder holding its own KNOWN_FAILING file is another suite (run it with
--dir), not a case of this one. After the cases, the run prints how many
cases pass each expected.json key (--fields-only: that summary alone), so a
suite of real pages doubles as a per-field accuracy measure.
"""
import argparse
import datetime
import json
import os
import re
import shlex
import subprocess
import sys

import bounded

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A case takes well under 0.1 s of CPU (a few times that under ASan): 30 s is a
# loop that does not end.
CPU_SECONDS = 30


def shared_data():
    """The shared data folder: $CD_DATA, else ../shared/data beside the repository."""
    return os.environ.get("CD_DATA") or os.path.join(os.path.dirname(TOP), "shared", "data")


def find_input(case):
    """Returns (path, problem): the case's input file, or None and why not."""
    names = sorted(os.listdir(case))
    if "page" in names:
        rel = read(os.path.join(case, "page")).strip()
        data = shared_data()
        path = os.path.normpath(os.path.join(data, rel))
        if not rel or os.path.isabs(rel) or not path.startswith(os.path.normpath(data) + os.sep):
            return None, "page: %r is not a path inside the shared data folder" % rel
        if not os.path.isdir(data):
            return None, ("page %s: the shared data folder %s is missing (it is not in the repository; "
                          "set CD_DATA=/path/to/shared/data or put shared/ beside the checkout)" % (rel, data))
        if not os.path.isfile(path):
            return None, "page %s: not found in the shared data folder %s" % (rel, data)
        return path, None
    for pref in ("input.html", "input.html.gz"):
        if pref in names:
            return os.path.join(case, pref), None
    for n in names:
        if n.startswith("input"):
            return os.path.join(case, n), None
    return None, "no input file (input.* or page)"


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def text_args(case):
    """The flags TEXT_ARGS in the case's suite folder gives every text run."""
    path = os.path.join(os.path.dirname(os.path.abspath(case)), "TEXT_ARGS")
    return shlex.split(read(path)) if os.path.exists(path) else []


def run(binary, case, inp, json_mode):
    args = [] if json_mode else text_args(case)
    if os.path.exists(os.path.join(case, "args")):
        args += shlex.split(read(os.path.join(case, "args")))
    if os.path.exists(os.path.join(case, "url")):
        args = ["--url", read(os.path.join(case, "url")).strip()] + args
    stdin_data = None
    if "-" in args:
        stdin_data = read(inp, "rb")
    else:
        args.append(os.path.relpath(inp, TOP))
    cmd = [binary] + (["--json"] if json_mode else []) + args
    try:
        p = bounded.run(cmd, cpu=CPU_SECONDS, input=stdin_data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        cwd=TOP, stdin=None if stdin_data is not None else subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        return None, [str(e)], True
    except OSError as e:
        return None, ["cannot run %s: %s" % (binary, e)], True
    problems, crashed = [], False
    if p.returncode < 0:
        crashed = True
        problems.append("killed by signal %d: %s" % (-p.returncode, " ".join(cmd)))
    elif p.returncode not in (0, 1):
        problems.append("exit status %d: %s" % (p.returncode, " ".join(cmd)))
    try:
        out = p.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append("stdout is not valid UTF-8 (%s)" % e)
        out = p.stdout.decode("utf-8", "replace")
    rec = None
    if json_mode and not crashed:
        lines = [l for l in out.split("\n") if l.strip()]
        if len(lines) != 1:
            problems.append("expected 1 JSON line, got %d" % len(lines))
        for l in lines:
            try:
                r = json.loads(l)
            except ValueError as e:
                problems.append("JSON line does not parse (%s): %.200s" % (e, l))
                continue
            if not isinstance(r, dict) or "source" not in r or ("text" not in r and "error" not in r):
                problems.append("record lacks source/text/error: %.200s" % l)
                continue
            rec = r
        if rec is not None:
            want = 1 if "error" in rec else 0
            if p.returncode >= 0 and p.returncode != want:
                problems.append("exit status %d with %s record" % (p.returncode, "an error" if want else "a text"))
    return (rec if json_mode else out), problems, crashed


DATE_KEYS = ("date_published", "date_modified")
FIELD_ORDER = ["error", "url", "title", "deck", "authors", "date_published", "date_modified", "site_name",
               "language", "description", "section", "image", "image.url", "image.caption", "image.credit",
               "credit", "dateline", "tags",
               "text", "text_includes", "text_excludes", "markdown"]
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})"
                      r"(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?"
                      r"(Z|[+-]\d{2}:?\d{2})?)?$")


def norm_date(v):
    """A date string in copydesk's normal form: YYYY-MM-DD, optionally
    THH:MM:SS (seconds added, fractions dropped) and Z or +HH:MM. Returns
    (normal string, aware datetime or None), or None when v is not an ISO date."""
    if not isinstance(v, str):
        return None
    m = _DATE_RE.match(v.strip())
    if not m:
        return None
    y, mo, d, h, mi, sec, zone = m.groups()
    out = "%s-%s-%s" % (y, mo, d)
    if h is None:
        return out, None
    out += "T%s:%s:%s" % (h, mi, sec or "00")
    if zone is None:
        return out, None
    if zone != "Z":
        zone = zone.replace(":", "")
        zone = "%s:%s" % (zone[:3], zone[3:])
    out += zone
    try:
        tz = datetime.timezone.utc if zone == "Z" else datetime.timezone(
            (1 if zone[0] == "+" else -1) * datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
        moment = datetime.datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0), tzinfo=tz)
    except ValueError:
        return out, None
    return out, moment


def same_date(want, got):
    """Dates are compared at the precision the expectation (the page) gives:
    equal after normalising the notation (seconds added, fractions dropped,
    +0000 = +00:00); when both carry a zone, equal as moments, since a page
    that states 17:00-05:00 in one place and 22:00Z in another is right either
    way. A date-only expectation needs a date-only value (a made-up midnight is
    wrong), and a time without a zone is not the same as one with a zone."""
    if want is None or got is None:
        return want is got
    w, g = norm_date(want), norm_date(got)
    if w is None or g is None:
        return want == got
    if w[1] is not None and g[1] is not None:
        return w[1] == g[1]
    return w[0] == g[0]


def field_ok(key, want, got):
    if key in DATE_KEYS:
        return same_date(want, got)
    return want == got


def diff(want, got):
    import difflib
    d = difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "actual", lineterm="", n=1)
    return "\n".join(list(d)[:60])


def check_case(binary, case, update, fields=None, hand_only=False):
    """Returns (problems, crashed). fields, when given, counts [passed, checked]
    per expected.json key."""
    inp, why = find_input(case)
    if not inp:
        # A missing input is never an expected failure: report it as a hard one.
        return [why], True
    exp_txt = os.path.join(case, "expected.txt")
    exp_json = os.path.join(case, "expected.json")
    expect = os.path.join(case, "expect")
    if not any(os.path.exists(x) for x in (exp_txt, exp_json, expect)):
        return ["no expected.txt, expected.json or expect"], False
    problems, crashed = [], False

    out, probs, cr = run(binary, case, inp, False)
    problems += ["text: " + x for x in probs]
    crashed |= cr
    if os.path.exists(exp_txt) and out is not None and not cr:
        want = read(exp_txt)
        if want.rstrip("\n") != out.rstrip("\n"):
            if update and not hand_only:
                with open(exp_txt, "w", encoding="utf-8") as f:
                    f.write(out.rstrip("\n") + "\n")
            else:
                problems.append("text differs:\n" + diff(want, out))

    rec, probs, cr = run(binary, case, inp, True)
    problems += ["json: " + x for x in probs]
    crashed |= cr
    if os.path.exists(exp_json) and not cr:
        want = json.loads(read(exp_json))
        rec = rec or {}
        text = rec.get("text") if isinstance(rec.get("text"), str) else ""
        accept = want.get("also_accept") or {}
        bad = []
        for k, v in want.items():
            if k == "also_accept":
                continue
            if k == "error" and v is True:
                ok = "error" in rec
                if not ok:
                    bad.append("expected an error record, got %.200s" % json.dumps(rec, ensure_ascii=False))
            elif k == "text_includes":
                miss = [x for x in v if x not in text]
                ok = not miss
                if miss:
                    bad.append("text_includes: not in text: %s" % json.dumps(miss, ensure_ascii=False))
            elif k == "text_excludes":
                there = [x for x in v if x in text]
                ok = not there
                if there:
                    bad.append("text_excludes: in text: %s" % json.dumps(there, ensure_ascii=False))
            else:
                ok = any(field_ok(k, alt, rec.get(k)) for alt in [v] + list(accept.get(k, [])))
                if not ok:
                    bad.append("%s: expected %s, got %s" % (k, json.dumps(v, ensure_ascii=False),
                                                            json.dumps(rec.get(k), ensure_ascii=False)))
            if fields is not None:
                fields.setdefault(k, [0, 0])
                fields[k][1] += 1
                fields[k][0] += 1 if ok else 0
                if isinstance(v, dict) and k != "also_accept":
                    # Object fields (image) are also counted per member, for the
                    # accuracy summary only: "image.url", "image.caption", ...
                    got = rec.get(k)
                    alts = [a for a in [v] + list(accept.get(k, [])) if isinstance(a, dict)]
                    for sub in v:
                        name = "%s.%s" % (k, sub)
                        fields.setdefault(name, [0, 0])
                        fields[name][1] += 1
                        # no object at all fails every member, null ones included
                        fields[name][0] += 1 if isinstance(got, dict) and any(
                            a.get(sub) == got.get(sub) for a in alts) else 0
        if "error" not in want and "error" in rec:
            bad.append("unexpected error record: %s" % rec["error"])
        if bad and update and hand_only:
            problems.append("not updated: the suite is hand-written (HAND_WRITTEN), edit expected.json")
            problems += bad
        elif bad and update:
            for k in want:
                if not (k == "error" and want[k] is True) and k not in ("text_includes", "text_excludes",
                                                                        "also_accept"):
                    want[k] = rec.get(k)
            with open(exp_json, "w", encoding="utf-8") as f:
                json.dump(want, f, ensure_ascii=False, indent=2)
                f.write("\n")
        else:
            problems += bad
    if os.path.exists(expect):
        mode = read(expect).strip()
        if mode != "ok-or-error":
            problems.append("unknown expect mode %r" % mode)
    return problems, crashed


def load_known(suite):
    known = {}
    path = os.path.join(suite, "KNOWN_FAILING")
    if os.path.exists(path):
        for line in read(path).splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                known[name] = reason.strip()
    return known


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--dir", default=os.path.join(TOP, "tests", "spec"))
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--fields-only", action="store_true",
                    help="print only the per-field summary (and failures that are not known)")
    ap.add_argument("--suggest-known", action="store_true",
                    help="print a KNOWN_FAILING line (the failing keys) for every failing case")
    ap.add_argument("cases", nargs="*")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    suite = os.path.abspath(a.dir)
    name = os.path.basename(suite)
    if not os.access(binary, os.X_OK):
        print("%s: binary not found: %s" % (name, binary))
        print("0 passed, 1 failed")
        return 1
    # A sub-folder with its own KNOWN_FAILING is a suite of its own (tests/spec/news).
    all_cases = sorted(d for d in os.listdir(suite) if os.path.isdir(os.path.join(suite, d))
                       and not os.path.exists(os.path.join(suite, d, "KNOWN_FAILING")))
    hand_only = os.path.exists(os.path.join(suite, "HAND_WRITTEN"))
    known = load_known(suite)
    fields = {}
    suggest = []
    passed = failed = kfail = 0
    for k in sorted(known):
        if k not in all_cases:
            print("FAIL %s: listed in KNOWN_FAILING but no such case" % k)
            failed += 1
    cases = a.cases or all_cases
    for c in cases:
        if c not in all_cases:
            print("FAIL %s: no such case" % c)
            failed += 1
            continue
        is_known = c in known
        update = a.update and (not is_known or c in a.cases)
        problems, crashed = check_case(binary, os.path.join(suite, c), update, fields, hand_only)
        if problems:
            keys = []
            for p in problems:
                k = p.split(":", 1)[0] if ":" in p.split("\n", 1)[0] else p
                k = "text" if k.startswith("text") and k not in ("text_includes", "text_excludes") else k
                if k not in keys:
                    keys.append(k)
            suggest.append("%-28s %s" % (c, ", ".join(keys)))
        if not problems:
            if is_known and not update:
                print("FAIL %s: listed in KNOWN_FAILING but passes now -- remove it from the list" % c)
                failed += 1
            else:
                if not a.fields_only:
                    print("ok   %s%s" % (c, " (updated)" if update and a.update else ""))
                passed += 1
        elif is_known and not crashed:
            if not a.fields_only:
                print("KNOWN %s: %s" % (c, known[c]))
                for p in problems:
                    print("       " + p.replace("\n", "\n       "))
            kfail += 1
        else:
            print("FAIL %s" % c)
            for p in problems:
                print("     " + p.replace("\n", "\n     "))
            failed += 1
    if a.suggest_known and suggest:
        print("-- KNOWN_FAILING lines for the failing cases:")
        for line in suggest:
            print(line)
    if fields:
        # Per-field accuracy: how many cases that check a key get it right.
        print("%s: per field (cases passing / cases checking it):" % name)
        for k in sorted(fields, key=lambda k: (FIELD_ORDER.index(k) if k in FIELD_ORDER else 99, k)):
            ok, n = fields[k]
            print("  %-16s %3d/%-3d %s" % (k, ok, n, "" if ok == n else "(%d failing)" % (n - ok)))
    print("%s: %d known failing (listed in KNOWN_FAILING)" % (name, kfail))
    print("%s: %d passed, %d failed" % (name, passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
