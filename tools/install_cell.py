#!/usr/bin/env python3
"""Put the install cell first in every course notebook (idempotent).

    python tools/install_cell.py            # add or update the cell in every notebook
    python tools/install_cell.py --check    # only report notebooks that lack the current cell

A notebook downloaded from the book, or opened in Colab, imports the course's helper
package ``snb``, which is not there. Its first cell installs it, from the repository
(``repository.url`` in ``_config.yml``, the one place the address is written) at the
branch the notebook came from (``repository.branch``, ``main``): Colab opens the
notebook from that branch, so notebook and package match. The book's downloads are
pinned further: the build rewrites the branch in each downloadable notebook to the
commit the book was built from (``book/_ext/snb_book.py``, :func:`pin`), so a notebook
downloaded today still installs the package it was made with. No tag is assumed: a
release tags its commit (README, "Publishing the book"). Where ``snb`` imports
(the course's own environment, Binder) the cell does nothing and prints nothing, so
strict nbval is unaffected; the book hides it (tag ``remove-cell``). New chapters get
it by running this tool; ``tests/test_install_cell.py`` fails when a notebook under
``notebooks/``, ``solutions/`` or ``exercises/`` lacks the current cell.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import nbformat

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, installed as tomli (requirements.lock)
    import tomli as tomllib
import yaml

ROOT = Path(__file__).resolve().parents[1]
TAG = "snb-install"
TAGS = ["remove-cell", TAG]
FOLDERS = ("notebooks", "solutions", "exercises")


def repository_url(root: Path = ROOT) -> str:
    """The repository's address, from ``_config.yml`` (``repository.url``)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    url = ((config.get("repository") or {}).get("url") or "").rstrip("/")
    if not url:
        raise SystemExit("_config.yml has no repository.url: set it to the course's repository")
    return url


def version(root: Path = ROOT) -> str:
    """The course's version (``pyproject.toml``)."""
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def branch(root: Path = ROOT) -> str:
    """The branch the notebooks are published from (``repository.branch``, default main)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    return str((config.get("repository") or {}).get("branch") or "main")


UNCOMMITTED = "+uncommitted"


def commit_state(root: Path = ROOT) -> str:
    """The commit the book's downloads name: ``git rev-parse HEAD``, with
    :data:`UNCOMMITTED` appended while course files (notebooks, solutions, snb) are changed
    (the downloads then stay on the branch); empty outside a git checkout."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "notebooks", "solutions", "snb"],
                               cwd=root, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return head + (UNCOMMITTED if dirty else "")


def pin(source: str, commit: str, root: Path = ROOT) -> str:
    """The install cell's ``source`` with the branch replaced by ``commit`` (a full SHA)."""
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        raise ValueError(f"not a commit: {commit!r}")
    return source.replace(f"@{branch(root)}\"", f"@{commit}\"")


def cell_source(root: Path = ROOT) -> str:
    """The install cell's code."""
    return (
        "# Outside the course's own setup (a downloaded notebook, Colab), install its helper\n"
        "# package snb first. Where snb is already installed this does nothing.\n"
        "import importlib.util\n"
        "\n"
        'if importlib.util.find_spec("snb") is None:\n'
        "    import subprocess\n"
        "    import sys\n"
        "\n"
        f'    REPOSITORY = "git+{repository_url(root)}@{branch(root)}"\n'
        '    pip = [sys.executable, "-m", "pip", "install", "--quiet"]\n'
        '    subprocess.run(pip + [f"snb @ {REPOSITORY}"], check=True)'
    )


def install_cell(root: Path = ROOT) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(cell_source(root), metadata={"tags": list(TAGS)})
    cell.pop("id", None)
    return cell


def has_current_cell(nb: nbformat.NotebookNode, root: Path = ROOT) -> bool:
    """True when the first cell is the current install cell."""
    if not nb.cells:
        return False
    first = nb.cells[0]
    return (first.cell_type == "code" and first.source == cell_source(root)
            and TAG in first.metadata.get("tags", []) and "remove-cell" in first.metadata.get("tags", []))


def ensure(nb: nbformat.NotebookNode, root: Path = ROOT) -> bool:
    """Make the first cell the current install cell; True when the notebook changed."""
    if has_current_cell(nb, root):
        return False
    nb.cells = [c for c in nb.cells if TAG not in c.get("metadata", {}).get("tags", [])]
    cell = install_cell(root)
    cell["id"] = "snb-install"
    nb.cells.insert(0, cell)
    return True


def notebooks(root: Path = ROOT) -> list[Path]:
    return [p for folder in FOLDERS for p in sorted((root / folder).glob("[0-9]*.ipynb"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report notebooks without the current cell")
    args = parser.parse_args(argv)
    missing = []
    for path in notebooks():
        nb = nbformat.read(path, as_version=4)
        if args.check:
            if not has_current_cell(nb):
                missing.append(path.relative_to(ROOT).as_posix())
        elif ensure(nb):
            nbformat.write(nb, path)
            print(f"install cell added or updated: {path.relative_to(ROOT).as_posix()}")
    if missing:
        print("\n".join(["These notebooks lack the current install cell (run tools/install_cell.py):"]
                        + [f"  {m}" for m in missing]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
