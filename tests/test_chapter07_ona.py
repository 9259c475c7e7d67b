"""The organisational network tool (snb.ona): every bad input gets its message, no real name
leaks into a report, pseudonyms are stable within a report, the shipped files are reproducible."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from snb.ona import __main__ as cli
from snb.ona import analysis, convert, pseudonym, report, sample, survey
from snb.ona.survey import SurveyError

PEOPLE = b"id,department\nAna,Sales\nBen,Sales\nEva,Ops\n"
GOOD = b"respondent,question,named\nAna,advice,Ben\nBen,advice,Ana\nEva,advice,\n"


def _problems(data: bytes, people: bytes | None = PEOPLE) -> list[str]:
    table = survey.read_people(people)[0] if people is not None else None
    with pytest.raises(SurveyError) as err:
        survey.read_survey(data, table)
    return [str(p) for p in err.value.problems]


def _warnings(data: bytes, people: bytes | None = PEOPLE) -> list[str]:
    table = survey.read_people(people)[0] if people is not None else None
    return [str(w) for w in survey.read_survey(data, table).warnings]


def test_a_good_file_reads_with_its_respondents_and_an_empty_named_cell():
    s = survey.read_survey(GOOD, survey.read_people(PEOPLE)[0])
    assert s.respondents == {"Ana", "Ben", "Eva"} and len(s.answers) == 2 and s.response_rate == 1.0
    assert s.warnings == []


def test_unknown_names_are_refused_with_row_and_column():
    [problem] = _problems(b"respondent,question,named\nAna,advice,Bob\n")
    assert "row 2" in problem and "column 'named'" in problem and "'Bob' is not in the people file" in problem


def test_an_unknown_respondent_is_refused():
    [problem] = _problems(b"respondent,question,named\nZed,advice,Ana\n")
    assert "row 2" in problem and "column 'respondent'" in problem and "'Zed'" in problem


def test_self_nominations_are_left_out_with_a_warning():
    [warning] = _warnings(b"respondent,question,named\nAna,advice,Ana\nAna,advice,Ben\n")
    assert "row 2" in warning and "names themself" in warning


def test_duplicates_are_left_out_with_a_warning_naming_the_row():
    data = b"respondent,question,named\nAna,advice,Ben\nBen,advice,Ana\nAna,advice,Ben\n"
    [warning] = _warnings(data)
    assert "row 4" in warning and "again" in warning
    assert len(survey.read_survey(data, survey.read_people(PEOPLE)[0]).answers) == 2


def test_non_respondents_are_counted_from_the_people_file():
    s = survey.read_survey(b"respondent,question,named\nAna,advice,Ben\n", survey.read_people(PEOPLE)[0])
    assert s.non_respondents == ["Ben", "Eva"] and s.response_rate == pytest.approx(1 / 3)


def test_without_a_people_file_the_response_rate_is_said_to_be_unknown():
    [warning] = _warnings(b"respondent,question,named\nAna,advice,Ben\n", people=None)
    assert "response rate is not known" in warning


@pytest.mark.parametrize("data", [b"", b"   \n\n"])
def test_an_empty_file_is_refused(data):
    [problem] = _problems(data)
    assert "the file is empty" in problem


def test_a_header_without_rows_is_refused():
    [problem] = _problems(b"respondent,question,named\n")
    assert "no rows of answers" in problem


def test_wrong_columns_are_named():
    problems = _problems(b"from,to\nAna,Ben\n")
    assert len(problems) == 3
    assert "column 'respondent' is missing" in problems[0] and "'from', 'to'" in problems[0]


def test_columns_are_found_whatever_their_case_and_spaces():
    s = survey.read_survey(b" Respondent , QUESTION,Named\nAna,advice,Ben\n")
    assert len(s.answers) == 1


def test_extra_columns_are_ignored_with_a_warning():
    warnings = _warnings(b"respondent,question,named,timestamp\nAna,advice,Ben,2024\n")
    assert any("'timestamp'" in w and "ignored" in w for w in warnings)


def test_a_bad_weight_is_refused_with_its_row():
    [problem] = _problems(b"respondent,question,named,weight\nAna,advice,Ben,2\nBen,advice,Ana,often\n")
    assert "row 3" in problem and "column 'weight'" in problem and "'often' is not a positive number" in problem


def test_an_empty_respondent_is_refused():
    [problem] = _problems(b"respondent,question,named\n,advice,Ben\n")
    assert "row 2" in problem and "respondent is empty" in problem


def test_non_utf8_text_is_refused_with_its_line():
    [problem] = _problems("respondent,question,named\nAna,advice,Ben\nRen\u00e9,advice,Ana\n".encode("latin-1"))
    assert "row 3" in problem and "not UTF-8" in problem and "CSV UTF-8" in problem


def test_a_utf8_byte_order_mark_is_fine():
    assert len(survey.read_survey(b"\xef\xbb\xbf" + GOOD, survey.read_people(PEOPLE)[0]).answers) == 2


def test_a_file_over_5_mb_is_refused_before_it_is_parsed():
    big = GOOD + b"Ana,advice,Ben\n" * (survey.MAX_BYTES // 15 + 1)
    [problem] = _problems(big)
    assert "limit is 5 MB" in problem and "100,000 rows" in problem


def test_more_than_100000_rows_are_refused():
    rows = b"respondent,question,named\n" + b"A,q,B\n" * (survey.MAX_ROWS + 1)
    assert len(rows) < survey.MAX_BYTES
    [problem] = _problems(rows, people=None)
    assert "more than 100,000 rows" in problem


def test_a_malformed_csv_is_refused_in_plain_words():
    [problem] = _problems(b'respondent,question,named\nAna,advice,"Ben\n')
    assert "not a readable CSV table" in problem


def test_formula_like_cells_are_text_warned_about_and_escaped_in_the_key_file(tmp_path):
    people = b"id,department\n=CMD(calc),Sales\nBen,Sales\n"
    data = b"respondent,question,named\n=CMD(calc),advice,Ben\nBen,advice,=CMD(calc)\n"
    table, people_warnings = survey.read_people(people)
    s = survey.read_survey(data, table)
    assert any("looks like a spreadsheet formula" in str(w) and "row 2" in str(w) for w in people_warnings)
    assert sum("spreadsheet formula" in str(w) for w in s.warnings) == 2
    assert "=CMD(calc)" in set(s.answers["respondent"])  # read as text, unchanged
    (tmp_path / "s.csv").write_bytes(data)
    (tmp_path / "p.csv").write_bytes(people)
    status = cli.main([str(tmp_path / "s.csv"), "--people", str(tmp_path / "p.csv"), "--out",
                       str(tmp_path / "r.html"), "--key", str(tmp_path / "key.csv"), "--real-names"])
    assert status == 0
    with open(tmp_path / "key.csv", newline="", encoding="utf-8") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    assert "'=CMD(calc)" in ids and "=CMD(calc)" not in ids
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "=CMD(calc)" in page and "<script" not in page


def test_user_text_is_html_escaped_in_the_report():
    people = b"id,department\n<b>x</b>,<i>Sales</i>\nBen,<i>Sales</i>\n"
    s = survey.load(b"respondent,question,named\n<b>x</b>,advice,Ben\n", people)
    page = report.render(s, analysis.analyse(s, min_group=2), real_names=True, min_group=2)
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page and "<i>Sales" not in page


def test_duplicate_ids_in_the_people_file_are_refused():
    with pytest.raises(SurveyError) as err:
        survey.read_people(b"id\nAna\nBen\nAna\n")
    assert "row 4" in str(err.value) and "already on row 2" in str(err.value)


def test_many_problems_of_one_kind_are_summarised():
    data = b"respondent,question,named\n" + b"Ana,advice,Bob\n" * 9
    problems = _problems(data)
    assert len(problems) == 6 and "and 4 more rows" in problems[-1]


@pytest.mark.parametrize("args, expected", [
    (["missing.csv", "--out", "r.html"], "missing.csv: no such file"),
    (["{survey}", "--out", "nowhere/r.html"], "does not exist"),
    (["{survey}", "--out", "r.html", "--min-group", "1"], "--min-group must be at least 2"),
    (["{bad}", "--out", "r.html"], "column 'named' is missing"),
])
def test_the_command_line_prints_problems_without_a_traceback(tmp_path, capsys, monkeypatch, args, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.csv").write_bytes(GOOD)
    (tmp_path / "bad.csv").write_bytes(b"respondent,question\nAna,advice\n")
    args = [a.format(survey="s.csv", bad="bad.csv") for a in args]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_pseudonyms_are_stable_within_a_report_and_differ_across_salts():
    people = [f"person {i}" for i in range(300)]
    a = pseudonym.pseudonyms(people, "one")
    assert a == pseudonym.pseudonyms(list(reversed(people)), "one")
    assert len(set(a.values())) == 300 and all(re.fullmatch(r"P-[A-Z2-7]{6}", c) for c in a.values())
    b = pseudonym.pseudonyms(people, "two")
    assert sum(a[p] == b[p] for p in people) == 0
    assert pseudonym.new_salt() != pseudonym.new_salt()


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("ona") / "report.html"
    status = cli.main([str(sample.SURVEY_PATH), "--people", str(sample.PEOPLE_PATH), "--out", str(out)])
    assert status == 0
    return out.read_text(encoding="utf-8")


def test_by_default_no_real_name_appears_in_the_report(sample_report):
    people = pd.read_csv(sample.PEOPLE_PATH, dtype=str)["id"]
    assert len(people) == 300
    leaked = [name for name in people if name in sample_report]
    assert leaked == []
    surnames = {name.split()[1] for name in people}
    assert [s for s in surnames if re.search(rf"\b{s}\b", sample_report)] == []
    assert sample_report.count("P-") > 50


def test_real_names_appear_only_with_the_flag(tmp_path):
    out = tmp_path / "r.html"
    assert cli.main([str(sample.SURVEY_PATH), "--people", str(sample.PEOPLE_PATH), "--out", str(out),
                     "--real-names"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Real names are shown" in page and "P-" not in page
    names = pd.read_csv(sample.PEOPLE_PATH, dtype=str)["id"]
    assert sum(name in page for name in names) >= 9


def test_the_report_is_self_contained_and_states_every_caveat(sample_report):
    assert "<script" not in sample_report and "<link" not in sample_report
    assert re.findall(r'(?:src|href)="(?!data:)', sample_report) == []
    assert sample_report.count('src="data:image/png;base64,') == 3
    assert all(f'alt="' in tag for tag in re.findall(r"<img[^>]*>", sample_report))
    from snb.ona import ethics
    import html
    for caveat in ethics.CAVEATS:
        assert html.escape(caveat, quote=True) in sample_report
    assert "response rate of 78%" in sample_report


def test_the_report_compares_the_response_rate_with_chapter_7s_threshold(sample_report):
    from snb import verdicts

    threshold = verdicts.stored("07-broker-response-rate").details["threshold"]
    assert f"from a response rate of {threshold:.0%} upwards" in sample_report
    assert "response rate is 78%: above that threshold" in sample_report
    assert "robust" in sample_report and "kept the role in" in sample_report


def test_the_help_states_the_limits(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "5 MB or 100,000 rows" in " ".join(capsys.readouterr().out.split())


def test_small_groups_are_suppressed_in_the_report(sample_report):
    assert "Legal" not in sample_report  # the legal team of 4 is under the threshold of 5
    assert "suppressed" in sample_report


def test_every_number_in_the_relation_tables_has_its_interval(sample_report):
    rows = re.findall(r"<tr><td>(density|reciprocity|ties inside)[^<]*</td><td>([^<]*)</td>", sample_report)
    assert len(rows) == 9 and all("95 % CI" in value for _, value in rows)


def test_the_shipped_sample_is_what_its_generator_makes(tmp_path):
    survey_path, people_path = sample.write_sample(tmp_path)
    assert survey_path.read_bytes() == sample.SURVEY_PATH.read_bytes()
    assert people_path.read_bytes() == sample.PEOPLE_PATH.read_bytes()


def test_the_sample_is_a_realistic_survey():
    s = survey.load(sample.SURVEY_PATH, sample.PEOPLE_PATH)
    assert len(s.people) == 300 and s.questions == ("advice", "collaboration", "energy")
    assert 0.7 < s.response_rate < 0.85 and s.warnings == []
    named = s.answers[s.answers.question == "advice"].groupby("named").size()
    by_person = named.reindex(s.people["id"], fill_value=0)
    answered = by_person[list(s.respondents)].mean()
    missing = by_person[s.non_respondents].mean()
    assert missing > answered  # the busiest (most named) answer least


def test_the_krackhardt_converter_round_trips_through_the_reader(tmp_path):
    survey_path, people_path = convert.write(tmp_path)
    s = survey.load(survey_path, people_path)
    assert len(s.people) == 21 and s.response_rate == 1.0 and s.questions == ("advice", "friendship")
    counts = s.answers.groupby("question").size().to_dict()
    assert counts == {"advice": 190, "friendship": 102}


def test_analysis_numbers_are_consistent_on_krackhardt():
    answers, people = convert.krackhardt_survey()
    s = survey.load(answers.to_csv(index=False).encode(), people.to_csv(index=False).encode())
    advice = analysis.analyse_relation(s, "advice")
    assert advice.density.value == pytest.approx(190 / (21 * 20))
    assert advice.density.low < advice.density.value < advice.density.high
    assert 0 < advice.within_p <= 1 and len(advice.within_null) == analysis.PERMUTATIONS
    assert all(role.overlap is None for name, role in advice.roles.items())  # everyone answered
    assert set(advice.groups.index) >= {"D1", "D2", "other groups"}
