"""Build the copydesk Python package (CPython extension over libcopydesk).

    python3 -m pip install --no-build-isolation ./python     # from the repo root, in a venv (README)
    cd python && /usr/bin/python3 setup.py build_ext --inplace        # for development
    make python                                                       # into build/python

The extension compiles the library's C sources itself (../src/*/*.c with
-I../include -I../src, and the word lists ../src/lists/*.txt compiled by
../tools/gen_wordlists.py into the build's temporary folder), so neither a CMake
build nor an installed libcopydesk is needed: only the Debian -dev packages of its
dependencies (libuchardet, libjson-c, libdeflate, zlib; see scripts/install-deps).
The repository root is the parent of this folder, or $COPYDESK_ROOT. The library's symbols are
compiled with hidden visibility, so the module exports only PyInit__copydesk.
The extension itself includes only the public header, include/copydesk.h.
"""
import atexit
import glob
import os
import shutil
import subprocess
import sys
import tempfile

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)  # setuptools resolves package and source paths from here
ROOT = os.path.abspath(os.environ.get("COPYDESK_ROOT") or os.path.join(HERE, ".."))
INCLUDE = os.path.join(ROOT, "include")
SRC = os.path.join(ROOT, "src")

if not os.path.exists(os.path.join(INCLUDE, "copydesk.h")):
    sys.exit("setup.py: copydesk sources not found at %s (set COPYDESK_ROOT to the repository root)"
             % ROOT)

lib_sources = sorted(glob.glob(os.path.join(SRC, "*", "*.c")))
lists = sorted(glob.glob(os.path.join(SRC, "lists", "*.txt")))

# The tokenizer's entity table is generated (tools/gen_entities.py, as CMake
# does) into a temporary folder that is removed when setup.py ends.
GEN = tempfile.mkdtemp(prefix="copydesk-gen-")
atexit.register(shutil.rmtree, GEN, True)
subprocess.check_call([sys.executable, os.path.join(ROOT, "tools", "gen_entities.py"),
                       "-o", os.path.join(GEN, "tok_entities.h")])
headers = sorted(glob.glob(os.path.join(SRC, "*", "*.h")) + glob.glob(os.path.join(SRC, "*", "*.def"))
                 + lists + [os.path.join(INCLUDE, "copydesk.h"), os.path.abspath(__file__)])


class BuildExt(build_ext):
    """Compile the word lists (as CMake does) into build_temp/gen first; the
    generator rewrites its files only when they change, so an unchanged tree
    rebuilds nothing."""

    def run(self):
        gen = os.path.abspath(os.path.join(self.build_temp, "gen"))
        subprocess.check_call([sys.executable, os.path.join(ROOT, "tools", "gen_wordlists.py"),
                               "--out", gen] + lists)
        for e in self.extensions:
            e.sources.append(os.path.join(gen, "wordlists.c"))
            e.include_dirs.append(gen)
            e.depends.append(os.path.join(gen, "wordlists.h"))
        super().run()


def version():
    with open(os.path.join(INCLUDE, "copydesk.h"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#define COPYDESK_VERSION_STRING"):
                return line.split('"')[1]
    return "0.0.0"


ext = Extension(
    "copydesk._copydesk",
    # setuptools wants sources relative to setup.py's folder when it can; the
    # library's live outside it, so they are given as absolute paths.
    sources=[os.path.join("copydesk", "_copydesk.c")] + lib_sources,
    depends=headers,
    include_dirs=[INCLUDE, SRC, GEN],
    libraries=["uchardet", "json-c", "deflate", "z", "m"],
    # The same code as the CMake Release build (-std=c11 -O2, hidden symbols):
    # these come after Python's own CFLAGS and undo the ones CMake does not use
    # (-fwrapv, -fstack-protector-strong), so the module runs the CLI's code.
    extra_compile_args=["-std=c11", "-O2", "-fno-wrapv", "-fno-stack-protector", "-fvisibility=hidden",
                        "-Wno-unused-parameter"],
)

setup(
    name="copydesk",
    version=version(),
    description="Extract articles (text and metadata) from web pages: Python binding of libcopydesk",
    packages=["copydesk"],
    package_data={"copydesk": ["py.typed"]},  # PEP 561: the package carries type hints
    ext_modules=[ext],
    cmdclass={"build_ext": BuildExt},
    python_requires=">=3.9",
    license="MIT",
    zip_safe=False,
)
