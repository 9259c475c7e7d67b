"""Every file the course writes, and every JSON file someone hands it, goes through here.

Writing (:func:`write_text`, :func:`create_text`): never through a symbolic link, never
into something that is not a regular file, and never half: the text goes to a new
temporary file beside the target, which then replaces it in one step (``os.replace``), so
a crash or Ctrl-C leaves the old file or the new one, never a mix.

Reading (:func:`read_json`): one bounded, typed reader for the JSON files learners and
instructors hand in (progress files, the workspace marker). It opens regular files only
(a FIFO, a device or a folder is refused without blocking, a symbolic link is not
followed), optionally only inside a given folder, and refuses a file that is too large,
nested too deep, holds too many values or a number with too many digits, before any of
that can cost time or memory. Every refusal is an :class:`UnreadableFile` whose message
says why in a few words.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["UnreadableFile", "UnsafeTarget", "check_target", "write_text", "create_text", "read_json", "open_regular",
           "MAX_JSON_BYTES", "MAX_DEPTH", "MAX_VALUES", "MAX_DIGITS"]

#: Default limits of :func:`read_json`.
MAX_JSON_BYTES = 1 << 20     # 1 MiB
MAX_DEPTH = 8
MAX_VALUES = 100_000
MAX_DIGITS = 30

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class UnreadableFile(ValueError):
    """A file that :func:`read_json` will not use; the message says why (a few words)."""


class UnsafeTarget(OSError):
    """A path the course refuses to write to (a symbolic link, a FIFO, a folder...)."""


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"),
                       (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "not a regular file"


def check_target(path: Path | str) -> None:
    """Refuse (:class:`UnsafeTarget`) to replace anything but a regular file (or nothing)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise UnsafeTarget(f"{path} is {_kind(mode)}; the course writes only regular files and never "
                           "through a link. Move it away, or choose another file name.")


def write_text(path: Path | str, text: str, *, mode: int = 0o644) -> Path:
    """Write ``text`` to ``path`` safely: a new temporary file in the same folder, flushed to
    disk, then renamed over ``path``. A symbolic link, FIFO or folder at ``path`` is refused
    (:class:`UnsafeTarget`), never followed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_text(folder / "a.txt", "hello").read_text()
    'hello'
    """
    path = Path(path)
    check_target(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        check_target(path)  # again: nothing may have put a link there meanwhile
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def create_text(path: Path | str, text: str, *, mode: int = 0o644) -> Path:
    """Write ``text`` to a new file ``path``; :class:`FileExistsError` if anything (a file, a
    link, even a dangling one) is already there. Written in full under a temporary name first,
    then linked into place, so the file never appears half written."""
    path = Path(path)
    if os.path.lexists(path):
        raise FileExistsError(f"{path} already exists")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.link(tmp, path)  # fails if path appeared meanwhile: never replaces anything
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return path


def open_regular(path: Path | str, inside: Path | str | None = None) -> tuple[int, os.stat_result]:
    """Open a regular file for reading without following a link or blocking on a FIFO.

    Returns the file descriptor and its ``fstat``; raises :class:`UnreadableFile` otherwise.
    With ``inside``, the file must also lie inside that folder (after resolving ``..``).
    """
    path = os.fspath(path)
    if inside is not None:
        real, folder = os.path.realpath(path), os.path.realpath(inside)
        if os.path.commonpath([real, folder]) != folder:
            raise UnreadableFile("it lies outside the folder")
    try:
        before = os.lstat(path)
    except OSError as exc:
        raise UnreadableFile(f"it cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(before.st_mode):
        raise UnreadableFile(f"it is {_kind(before.st_mode)}, not a regular file (not followed)")
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError as exc:
        raise UnreadableFile(f"it cannot be read ({exc.strerror or exc})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != (before.st_dev, before.st_ino):
        os.close(fd)
        raise UnreadableFile("it changed while being opened (not a regular file)")
    return fd, info


def _number(text: str, max_digits: int) -> str:
    if len(text) <= max_digits:  # the usual case, decided without looking at each character
        return text
    digits = sum(ch.isdigit() for ch in text)
    if digits > max_digits:
        raise UnreadableFile(f"it holds a number with {digits:,} digits (at most {max_digits})")
    return text


def _constant(name: str) -> Any:
    raise UnreadableFile(f"it holds {name}, which is not a JSON number")


def _measure(data: Any, max_depth: int, max_values: int) -> None:
    """Refuse data nested deeper than ``max_depth`` or holding more than ``max_values`` values."""
    count = 0
    level = [data]
    for depth in range(max_depth + 2):
        if not level:
            return
        if depth > max_depth:
            raise UnreadableFile(f"it is nested more than {max_depth} levels deep")
        below = []
        for value in level:
            count += 1
            if count > max_values:
                raise UnreadableFile(f"it holds more than {max_values:,} values")
            if isinstance(value, dict):
                below.extend(value.values())
            elif isinstance(value, list):
                below.extend(value)
        level = below


def read_json(path: Path | str, *, inside: Path | str | None = None, max_bytes: int = MAX_JSON_BYTES,
              max_depth: int = MAX_DEPTH, max_values: int = MAX_VALUES,
              max_digits: int = MAX_DIGITS) -> Any:
    """The JSON value in ``path``, read within limits; :class:`UnreadableFile` says why not.

    Refused without reading: anything but a regular file (links are not followed, FIFOs
    never opened for blocking reads), a file outside ``inside``, a file over ``max_bytes``.
    Refused while parsing: invalid UTF-8 or JSON, ``NaN``/``Infinity``, a number with more
    than ``max_digits`` digits, nesting deeper than ``max_depth``, more than ``max_values``
    values.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_text(folder / "p.json", '{"a": [1, 2]}')
    >>> read_json(folder / "p.json")
    {'a': [1, 2]}
    """
    fd, info = open_regular(path, inside)
    try:
        if info.st_size > max_bytes:
            raise UnreadableFile(f"it is too large ({info.st_size:,} bytes; at most {max_bytes:,})")
        chunks, size = [], 0
        while size <= max_bytes:  # a file that grows while read stops at the limit
            chunk = os.read(fd, max_bytes + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        raw = b"".join(chunks)
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        raise UnreadableFile(f"it is too large (more than {max_bytes:,} bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile("it is not text (not UTF-8)") from None
    if not text.strip():
        raise UnreadableFile("it is empty")
    # a cheap bound before parsing: the parser recurses once per [ or {
    if text.count("[") + text.count("{") > max_values:
        raise UnreadableFile(f"it is nested too deep or holds more than {max_values:,} values")
    if re.search(r"[\[{](?:\s*[\[{]){%d}" % max_depth, text):  # a run of openers: refused before parsing
        raise UnreadableFile(f"it is nested more than {max_depth} levels deep")
    try:
        data = json.loads(text, parse_int=lambda s: int(_number(s, max_digits)),
                          parse_float=lambda s: _finite(float(_number(s, max_digits))),
                          parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"it is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise UnreadableFile(f"it is nested more than {max_depth} levels deep") from None
    _measure(data, max_depth, max_values)
    return data


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise UnreadableFile("it holds a number too large to use")
    return value
