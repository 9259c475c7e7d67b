"""Shared set-up for the snb tests: a headless matplotlib backend, no slow optional import."""

import sys

#: nbformat's optional rfc3987-syntax compiles 38 grammars (1 s a process) for format checks
#: the notebooks never use; tools/book_build.py leaves it out the same way. The Makefile's
#: test runs other than nbval pass `-p no:nbval`, so nbformat is first imported after this.
sys.modules.setdefault("rfc3987_syntax", None)

import matplotlib  # noqa: E402

matplotlib.use("Agg")


def pytest_configure(config):
    # tests/test_workshop_wheelhouse.py: builds and installs a wheelhouse (minutes, not seconds)
    config.addinivalue_line("markers", "slow: takes minutes (still part of make test; -m 'not slow' skips it)")


#: The longest slow test files, longest first (measured: the wheelhouse about 60 s, the hub
#: rehearsal about 30 s). `make slow-test` runs on two workers (--dist worksteal, which
#: splits the tests in this order and lets an idle worker take half of the other's queue);
#: starting these first keeps one long test from running alone at the end.
LONGEST_FIRST = ("test_workshop_wheelhouse.py", "test_hub_rehearsal.py")


def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: else as collected
