#!/usr/bin/env python3
"""Refresh the vendored JavaScript in ``book/_vendor/`` from the npm registry.

The book must work offline, but by default its pages load scripts from public
CDNs: myst-nb loads RequireJS and the ``@jupyter-widgets/html-manager`` bundle
(to draw ipywidgets from the widget state saved in executed notebooks), and
Sphinx loads MathJax (for ``$...$`` maths). The book ships its own copies
instead; ``_config.yml`` points ``nb_ipywidgets_js`` and ``mathjax_path`` at
them.

This script downloads pinned versions with ``npm pack``, copies only the files
a page needs, writes the licence files and a manifest with sha256 sums
(``book/_vendor/MANIFEST.json``, checked by ``tests/test_book_config.py``).
The vendored files are committed, so building the book needs neither node nor
the network. Run this only to change a version:

    python tools/vendor_widgets.py            # needs npm and the npm registry
    python tools/vendor_widgets.py --check    # only compare files with MANIFEST.json

Layout (book/_vendor/ is in html_static_path, so it lands in _build/html/_static/):

    require.js                                       requirejs
    @jupyter-widgets/html-manager/dist/embed-amd.js  @jupyter-widgets/html-manager
    @jupyter-widgets/html-manager/dist/*.woff2|woff  its icon fonts (hashed names)
    mathjax/tex-chtml.js                             mathjax 3 (TeX input, HTML output)
    mathjax/output/chtml/fonts/woff-v2/*.woff        its fonts
    mathjax/input/tex/extensions/*.js                TeX packages it autoloads
    mathjax/a11y/assistive-mml.js                    loaded at start (screen readers)
    licenses/...                                     licence texts of all three
    README.md, MANIFEST.json

The widget bundle computes the URL of its icon fonts from the location of its
AMD modules, which RequireJS puts next to the *page* unless told otherwise;
``book/_ext/snb_book.py`` configures RequireJS so that every module, and so
every font, resolves to ``_static/@jupyter-widgets/html-manager/dist/``.
Only .woff2 and .woff fonts are kept (every current browser takes woff2; the
.eot/.ttf/.svg fallbacks are for old browsers and weigh 2.3 MB).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENDOR = REPO / "book" / "_vendor"
MANIFEST = VENDOR / "MANIFEST.json"

# Pinned versions. html-manager 1.0.x goes with ipywidgets 8.1.x; MathJax stays
# on 3.x, which Sphinx 7 configures (mathjax3_config).
PACKAGES = {
    "@jupyter-widgets/html-manager": "1.0.15",
    "requirejs": "2.3.8",
    "mathjax": "3.2.2",
}

# (package, glob inside the npm package, destination folder in book/_vendor)
# Globs match with fnmatch on the path relative to the package root.
SELECTION = [
    ("requirejs", "require.js", ""),
    ("@jupyter-widgets/html-manager", "dist/embed-amd.js", "@jupyter-widgets/html-manager/dist"),
    ("@jupyter-widgets/html-manager", "dist/*.woff2", "@jupyter-widgets/html-manager/dist"),
    ("@jupyter-widgets/html-manager", "dist/*.woff", "@jupyter-widgets/html-manager/dist"),
    ("mathjax", "es5/tex-chtml.js", "mathjax"),
    ("mathjax", "es5/a11y/assistive-mml.js", "mathjax/a11y"),
    ("mathjax", "es5/input/tex/extensions/*.js", "mathjax/input/tex/extensions"),
    ("mathjax", "es5/output/chtml/fonts/woff-v2/*.woff", "mathjax/output/chtml/fonts/woff-v2"),
    # licences shipped inside the packages
    ("mathjax", "LICENSE", "licenses/mathjax"),
    ("@jupyter-widgets/html-manager", "dist/embed.js.LICENSE.txt", "licenses/jupyter-widgets-html-manager"),
]

# The html-manager and requirejs tarballs contain no LICENSE file, so the texts
# are kept here. html-manager lives in the jupyter-widgets/ipywidgets
# repository, whose LICENSE is this BSD-3-Clause text (the same as in the
# ipywidgets wheel).
LICENSE_HTML_MANAGER = """\
@jupyter-widgets/html-manager (npm), BSD-3-Clause

Copyright (c) 2015 Project Jupyter Contributors
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

# require.js's own header: "Copyright jQuery Foundation and other
# contributors. Released under MIT license".
LICENSE_REQUIREJS = """\
requirejs (npm), MIT License

Copyright jQuery Foundation and other contributors, https://jquery.org/

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""

WRITTEN = {
    "licenses/jupyter-widgets-html-manager/LICENSE": LICENSE_HTML_MANAGER,
    "licenses/requirejs/LICENSE": LICENSE_REQUIREJS,
}

README = """\
# Vendored JavaScript (generated by tools/vendor_widgets.py; do not edit by hand)

These files let the built book work with no network. Versions and sha256 sums
are in `MANIFEST.json` (checked by `tests/test_book_config.py`).

| files | npm package | licence |
| --- | --- | --- |
| `require.js` | requirejs {requirejs} | MIT, `licenses/requirejs/` |
| `@jupyter-widgets/html-manager/dist/` | @jupyter-widgets/html-manager {hm} | BSD-3-Clause, `licenses/jupyter-widgets-html-manager/` (with the notices of the libraries bundled in it) |
| `mathjax/` | mathjax {mathjax} (a subset) | Apache-2.0, `licenses/mathjax/` |

`_config.yml` adds this folder to `html_static_path` (its content lands in the
built site's `_static/`), points myst-nb's `nb_ipywidgets_js` at `require.js`
and `embed-amd.js`, and Sphinx's `mathjax_path` at `mathjax/tex-chtml.js`.

This folder is deliberately not called `_static`: Jupyter Book 1 adds every
`.js` file under a root `_static` folder to every page.
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def npm_pack(name: str, version: str, dest: Path) -> Path:
    """Download ``name@version`` with ``npm pack``, unpack it; return the package root."""
    out = subprocess.run(
        ["npm", "pack", "--silent", f"{name}@{version}"],
        cwd=dest,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip().splitlines()[-1]
    tgz = dest / out
    unpack = dest / tgz.name.removesuffix(".tgz")
    with tarfile.open(tgz) as tar:
        tar.extractall(unpack, filter="data")
    pkg = unpack / "package"
    meta = json.loads((pkg / "package.json").read_text())
    if meta.get("version") != version:
        raise SystemExit(f"{name}: asked for {version}, got {meta.get('version')}")
    return pkg


def vendor() -> None:
    if shutil.which("npm") is None:
        raise SystemExit("npm is not on PATH; the committed files in book/_vendor are still usable")
    files: dict[str, str] = {}  # path in book/_vendor -> where it came from
    with tempfile.TemporaryDirectory() as tmp:
        roots = {name: npm_pack(name, version, Path(tmp)) for name, version in PACKAGES.items()}
        if VENDOR.exists():
            shutil.rmtree(VENDOR)
        for package, pattern, dest in SELECTION:
            root = roots[package]
            matches = sorted(
                p for p in root.rglob("*")
                if p.is_file() and fnmatch.fnmatchcase(p.relative_to(root).as_posix(), pattern)
            )
            if not matches:
                raise SystemExit(f"{package}@{PACKAGES[package]}: nothing matches {pattern!r}")
            for src in matches:
                rel = f"{dest}/{src.name}" if dest else src.name
                (VENDOR / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, VENDOR / rel)
                files[rel] = f"npm:{package}@{PACKAGES[package]}/{src.relative_to(root).as_posix()}"

    written = dict(WRITTEN)
    written["README.md"] = README.format(
        requirejs=PACKAGES["requirejs"],
        hm=PACKAGES["@jupyter-widgets/html-manager"],
        mathjax=PACKAGES["mathjax"],
    )
    for rel, text in written.items():
        (VENDOR / rel).parent.mkdir(parents=True, exist_ok=True)
        (VENDOR / rel).write_text(text, encoding="utf-8")
        files[rel] = "tools/vendor_widgets.py"

    manifest = {
        "generated_by": "tools/vendor_widgets.py",
        "packages": PACKAGES,
        "files": {
            rel: {"sha256": sha256(VENDOR / rel), "bytes": (VENDOR / rel).stat().st_size, "from": origin}
            for rel, origin in sorted(files.items())
        },
    }
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    total = sum(info["bytes"] for info in manifest["files"].values())
    print(f"wrote {len(files)} files + MANIFEST.json to {VENDOR.relative_to(REPO)} ({total / 1e6:.1f} MB)")


def check() -> int:
    """Compare the files on disk with MANIFEST.json; return the number of problems."""
    manifest = json.loads(MANIFEST.read_text())
    problems = 0
    for rel, info in manifest["files"].items():
        path = VENDOR / rel
        if not path.is_file():
            print(f"missing: {rel}")
            problems += 1
        elif sha256(path) != info["sha256"]:
            print(f"changed: {rel}")
            problems += 1
    listed = set(manifest["files"]) | {"MANIFEST.json"}
    for path in sorted(VENDOR.rglob("*")):
        if path.is_file() and path.relative_to(VENDOR).as_posix() not in listed:
            print(f"not in manifest: {path.relative_to(VENDOR).as_posix()}")
            problems += 1
    print("ok" if not problems else f"{problems} problem(s)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only verify book/_vendor against MANIFEST.json")
    args = parser.parse_args(argv)
    if args.check:
        return 1 if check() else 0
    vendor()
    return 0


if __name__ == "__main__":
    sys.exit(main())
