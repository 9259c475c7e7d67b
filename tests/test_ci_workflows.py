"""GitHub Actions in .github/ are pinned to commits (issue 25): a tag such as `@v4` can be
moved to other code by whoever controls the action's repository; a full commit SHA cannot."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", re.MULTILINE)


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    workflows = sorted((ROOT / ".github").rglob("*.y*ml"))
    assert workflows
    found = 0
    for path in workflows:
        for action, rest in USES.findall(path.read_text(encoding="utf-8")):
            found += 1
            if action.startswith("./"):  # an action of this repository
                continue
            name, _, ref = action.partition("@")
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{path.name}: {action} is not pinned to a commit"
            assert re.search(r"#\s*v\d", rest), f"{path.name}: {name} needs its release as a comment"
    assert found
