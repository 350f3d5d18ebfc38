"""Briefings built from hostile texts (issue 18, item 10): a name cannot end the footer's CSS string
and add rules of its own, control characters are refused where texts are validated, and the PDF
engine loads no file outside the briefing templates (a file: URL cannot put a local file in a
PDF)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy.orm import Session

from lookup.briefing.build import build
from lookup.briefing.pdf import ProjectOnlyFetcher, RefusedURL, layout, write
from lookup.briefing.render import TEMPLATES, css_string
from lookup.packs.schema import Contact, ExerciseSpec
from tests.briefing.conftest import briefing_pack, pdf_text
from tests.packs import write_pack

# Ends the footer's string with a newline, closes @bottom-center and @page, then adds rules of its
# own: text that reads "INJECTED" only if the CSS is obeyed, and a local SVG file drawn into the
# page (written with single quotes and unquoted url(): the old escaping only handled '"').
BREAKOUT = (
    "Oasis\n} } p::after { content: 'INJ' 'ECTED' } "
    "body::before { content: url(%s) } @import url(file:///etc/passwd); x { y: '"
)
LEAK_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="30">'
    '<text x="0" y="20">SECRETLEAK</text></svg>'
)


def _pdf(tmp_path: Path, content: bytes, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_a_newline_in_the_exercise_name_does_not_break_out_of_the_css_string(
    session_for: Callable[..., Session], tmp_path: Path
) -> None:
    svg = tmp_path / "leak.svg"
    svg.write_text(LEAK_SVG)
    pack = briefing_pack()
    pack["exercise"]["name"]["en"] = BREAKOUT % svg.as_uri()
    session = session_for(f"sqlite:///{tmp_path / 'x.db'}", write_pack(tmp_path / "p.yml", pack))
    output = build(session, audience="gst", lang="en", kind="card", fmt="pdf")
    text = pdf_text(_pdf(tmp_path, output.content))
    assert "INJECTED" not in text and "SECRETLEAK" not in text
    assert "'INJ' 'ECTED'" in text.replace("\n", " ")  # the name shown as it was written


@pytest.mark.parametrize("text", ["a\nb", 'x"); }', "y'); }", "<\\/style>", "\x1b[2J", "نقيب — é"])
def test_css_string_escapes_everything_that_could_end_it(text: str) -> None:
    literal = str(css_string(text))
    inner = literal[1:-1]
    assert literal[0] == literal[-1] == '"'
    assert not any(c in inner for c in "\"'\n\r<>\x1b;{}()") and "\\\\" not in inner
    assert "نقيب" in literal or "نقيب" not in text  # Arabic stays readable as it is


@pytest.mark.parametrize("bad", ["Oasis\x1b[2J", "Oasis\x00", "\u202eOasis", "Oasis\u2066"])
def test_control_characters_in_texts_are_refused(bad: str) -> None:
    document = briefing_pack()["exercise"]
    document["name"]["en"] = bad
    with pytest.raises(ValidationError, match="control character"):
        ExerciseSpec.model_validate(document)


def test_a_contact_number_refuses_control_characters_too() -> None:
    contact = {**briefing_pack()["contacts"][0], "phone": "+000\x1b[8m 555"}
    with pytest.raises(ValidationError, match="control character"):
        Contact.model_validate(contact)


def test_a_multi_line_text_is_still_fine() -> None:
    document = briefing_pack()["exercise"]
    document["summary"]["en"] = "Line one.\nLine two.\tTabbed."
    ExerciseSpec.model_validate(document)


def test_the_fetcher_serves_the_templates_and_nothing_else(tmp_path: Path) -> None:
    fetcher = ProjectOnlyFetcher()
    own = fetcher.fetch((TEMPLATES / "base.html.j2").as_uri())
    assert b"<!doctype html>" in own.read()
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    secret = tmp_path / "secret.txt"
    secret.write_text("not for briefings")
    for url in (
        "file:///etc/passwd",
        secret.as_uri(),
        TEMPLATES.as_uri() + "/../../../../../../etc/passwd",
        "file://evil.example/etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.com/font.woff2",
    ):
        with pytest.raises((RefusedURL, ValueError)):
            fetcher.fetch(url)


def test_a_pdf_never_holds_a_local_file(tmp_path: Path) -> None:
    """A style sheet, image and attachment named by file: URL: none of them gets in."""
    style = tmp_path / "leak.css"
    style.write_text('body::before { content: "SECRET" "LEAK"; }')
    svg = tmp_path / "leak.svg"
    svg.write_text(LEAK_SVG.replace("SECRETLEAK", "SVGLEAK"))
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    html = f"""<!doctype html><html><head>
<link rel="stylesheet" href="{style.as_uri()}">
<link rel="attachment" href="{secret.as_uri()}">
<style>@import url({style.as_uri()});</style></head>
<body><p>Hello</p><img src="file:///etc/passwd"><img src="{svg.as_uri()}"></body></html>"""
    pdf = _pdf(tmp_path, write(layout(html)))
    assert "Hello" in pdf_text(pdf)
    assert "SECRETLEAK" not in pdf_text(pdf) and "SVGLEAK" not in pdf_text(pdf)
    attachments = subprocess.run(
        ["pdfdetach", "-list", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    assert "secret.txt" not in attachments and attachments.strip().startswith("0 ")
