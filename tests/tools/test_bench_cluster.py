"""make bench-cluster's bookkeeping (the loads themselves are not part of make test)."""

from __future__ import annotations

from tools.bench.cluster import per_role


def test_replicas_add_up_per_role_and_single_processes_keep_their_name() -> None:
    per_process = {"rasa-1": 10.0, "rasa-2": 5.5, "lookup-1": 0.25, "haproxy": 0.7, "redis": 0.3}
    assert per_role(per_process) == {"rasa": 15.5, "lookup": 0.25, "haproxy": 0.7, "redis": 0.3}
