"""make bench-cluster's bookkeeping (the loads themselves are not part of make test)."""

from __future__ import annotations

from tools.bench.cluster import less_idle, per_role


def test_replicas_add_up_per_role_and_single_processes_keep_their_name() -> None:
    per_process = {"rasa-1": 10.0, "rasa-2": 5.5, "lookup-1": 0.25, "haproxy": 0.7, "redis": 0.3}
    assert per_role(per_process) == {"rasa": 15.5, "lookup": 0.25, "haproxy": 0.7, "redis": 0.3}


def test_idle_cpu_comes_off_each_process_over_the_loads_wall_time() -> None:
    # 20 s, 400 turns: rasa-1 idles at 10 ms/s, i.e. 200 ms over the load, 0.5 ms per turn.
    per_turn = {"rasa-1": 12.0, "lookup-1": 0.2, "redis": 0.3}
    idle = {"rasa-1": 10.0, "lookup-1": 8.0, "webchat": 1.0}
    assert less_idle(per_turn, idle, wall=20.0, turns=400) == {
        "rasa-1": 11.5,
        "lookup-1": 0.0,  # never below nothing
        "redis": 0.3,
    }
