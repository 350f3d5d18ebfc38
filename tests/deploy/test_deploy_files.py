"""The deployment files (deploy/) checked without a container engine: no image is built or pulled
here, so what can be checked offline is checked, against the code and against each other.

- deploy/compose.yaml against the Compose Specification's JSON schema (vendored from
  compose-spec/compose-spec, Apache-2.0, deploy/schemas/), then its cross-references: build
  contexts and Dockerfiles, depends_on conditions, published ports, secrets, variables;
- deploy/haproxy.cfg with `haproxy -c` and against the services it balances;
- the Helm chart deploy/helm/liaison/ linted and rendered offline with Helm's own engine
  (helm-python-sdk), the manifests against Kubernetes' OpenAPI schemas (kubernetes-validate ships
  them), then probes, resources, replicas, Secret references, the migration hook and the Ingress;
- each deploy/*.Dockerfile with dockerfile-parse: pinned base, non-root USER, HEALTHCHECK on the
  exposed port, COPY sources present and let through by its .dockerignore, the lock file.

The variables each service needs are taken from tools/stack.py (what `make run` gives each
process) and the shared stores tools/cluster.py adds, so a variable added there fails here until
both deployment files set it.
"""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from dockerfile_parse import DockerfileParser
from helm_python import chart as helm
from kubernetes_validate import utils as k8s

from tools.stack import StackConfig, build_services

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
CHART = DEPLOY / "helm" / "liaison"
KUBERNETES_VERSION = "1.33.0"

# Deployment unit -> (its Dockerfile, its port, its health route: what HAProxy, compose and the
# probes check; docs/deploy.md).
UNITS = {
    "rasa": ("rasa.Dockerfile", 5005, "/"),
    "actions": ("actions.Dockerfile", 5055, "/health"),
    "lookup": ("lookup.Dockerfile", 8000, "/health"),
    "webchat": ("web.Dockerfile", 8080, "/"),
}
# The folders each image installs, and the lock file that pins them (docs/architecture.md).
INSTALLS = {
    "rasa.Dockerfile": ("rasa.lock", ["./common", "./bot"]),
    "actions.Dockerfile": ("rasa.lock", ["./common", "./actions"]),
    "lookup.Dockerfile": ("lookup.lock", ["./common", "./lookup"]),
    "web.Dockerfile": ("rasa.lock", ["./common", "./web"]),
}
# Built by `make`, not in the repository: the Rasa image needs a trained model.
BUILD_OUTPUTS = {"models/current.tar.gz"}
# What several replicas need beyond `make run` (tools/cluster.py): shared stores, a shared key.
REPLICA_VARIABLES = {
    "rasa": {"LIAISON_TRACKER_STORE", "LIAISON_LOCK_STORE", "LIAISON_SOCKETIO_REDIS"},
    "lookup": {"DATABASE_URL", "LIAISON_SECRET_KEY"},
    "actions": set(),
    "webchat": {"LIAISON_RASA_PUBLIC_URL"},  # behind a proxy the page cannot guess Rasa's address
}
SECRET_NAME = re.compile(r"TOKEN|PASSWORD|SECRET|_KEY$|_AUTH$")
SECRET_KEYS = {
    "database-url",
    "tracker-store-url",
    "lock-store-url",
    "socketio-redis-url",
    "rasa-token",
    "secret-key",
    "service-token",
    "admin-tokens",
}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def required_variables(name: str) -> set[str]:
    """The variables a service reads that `make run` or `make cluster` sets for it."""
    stack = {service.name: set(service.env) for service in build_services(StackConfig())}
    return stack[name] | REPLICA_VARIABLES[name]


def missing_variables(name: str, given: set[str]) -> set[str]:
    """Required variables not in `given`; a token may come as a file (<VAR>_FILE)."""
    return {
        var for var in required_variables(name) if var not in given and f"{var}_FILE" not in given
    }


# --- Dockerfiles -------------------------------------------------------------------------------


def dockerfile(name: str) -> DockerfileParser:
    return DockerfileParser(fileobj=io.BytesIO((DEPLOY / name).read_bytes()))


def instructions(parser: DockerfileParser, kind: str) -> list[str]:
    return [step["value"] for step in parser.structure if step["instruction"] == kind]


def dockerignore_allows(name: str, source: str) -> bool:
    """Whether the Dockerfile's own .dockerignore (everything excluded, then `!` re-included)
    lets `source` into the build context."""
    lines = (DEPLOY / f"{name}.dockerignore").read_text().splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert patterns[0] == "**", f"{name}.dockerignore must exclude everything first"
    included = [p[1:].rstrip("/") for p in patterns if p.startswith("!")]
    return any(source == p or source.startswith(p + "/") for p in included)


@pytest.mark.parametrize("name", [unit[0] for unit in UNITS.values()])
def test_each_dockerfile_is_pinned_non_root_healthy_and_copies_what_exists(name: str) -> None:
    parser = dockerfile(name)
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", parser.baseimage), parser.baseimage
    users = instructions(parser, "USER")
    assert users and users[-1] not in ("root", "0"), f"{name}: no non-root USER"
    (expose,) = instructions(parser, "EXPOSE")
    (healthcheck,) = instructions(parser, "HEALTHCHECK")
    unit = next(u for u, spec in UNITS.items() if spec[0] == name)
    _, port, route = UNITS[unit]
    assert expose == str(port)
    assert f"127.0.0.1:{port}{route}'" in healthcheck, healthcheck
    copies = instructions(parser, "COPY")
    assert copies
    for copy_args in copies:
        *sources, _destination = copy_args.split()
        for source in sources:
            source = source.rstrip("/")
            assert (ROOT / source).exists() or source in BUILD_OUTPUTS, f"{name}: COPY {source}"
            assert dockerignore_allows(name, source), f"{name}.dockerignore drops {source}"
    assert not dockerignore_allows(name, "var/admin-tokens")
    assert not dockerignore_allows(name, ".venv/rasa")
    for variable in instructions(parser, "ENV") + instructions(parser, "ARG"):
        for key in re.findall(r"(\w+)=", variable):
            assert not SECRET_NAME.search(key), f"{name} bakes {key} into the image"


@pytest.mark.parametrize("name", sorted(INSTALLS))
def test_each_image_installs_its_units_with_the_lock_file(name: str) -> None:
    lock, units = INSTALLS[name]
    (install,) = [run for run in instructions(dockerfile(name), "RUN") if "pip install" in run]
    assert f"-c requirements/{lock}" in install
    assert install.split()[-len(units) :] == units
    assert (ROOT / "requirements" / lock).exists()
    for unit in units:
        assert (ROOT / unit / "pyproject.toml").exists()


def test_the_model_copied_into_the_rasa_image_is_the_one_make_builds() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^MODEL\s*:=\s*models/current\.tar\.gz$", makefile, re.M)


# --- docker compose ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return _load(DEPLOY / "compose.yaml")


@pytest.fixture(scope="module")
def compose_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((DEPLOY / "schemas" / "compose-spec.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_compose_file_follows_the_compose_specification(
    compose: dict[str, Any], compose_validator: jsonschema.Draft7Validator
) -> None:
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in compose_validator.iter_errors(compose)
    ]
    assert errors == []


def test_the_compose_schema_rejects_what_compose_would(
    compose: dict[str, Any], compose_validator: jsonschema.Draft7Validator
) -> None:
    broken = copy.deepcopy(compose)
    broken["services"]["rasa"]["depends_on"]["redis"]["condition"] = "service_up"
    broken["services"]["lookup"]["helthcheck"] = {}
    assert len(list(compose_validator.iter_errors(broken))) == 2


def test_every_service_is_built_from_the_repository_or_pinned(compose: dict[str, Any]) -> None:
    built = {}
    for name, service in compose["services"].items():
        if "build" in service:
            context = (DEPLOY / service["build"]["context"]).resolve()
            assert context == ROOT, name
            assert (context / service["build"]["dockerfile"]).is_file(), name
            built[service["image"]] = service["build"]["dockerfile"]
    for name, service in compose["services"].items():
        if "build" not in service:
            image = service["image"]
            if image.startswith("liaison-"):
                assert image in built and service.get("pull_policy") == "never", name
            else:
                assert re.fullmatch(r"[\w.-]+:\d+(\.\d+)+(-\w+)?", image), f"{name}: {image}"
    assert sorted(built.values()) == sorted(f"deploy/{u[0]}" for u in UNITS.values())


def _healthchecked(compose: dict[str, Any], name: str) -> bool:
    service = compose["services"][name]
    if "healthcheck" in service:
        return True
    image = service["image"]
    builder = next(
        s for s in compose["services"].values() if s.get("image") == image and "build" in s
    )
    return bool(instructions(dockerfile(Path(builder["build"]["dockerfile"]).name), "HEALTHCHECK"))


def test_depends_on_conditions_can_be_met(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name, service in services.items():
        for target, condition in service.get("depends_on", {}).items():
            assert target in services, f"{name} depends on unknown {target}"
            if condition["condition"] == "service_healthy":
                assert _healthchecked(compose, target), f"{target} has no health check"
            if condition["condition"] == "service_completed_successfully":
                assert services[target]["restart"] == "no", f"{target} is not one-shot"
    for replica in ("lookup", "rasa"):
        assert "service_completed_successfully" in {
            c["condition"] for c in services[replica]["depends_on"].values()
        }, f"{replica} must wait for the migration"
    # `migrate` is the one migration (liaison migrate); the lookup replicas never migrate.
    assert services["migrate"]["command"][:3] == ["liaison", "migrate", "--pack"]
    assert services["lookup"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert services["lookup"]["environment"]["LIAISON_MIGRATE_ON_START"] == "0"
    assert "LIAISON_MIGRATE_ON_START" not in services["migrate"]["environment"]


def test_only_the_proxy_is_published_on_loopback_by_default(compose: dict[str, Any]) -> None:
    published = {name: s["ports"] for name, s in compose["services"].items() if "ports" in s}
    assert list(published) == ["haproxy"]
    (port,) = published["haproxy"]
    assert port.startswith("${LIAISON_PUBLISH_HOST:-127.0.0.1}:"), port


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_compose_gives_each_service_the_variables_the_code_reads(
    compose: dict[str, Any], unit: str
) -> None:
    environment = compose["services"][unit]["environment"]
    assert missing_variables(unit, set(environment)) == set()
    for variable in environment:
        if variable.endswith("_FILE") and SECRET_NAME.search(variable[:-5]):
            secret = Path(environment[variable]).name
            assert secret in compose["services"][unit]["secrets"], variable
            assert secret in compose["secrets"]


def _strings(node: Any) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                yield str(key), value
            else:
                yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def test_compose_holds_no_secret_and_every_required_variable_is_documented(
    compose: dict[str, Any],
) -> None:
    documented = set(re.findall(r"^(\w+)=", (DEPLOY / "env.example").read_text(), re.M))
    for key, value in _strings(compose):
        if SECRET_NAME.search(key) and not key.endswith("_FILE"):
            assert value.startswith("${"), f"{key} is written in compose.yaml"
        if re.search(r"://[^/]*:[^/]*@", value):
            assert re.search(r"://[^/]*:\$\{\w+:\?", value), f"a password in {value}"
        for variable in re.findall(r"\$\{(\w+):\?", value):
            assert variable in documented, f"{variable} is required but not in env.example"
    ignored = (DEPLOY / ".gitignore").read_text().split()
    assert "secrets/" in ignored and ".env" in ignored


# --- HAProxy -----------------------------------------------------------------------------------


def test_haproxy_config_is_valid_and_balances_the_services(compose: dict[str, Any]) -> None:
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    assert Path(haproxy).exists(), "haproxy is missing: scripts/ensure-apt installs it"
    config = DEPLOY / "haproxy.cfg"
    check = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    text = config.read_text()
    for unit, (_, port, route) in UNITS.items():
        backend = re.split(rf"^backend {unit}$", text, flags=re.M)[1].split("\nbackend ", 1)[0]
        assert f"option httpchk GET {route}\n" in backend, unit
        assert re.search(rf"server-template {unit}- \d+ {unit}:{port} check", backend), unit
    # The private addresses the services are given are HAProxy's frontends.
    binds = set(re.findall(r"^\s+bind :(\d+)$", text, re.M))
    for _key, value in _strings(compose["services"]):
        for port in re.findall(r"http://haproxy:(\d+)", value):
            assert port in binds, value
    published = compose["services"]["haproxy"]["ports"][0].rsplit(":", 1)[1]
    public = text.split("frontend public\n", 1)[1].split("\nfrontend ", 1)[0]
    assert f"bind :{published}" in public
    assert set(re.findall(r"use_backend (\w+)", public)) == {"rasa_socketio", "lookup"}
    # Rasa's turns queue in HAProxy (timeout queue), at most maxconn per replica in its event
    # loop, so its health check answers under load; browsers' websockets are not capped.
    rasa = re.split(r"^backend rasa$", text, flags=re.M)[1].split("\nbackend ", 1)[0]
    assert re.search(r"^\s+timeout queue \d+s$", text, re.M)
    assert re.search(r"server-template rasa- \d+ rasa:5005 check maxconn \d+ observe layer4", rasa)
    socketio = text.split("\nbackend rasa_socketio\n", 1)[1].split("\nbackend ", 1)[0]
    assert "maxconn" not in socketio and "cookie LIAISON_RASA" in socketio
    # A client must not choose the address the login throttle counts (docs/security.md).
    assert "http-request set-header X-Forwarded-For %[src]" in public
    assert "option forwardfor" not in text


# --- Kubernetes (Helm chart) ------------------------------------------------------------------


def render(values: dict[str, Any] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """The chart's manifests as `helm template liaison deploy/helm/liaison` makes them."""
    rendered = helm.Chart.load(str(CHART)).render(values, name="liaison", namespace="liaison")
    documents = []
    for template, text in sorted(rendered.items()):
        documents += [(template, d) for d in yaml.safe_load_all(text) if d is not None]
    return documents


def kubernetes_documents() -> list[tuple[str, dict[str, Any]]]:
    return render()


def workloads(values: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return [d for _, d in render(values) if d["kind"] in ("Deployment", "Job")]


def containers(workload: dict[str, Any]) -> list[dict[str, Any]]:
    pod = workload["spec"]["template"]["spec"]
    return [*pod.get("initContainers", []), *pod["containers"]]


def test_the_chart_lints_and_renders_every_template() -> None:
    result = helm.lint(str(CHART), strict=True, kube_version=KUBERNETES_VERSION)
    assert result["errors"] == []
    assert [m for m in result["messages"] if m["severity"] > 1] == []
    templates = {p.name for p in (CHART / "templates").glob("*.yaml")}
    assert {Path(name).name for name, _ in render()} == templates


def test_the_chart_takes_images_replicas_and_the_secret_from_values() -> None:
    images = {c["image"] for w in workloads() for c in containers(w)}
    names = {"liaison-rasa", "liaison-actions", "liaison-lookup", "liaison-web"}
    assert images == {f"{name}:0.1.0" for name in names}
    values = {
        "image": {"registry": "registry.example.org/x/", "tag": "9.9"},
        "existingSecret": "other",
        "rasa": {"replicas": 5},
    }
    changed = workloads(values)
    images = {c["image"] for w in changed for c in containers(w)}
    assert images == {f"registry.example.org/x/{name}:9.9" for name in names}
    (rasa,) = [w for w in changed if w["metadata"]["name"] == "rasa"]
    assert rasa["spec"]["replicas"] == 5
    text = json.dumps(changed)
    assert '"name": "liaison", "key"' not in text and '"name": "other", "key"' in text


@pytest.mark.parametrize(
    ("template", "document"),
    kubernetes_documents(),
    ids=lambda value: Path(value).name if isinstance(value, str) else value["kind"],
)
def test_each_rendered_manifest_follows_the_kubernetes_schema(template: str, document: Any) -> None:
    assert KUBERNETES_VERSION in k8s.all_versions()
    k8s.validate(document, KUBERNETES_VERSION, strict=True)


def test_the_kubernetes_schema_rejects_a_broken_manifest() -> None:
    deployment = copy.deepcopy(next(w for w in workloads() if w["kind"] == "Deployment"))
    deployment["spec"]["replicas"] = "two"
    with pytest.raises(k8s.ValidationError):
        k8s.validate(deployment, KUBERNETES_VERSION, strict=True)
    deployment["spec"]["replicas"] = 2
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessprobe"] = {}
    with pytest.raises(k8s.ValidationError):
        k8s.validate(deployment, KUBERNETES_VERSION, strict=True)


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_each_deployment_has_replicas_probes_resources_and_the_variables(unit: str) -> None:
    (deployment,) = [w for w in workloads() if w["metadata"]["name"] == unit]
    assert deployment["kind"] == "Deployment" and deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    (container,) = pod["containers"]
    _, port, route = UNITS[unit]
    assert container["ports"] == [{"name": "http", "containerPort": port}]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": route, "port": "http"}, probe
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    env = {e["name"] for e in container.get("env", [])}
    assert missing_variables(unit, env) == set()


def test_every_container_has_resources_and_secrets_come_from_the_secret() -> None:
    for workload in workloads():
        pod = workload["spec"]["template"]["spec"]
        for container in pod.get("initContainers", []) + pod["containers"]:
            for kind in ("requests", "limits"):
                assert set(container["resources"][kind]) == {"cpu", "memory"}, container["name"]
            for variable in container.get("env", []):
                name = variable["name"]
                if SECRET_NAME.search(name) or name.endswith(("_URL", "_STORE", "_REDIS")):
                    if "valueFrom" in variable:
                        ref = variable["valueFrom"]["secretKeyRef"]
                        assert ref["name"] == "liaison" and ref["key"] in SECRET_KEYS, name
                    else:  # a plain value may only be a private service address or a file path
                        assert (
                            re.fullmatch(
                                r"http://[a-z]+:\d+(/\w+)?|/run/secrets/liaison/[\w-]+|https://[\w.-]+",
                                variable["value"],
                            )
                            and "@" not in variable["value"]
                        ), name
            mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
            for variable in container.get("env", []):
                if variable["name"].endswith("_FILE"):
                    folder = str(Path(variable["value"]).parent)
                    volume = next(v for v in pod["volumes"] if v["name"] == mounts[folder])
                    items = {i["path"] for i in volume["secret"]["items"]}
                    assert volume["secret"]["secretName"] == "liaison"
                    assert Path(variable["value"]).name in items & SECRET_KEYS
    documented = (ROOT / "docs" / "deploy.md").read_text()
    assert all(f"`{key}`" in documented for key in SECRET_KEYS)


def test_the_migration_job_runs_the_deploy_steps() -> None:
    (job,) = [w for w in workloads() if w["kind"] == "Job"]
    pod = job["spec"]["template"]["spec"]
    (lookup,) = pod["initContainers"]
    (rasa,) = pod["containers"]
    assert lookup["command"][:3] == ["liaison", "migrate", "--pack"]
    assert (ROOT / lookup["command"][3]).is_file()
    # The Job is the one migration: the lookup replicas are told not to migrate (they'd race).
    (deployment,) = [w for w in workloads() if w["metadata"]["name"] == "lookup"]
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert {"name": "LIAISON_MIGRATE_ON_START", "value": "0"} in container["env"]
    assert rasa["args"] == ["create-tracker-tables"]
    assert pod["restartPolicy"] == "Never"
    hooks = job["metadata"]["annotations"]["helm.sh/hook"].split(",")
    assert sorted(hooks) == ["pre-install", "pre-upgrade"]


def test_services_select_their_pods_and_the_ingress_routes_only_chat_and_console() -> None:
    documents = [d for _, d in kubernetes_documents()]
    pods = {
        w["metadata"]["name"]: w["spec"]["template"]["metadata"]["labels"]
        for w in workloads()
        if w["kind"] == "Deployment"
    }
    services = {d["metadata"]["name"]: d for d in documents if d["kind"] == "Service"}
    assert set(services) == set(UNITS)
    for name, service in services.items():
        assert service["spec"]["selector"] == pods[name]
        assert service["spec"]["ports"][0]["port"] == UNITS[name][1]
        assert service["spec"].get("type", "ClusterIP") == "ClusterIP"
    (ingress,) = [d for d in documents if d["kind"] == "Ingress"]
    routes = {
        path["path"]: path["backend"]["service"]["name"]
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    }
    assert routes == {"/socket.io/": "rasa", "/console/": "lookup", "/": "webchat"}
    assert ingress["spec"]["tls"]
