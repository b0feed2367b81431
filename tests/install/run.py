#!/usr/bin/env python3
"""`make install` into a temporary DESTDIR, then use what was installed.

    tests/install/run.py [--build build]

Runs `make install DESTDIR=<tmp> PREFIX=/usr BUILD=<build>` from the
repository root, then checks:
  - the files: bin/copydesk, include/copydesk.h, lib/libcopydesk.a,
    lib/libcopydesk.so (a link to the versioned library), lib/pkgconfig/
    copydesk.pc, share/man/man1/copydesk.1, share/man/man3/libcopydesk.3,
    share/doc/copydesk/LICENSE;
  - the installed CLI runs (--version, and an article from examples/news.html);
  - a small program using only the installed header compiles and links
    with `pkg-config --cflags --libs copydesk` (PKG_CONFIG_PATH pointing into
    DESTDIR: the .pc file finds its prefix from its own place) against the
    shared library, and with `pkg-config --static` against the static one,
    and both print the headline of examples/news.html;
  - the man pages render with `groff -man -ww` (every warning on) without a
    warning, and with `man -l` when man is installed (else that check is
    skipped, with a message).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import bounded  # noqa: E402  tests/bounded.py: children bounded by CPU time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PROGRAM = r"""
#include <copydesk.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 2;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    copydesk_doc *doc = copydesk_doc_new(COPYDESK_OPT_DEFAULT);
    copydesk_status st = copydesk_doc_parse(doc, buf, n);
    if (st != COPYDESK_OK) {
        fprintf(stderr, "%s\n", copydesk_status_str(st));
        return 1;
    }
    printf("%s %s\n", copydesk_version_string(), copydesk_doc_title(doc, NULL));
    copydesk_doc_free(doc);
    return argc > 2;
}
"""

WANT_FILES = ["bin/copydesk", "include/copydesk.h", "lib/libcopydesk.a", "lib/libcopydesk.so",
              "lib/pkgconfig/copydesk.pc", "share/man/man1/copydesk.1", "share/man/man3/libcopydesk.3",
              "share/doc/copydesk/LICENSE"]


def run(cmd, env=None, cwd=None):
    p = bounded.run(cmd, cpu=600, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(TOP, "build"))
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"),
                    help="the compiler of the program built against the installed library")
    ap.add_argument("--extra-flags", default="",
                    help="flags the library was built with that its users need too "
                         "(the sanitizer builds: -fsanitize=...)")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    fails = []
    tmp = tempfile.mkdtemp(prefix="cd-install-")
    try:
        dest = os.path.join(tmp, "dest")
        rc, out, err = run(["make", "-s", "install", "BUILD=" + build, "DESTDIR=" + dest, "PREFIX=/usr"], cwd=TOP)
        if rc != 0:
            print("install: FAIL: make install exited %d\n%s%s" % (rc, out[-2000:], err[-2000:]))
            return 1
        usr = os.path.join(dest, "usr")
        for f in WANT_FILES:
            if not os.path.exists(os.path.join(usr, f)):
                fails.append("missing %s" % f)
        so = os.path.join(usr, "lib", "libcopydesk.so")
        if os.path.exists(so) and not os.path.islink(so):
            fails.append("lib/libcopydesk.so is not a link to the versioned library")
        stray = [os.path.relpath(os.path.join(d, f), dest) for d, _, fs in os.walk(dest) for f in fs
                 if not os.path.relpath(os.path.join(d, f), dest).startswith("usr/")]
        if stray:
            fails.append("files outside DESTDIR/usr: %s" % ", ".join(stray[:5]))

        news = os.path.join(TOP, "examples", "news.html")
        env = dict(os.environ, LD_LIBRARY_PATH=os.path.join(usr, "lib"))
        rc, out, err = run([os.path.join(usr, "bin", "copydesk"), "--version"], env=env)
        if rc != 0 or not out.startswith("copydesk "):
            fails.append("installed copydesk --version: status %d, %r" % (rc, out + err))
        rc, out, err = run([os.path.join(usr, "bin", "copydesk"), "--json", news], env=env)
        if rc != 0 or '"title"' not in out:
            fails.append("installed copydesk on examples/news.html: status %d, %r" % (rc, (out + err)[:300]))
        rc, want_title, _ = run([os.path.join(build, "copydesk"), "--json", news])
        import json
        title = json.loads(want_title)["title"] if rc == 0 else None

        # A program against the installed header and libraries, through pkg-config.
        src = os.path.join(tmp, "prog.c")
        with open(src, "w") as f:
            f.write(PROGRAM)
        pc_env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(usr, "lib", "pkgconfig"))
        cc = a.cc
        for kind in ("shared", "static"):
            flags = ["--cflags", "--libs"] + (["--static"] if kind == "static" else [])
            rc, pcout, pcerr = run(["pkg-config"] + flags + ["copydesk"], env=pc_env)
            if rc != 0:
                fails.append("pkg-config %s: %s" % (" ".join(flags), pcerr.strip()))
                continue
            words = pcout.split()
            incs = [os.path.normpath(w[2:]) for w in words if w.startswith("-I")]
            if os.path.join(usr, "include") not in incs:
                fails.append("pkg-config --cflags gives %r, not DESTDIR's include folder" % pcout.strip())
            if kind == "static":  # the archive, not the .so beside it
                words = [w for w in words if w != "-lcopydesk"]
                words.insert(0, os.path.join(usr, "lib", "libcopydesk.a"))
            exe = os.path.join(tmp, "prog-" + kind)
            rc, out, err = run([cc, "-std=c11", "-Wall", "-Werror"] + a.extra_flags.split()
                               + ["-o", exe, src] + words)
            if rc != 0:
                fails.append("compiling against the installed %s library: %s" % (kind, err.strip()[:500]))
                continue
            rc, out, err = run([exe, news], env=env)
            if rc != 0 or title is None or out.strip() != "%s %s" % (out.split(" ")[0], title):
                fails.append("%s program: status %d, printed %r (want the headline %r)" % (kind, rc, out, title))
            if kind == "shared":
                rc, ldd, _ = run(["ldd", exe], env=env)
                if "libcopydesk.so.0 => " + os.path.join(usr, "lib") not in ldd:
                    fails.append("the shared program does not use DESTDIR's libcopydesk.so.0:\n%s" % ldd)

        # The man pages: no roff warning.
        for page in ("share/man/man1/copydesk.1", "share/man/man3/libcopydesk.3"):
            path = os.path.join(usr, page)
            if not os.path.exists(path):
                continue
            if shutil.which("groff"):
                rc, out, err = run(["groff", "-man", "-Tutf8", "-ww", "-z", path])
                if rc != 0 or err.strip():
                    fails.append("groff warns on %s: %s" % (page, err.strip()[:500]))
            else:
                print("install: groff not installed: %s not checked with groff" % page)
            if shutil.which("man"):
                rc, out, err = run(["man", "--warnings", "-l", path],
                                   env=dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MANPAGER="cat",
                                            PAGER="cat"))
                if rc != 0 or err.strip():
                    fails.append("man -l warns on %s: %s" % (page, err.strip()[:500]))
                if "copydesk" not in out:
                    fails.append("man -l %s printed nothing useful" % page)
            else:
                print("install: man not installed: %s not checked with man -l" % page)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in fails:
        print("install: FAIL: " + f)
    print("install: %s (%d files checked, programs built against the shared and static library)"
          % ("FAILED" if fails else "passed", len(WANT_FILES)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
