"""Execute notebooks in place so their stored outputs are fresh (used by `make execute`).

After running, each cell that shows a picture gets the picture's alt text in its
metadata (``mystnb.image.alt``), where the book's renderer looks for it, and
per-cell execution timestamps are dropped so a re-run gives a clean diff.
Prints each notebook's execution time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def image_alt(cell: nbformat.NotebookNode) -> str | None:
    """The alt text the cell's picture carries in its output metadata, if any."""
    for output in cell.get("outputs", []):
        alt = output.get("metadata", {}).get("image/png", {}).get("alt")
        if alt:
            return alt
    return None


def tidy(nb: nbformat.NotebookNode) -> None:
    """Copy picture alt texts into cell metadata and drop volatile metadata."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        alt = image_alt(cell)
        mystnb = cell.metadata.get("mystnb", {})
        if alt:
            mystnb.setdefault("image", {})["alt"] = alt
            cell.metadata["mystnb"] = mystnb
        elif "image" in mystnb:
            mystnb.pop("image")
            if not mystnb:
                cell.metadata.pop("mystnb")


def execute(path: Path) -> float:
    """Run one notebook in its own folder, store the outputs, return seconds taken."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    seconds = time.perf_counter() - start
    tidy(nb)
    nbformat.write(nb, path)
    return seconds


def main(paths: list[str]) -> int:
    for name in paths:
        seconds = execute(Path(name))
        print(f"{seconds:6.1f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
