"""One CLI run over a batch of inputs, checked: shared by tests/no_crash.py
(every file under shared/data) and tests/no_crash_corpus.py (every fuzz
corpus file, every format).

Checks: the exit status is 0 or 1, never a signal or another code; stdout is
valid UTF-8. In JSON: every line is an object with "source" and either "text"
or "error"; every input that is not a web archive has at least one record (an archive
has one per HTML or broken record, sources "PATH#ID" / "PATH@OFFSET", and may
have none); the exit status is 1
exactly when an error record was written.
"""
import json
import subprocess
import zlib

import bounded

# Of CPU a run of up to 250 files (tests/bounded.py: all threads; a few s plain,
# 5-20x that in a sanitizer build): against a loop that does not end.
CPU_SECONDS = 300


def _input_of(source, inputs):
    """The input a record's source names (archives append #id or @offset)."""
    if source in inputs:
        return source
    for sep in ("#", "@"):
        cut = source.rfind(sep)
        while cut > 0:
            if source[:cut] in inputs:
                return source[:cut]
            cut = source.rfind(sep, 0, cut)
    return None


def is_archive(path):
    """A WARC/ARC file (after gzip, if any), which may hold no HTML record at all."""
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
        if head[:2] == b"\x1f\x8b":
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except (OSError, zlib.error, EOFError):
        return False
    return head.startswith(b"WARC/") or head.startswith(b"filedesc://")


def check(binary, files, fmt="json"):
    """Returns a list of problems for one CLI run over `files` in `fmt`."""
    args = [binary, "--json", "-q"] if fmt == "json" else [binary, "--format", fmt, "-q"]
    try:
        p = bounded.run(args + files, cpu=CPU_SECONDS, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        return [str(e)]
    probs = []
    if p.returncode < 0:
        probs.append("killed by signal %d" % -p.returncode)
    elif p.returncode not in (0, 1):
        probs.append("exit status %d" % p.returncode)
    try:
        out = p.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        probs.append("stdout is not valid UTF-8: %s" % e)
        out = p.stdout.decode("utf-8", "replace")
    if fmt != "json":
        return probs
    inputs = set(files)
    seen = set()
    errors = 0
    for l in (l for l in out.split("\n") if l):
        try:
            r = json.loads(l)
        except ValueError as e:
            probs.append("unparsable JSON line (%s): %.160s" % (e, l))
            continue
        if not isinstance(r, dict) or not isinstance(r.get("source"), str):
            probs.append("record without source: %.160s" % l)
            continue
        if "error" in r:
            errors += 1
        elif not isinstance(r.get("text"), str):
            probs.append("record with neither text nor error: %.160s" % l)
        owner = _input_of(r["source"], inputs)
        if owner is None:
            probs.append("record for no input: %.160s" % r["source"])
        else:
            seen.add(owner)
    unseen = [f for f in inputs - seen if not is_archive(f)]
    if p.returncode >= 0 and unseen:
        probs.append("%d of %d inputs have no record" % (len(unseen), len(inputs)))
    if p.returncode in (0, 1) and p.returncode != (1 if errors else 0):
        probs.append("exit status %d with %d error records" % (p.returncode, errors))
    return probs
