"""`.ci/run` installs Chromium while the first tests run; the browser tests wait for it."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import browsing  # noqa: E402


def test_ci_hands_the_install_status_to_the_browser_tests():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"export {browsing.INSTALL_ENV}" in run
    assert "apt-get install -y -qq chromium" in run
    # the status file appears whole (written, then renamed), never half written
    assert 'mv "$SNB_CHROMIUM_INSTALL.tmp" "$SNB_CHROMIUM_INSTALL"' in run
    assert run.index("make test") > run.index(f"export {browsing.INSTALL_ENV}")


def test_no_install_under_way_means_no_wait():
    browsing.wait_for_chromium_install(env={})


def test_a_finished_install_is_not_waited_for(tmp_path):
    (tmp_path / "status").write_text("0\n", encoding="utf-8")
    browsing.wait_for_chromium_install(env={browsing.INSTALL_ENV: str(tmp_path / "status")})


def test_the_wait_lasts_until_apt_has_finished(tmp_path):
    status = tmp_path / "status"
    timer = threading.Timer(0.3, lambda: status.write_text("0\n", encoding="utf-8"))
    timer.start()
    try:
        browsing.wait_for_chromium_install(env={browsing.INSTALL_ENV: str(status)}, poll=0.05)
    finally:
        timer.cancel()
    assert status.is_file()


def test_a_failed_install_fails_with_apts_own_words(tmp_path):
    (tmp_path / "status").write_text("100\n", encoding="utf-8")
    (tmp_path / "status.log").write_text("E: Unable to locate package chromium\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="exit 100(.|\n)*Unable to locate package chromium"):
        browsing.wait_for_chromium_install(env={browsing.INSTALL_ENV: str(tmp_path / "status")})
