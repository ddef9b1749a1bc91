"""The compose file, the Kubernetes manifests and the Dockerfile, checked without a cluster.

They parse; the environment each gives the shop loads the settings in production mode (nothing
missing, no development fallback) and names only variables that something reads; the images,
commands, ports and probes agree with each other and with the shop's URLs.
"""

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from django.urls import resolve

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
GUNICORN = ["gunicorn", "--config", "deploy/gunicorn.conf.py", "shop.wsgi:application"]
# Read by boto3 (S3 credentials) rather than by our settings.
BOTO3_ENV = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}
ENV_READERS = {"get", "env_bool", "env_list", "env_float", "env_required", "getenv"}


def env_names_read(*paths: Path) -> dict[str, set[str]]:
    """Names of the environment variables read in these files, by the function reading them."""
    found: dict[str, set[str]] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args:
                function = node.func
                name = function.attr if isinstance(function, ast.Attribute) else function.id
                first = node.args[0]
                constant = first.value if isinstance(first, ast.Constant) else None
                if name in ENV_READERS and isinstance(constant, str) and constant.isupper():
                    found.setdefault(name, set()).add(constant)
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
                found.setdefault("[]", set()).add(ast.literal_eval(node.slice))
    return found


SETTINGS_ENV = env_names_read(
    ROOT / "shop" / "settings.py", ROOT / "shop" / "media_storage.py", DEPLOY / "gunicorn.conf.py"
)
READ_BY_THE_SHOP = set().union(*SETTINGS_ENV.values()) | BOTO3_ENV


def k8s_documents() -> list[dict]:
    documents = []
    for path in sorted(K8S.glob("*.yaml")):
        documents += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    return documents


def k8s(kind: str, name: str) -> dict:
    [document] = [
        doc for doc in k8s_documents() if doc["kind"] == kind and doc["metadata"]["name"] == name
    ]
    return document


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def operator_values() -> dict[str, str]:
    """deploy/production.env.example as an operator fills it in (blank values get one)."""
    values = {}
    for line in (DEPLOY / "production.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value or f"filled-{key.lower()}"
    return values


def compose_env(service: str) -> dict[str, str]:
    """The service's environment as compose interpolates it with the operator's values."""
    values = operator_values()

    def interpolate(match: re.Match) -> str:
        name, operator, default = match[1], match[2] or "", match[3] or ""
        if operator == ":-":
            return values.get(name) or default
        assert name in values, f"{name} is missing from production.env.example"
        return values[name]

    pattern = re.compile(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}")
    environment = compose()["services"][service]["environment"]
    return {key: pattern.sub(interpolate, str(value)) for key, value in environment.items()}


def k8s_env(container: dict) -> dict[str, str]:
    """A container's environment from its ConfigMap and the Secret template."""
    sources = {
        ("configMapRef", "ohmylot-config"): yaml.safe_load((K8S / "configmap.yaml").read_text())[
            "data"
        ],
        ("secretRef", "ohmylot-secrets"): yaml.safe_load((K8S / "secret.example.yaml").read_text())[
            "stringData"
        ],
    }
    env = {}
    for source in container["envFrom"]:
        [(kind, reference)] = source.items()
        env.update(sources[(kind, reference["name"])])
    env.update({item["name"]: item["value"] for item in container.get("env", [])})
    return env


def production_settings(env: dict[str, str]) -> dict:
    """What the settings make of exactly this environment, loaded in a fresh process."""
    # Without DATABASE_URL the settings would start the embedded development server.
    assert env.get("DATABASE_URL"), "DATABASE_URL is not provided"
    script = (
        "import json; from django.conf import settings as s;"
        "print(json.dumps({'debug': s.DEBUG, 'eager': s.CELERY_TASK_ALWAYS_EAGER,"
        " 'database': s.DATABASES['default']['HOST'], 'email': s.EMAIL_BACKEND,"
        " 'media': s.STORAGES['default']['BACKEND'], 'private': s.STORAGES['private']['BACKEND'],"
        " 'hosts': s.ALLOWED_HOSTS, 'log_format': s.LOG_FORMAT}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "shop.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def shop_containers() -> list[dict]:
    """Every container running the shop's image, in Deployments and Jobs."""
    return [
        container
        for doc in k8s_documents()
        if doc["kind"] in {"Deployment", "Job"}
        for container in doc["spec"]["template"]["spec"]["containers"]
    ]


def test_every_manifest_parses_and_kustomize_lists_all_but_the_secret_template():
    kinds = sorted(doc["kind"] for doc in k8s_documents())
    assert kinds == [
        "ConfigMap", "Deployment", "Deployment", "Deployment", "HorizontalPodAutoscaler",
        "Ingress", "Job", "Kustomization", "Namespace", "PodDisruptionBudget", "Secret", "Service",
    ]  # fmt: skip
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    assert listed == {path.name for path in K8S.glob("*.yaml")} - {
        "kustomization.yaml",
        "secret.example.yaml",
    }
    assert set(compose()["services"]) == {
        "db",
        "redis",
        "migrate",
        "web",
        "worker",
        "beat",
        "proxy",
    }


def test_settings_required_in_production_are_found_in_the_settings():
    # The derivation sees the settings' own readers, so the checks below compare real names.
    assert "SECRET_KEY" in SETTINGS_ENV["env_required"]
    assert {"ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL", "EMAIL_HOST"} <= READ_BY_THE_SHOP


@pytest.mark.parametrize("service", ["migrate", "web", "worker", "beat"])
def test_compose_gives_each_process_a_complete_production_environment(service):
    env = compose_env(service)
    assert set(SETTINGS_ENV["env_required"]) <= set(env)
    assert set(env) - READ_BY_THE_SHOP == set()
    assert production_settings(env) == {
        "debug": False,
        "eager": False,
        "database": "db",
        "email": "django.core.mail.backends.smtp.EmailBackend",
        "media": "django.core.files.storage.FileSystemStorage",
        "private": "catalogue.storage.PrivateStorage",
        "hosts": ["shop.ohmylot.fr"],
        "log_format": "json",
    }


def test_kubernetes_gives_each_container_a_complete_production_environment():
    containers = shop_containers()
    assert sorted(container["name"] for container in containers) == [
        "beat", "migrate", "web", "worker"
    ]  # fmt: skip
    for container in containers:
        env = k8s_env(container)
        assert set(SETTINGS_ENV["env_required"]) <= set(env)
        assert set(env) - READ_BY_THE_SHOP == set()
        assert production_settings(env) == {
            "debug": False,
            "eager": False,
            "database": "postgres.example.internal",
            "email": "django.core.mail.backends.smtp.EmailBackend",
            # Pods share no disk: uploads must go to the buckets.
            "media": "storages.backends.s3.S3Storage",
            "private": "storages.backends.s3.S3Storage",
            "hosts": ["shop.ohmylot.fr"],
            "log_format": "json",
        }


def test_images_and_commands_agree_between_compose_kubernetes_and_the_dockerfile():
    services = compose()["services"]
    image = services["web"]["image"]
    assert image == "${SHOP_IMAGE:-ohmylot/shop:latest}"
    assert services["web"]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert {services[name]["image"] for name in ("migrate", "web", "worker", "beat")} == {image}
    assert {container["image"] for container in shop_containers()} == {"ohmylot/shop:latest"}
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    assert [entry["name"] for entry in kustomization["images"]] == ["ohmylot/shop"]

    commands = {container["name"]: container["command"] for container in shop_containers()}
    assert commands["web"] == services["web"]["command"] == GUNICORN
    assert commands["migrate"] == services["migrate"]["command"]
    assert commands["migrate"] == ["python", "manage.py", "migrate", "--noinput"]
    assert commands["worker"][:4] == services["worker"]["command"][:4]
    assert commands["worker"][:4] == ["celery", "-A", "shop", "worker"]
    assert commands["beat"] == services["beat"]["command"]
    assert commands["beat"][:4] == ["celery", "-A", "shop", "beat"]
    beat = k8s("Deployment", "ohmylot-beat")["spec"]
    assert (beat["replicas"], beat["strategy"]) == (1, {"type": "Recreate"})


def test_probes_ports_service_and_ingress_point_at_the_web_process():
    web = k8s("Deployment", "ohmylot-web")
    [container] = web["spec"]["template"]["spec"]["containers"]
    assert container["ports"] == [{"name": "http", "containerPort": 8000}]
    hosts = yaml.safe_load((K8S / "configmap.yaml").read_text())["data"]["ALLOWED_HOSTS"]
    probes = {kind: container[kind]["httpGet"] for kind in ("readinessProbe", "livenessProbe")}
    assert {kind: probe["path"] for kind, probe in probes.items()} == {
        "readinessProbe": "/readyz",
        "livenessProbe": "/healthz",
    }
    for probe in probes.values():
        assert probe["port"] == "http"
        assert probe["httpHeaders"] == [{"name": "Host", "value": hosts.split(",")[0]}]
        assert resolve(probe["path"]).url_name == probe["path"].strip("/")
    assert "/readyz" in " ".join(compose()["services"]["web"]["healthcheck"]["test"])

    labels = web["spec"]["template"]["metadata"]["labels"]
    service = k8s("Service", "ohmylot-web")
    assert service["spec"]["selector"] == labels == web["spec"]["selector"]["matchLabels"]
    assert service["spec"]["ports"] == [{"name": "http", "port": 80, "targetPort": "http"}]
    autoscaler = k8s("HorizontalPodAutoscaler", "ohmylot-web")["spec"]
    assert autoscaler["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "ohmylot-web",
    }
    [rule] = k8s("Ingress", "ohmylot-web")["spec"]["rules"]
    assert rule["host"] == hosts.split(",")[0]
    assert rule["http"]["paths"][0]["backend"]["service"] == {
        "name": "ohmylot-web",
        "port": {"name": "http"},
    }
    for doc in k8s_documents():
        if doc["kind"] in {"Deployment", "Job"}:
            pod = doc["spec"]["template"]["spec"]
            assert pod["securityContext"]["runAsNonRoot"] is True


def test_postgresql_plans_for_ssd_storage_in_compose():
    command = compose()["services"]["db"]["command"]
    assert "random_page_cost=1.1" in command
    config = yaml.safe_load((K8S / "configmap.yaml").read_text())["data"]
    assert config["DATABASE_RANDOM_PAGE_COST"] == "1.1"


def test_the_dockerfile_builds_in_two_stages_and_runs_as_an_unprivileged_user():
    lines = [
        line.strip()
        for line in (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    stages = [line.split() for line in lines if line.startswith("FROM ")]
    assert [stage[-1] for stage in stages] == ["build", "runtime"]
    runtime = lines[lines.index(" ".join(stages[1])) :]
    assert "COPY --from=build /opt/venv /opt/venv" in runtime
    # Every package of the project is in the image.
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]["find"]["include"]
    for package in (name.rstrip("*") for name in packages):
        assert f"COPY {package} ./{package}" in runtime
    [collect] = [line for line in runtime if "collectstatic" in line]
    users = [line.split()[1] for line in runtime if line.startswith("USER ")]
    assert len(users) == 1 and users[0].split(":")[0] not in {"0", "root"}
    assert runtime.index(collect) < runtime.index(f"USER {users[0]}")
    assert "EXPOSE 8000" in runtime
    assert runtime[-1] == f"CMD {json.dumps(GUNICORN)}"
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text().split()
    assert {".git", ".venv", ".data", ".env"} <= set(ignored)
