"""Files handed to the course by learners and instructors, and files it writes (issue 25,
items 1, 2 and 9): one bounded reader (snb.files.read_json) and one safe writer
(snb.files.write_text) for all of them."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from snb import files, progress

ROOT = Path(__file__).resolve().parents[1]
CHECK = "snb.checks.ch01.check_team_basics"


def _progress(status="correct", attempts=1, extra=None):
    data = {"format": progress.FORMAT, "version": 1,
            "checks": {CHECK: {"status": status, "time": "2026-12-01T10:00:00Z", "attempts": attempts}}}
    data["checks"].update(extra or {})
    return json.dumps(data)


@pytest.fixture(autouse=True)
def _never_hang():
    """A FIFO opened for reading would block forever: fail instead after 20 s."""
    def stop(*_):
        raise TimeoutError("blocked: a FIFO or device was opened")
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _hostile_folder(folder: Path, outside: Path) -> dict[str, str]:
    """The bad files of issue 25 item 2 and others of the same kinds; name -> expected reason."""
    folder.mkdir()
    (folder / "good.json").write_text(_progress(), encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "also-good.json").write_text(_progress("incorrect", 4), encoding="utf-8")
    bad = {
        "deep.json": ("[" * 100_000 + "]" * 100_000, "nested"),
        "digits.json": (_progress(attempts=0).replace('"attempts": 0', '"attempts": ' + "9" * 5000), "digits"),
        "many.json": (_progress(attempts="many"), "attempts"),
        "null.json": (_progress(attempts=None), "attempts"),
        "bool.json": (_progress(attempts=True), "attempts"),
        "nan.json": (_progress().replace('"attempts": 1', '"attempts": NaN'), "NaN"),
        "float.json": (_progress().replace('"attempts": 1', '"attempts": 1e999'), "too large"),
        "status.json": (_progress(status="great"), "status"),
        "empty.json": ("", "empty"),
        "binary.json": (b"\xff\xfe\x00", "UTF-8"),
        "other.json": (json.dumps({"format": "x"}), "not an snb progress file"),
        "wide.json": (json.dumps({"format": progress.FORMAT, "checks": {f"c{i}": {"status": "correct"}
                                                                       for i in range(3000)}}), "checks"),
    }
    for name, (content, _) in bad.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    big = folder / "huge.json"
    with open(big, "wb") as out:  # 122 MB, sparse: costs no disk
        out.truncate(122 * 10**6)
    reasons = {name: why for name, (_, why) in bad.items()} | {"huge.json": "too large"}
    os.mkfifo(folder / "x.json")
    reasons["x.json"] = "FIFO"
    reasons["deep.json"] = "nested"
    os.symlink("/dev/zero", folder / "zero.json")
    reasons["zero.json"] = "symbolic link"
    secret = outside / "secret.json"
    secret.write_text(_progress(extra={"SECRET-KEY-OF-THE-TARGET": {"status": "correct"}}), encoding="utf-8")
    os.symlink(secret, folder / "outside.json")
    reasons["outside.json"] = "symbolic link"
    os.symlink(outside, folder / "linked-folder")
    reasons["linked-folder"] = "symbolic link to a folder"
    (folder / "notes.txt").write_text("not a progress file", encoding="utf-8")  # ignored
    return reasons


def test_hostile_class_folder_gives_a_table_and_names_every_bad_file(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    folder = tmp_path / "class"
    reasons = _hostile_folder(folder, outside)
    os.symlink(victim, folder / "class-progress.csv")
    before = {p: p.lstat().st_mtime_ns for p in tmp_path.rglob("*") if not p.is_symlink()}
    code = progress.main(["--root", str(ROOT), "--class", str(folder),
                          "--csv", str(folder / "class-progress.csv")])
    out = capsys.readouterr().out
    assert "Class progress: 2 learners" in out
    assert "ex-01-basics" in out or "basics" in out
    skipped = {line.split(": ", 1)[0].removeprefix("skipped ").rsplit("/", 1)[-1]: line
               for line in out.splitlines() if line.startswith("skipped ")}
    for name, why in reasons.items():
        assert name in skipped, f"{name} not named:\n{out}"
        assert why.lower() in skipped[name].lower(), skipped[name]
    assert "SECRET-KEY-OF-THE-TARGET" not in out
    # the CSV is a link to a file outside the folder: refused, and the target is untouched
    assert code == 1 and "not written" in out
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (folder / "class-progress.csv").is_symlink()
    after = {p: p.lstat().st_mtime_ns for p in before}
    assert after == before, "a file was changed"


def test_class_csv_replaces_a_regular_file_atomically(tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "a.json").write_text(_progress(), encoding="utf-8")
    csv_path = folder / "class-progress.csv"
    csv_path.write_text("old", encoding="utf-8")
    assert progress.main(["--root", str(ROOT), "--class", str(folder), "--csv", str(csv_path)]) == 0
    assert csv_path.read_text(encoding="utf-8").startswith("chapter,number,exercise")
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "a temporary file was left"


def test_a_thousand_files_are_read(tmp_path, capsys):
    """1,000 files, a tenth of them bad: every one counted or named (10,000 are timed in tools/benchmark.py)."""
    folder = tmp_path / "class"
    folder.mkdir()
    good, bad = _progress(), "[" * 5000
    for i in range(1_000):
        (folder / f"{i:05d}.json").write_text(bad if i % 10 == 0 else good, encoding="utf-8")
    learners, skipped = progress.read_class(folder)
    assert len(learners) == 900 and len(skipped) == 100


@pytest.mark.parametrize("kind", ["deep", "digits", "fifo", "huge", "link", "many", "folder"])
def test_a_damaged_progress_file_is_always_recovered(kind, tmp_path, capsys):
    path = tmp_path / "progress.json"
    if kind == "deep":
        path.write_text("[" * 100_000, encoding="utf-8")
    elif kind == "digits":
        path.write_text(_progress().replace('"attempts": 1', '"attempts": ' + "7" * 5000), encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "huge":
        with open(path, "wb") as out:
            out.truncate(122 * 10**6)
    elif kind == "link":
        target = tmp_path / "elsewhere.txt"
        target.write_text("keep me", encoding="utf-8")
        os.symlink(target, path)
    elif kind == "many":
        path.write_text(_progress(attempts="many"), encoding="utf-8")
    elif kind == "folder":
        path.mkdir()
    assert progress.record(path, CHECK, "incorrect")
    assert progress.read_progress(path)["checks"][CHECK]["status"] == "incorrect"
    kept = list(tmp_path.glob("progress.json.unreadable-*"))
    assert len(kept) == 1
    if kind == "link":
        assert kept[0].is_symlink() and (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "keep me"
    # and the learner's report reads the new file
    assert progress.main(["--root", str(ROOT), "--file", str(path)]) == 0


@pytest.mark.parametrize("content", ["[" * 100_000, '{"format": "snb-progress", "checks": ' + "1" * 5000 + "}"])
def test_learner_report_on_a_damaged_file_explains(content, tmp_path, capsys):
    path = tmp_path / "progress.json"
    path.write_text(content, encoding="utf-8")
    assert progress.main(["--root", str(ROOT), "--file", str(path)]) == 1
    assert "not a progress file you can use" in capsys.readouterr().out


def test_write_text_never_follows_a_link_or_opens_a_fifo(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    os.symlink(victim, tmp_path / "link")
    with pytest.raises(files.UnsafeTarget):
        files.write_text(tmp_path / "link", "x")
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(files.UnsafeTarget):
        files.write_text(tmp_path / "fifo", "x")
    assert victim.read_text(encoding="utf-8") == "precious"
    with pytest.raises(FileExistsError):
        files.create_text(tmp_path / "link", "x")
    files.create_text(tmp_path / "new", "fresh")
    assert (tmp_path / "new").read_text(encoding="utf-8") == "fresh"


def test_read_json_limits(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"a": [1, 2.5, "x"]}', encoding="utf-8")
    assert files.read_json(path) == {"a": [1, 2.5, "x"]}
    with pytest.raises(files.UnreadableFile, match="outside"):
        files.read_json(path, inside=tmp_path / "sub")
    path.write_text("[" * 20 + "]" * 20, encoding="utf-8")
    with pytest.raises(files.UnreadableFile, match="nested"):
        files.read_json(path, max_depth=8)
    path.write_text("[" + ",".join(["1"] * 50) + "]", encoding="utf-8")
    with pytest.raises(files.UnreadableFile, match="more than 10 values"):
        files.read_json(path, max_values=10)


def test_progress_reads_fences_and_check_names_as_the_package_does():
    from snb import checks, exercisegen, fences

    assert progress.FENCE is fences.FENCE and exercisegen.FENCE is fences.FENCE  # one reading
    found = progress._check_modules()
    public = {n: getattr(checks, n).__module__ for n in checks.__all__ if n.startswith("check_")}
    assert {n: m for n, m in found.items() if n in public} == public
