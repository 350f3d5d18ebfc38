"""The benchmark report: the paired rounds table and its median ratio."""

from __future__ import annotations

from tools.bench import report


def load(turns_per_s: float) -> dict[str, float]:
    return {"turns_per_s": turns_per_s}


def test_paired_rounds_show_each_ratio_and_the_median() -> None:
    paired = {
        "users": 10,
        "rounds": [
            {"liaison_action": load(90.0), "starter_response": load(30.0), "ratio": 3.0},
            {"liaison_action": load(80.0), "starter_response": load(40.0), "ratio": 2.0},
            {"liaison_action": load(99.0), "starter_response": load(30.0), "ratio": 3.3},
        ],
        "median_ratio": 3.0,
    }
    text = "\n".join(report.paired_rows(paired))
    assert "| 2 | 80.0 | 40.0 | 2.00× |" in text
    assert "Median ratio: **3.00×**" in text
    assert report.paired_rows(None) == []
