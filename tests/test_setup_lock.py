"""`make setup` installs only locked, hash-checked files: the course's lock and uv's own."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def _recipe(target: str) -> str:
    start = MAKEFILE.index(f"\n{target}:")
    end = MAKEFILE.index("\n\n", start + 1)
    return MAKEFILE[start:end]


def test_the_uv_lock_pins_the_makefiles_uv_and_a_pip_with_hashes():
    version = re.search(r"^UV_VERSION := (\S+)$", MAKEFILE, re.M).group(1)
    lock = (ROOT / "requirements-uv.lock").read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", lock, re.M)
    assert [name for name, _ in pins] == ["pip", "uv"], pins
    assert ("uv", version) in pins, f"requirements-uv.lock is stale: run `make lock` ({pins})"
    assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}", lock)) >= 4   # uv's wheel per platform, pip's


def test_setup_installs_both_locks_with_hashes_and_falls_back_to_pip():
    recipe = _recipe("$(BIN)/.installed")
    assert "requirements-uv.lock" in recipe.strip().splitlines()[0], "a new uv lock must redo the set-up"
    assert "pip install --quiet --require-hashes -r requirements-uv.lock" in recipe
    assert ("$(BIN)/uv pip install --quiet --python $(PY) --require-hashes --compile-bytecode "
            "-r requirements.lock") in recipe   # as pip does: else each process compiles again
    fallback = recipe[recipe.index("else echo"):]
    assert "pip install --quiet --require-hashes -r requirements.lock" in fallback


def test_make_lock_refreshes_both_locks():
    recipe = _recipe("lock")
    assert "-o requirements.lock" in recipe and "-o requirements-uv.lock" in recipe
    assert recipe.count("--generate-hashes") == 2
