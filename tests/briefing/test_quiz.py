"""The quiz: built from the knowledge, the same in every language, one right answer among
distinct choices, scored against a configurable pass mark (70 % by default) — in Python, and in
the page a trainer runs (driven in Debian's chromium)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from lookup.briefing.build import build
from lookup.briefing.facts import gather
from lookup.briefing.labels import labels_for
from lookup.briefing.quiz import DEFAULT_PASS_MARK, Quiz, build_quiz, score
from tests.briefing.conftest import normalise, pdf_pages, pdf_text


@pytest.fixture
def sample(session_for: Callable[..., Session], sample_url: str) -> Session:
    return session_for(sample_url)


def _quiz(session: Session, lang: str, **options: int) -> Quiz:
    return build_quiz(gather(session, audience="nmk", lang=lang), labels_for(lang), **options)


def test_questions_are_well_formed_and_the_same_in_every_language(sample: Session) -> None:
    quizzes = {lang: _quiz(sample, lang) for lang in ("ar", "en", "fr")}
    en = quizzes["en"]
    assert len(en.questions) == 10 and en.pass_mark == DEFAULT_PASS_MARK == 70
    for quiz in quizzes.values():
        assert [q.section for q in quiz.questions] == [q.section for q in en.questions]
        assert [q.answer for q in quiz.questions] == [q.answer for q in en.questions]
        for q in quiz.questions:
            assert 3 <= len(q.choices) <= 4 and len(set(q.choices)) == len(q.choices)
    assert len({q.section for q in en.questions}) >= 5  # drawn from several parts of the briefing
    assert _quiz(sample, "en") == en  # deterministic: the sheet, the key and the page agree


def test_scoring_against_the_pass_mark(sample: Session) -> None:
    quiz = _quiz(sample, "en")
    right = {q.id: q.answer for q in quiz.questions}
    wrong = {q.id: (q.answer + 1) % len(q.choices) for q in quiz.questions}
    assert score(quiz, right).passed and score(quiz, right).percent == 100
    assert not score(quiz, wrong).passed and score(quiz, wrong).correct == 0
    assert not score(quiz, {}).passed  # unanswered is wrong
    seven = dict(list(right.items())[:7]) | dict(list(wrong.items())[7:])
    six = dict(list(right.items())[:6]) | dict(list(wrong.items())[6:])
    assert score(quiz, seven).passed and score(quiz, seven).percent == 70
    assert not score(quiz, six).passed
    lenient = _quiz(sample, "en", pass_mark=60)
    assert score(lenient, six).passed and lenient.needed == 6


def test_printable_sheet_has_the_answer_key_on_its_own_page(
    sample: Session, tmp_path: Path
) -> None:
    output = build(sample, audience="nmk", lang="fr", kind="quiz-sheet", fmt="pdf")
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(output.content)
    pages = pdf_pages(pdf)
    key = normalise(labels_for("fr")["answer_key"])
    assert pages >= 2
    assert key in normalise(pdf_text(pdf, pages)) and key not in normalise(pdf_text(pdf, 1))
    assert output.quiz is not None
    first = output.quiz.questions[0]
    assert normalise(first.prompt) in normalise(pdf_text(pdf, 1))


def test_the_page_checks_answers_in_a_browser(sample: Session, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed (scripts/ensure-apt installs it)")
    output = build(sample, audience="nmk", lang="ar", kind="quiz", pass_mark=70)
    assert output.quiz is not None
    page_file = tmp_path / "quiz.html"
    page_file.write_bytes(output.content)
    questions = output.quiz.questions
    labels = labels_for("ar")

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            # Before answering, the page's text does not give the answers away.
            assert labels["right"] not in page.inner_text("body")
            assert page.get_attribute("html", "dir") == "rtl"
            for n, q in enumerate(questions):
                choice = q.answer if n < 7 else (q.answer + 1) % len(q.choices)
                page.check(f"input[name={q.id}][value='{choice}']")
            page.click("#check")
            assert page.get_attribute("#result", "data-correct") == "7"
            assert page.get_attribute("#result", "data-passed") == "true"
            assert labels["passed"].format(pass_mark=70) in page.inner_text("#result")
            page.click("#retry")
            page.check(f"input[name={questions[0].id}][value='{questions[0].answer}']")
            page.click("#check")
            assert page.get_attribute("#result", "data-passed") == "false"
            assert page.locator("fieldset.wrong").count() == len(questions) - 1
        finally:
            browser.close()
