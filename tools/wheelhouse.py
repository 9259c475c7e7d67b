"""A wheelhouse for a venue with no internet: `make wheelhouse` -> wheelhouse/ (git-ignored).

One folder with every wheel the course needs (requirements.txt, and setuptools to build
the course package itself) for the common platforms and every Python version the README
supports. Copy it to a USB stick with the course; on the day, learners install with the
index switched off:

    python -m venv .venv
    .venv/bin/python -m pip install --no-index --find-links wheelhouse -r requirements.txt

(Windows: .venv\\Scripts\\python ...). `make setup` does not need to run first.

How it is built: for each platform and Python version, `pip download --only-binary :all:
--platform ... --python-version ... --implementation cp`. A package published only as a
source archive has no wheel to download for another platform; the fallback is to build a
wheel of it here first (`pip wheel --no-deps`, only for pure-Python packages, listed in
SDIST_ONLY) and let the downloads find it with --find-links. Today SDIST_ONLY is empty:
every requirement has wheels.

    python tools/wheelhouse.py [--dest wheelhouse] [--platform linux ...] [--python 3.11 ...]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = ROOT / "requirements.txt"
DEFAULT_DEST = ROOT / "wheelhouse"
# pip expands macOS tags to every older macOS version and manylinux2014 to manylinux2010/1.
PLATFORMS = {
    "linux": ["manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"],
    # Apple silicon: numpy and scipy publish macOS 14 wheels (Accelerate) beside older ones;
    # pip takes the newest that fits, so macOS 12 and 13 need their own download.
    "macos-arm": ["macosx_14_0_arm64"],      # macOS 14 and later
    "macos-arm-12": ["macosx_12_0_arm64"],   # macOS 12 and 13
    "macos-intel": ["macosx_12_0_x86_64"],   # Intel Macs, macOS 12 and later
    "windows": ["win_amd64"],
}
# The README supports Python 3.10 or newer.
PYTHONS = ["3.10", "3.11", "3.12", "3.13", "3.14"]
# The build backend of the course package (pyproject.toml), so `-e .` installs offline too.
BUILD = ["setuptools>=77"]
# Packages with no wheel on PyPI: built here into a pure-Python wheel (see the docstring).
SDIST_ONLY: list[str] = []


def requirement_lines(path: Path = REQUIREMENTS) -> list[str]:
    """The requirements to download: every specifier line, without `-e .` and options."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            lines.append(line)
    return lines + BUILD


def download_command(dest: Path, requirements: Path, platform: str, python: str) -> list[str]:
    command = [sys.executable, "-m", "pip", "download", "--dest", str(dest), "--only-binary", ":all:",
               "--python-version", python, "--implementation", "cp", "--find-links", str(dest),
               "--quiet", "--progress-bar", "off", "-r", str(requirements)]
    for tag in PLATFORMS[platform]:
        command += ["--platform", tag]
    return command


def this_platform() -> str | None:
    """Which of PLATFORMS this machine is, or None (e.g. Linux on ARM)."""
    import platform

    machine = platform.machine().lower()
    if sys.platform.startswith("linux") and machine in ("x86_64", "amd64"):
        return "linux"
    if sys.platform == "darwin":
        return "macos-arm" if machine == "arm64" else "macos-intel"
    if sys.platform == "win32" and machine in ("amd64", "x86_64"):
        return "windows"
    return None


def build(dest: Path, platforms: list[str], pythons: list[str], requirements: Path = REQUIREMENTS) -> dict:
    """Download into dest; return {(platform, python): error text or ""}."""
    dest.mkdir(parents=True, exist_ok=True)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        reqs = Path(tmp) / "requirements.txt"
        reqs.write_text("\n".join(requirement_lines(requirements)) + "\n", encoding="utf-8")
        if SDIST_ONLY:
            subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(dest),
                            *SDIST_ONLY], check=True)
        for platform in platforms:
            for python in pythons:
                started = time.monotonic()
                done = subprocess.run(download_command(dest, reqs, platform, python),
                                      capture_output=True, text=True)
                error = "" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["failed"])[-1]
                results[(platform, python)] = error
                status = "ok" if not error else f"FAILED: {error}"
                print(f"  {platform:12s} Python {python:5s} {time.monotonic() - started:5.0f} s  {status}",
                      flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    parser.add_argument("--platform", action="append", choices=[*PLATFORMS, "this"],
                        help="default: all of " + ", ".join(PLATFORMS) + "; 'this' = this machine's")
    parser.add_argument("--python", action="append", help="default: " + ", ".join(PYTHONS))
    args = parser.parse_args(argv)
    platforms = args.platform or list(PLATFORMS)
    if "this" in platforms:
        mine = this_platform()
        if mine is None:
            print("This machine is none of the wheelhouse's platforms; name one with --platform.")
            return 2
        platforms = [mine if p == "this" else p for p in platforms]
    pythons = args.python or PYTHONS
    for python in pythons:
        if not re.fullmatch(r"3\.\d+", python):
            parser.error(f"--python takes a version such as 3.11, not {python!r}")
    print(f"Downloading wheels for {', '.join(platforms)} and Python {', '.join(pythons)} into {args.dest}")
    results = build(args.dest.resolve(), platforms, pythons)
    wheels = sorted(args.dest.glob("*.whl"))
    size = sum(p.stat().st_size for p in wheels) / 2**20
    failed = [key for key, error in results.items() if error]
    print(f"{len(wheels)} wheels, {size:.0f} MB in {args.dest}.")
    if failed:
        print("Not complete for: " + ", ".join(f"{p} / Python {v}" for p, v in failed)
              + ". A package with no wheel there can be built here and added to SDIST_ONLY.")
        return 1
    print(f"Learners install with: python -m pip install --no-index --find-links {args.dest} "
          "-r requirements.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
