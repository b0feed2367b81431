"""The spec and regression fixtures (tests/spec, tests/regression; see
tests/spec/README.md), run through copydesk.extract() instead of the CLI, so
the binding is held to the same contract as `copydesk`.

args map to keyword arguments (--keep-comments -> keep_comments=True,
--format markdown -> format="markdown", --charset X -> charset="X", ...);
`url` -> url=; a lone `-` (stdin) makes the CLI's source "-". expected.txt is
compared with extract(format="text") (or the record's `markdown` for --format
markdown), with the suite's TEXT_ARGS added (tests/regression: --body-only),
expected.json key by key with the record. Cases listed in KNOWN_FAILING are strict xfails: one
that starts passing fails here too, as it does in run_spec.py.
"""
import json
import os
import shlex

import pytest

import copydesk
from conftest import SHARED, TOP

SUITES = [os.path.join(TOP, "tests", "spec"), os.path.join(TOP, "tests", "regression")]
# tests/spec/news (a sub-folder with its own KNOWN_FAILING, run by run_spec.py
# --dir) has hand-written field expectations with run_spec.py's own rules
# (dates as moments, also_accept, text_includes): here its pages only feed the
# binding-equals-CLI check.
NEWS = os.path.join(TOP, "tests", "spec", "news")
FLAGS = {"--keep-comments": "keep_comments", "--no-tables": "no_tables",
         "--no-captions": "no_captions", "--no-extract": "no_extract",
         "--keep-parts": "keep_parts", "--explain": "explain", "--body-only": "body_only"}


def _read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def _known(suite):
    path = os.path.join(suite, "KNOWN_FAILING")
    known = {}
    if os.path.exists(path):
        for line in _read(path).splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, why = line.partition(" ")
                known[name] = why.strip()
    return known


def _input(case):
    names = sorted(os.listdir(case))
    if "page" in names:
        # A page named, not copied (licence): relative to the shared data folder.
        rel = _read(os.path.join(case, "page")).strip()
        data = os.environ.get("CD_DATA") or os.path.join(SHARED, "data")
        path = os.path.join(data, rel)
        assert os.path.isfile(path), "page %s: not found in the shared data folder %s (set CD_DATA)" % (rel, data)
        return path
    for pref in ("input.html", "input.html.gz"):
        if pref in names:
            return os.path.join(case, pref)
    for n in names:
        if n.startswith("input"):
            return os.path.join(case, n)
    return None


def _cases():
    out = []
    for suite in SUITES:
        known = _known(suite)
        for name in sorted(os.listdir(suite)):
            case = os.path.join(suite, name)
            if not os.path.isdir(case) or os.path.exists(os.path.join(case, "KNOWN_FAILING")):
                continue  # a sub-suite (tests/spec/news), not a case
            marks = []
            if name in known:
                marks.append(pytest.mark.xfail(reason=known[name], strict=True))
            out.append(pytest.param(case, id="%s/%s" % (os.path.basename(suite), name), marks=marks))
    return out


CASES = _cases()
NEWS_CASES = [pytest.param(os.path.join(NEWS, n), id="spec-news/" + n) for n in sorted(os.listdir(NEWS))
              if os.path.isdir(os.path.join(NEWS, n))] if os.path.isdir(NEWS) else []


def test_fixtures_found():
    # An empty parametrisation would silently test nothing.
    assert len(CASES) >= 15


def _text_args(case):
    """The suite's TEXT_ARGS (run_spec.py): flags for the text run of every case."""
    path = os.path.join(os.path.dirname(case), "TEXT_ARGS")
    return shlex.split(_read(path)) if os.path.exists(path) else []


def _kwargs(case, inp, text=False):
    args = shlex.split(_read(os.path.join(case, "args"))) if os.path.exists(os.path.join(case, "args")) else []
    if text:
        args = _text_args(case) + args
    kw = {}
    stdin = False
    i = 0
    while i < len(args):
        a = args[i]
        if a in FLAGS:
            kw[FLAGS[a]] = True
        elif a == "--format":
            i += 1
            kw["format"] = args[i]
        elif a == "--charset":
            i += 1
            kw["charset"] = args[i]
        elif a == "--url":
            i += 1
            kw["url"] = args[i]
        elif a == "--reference-time":
            i += 1
            import datetime
            kw["reference_time"] = datetime.datetime.fromisoformat(
                args[i].replace("Z", "+00:00"))
        elif a == "-":
            stdin = True
        elif a == "--json":
            pass
        else:
            raise AssertionError("args flag %r has no mapping in test_spec.py" % a)
        i += 1
    if os.path.exists(os.path.join(case, "url")):
        kw["url"] = _read(os.path.join(case, "url")).strip()
    kw["source"] = "-" if stdin else os.path.relpath(inp, TOP)
    return kw


@pytest.mark.parametrize("case", CASES)
def test_case(case):
    inp = _input(case)
    assert inp, "no input file in %s" % case
    kw = _kwargs(case, inp)
    data = _read(inp, "rb")
    exp_txt = os.path.join(case, "expected.txt")
    exp_json = os.path.join(case, "expected.json")
    fmt = kw.get("format", "text")
    try:
        rec = copydesk.extract(data, **kw)
    except copydesk.Error as e:
        rec = {"source": kw["source"], "error": e.status}
        assert isinstance(e.code, int) and e.code > 0
    # The universal checks of run_spec.py.
    assert "source" in rec and ("text" in rec or "error" in rec)
    json.dumps(rec)
    if os.path.exists(exp_txt):
        assert "error" not in rec, rec
        tkw = _kwargs(case, inp, text=True)
        if fmt == "markdown":
            got = copydesk.extract(data, **tkw)["markdown"]
        else:
            tkw["format"] = "text"
            got = copydesk.extract(data, **tkw)
            if tkw.get("body_only"):
                assert got == rec["text"]  # the body alone is the record's text
        assert got.rstrip("\n") == _read(exp_txt).rstrip("\n")
    if os.path.exists(exp_json):
        want = json.loads(_read(exp_json))
        if want.get("error") is True:
            assert "error" in rec, rec
        else:
            assert "error" not in rec, rec
        for k, v in want.items():
            if k == "text_includes":
                assert all(x in rec["text"] for x in v), k
            elif k == "text_excludes":
                assert not any(x in rec["text"] for x in v), k
            elif not (k == "error" and v is True):
                assert rec.get(k) == v, k


# The binding must give the CLI's record whether or not the case's expectations
# hold: KNOWN_FAILING's strict xfails are for test_case, not for this check.
SAME_CASES = [pytest.param(*p.values, id=p.id) for p in CASES]


@pytest.mark.parametrize("case", SAME_CASES + NEWS_CASES)
def test_case_same_record_as_cli(case, cli):
    """The whole dict equals the CLI's JSON record on the same input and flags."""
    from conftest import run_cli
    inp = _input(case)
    kw = _kwargs(case, inp)
    if kw["source"] == "-":
        kw["source"] = os.path.relpath(inp, TOP)
    args = ["--json", "-q"]
    for flag, name in FLAGS.items():
        if kw.get(name):
            args.append(flag)
    for opt in ("format", "charset", "url"):
        if opt in kw:
            args += ["--" + opt, kw[opt]]
    [want] = run_cli(args + [kw["source"]])
    try:
        got = copydesk.extract(_read(inp, "rb"), **kw)
    except copydesk.Error as e:
        got = {"source": kw["source"], "error": e.status}
    assert got == want
    assert list(got) == list(want)  # same key order too
