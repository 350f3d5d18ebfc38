"""tools.cluster without starting it: the HAProxy configuration it writes is one HAProxy accepts,
binds where `make run` would, and every replica reaches the others through the balancer; no
password is on any command line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tools.cluster import REPLICATED, Cluster, ClusterConfig, haproxy_cfg
from tools.stack import StackConfig


def cluster_config(tmp_path: Path, host: str = "127.0.0.1") -> ClusterConfig:
    stack = StackConfig(host=host, env={"LIAISON_DATA_DIR": str(tmp_path / "data")})
    return ClusterConfig(stack=stack, state_dir=tmp_path / "state")


def test_haproxy_accepts_the_configuration(tmp_path: Path) -> None:
    haproxy = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")
    assert haproxy, "haproxy missing: apt-get install haproxy (make test does it)"
    config = tmp_path / "haproxy.cfg"
    config.write_text(haproxy_cfg(cluster_config(tmp_path)))

    checked = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True, text=True)

    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_chat_opens_to_the_network_and_the_lookup_and_action_servers_stay_on_loopback(
    tmp_path: Path,
) -> None:
    text = haproxy_cfg(cluster_config(tmp_path, host="0.0.0.0"))

    assert "bind 0.0.0.0:5005" in text
    assert "bind 127.0.0.1:5055" in text and "0.0.0.0:5055" not in text
    assert "bind 127.0.0.1:8000" in text and "0.0.0.0:8000" not in text
    assert "server rasa-2 127.0.0.1:5205 check cookie r2 maxconn 6" in text
    assert "server lookup-1 127.0.0.1:8100 check" in text
    assert text.count("option httpchk") == len(REPLICATED)


def haproxy_sections(text: str) -> dict[str, list[str]]:
    """`backend rasa` -> its lines, stripped."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if not line.startswith(" "):
            current = line.strip()
            sections[current] = []
        else:
            sections[current].append(line.strip())
    return sections


def test_rasa_turns_queue_in_haproxy_and_its_health_check_never_waits_behind_them(
    tmp_path: Path,
) -> None:
    """One replica at 50 users: turns beyond maxconn wait in HAProxy's queue (not in Rasa's event
    loop in front of the health check), for timeout queue; websockets are not counted as turns."""
    config = cluster_config(tmp_path)
    config.rasa_maxconn = 4
    config.queue_timeout = 45
    sections = haproxy_sections(haproxy_cfg(config))

    assert "timeout queue 45s" in sections["defaults"]
    rasa_servers = [line for line in sections["backend rasa"] if line.startswith("server ")]
    assert len(rasa_servers) == 2
    assert all(" check " in line and " maxconn 4 " in line for line in rasa_servers)
    # A 5xx answer is not a reason to take a replica out; only connection errors speed checks.
    assert all("observe layer4" in line and "on-error fastinter" in line for line in rasa_servers)
    assert "use_backend rasa_socketio if socketio" in sections["frontend rasa"]
    socketio = [line for line in sections["backend rasa_socketio"] if line.startswith("server ")]
    assert socketio and all("maxconn" not in line and " track rasa/" in line for line in socketio)
    assert all(" cookie r" in line for line in socketio)


def test_replicas_listen_on_their_own_ports_and_reach_each_other_through_haproxy(
    tmp_path: Path,
) -> None:
    cluster = Cluster(cluster_config(tmp_path))
    services = cluster.services

    assert list(services) == [
        "postgres",
        "redis",
        "lookup-1",
        "lookup-2",
        "actions-1",
        "actions-2",
        "rasa-1",
        "rasa-2",
        "haproxy",
        "webchat",
    ]
    for name in REPLICATED:
        for index in (1, 2):
            service = services[f"{name}-{index}"]
            argv = service.argv
            assert argv[argv.index("--port") + 1] == str(service.port)
            assert service.port == getattr(cluster.config, f"{name}_port") + 100 * index
    assert services["actions-2"].env["LIAISON_LOOKUP_URL"] == "http://127.0.0.1:8000"
    assert services["rasa-1"].env["LIAISON_ACTION_ENDPOINT"] == "http://127.0.0.1:5055/webhook"
    assert services["lookup-2"].env["LIAISON_RASA_URL"] == "http://127.0.0.1:5005"
    # The deploy step migrates once; the lookup replicas never do (they would race).
    assert all(services[f"lookup-{i}"].env["LIAISON_MIGRATE_ON_START"] == "0" for i in (1, 2))
    assert "--rasa-port" in services["webchat"].argv
    assert services["webchat"].argv[services["webchat"].argv.index("--rasa-port") + 1] == "5005"
    assert cluster.url("rasa") == "http://127.0.0.1:5005"
    assert cluster.url("rasa-2") == "http://127.0.0.1:5205"


def test_no_password_is_on_a_command_line(tmp_path: Path) -> None:
    cluster = Cluster(cluster_config(tmp_path))
    passwords = [cluster.db_password, cluster.redis_password]

    command_lines = " ".join(" ".join(s.argv) for s in cluster.services.values())

    assert all(password and password not in command_lines for password in passwords)
    assert (tmp_path / "state" / "postgres-password").stat().st_mode & 0o077 == 0
    rasa_env = cluster.services["rasa-1"].env
    assert rasa_env["LIAISON_TRACKER_STORE_PASSWORD"] == cluster.db_password
    assert rasa_env["LIAISON_LOCK_STORE_PASSWORD"] == cluster.redis_password


@pytest.mark.parametrize("replicas", [1, 3])
def test_the_number_of_replicas_is_a_setting(tmp_path: Path, replicas: int) -> None:
    config = cluster_config(tmp_path)
    config.replicas = replicas

    names = list(Cluster(config).services)

    assert sum(name.startswith("rasa-") for name in names) == replicas
    assert haproxy_cfg(config).count("server lookup-") == replicas
