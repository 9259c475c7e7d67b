"""Self-check quizzes that work everywhere: JupyterLab, the static book, a plain HTML viewer.

A quiz is data: questions, each with options, each option saying whether it is right
and why. It shows as HTML in which every option is a ``<details>`` element: clicking an
option opens its feedback ("Right" or "Not quite", and the reason). No kernel and no
JavaScript are needed, so the self-check answers in the published book too, and nothing
is loaded from another site. Its plain-text form lists the questions without answers.

    quiz.show("Chapter 1", [
        {"prompt": "...", "options": [
            {"text": "...", "correct": True, "why": "..."},
            {"text": "...", "correct": False, "why": "..."}]}])
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable, Iterable, Mapping

__all__ = ["Option", "Question", "Quiz", "show", "load", "from_check"]

_LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class Option:
    """One answer to a question: its text, whether it is right, and why."""

    text: str
    correct: bool
    why: str

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValueError("an option needs a text")
        if not isinstance(self.correct, bool):
            raise ValueError(f"'correct' must be True or False, got {self.correct!r}")
        if not isinstance(self.why, str) or not self.why.strip():
            raise ValueError(f"option {self.text!r} needs a 'why': feedback that explains it")


@dataclass(frozen=True)
class Question:
    """A question with two to eight options, at least one of them right."""

    prompt: str
    options: tuple[Option, ...]
    #: The registered verdict the right answer rests on (``snb.verdicts``), if any, and
    #: the kind it expects; a test fails when the stored verdict's kind differs.
    verdict: str = ""
    expects: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.prompt, str) or not self.prompt.strip():
            raise ValueError("a question needs a prompt")
        if bool(self.verdict) != bool(self.expects):
            raise ValueError("'verdict' and 'expects' go together")
        if not 2 <= len(self.options) <= len(_LETTERS):
            raise ValueError(f"a question needs 2 to {len(_LETTERS)} options, got {len(self.options)}")
        if not any(o.correct for o in self.options):
            raise ValueError(f"no option of {self.prompt!r} is marked correct")


def _question(data: Question | Mapping[str, Any]) -> Question:
    if isinstance(data, Question):
        return data
    keys = set(data) if isinstance(data, Mapping) else set()
    if not isinstance(data, Mapping) or not {"prompt", "options"} <= keys <= {
            "prompt", "options", "verdict", "expects"}:
        raise ValueError("a question is a mapping with the keys 'prompt' and 'options' "
                         "(and optionally 'verdict' and 'expects')")
    options = []
    for o in data["options"]:
        if isinstance(o, Option):
            options.append(o)
        elif isinstance(o, Mapping) and set(o) == {"text", "correct", "why"}:
            options.append(Option(o["text"], o["correct"], o["why"]))
        else:
            raise ValueError("an option is a mapping with exactly the keys 'text', 'correct' and 'why'")
    return Question(data["prompt"], tuple(options), str(data.get("verdict", "")),
                    str(data.get("expects", "")))


@dataclass(frozen=True)
class Quiz:
    """A titled list of questions; displays as HTML, with a plain-text fallback."""

    title: str
    questions: tuple[Question, ...]

    def __repr__(self) -> str:
        lines = [f"Self-check: {self.title}"]
        for i, q in enumerate(self.questions, 1):
            lines.append(f"{i}. {q.prompt}")
            lines += [f"   {_LETTERS[k]}. {o.text}" for k, o in enumerate(q.options)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        items = []
        for q in self.questions:
            options = "".join(
                f'<details class="snb-quiz-option"><summary>{_LETTERS[k]}. {e(o.text)}</summary>'
                f'<div class="snb-quiz-feedback {"right" if o.correct else "wrong"}">'
                f'<strong>{"✔ Right" if o.correct else "✘ Not quite"}.</strong> {e(o.why)}</div>'
                "</details>"
                for k, o in enumerate(q.options))
            items.append(f"<li><p>{e(q.prompt)}</p>{options}</li>")
        return (f'<div class="snb-quiz" role="group" aria-label="Self-check: {e(self.title)}">'
                f"<p><strong>Self-check: {e(self.title)}.</strong> Open an answer to see whether "
                f"it is right, and why.</p><ol>{''.join(items)}</ol></div>")


def show(title: str, questions: Iterable[Question | Mapping[str, Any]]) -> Quiz:
    """A :class:`Quiz` from questions given as objects or as plain data (checked)."""
    qs = tuple(_question(q) for q in questions)
    if not qs:
        raise ValueError("a quiz needs at least one question")
    return Quiz(title, qs)


def load(chapter: int) -> Quiz:
    """The self-check of a chapter, from ``snb/data/quiz-NN.json``.

    The file holds ``{"title", "questions"}``; the questions are checked as
    :func:`show` checks them.

    Parameters
    ----------
    chapter : int
        The chapter's number (1 reads ``quiz-01.json``).

    Returns
    -------
    Quiz
        Displays as HTML in a notebook, as numbered text elsewhere.

    Raises
    ------
    ValueError
        When the file does not hold exactly a title and questions.
    FileNotFoundError
        When the chapter has no quiz file.

    Examples
    --------
    >>> quiz = load(1)
    >>> quiz.title
    'Chapter 1, the network society'
    >>> repr(quiz).splitlines()[0]
    'Self-check: Chapter 1, the network society'
    """
    name = f"quiz-{int(chapter):02d}.json"
    data = json.loads(resources.files("snb").joinpath("data", name).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != {"title", "questions"}:
        raise ValueError(f"{name}: expected an object with the keys 'title' and 'questions'")
    return show(data["title"], data["questions"])


def from_check(title: str, prompt: str, options: Mapping[str, str], check: Callable[[Any], Any]) -> Quiz:
    """A one-question self-check from a multiple-choice exercise and its check.

    ``options`` maps each letter to its text (``{"A": "...", ...}``); each option's
    feedback is what ``check(letter)`` says about it (its message and hint), so the
    page and the exercise's check never disagree. Used by the book's ``snb-self-check``
    directive for the chapters' decision exercises.
    """
    opts = []
    for letter, text in options.items():
        feedback = check(letter)
        why = feedback.message + (f" Hint: {feedback.hint}" if getattr(feedback, "hint", "") else "")
        opts.append(Option(str(text), bool(feedback.correct), why))
    return show(title, [Question(prompt, tuple(opts))])
