#!/usr/bin/env python3
"""Compile the word lists of src/lists/*.txt into C (run by CMake at build time).

    python3 tools/gen_wordlists.py --out DIR src/lists/*.txt

writes DIR/wordlists.h and DIR/wordlists.c (only when their text changes, so
that a rebuild recompiles nothing when no list changed). The output depends on
the lists alone (files taken in name order): two runs give the same bytes.

A list file is plain text, one entry a line:

    # class-byline: class/id words of the element that holds the byline.
    # From Readability's _isValidByline and newspaper's author selectors.
    byline
    by-line

- Lines starting with '#' are comments; the file must open with at least one
  (what the list is for, where its entries come from). Blank lines are skipped.
- An entry is the line with the white space around it removed. An entry that
  must keep spaces around it, or starts with '#', '@' or '"', is written in
  double quotes: " and ". Inside quotes, \\" and \\\\ stand for " and \\.
  Text is UTF-8 and written as it is ("mis à jour", "обновл").
- Lines starting with '@' before the first entry are directives:
    @kind array   (the default) a NULL-terminated array in file order:
                  extern const char *const cd_list_NAME[];
    @kind set     a sorted set with a case-insensitive look-up (util/wordset.h):
                  extern const cd_wordset cd_list_NAME;  cd_wordset_has(&cd_list_NAME, s, n)
                  ASCII letters are lower-cased; entries differing only in case are an error.
    @values       each line ends with an integer, the entry's value: an array
                  becomes cd_list_pair[] ({s, value}, ended by {NULL, 0}), a set
                  returns it from cd_wordset_get (values must not be 0).
    @into SET EXPR  the entries go into the set cd_list_SET shared with other
                  files, each with the value EXPR (a C constant expression); an
                  entry in several such files gets their values OR-ed together.
    @include HEADER the generated C file includes HEADER (where EXPR is defined).
  NAME is the file name without .txt, '-' becoming '_'.
- Duplicate entries in one file are an error.
"""
import argparse
import os
import re
import sys

MAX_LEN = 63  # util/wordset.h CD_WORDSET_MAX_LEN


class ListError(Exception):
    pass


def c_name(stem):
    if not re.fullmatch(r"[a-z][a-z0-9-]*", stem):
        raise ListError("%s: list names are lower-case letters, digits and '-'" % stem)
    return stem.replace("-", "_")


def parse_entry(text, path, lineno, with_value):
    """The entry (bytes) and its value (int or None) written on one line."""
    value = None
    if text.startswith('"'):
        out, i = [], 1
        while True:
            if i >= len(text):
                raise ListError("%s:%d: unterminated quote" % (path, lineno))
            ch = text[i]
            if ch == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
                out.append(text[i + 1])
                i += 2
                continue
            if ch == '"':
                break
            out.append(ch)
            i += 1
        entry = "".join(out)
        rest = text[i + 1:].strip()
        if with_value:
            value = rest
        elif rest:
            raise ListError("%s:%d: text after the closing quote" % (path, lineno))
    else:
        entry = text
        if with_value:
            parts = text.rsplit(None, 1)
            if len(parts) != 2:
                raise ListError("%s:%d: an entry and its value expected" % (path, lineno))
            entry, value = parts
    if with_value:
        try:
            value = int(value, 0)
        except (TypeError, ValueError):
            raise ListError("%s:%d: the value must be an integer" % (path, lineno))
    if not entry:
        raise ListError("%s:%d: empty entry" % (path, lineno))
    return entry.encode("utf-8"), value


def parse_file(path):
    stem = os.path.basename(path)[:-4]
    lst = {"path": path, "file": os.path.basename(path), "name": c_name(stem), "kind": "array",
           "values": False, "into": None, "includes": [], "about": None, "entries": []}
    seen_entry = False
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n").strip()
            if not line:
                continue
            if line.startswith("#"):
                if lst["about"] is None and not seen_entry:
                    about = line.lstrip("#").strip()
                    if about.startswith(stem + ":"):
                        about = about[len(stem) + 1:].strip()
                    lst["about"] = about
                continue
            if line.startswith("@") and not seen_entry:
                words = line.split()
                d = words[0]
                if d == "@kind" and len(words) == 2 and words[1] in ("array", "set"):
                    lst["kind"] = words[1]
                elif d == "@values" and len(words) == 1:
                    lst["values"] = True
                elif d == "@into" and len(words) >= 3:
                    lst["into"] = (c_name(words[1]), " ".join(words[2:]))
                    lst["kind"] = "set"
                elif d == "@include" and len(words) == 2:
                    lst["includes"].append(words[1])
                else:
                    raise ListError("%s:%d: unknown directive %r" % (path, lineno, line))
                continue
            if lst["about"] is None:
                raise ListError("%s: the file must open with a comment saying what the list is for"
                                % path)
            seen_entry = True
            entry, value = parse_entry(line, path, lineno, lst["values"])
            lst["entries"].append((entry, value, lineno))
    if not lst["entries"]:
        raise ListError("%s: no entries" % path)
    if lst["into"] and lst["values"]:
        raise ListError("%s: @into and @values do not go together" % path)
    keys = {}
    for entry, _, lineno in lst["entries"]:
        key = entry.lower() if lst["kind"] == "set" else entry
        if key in keys:
            raise ListError("%s:%d: duplicate of line %d: %r" % (path, lineno, keys[key],
                                                                  entry.decode("utf-8")))
        keys[key] = lineno
        if b"\0" in entry:
            raise ListError("%s:%d: zero byte in an entry" % (path, lineno))
    return lst


def c_string(b):
    """A C string literal for the bytes b (octal escapes for all but plain ASCII)."""
    out = ['"']
    for ch in b:
        if 0x20 <= ch < 0x7F and ch not in b'"\\?':
            out.append(chr(ch))
        else:
            out.append("\\%03o" % ch)
    out.append('"')
    return "".join(out)


def ascii_lower(b):
    return bytes(c + 32 if 0x41 <= c <= 0x5A else c for c in b)


def emit_set(name, about, items, value_of, out_c, out_h):
    """items: list of entries (bytes, lower-cased); value_of: entry -> C expression, or None."""
    items = sorted(items)
    longest = max(len(e) for e in items)
    if longest > MAX_LEN:
        raise ListError("%s: an entry is longer than %d bytes" % (about, MAX_LEN))
    if len(items) >= 65535:
        raise ListError("%s: too many entries" % about)
    chunks = longest // 8 + 1
    frm, k = [], 0
    for f in range(257):
        while k < len(items) and items[k][0] < f:
            k += 1
        frm.append(k)
    out_c.append("/* %s: %d entries, each %d big-endian integer%s of its bytes, zero-padded */"
                 % (about, len(items), chunks, "s" if chunks > 1 else ""))
    out_c.append("static const uint64_t S_%s_keys[%d] = {" % (name, len(items) * chunks))
    for e in items:
        padded = e + b"\0" * (chunks * 8 - len(e))
        ints = ["0x%016xu" % int.from_bytes(padded[i:i + 8], "big") for i in range(0, len(padded), 8)]
        out_c.append("    %s, /* %s */" % (", ".join(ints), e.decode("utf-8").replace("*/", "* /")))
    out_c.append("};")
    if value_of is not None:
        out_c.append("static const uint32_t S_%s_values[%d] = {" % (name, len(items)))
        for e in items:
            out_c.append("    %s," % value_of(e))
        out_c.append("};")
    out_c.append("static const uint16_t S_%s_from[257] = {" % name)
    for i in range(0, 257, 16):
        out_c.append("    " + ", ".join(str(x) for x in frm[i:i + 16]) + ",")
    out_c.append("};")
    out_c.append("const cd_wordset cd_list_%s = {S_%s_keys, %s, S_%s_from, %d, %d, %d, %d, %s};"
                 % (name, name, "S_%s_values" % name if value_of is not None else "NULL", name,
                    len(items), chunks, min(len(e) for e in items), longest,
                    c_string(about.encode("utf-8"))))
    out_c.append("")
    out_h.append("extern const cd_wordset cd_list_%s; /* %d entries */" % (name, len(items)))


def generate(paths):
    lists = [parse_file(p) for p in sorted(paths, key=os.path.basename)]
    names = {}
    for lst in lists:
        if lst["name"] in names:
            raise ListError("%s: the name %s is taken by %s" % (lst["path"], lst["name"],
                                                                names[lst["name"]]))
        names[lst["name"]] = lst["path"]
    includes = sorted({h for lst in lists for h in lst["includes"]})
    out_h = ["/* wordlists.h: the word lists of src/lists/, compiled.",
             " *",
             " * GENERATED by tools/gen_wordlists.py -- do not edit; edit the lists in src/lists/. */",
             "#ifndef CD_WORDLISTS_H",
             "#define CD_WORDLISTS_H",
             "",
             "#include <stdint.h>",
             "",
             '#include "util/wordset.h"',
             "",
             "/* An entry of a list with values (@values). */",
             "typedef struct cd_list_pair {",
             "    const char *s;",
             "    int32_t value;",
             "} cd_list_pair;",
             ""]
    out_c = ["/* wordlists.c: the word lists of src/lists/, compiled.",
             " *",
             " * GENERATED by tools/gen_wordlists.py -- do not edit; edit the lists in src/lists/. */",
             "#include <stddef.h>",
             "#include <stdint.h>",
             "",
             '#include "wordlists.h"']
    out_c += ['#include "%s"' % h for h in includes]
    out_c.append("")
    merged = {}
    for lst in lists:
        about = "%s: %s" % (lst["file"], lst["about"])
        if lst["into"]:
            set_name, expr = lst["into"]
            merged.setdefault(set_name, []).append((lst, expr))
            continue
        if names.get(lst["name"]) is None:
            continue
        out_h.append("/* %s */" % about.replace("*/", "* /"))
        if lst["kind"] == "set":
            vals = {ascii_lower(e): v for e, v, _ in lst["entries"]}
            emit_set(lst["name"], lst["file"], list(vals),
                     (lambda e, vals=vals: "%d" % vals[e]) if lst["values"] else None, out_c, out_h)
            if lst["values"] and any(v == 0 for v in vals.values()):
                raise ListError("%s: a set's values must not be 0" % lst["path"])
        elif lst["values"]:
            out_c.append("const cd_list_pair cd_list_%s[%d] = {" % (lst["name"], len(lst["entries"]) + 1))
            for e, v, _ in lst["entries"]:
                out_c.append("    {%s, %d}," % (c_string(e), v))
            out_c.append("    {NULL, 0},")
            out_c.append("};")
            out_c.append("")
            out_h.append("extern const cd_list_pair cd_list_%s[%d]; /* %d entries, then {NULL, 0} */"
                         % (lst["name"], len(lst["entries"]) + 1, len(lst["entries"])))
        else:
            out_c.append("const char *const cd_list_%s[%d] = {" % (lst["name"], len(lst["entries"]) + 1))
            for e, _, _ in lst["entries"]:
                out_c.append("    %s," % c_string(e))
            out_c.append("    NULL,")
            out_c.append("};")
            out_c.append("")
            out_h.append("extern const char *const cd_list_%s[%d]; /* %d entries, then NULL */"
                         % (lst["name"], len(lst["entries"]) + 1, len(lst["entries"])))
    for set_name in sorted(merged):
        if set_name in names:
            raise ListError("the set %s has the name of a list file (%s)" % (set_name, names[set_name]))
        parts = merged[set_name]
        exprs = {}
        for lst, expr in parts:
            for e, _, _ in lst["entries"]:
                exprs.setdefault(ascii_lower(e), []).append(expr)
        files = ", ".join(lst["file"] for lst, _ in parts)
        out_h.append("/* the set of %s */" % files)
        emit_set(set_name, files, list(exprs),
                 lambda e: " | ".join("(%s)" % x for x in exprs[e]), out_c, out_h)
    set_names = sorted([lst["name"] for lst in lists if lst["kind"] == "set" and not lst["into"]] +
                       list(merged))
    out_c.append("const cd_wordset *const cd_list_sets[%d] = {" % (len(set_names) + 1))
    for n in set_names:
        out_c.append("    &cd_list_%s," % n)
    out_c.append("    NULL,")
    out_c.append("};")
    out_c.append("")
    out_h.append("")
    out_h.append("/* Every set above, then NULL (for the tests). */")
    out_h.append("extern const cd_wordset *const cd_list_sets[%d];" % (len(set_names) + 1))
    out_h += ["", "#endif", ""]
    return "\n".join(out_h), "\n".join(out_c)


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="directory for wordlists.h and wordlists.c")
    ap.add_argument("lists", nargs="+", help="src/lists/*.txt")
    args = ap.parse_args()
    try:
        h, c = generate(args.lists)
    except (ListError, OSError, UnicodeDecodeError) as e:
        sys.stderr.write("gen_wordlists: %s\n" % e)
        return 1
    os.makedirs(args.out, exist_ok=True)
    write_if_changed(os.path.join(args.out, "wordlists.h"), h)
    write_if_changed(os.path.join(args.out, "wordlists.c"), c)
    return 0


if __name__ == "__main__":
    sys.exit(main())
