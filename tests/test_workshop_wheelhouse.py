"""`make wheelhouse`: the offline install works with the index switched off.

The slow test builds a wheelhouse for THIS platform and Python only (the same `pip download
--only-binary :all: --platform ... --python-version ...` the full build runs for every
platform), installs requirements.txt from it into a fresh virtual environment with
`--no-index` and no pip configuration (so no other wheel source can help), then runs the
first lesson page with nbclient on that environment's own kernel. About 1.5 to 3 minutes
here (download 10 s from the local mirror, install 60 s, notebook 20 s); marked `slow`:
`make unit` leaves it out and `make slow-test`, a step of `make test`, runs it alone.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("wheelhouse", ROOT / "tools" / "wheelhouse.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["wheelhouse"] = module
    spec.loader.exec_module(module)
    return module


wheelhouse = _load()
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def test_requirements_to_download_leave_out_the_editable_install_and_add_its_build_backend():
    lines = wheelhouse.requirement_lines()
    assert "networkx>=3.3,<4" in lines and "jupyter-book>=1.0.4,<2" in lines
    assert not any(line.startswith("-") for line in lines)
    assert "setuptools>=77" in lines
    backend = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires = ["setuptools>=77"]' in backend, "the wheelhouse must carry the build backend"


def test_the_download_command_is_binary_only_for_the_named_platform_and_python(tmp_path):
    command = wheelhouse.download_command(tmp_path, tmp_path / "r.txt", "windows", "3.12")
    assert command[command.index("--only-binary") + 1] == ":all:"
    assert command[command.index("--python-version") + 1] == "3.12"
    assert command[command.index("--platform") + 1] == "win_amd64"
    assert command[command.index("--implementation") + 1] == "cp"


def test_every_python_the_readme_supports_is_covered():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Python 3.10 or newer" in readme
    assert wheelhouse.PYTHONS[0] == "3.10"
    minors = [int(v.split(".")[1]) for v in wheelhouse.PYTHONS]
    assert minors == list(range(10, minors[-1] + 1)) and minors[-1] >= sys.version_info.minor


def test_wheelhouse_is_ignored_by_git():
    assert "/wheelhouse/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def index_problem(folder: Path, env: dict[str, str] | None = None) -> str | None:
    """Why the package index cannot give this machine's wheels, or None when it can.

    Asks for one small wheel (``six``) exactly as the wheelhouse asks for all of them; a
    machine with no index (a laptop offline, a venue) gets the reason in one line, so the
    test that needs the index skips and says why instead of failing. CI reaches the index,
    so there the probe passes and the test runs.
    """
    probe = folder / "requirements-probe.txt"
    probe.write_text("six\n", encoding="utf-8")
    command = wheelhouse.download_command(folder / "probe", probe, wheelhouse.this_platform(), PYTHON)
    command[command.index("--quiet"):command.index("--quiet") + 1] = ["--quiet", "--retries", "0",
                                                                       "--timeout", "15"]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    except subprocess.TimeoutExpired:
        return "the package index did not answer within 120 s"
    if run.returncode == 0:
        return None
    lines = [line.strip() for line in (run.stderr or run.stdout).splitlines() if line.strip()]
    return "the package index is unreachable (" + (lines[-1][:160] if lines else f"pip exit {run.returncode}") + ")"


@pytest.mark.skipif(wheelhouse.this_platform() is None, reason="this machine is none of the wheelhouse platforms")
def test_an_unreachable_index_is_named(tmp_path):
    """With no index at all (nothing listens on port 9 of this machine), the probe says so."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_INDEX_URL="http://127.0.0.1:9/simple")
    reason = index_problem(tmp_path, env)
    assert reason and reason.startswith("the package index is unreachable")


@pytest.mark.slow
@pytest.mark.skipif(wheelhouse.this_platform() is None, reason="this machine is none of the wheelhouse platforms")
def test_install_from_the_wheelhouse_with_no_index_and_run_a_notebook(tmp_path):
    problem = index_problem(tmp_path)
    if problem:
        pytest.skip(f"needs the package index to download the wheels: {problem}")
    house = tmp_path / "wheelhouse"
    assert wheelhouse.main(["--dest", str(house), "--platform", "this", "--python", PYTHON]) == 0
    assert not list(house.glob("*.tar.gz")), "only wheels: a venue cannot build from source"

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    offline = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    offline["PIP_CONFIG_FILE"] = os.devnull  # no extra index or find-links from this machine's pip.conf
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links",
                           str(house), "-r", "requirements.txt"], cwd=ROOT, env=offline,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]

    run = ("import nbformat, nbclient\n"
           "nb = nbformat.read('notebooks/01-network-society.ipynb', as_version=4)\n"
           "nb.cells.append(nbformat.v4.new_code_cell('import sys; print(sys.prefix)'))\n"
           "nbclient.NotebookClient(nb, timeout=300, kernel_name='python3',\n"
           "                        resources={'metadata': {'path': 'notebooks'}}).execute()\n"
           "print('cells run:', sum(c.cell_type == 'code' for c in nb.cells))\n"
           "print('kernel prefix:', nb.cells[-1].outputs[0]['text'].strip())\n")
    ran = subprocess.run([str(python), "-c", run], cwd=ROOT, env={**offline, "SNB_PROGRESS": "off",
                                                                  "MPLBACKEND": "Agg"},
                         capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert "cells run: " in ran.stdout
    assert f"kernel prefix: {env_dir}" in ran.stdout, "the notebook must run on the new environment's kernel"


@pytest.mark.skipif(wheelhouse.this_platform() is None, reason="this machine is none of the wheelhouse platforms")
def test_the_wheelhouse_test_skips_with_its_reason_when_the_index_is_unreachable():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_INDEX_URL="http://127.0.0.1:9/simple")
    run = subprocess.run([sys.executable, "-m", "pytest", __file__, "-m", "slow", "-rs", "-q",
                          "-p", "no:cacheprovider", "-p", "no:nbval", "-k", "test_install_from_the_wheelhouse"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    assert "1 skipped" in run.stdout and "needs the package index" in run.stdout, run.stdout[-2000:]
