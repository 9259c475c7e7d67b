"""``python -m snb.ona SURVEY.csv [--people PEOPLE.csv] --out report.html``: see :mod:`snb.ona`.

Exit status 0 with a report written, 2 when an input cannot be used (every problem is
printed, naming its file, row and column; never a traceback).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from snb.ona import analysis, report
from snb.ona.pseudonym import new_salt, pseudonyms
from snb.ona.survey import MAX_BYTES, MAX_ROWS, SurveyError, escape_formula, load

__all__ = ["main", "broker_threshold"]

EPILOG = (f"Limits: {MAX_BYTES / 1e6:.0f} MB or {MAX_ROWS:,} rows per file. A file at the limit is checked in "
          "about a second; the sample survey (300 people, 3 questions) takes about 1.5 s of computing "
          "(tools/benchmark.py --ona measures both).")


def broker_threshold() -> tuple[float | None, str]:
    """The response rate below which a broker list is not worth giving, from chapter 7's
    stored verdict, and the sentence that states it (None when the verdict is not stored)."""
    try:
        from snb import verdicts

        v = verdicts.stored("07-broker-response-rate")
    except Exception:  # noqa: BLE001 - the report works without the course's stored verdicts
        return None, ""
    low = v.details.get("threshold")
    if low is None:
        return None, ""
    return float(low), (f"In chapter 7's study (synthetic firms, the busiest answering least), a list of the top 5 "
                        f"brokers got at least 3 of 5 right on average only from a response rate of {low:.0%} "
                        "upwards.")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m snb.ona", description=__doc__.split("\n")[0], epilog=EPILOG)
    parser.add_argument("survey", help="the survey export: respondent,question,named[,weight] (CSV, UTF-8)")
    parser.add_argument("--people", help="everyone in the survey's boundary: id[,department,level,location]")
    parser.add_argument("--out", required=True, help="the HTML report to write")
    parser.add_argument("--real-names", action="store_true", help="show ids instead of pseudonyms")
    parser.add_argument("--min-group", type=int, default=5, help="smallest group shown in tables (default 5)")
    parser.add_argument("--salt", help="secret for the pseudonyms (default: a new one per report)")
    parser.add_argument("--key", help="also write the pseudonym key (code,id) to this CSV: keep it secret")
    parser.add_argument("--seed", type=int, default=0, help="seed of the resampling (default 0)")
    return parser


def _fail(lines: list[str]) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run the tool; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.min_group < 2:
        return _fail([f"error: --min-group must be at least 2, got {args.min_group}."])
    out = Path(args.out)
    if not out.parent.is_dir():
        return _fail([f"error: cannot write {out}: the folder {out.parent} does not exist."])
    for given in (args.survey, args.people):
        if given is not None and not Path(given).is_file():
            return _fail([f"error: {given}: no such file."])
    start = time.perf_counter()
    try:
        survey = load(args.survey, args.people)
    except SurveyError as exc:
        return _fail([str(p).replace("survey file", args.survey).replace("people file", str(args.people))
                      for p in exc.problems])
    except OSError as exc:
        return _fail([f"error: cannot read {exc.filename}: {exc.strerror}."])
    relations = analysis.analyse(survey, min_group=args.min_group, seed=args.seed)
    salt = args.salt or new_salt()
    codes = pseudonyms(survey.people["id"], salt)
    threshold, sentence = broker_threshold()
    page = report.render(survey, relations, real_names=args.real_names, codes=codes, min_group=args.min_group,
                         threshold=threshold, threshold_sentence=sentence)
    out.write_text(page, encoding="utf-8")
    if args.key:
        with open(args.key, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["code", "id"])
            writer.writerows((code, escape_formula(person)) for person, code in sorted(codes.items()))
    for w in survey.warnings:
        print(w, file=sys.stderr)
    print(f"wrote {out} ({len(survey.people)} people, {len(survey.questions)} questions, response rate "
          f"{survey.response_rate:.0%}) in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
