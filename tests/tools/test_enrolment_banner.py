"""make run's banner prints the sample's enrolment codes (var/enrolment-codes, issue 19)."""

from __future__ import annotations

from pathlib import Path

from tools.stack import Stack, StackConfig, _banner


def test_the_banner_lists_each_contingents_code(tmp_path: Path) -> None:
    (tmp_path / "enrolment-codes").write_text("nhr ABCD-EFGH-JK\nnmk MNPQ-RSTU-V2\n")
    banner = _banner(Stack(StackConfig(env={"LIAISON_DATA_DIR": str(tmp_path)})))
    assert "nhr             ABCD-EFGH-JK" in banner and "MNPQ-RSTU-V2" in banner


def test_without_codes_the_banner_says_nothing_of_them(tmp_path: Path) -> None:
    banner = _banner(Stack(StackConfig(env={"LIAISON_DATA_DIR": str(tmp_path)})))
    assert "Enrolment codes" not in banner
