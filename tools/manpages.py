#!/usr/bin/env python3
"""Write the man pages copydesk(1) and libcopydesk(3) from their one source each.

    tools/manpages.py --bin build/copydesk --out build/man [--date YYYY-MM-DD]

- copydesk(1): man/copydesk.1.in, whose @OPTIONS@ is filled from
  `copydesk --help` (every line "  -x, --opt ARG   text" with its indented
  continuation lines becomes a .TP entry), so the page lists exactly the
  options the program takes.
- libcopydesk(3): include/copydesk.h itself. The header's opening comment is
  the DESCRIPTION; each "/* ---- name ---- */" line starts a section; every
  comment becomes text and every declaration (prototype, typedef, #define)
  a literal block, in the header's order. The include guard, the export
  macro and the extern "C" lines are left out.
Run by the build (CMake target `man`, installed by `make install`); tested by
tests/install/run.py (groff without warnings).
"""
import argparse
import datetime
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def esc(text):
    """Text for a roff line: backslashes, dashes, and a leading . or '."""
    t = text.replace("\\", "\\e").replace("-", "\\-")
    t = "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in t)  # groff reads ASCII
    if t.startswith(".") or t.startswith("'"):
        t = "\\&" + t
    return t


def fill_lines(text):
    """Text lines for roff: a leading control character is neutralised."""
    return [esc(l.strip()) for l in text.split("\n")]


# ---- copydesk(1) -------------------------------------------------------------

OPT = re.compile(r"^  (-\S.*?)(?:\s{2,}(\S.*))?$")


def options_from_help(help_text):
    """[(option words, description)] from the usage text."""
    opts = []
    for line in help_text.split("\n"):
        m = OPT.match(line)
        if m:
            opts.append([m.group(1).strip(), m.group(2) or ""])
        elif opts and line.startswith("    ") and line.strip():
            opts[-1][1] = (opts[-1][1] + " " + line.strip()).strip()
        elif not line.strip() and opts:
            continue
    if not opts:
        raise SystemExit("manpages.py: no options found in the --help text")
    return opts


def option_roff(words):
    """'-j, --jobs N' -> bold option names, italic arguments."""
    out = []
    for part in words.split(", "):
        toks = part.split(" ", 1)
        s = "\\fB%s\\fR" % esc(toks[0])
        if len(toks) > 1:
            s += " \\fI%s\\fR" % esc(toks[1])
        out.append(s)
    return ", ".join(out)


def page1(binary, template, version, date):
    help_text = subprocess.run([binary, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               check=False).stdout.decode("utf-8")
    lines = []
    for words, desc in options_from_help(help_text):
        lines += [".TP", option_roff(words), esc(desc)]
    with open(template, encoding="utf-8") as f:
        t = f.read()
    return t.replace("@OPTIONS@", "\n".join(lines)).replace("@VERSION@", version).replace("@DATE@", date)


# ---- libcopydesk(3) ----------------------------------------------------------

SECTION = re.compile(r"^/\*\s*-{3,}\s*(.*?)\s*-{3,}\s*\*/$")
SKIP_LINE = re.compile(r"^\s*(#ifndef COPYDESK_H|#define COPYDESK_H|#endif|#ifdef __cplusplus|"
                       r"extern \"C\" \{|\}$|#include <stddef.h>)")


def comment_text(block):
    """The words of a /* */ or /** */ comment, one string with newlines."""
    body = block.strip()
    body = re.sub(r"^/\*\*?<?", "", body)
    body = re.sub(r"\*/$", "", body)
    out = []
    for l in body.split("\n"):
        l = re.sub(r"^\s*\* ?", "", l.rstrip())
        out.append(l)
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


def tokens(header):
    """The header as [('comment', text) | ('code', text) | ('section', name)]."""
    items = []
    i, n = 0, len(header)
    code = []

    def flush():
        c = "\n".join(code).strip("\n")
        if c.strip():
            items.append(("code", c))
        code.clear()

    lines = header.split("\n")
    k = 0
    while k < len(lines):
        line = lines[k]
        s = line.strip()
        m = SECTION.match(s)
        if m:
            flush()
            items.append(("section", m.group(1)))
            k += 1
            continue
        if s.startswith("/*") and not code_is_open(code):
            # a comment on lines of its own
            block = [line]
            while "*/" not in block[-1] and k + 1 < len(lines):
                k += 1
                block.append(lines[k])
            flush()
            items.append(("comment", comment_text("\n".join(block))))
            k += 1
            continue
        if not s:
            if not code_is_open(code):
                flush()
            else:
                code.append("")
            k += 1
            continue
        if not SKIP_LINE.match(line):
            code.append(line.rstrip())
        k += 1
    flush()
    return items


def code_is_open(code):
    """Inside a declaration that is not finished (a typedef's braces, a prototype
    running over several lines, a #define continued with a backslash)?"""
    if not code:
        return False
    text = "\n".join(code)
    if text.count("{") > text.count("}"):
        return True
    last = code[-1].rstrip()
    if last.endswith("\\"):
        return True
    body, pp = [], False
    for l in code:  # leave out preprocessor lines and their continuations
        if l.lstrip().startswith("#") or pp:
            pp = l.rstrip().endswith("\\")
            continue
        body.append(l)
    text = "\n".join(body)
    return bool(text.strip()) and not text.rstrip().endswith((";", "}"))


def clean_code(c):
    """A declaration as a reader wants it: no export macro, no guard lines."""
    out = []
    dedent = False
    for l in c.split("\n"):
        if SKIP_LINE.match(l):
            continue
        if re.match(r"^\s*#(if|elif|else|endif)", l) or re.match(r"^\s*#define COPYDESK_EXPORT", l):
            continue
        if "COPYDESK_EXPORT " in l:
            out.append(l.replace("COPYDESK_EXPORT ", ""))
            dedent = True  # its continuation lines were aligned past the macro
            continue
        if dedent and l.startswith(" " * 16):
            l = l[16:]
        else:
            dedent = False
        out.append(l)
    return "\n".join(out).strip("\n")


def page3(header_path, version, date):
    with open(header_path, encoding="utf-8") as f:
        header = f.read()
    items = tokens(header)
    if not items or items[0][0] != "comment":
        raise SystemExit("manpages.py: %s does not open with its description comment" % header_path)
    intro = items[0][1].split("\n")
    # The first line is "copydesk.h — the one public header of libcopydesk."
    out = [".\\\" libcopydesk(3), written by tools/manpages.py from include/copydesk.h:",
           ".\\\" edit the header's comments, never this file.",
           '.TH LIBCOPYDESK 3 "%s" "copydesk %s" "Library Functions Manual"' % (date, version),
           ".SH NAME", "libcopydesk \\- extract the article (text and metadata) from web pages and web archives",
           ".SH SYNOPSIS", ".nf", ".B #include <copydesk.h>", ".PP",
           "Link with \\fB\\-lcopydesk\\fR, or \\fBpkg\\-config \\-\\-cflags \\-\\-libs copydesk\\fR", ".fi",
           ".SH DESCRIPTION"]
    out += paragraphs("\n".join(intro[1:]) if len(intro) > 1 else "")
    section = None
    pending_code = []
    for kind, text in items[1:]:
        if kind == "section":
            out += [".SH %s" % esc(text.upper())]
            section = text
            continue
        if kind == "comment":
            out += paragraphs(text)
            continue
        c = clean_code(text)
        if not c.strip():
            continue
        if section is None and c.lstrip().startswith("#define COPYDESK_VERSION"):
            out += [".SH VERSION"]
            section = "version"
        out += [".PP", ".nf", ".ft CR"] + [esc(l) if l.strip() else "" for l in c.split("\n")] + [".ft", ".fi"]
    out += [".SH SEE ALSO", ".BR copydesk (1)", ".SH LICENSE", "MIT; copyright the copydesk authors."]
    # No empty lines in roff (they are blank-line traps); .PP instead.
    return "\n".join(l if l.strip() else ".sp" for l in out) + "\n"


def paragraphs(text):
    """Comment text as roff paragraphs; indented runs (code examples) stay literal,
    "- " and " - " lines are list items."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        l = lines[i]
        if not l.strip():
            i += 1
            continue
        if l.startswith("    "):
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:] if lines[i].strip() else "")
                i += 1
            while block and not block[-1].strip():
                block.pop()
            out += [".PP", ".nf", ".ft CR"] + [esc(b) if b.strip() else "" for b in block] + [".ft", ".fi"]
            continue
        m = re.match(r"^\s*-\s+(.*)$", l)
        if m:
            item = [m.group(1)]
            i += 1
            while i < len(lines) and lines[i].strip() and not re.match(r"^\s*-\s+", lines[i]) \
                    and lines[i].startswith("   "):
                item.append(lines[i].strip())
                i += 1
            out += [".IP \\(bu 2"] + fill_lines(" ".join(item))
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not lines[i].startswith("    ") \
                and not re.match(r"^\s*-\s+", lines[i]):
            para.append(lines[i].strip())
            i += 1
        out += [".PP"] + fill_lines(" ".join(para))
    return out


def version_of(header_path):
    with open(header_path, encoding="utf-8") as f:
        m = re.search(r'#define COPYDESK_VERSION_STRING "([^"]+)"', f.read())
    return m.group(1) if m else "0"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="the copydesk binary (its --help gives the options)")
    ap.add_argument("--header", default=os.path.join(TOP, "include", "copydesk.h"))
    ap.add_argument("--template", default=os.path.join(TOP, "man", "copydesk.1.in"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--date", default=None, help="the pages' date (default: SOURCE_DATE_EPOCH, else today)")
    a = ap.parse_args()
    if a.date:
        date = a.date
    elif os.environ.get("SOURCE_DATE_EPOCH"):
        date = datetime.datetime.utcfromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"])).strftime("%Y-%m-%d")
    else:
        date = datetime.date.today().isoformat()
    version = version_of(a.header)
    os.makedirs(a.out, exist_ok=True)
    pages = {"copydesk.1": page1(a.bin, a.template, version, date),
             "libcopydesk.3": page3(a.header, version, date)}
    for name, text in pages.items():
        tmp = os.path.join(a.out, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, os.path.join(a.out, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
