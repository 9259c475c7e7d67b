"""Hashes of what can change an output: a module's code (not its docstrings or comments)
and a data file's bytes. Shared by tools/book_build.py (stale pages) and tools/frames.py
(stale explorer frames); ``--help`` prints this.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import sys
from pathlib import Path


def _without_docstrings(tree: ast.AST) -> ast.AST:
    """``tree`` with the docstring of the module and of every class and function removed."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return tree


_HASHES: dict[tuple[Path, int, int], str] = {}


def module_hash(path: Path) -> str:
    """A hash of what a Python module does: its syntax tree without docstrings, comments,
    blank lines or line numbers (``ast.dump``), so that rewording a docstring or a comment
    changes nothing. A file Python cannot parse is hashed as bytes."""
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _HASHES:
        source = path.read_bytes()
        try:
            text = ast.dump(_without_docstrings(ast.parse(source)))
            _HASHES[key] = hashlib.sha256(text.encode()).hexdigest()[:16]
        except (SyntaxError, ValueError):
            _HASHES[key] = hashlib.sha256(source).hexdigest()[:16]
    return _HASHES[key]


def file_hash(path: Path) -> str:
    """A hash of a data file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="Python modules (code hash) or data files (bytes)")
    for path in parser.parse_args(argv).files:
        print(f"{module_hash(path) if path.suffix == '.py' else file_hash(path)}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
