"""The workshop doctor (tools/check_env.py): every check passes here and names its fix when broken."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections import namedtuple
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("check_env", ROOT / "tools" / "check_env.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_env"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


doctor = _load()


def test_requirements_are_read_without_comments_or_options():
    lines = doctor.requirements()
    assert "networkx>=3.3,<4" in lines and "ipykernel>=6.29,<7" in lines
    assert not any(line.startswith(("#", "-")) for line in lines)


def test_python_too_old_names_the_version_and_the_fix():
    result = doctor.check_python(current=(3, 9), needed=(3, 10))
    assert not result.ok
    assert "3.9 is too old" in result.detail and "3.10 or newer" in result.detail
    assert "make setup" in result.fix and "attendee page" in result.fix
    assert doctor.check_python(current=(3, 12), needed=(3, 10)).ok


def test_required_python_comes_from_pyproject():
    assert doctor.required_python() == (3, 10)


def test_missing_package_is_named_with_its_fix():
    def installed(name):
        raise PackageNotFoundError(name)

    result = doctor.check_package("networkx>=3.3,<4", installed)
    assert not result.ok and result.name == "networkx"
    assert "MISSING" in result.detail and ">=3.3" in result.detail
    assert "make setup" in result.fix


def test_wrong_version_is_named_with_its_fix():
    result = doctor.check_package("ipykernel>=6.29,<7", lambda name: "7.4.0")
    assert not result.ok
    assert "7.4.0 installed" in result.detail and "<7" in result.detail
    assert 'pip install "ipykernel' in result.fix
    assert doctor.check_package("ipykernel>=6.29,<7", lambda name: "6.30.1").ok


def test_every_requirement_is_installed_here():
    bad = [r.lines() for r in doctor.check_packages() if not r.ok]
    assert bad == []


def test_kernel_that_does_not_start_is_reported(monkeypatch):
    import jupyter_client.manager

    def broken(**kwargs):
        raise RuntimeError("Kernel didn't respond in 1 seconds")

    monkeypatch.setattr(jupyter_client.manager, "start_new_kernel", broken)
    result = doctor.check_kernel(timeout=1)
    assert not result.ok
    assert "did not start" in result.detail and "RuntimeError" in result.detail
    assert "ipykernel install" in result.fix and "127.0.0.1" in result.fix


def test_kernel_starts_and_runs_a_cell_here():
    result = doctor.check_kernel(timeout=60)
    assert result.ok, result.lines()


def test_missing_widget_extension_is_reported(tmp_path):
    result = doctor.check_widgets_extension(prefix=tmp_path)
    assert not result.ok
    assert "sliders would show as text" in result.detail
    assert "jupyterlab_widgets" in result.fix and "restart JupyterLab" in result.fix


def test_widget_extension_is_installed_here():
    assert doctor.check_widgets_extension().ok


def test_course_package_that_does_not_import_is_reported(monkeypatch):
    real = doctor.importlib.import_module

    def fake(name, *args):
        if name == "snb":
            raise ModuleNotFoundError("No module named 'snb'")
        return real(name, *args)

    monkeypatch.setattr(doctor.importlib, "import_module", fake)
    result = doctor.check_course_package()
    assert not result.ok
    assert "No module named 'snb'" in result.detail and "pip install -e ." in result.fix


def test_course_package_works_here():
    result = doctor.check_course_package()
    assert result.ok and "34 members" in result.detail


def test_unwritable_workspace_is_reported(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(doctor.tempfile, "NamedTemporaryFile", refuse)
    result = doctor.check_workspace(tmp_path / "my-work")
    assert not result.ok
    assert "cannot write in" in result.detail and "Permission denied" in result.detail
    assert "WORKSPACE=" in result.fix


def test_workspace_that_is_a_file_is_reported(tmp_path):
    (tmp_path / "a-file").write_text("x")
    result = doctor.check_workspace(tmp_path / "a-file" / "my-work")
    assert not result.ok and "is not a folder" in result.detail


def test_writable_workspace_and_its_parent(tmp_path):
    assert doctor.check_workspace(tmp_path).ok
    result = doctor.check_workspace(tmp_path / "my-work")
    assert result.ok and "make workspace" in result.detail


def test_full_disk_is_reported(tmp_path):
    usage = namedtuple("usage", "total used free")
    result = doctor.check_disk(tmp_path, 500, usage=lambda p: usage(10 * 2**30, 10 * 2**30, 120 * 2**20))
    assert not result.ok
    assert "only 120 MB free" in result.detail and "500 MB" in result.detail
    assert "free some space" in result.fix
    assert doctor.check_disk(tmp_path, 1).ok


def test_report_exit_status_and_fix_lines(capsys):
    good = doctor.Result("a", True, "fine")
    bad = doctor.Result("b", False, "broken", "do this")
    assert doctor.report([good]) == 0
    assert "Ready for the workshop" in capsys.readouterr().out
    assert doctor.report([good, bad]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM" in out and "fix: do this" in out and "Not ready: 1 problem (b)" in out


def test_the_plain_command_exits_1_and_names_the_fix(tmp_path):
    """Run as a learner would without make: a workspace inside a file cannot be written."""
    (tmp_path / "a-file").write_text("x")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "check_env.py"), "--no-kernel",
                           "--workspace", str(tmp_path / "a-file" / "ws")],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"PROBLEM\s+workspace\s+.*is not a folder", done.stdout), done.stdout
    assert "fix: make" in done.stdout
    assert "Not ready: 1 problem (workspace)" in done.stdout


def test_the_plain_command_passes_on_this_machine(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "check_env.py"),
                           "--workspace", str(tmp_path / "my-work"), "--min-free-mb", "1"],
                          capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Ready for the workshop" in done.stdout


def test_tools_for_tests_only_are_not_a_learners_problem():
    def installed(name):
        if name in ("nbval", "playwright", "jupyter-book", "pytest-xdist"):
            raise doctor.PackageNotFoundError(name)
        return version(name)

    results = doctor.check_packages(installed=installed)
    assert all(r.ok for r in results), [r.detail for r in results if not r.ok]
    nbval = next(r for r in results if r.name == "nbval")
    assert "only the tests and the book build use it" in nbval.detail


def test_outside_the_venv_says_use_the_venv_once():
    result = doctor.check_venv(prefix="/usr", base_prefix="/usr", executable="/usr/bin/python3")
    assert result is not None and not result.ok
    assert "/usr/bin/python3 is not the course's .venv" in result.detail
    assert "make check-env" in result.fix or "make setup" in result.fix
    assert doctor.check_venv(prefix="/x/.venv", base_prefix="/usr") is None


def test_disk_need_depends_on_whether_the_venv_exists(tmp_path):
    usage = namedtuple("usage", "total used free")
    free = lambda mb: (lambda p: usage(10 * 2**30, 0, mb * 2**20))  # noqa: E731
    assert doctor.check_disk(tmp_path, usage=free(400)).ok == (ROOT / ".venv").is_dir()
    assert not doctor.check_disk(tmp_path, doctor.SETUP_FREE_MB, usage=free(1200)).ok
