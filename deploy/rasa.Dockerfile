# The Rasa server (bot/ inside Rasa 3.6) with the trained model. Build from the repository root,
# after `make model`:  docker build -f deploy/rasa.Dockerfile -t liaison-rasa .
# Secrets (Rasa's API token, store URLs with their passwords) come from the environment at run
# time; rasa.Dockerfile.dockerignore keeps var/ (tokens, keys, databases) out of the context.
FROM python:3.10.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    RASA_TELEMETRY_ENABLED=false \
    TF_CPP_MIN_LOG_LEVEL=2 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 \
    LIAISON_DATA_DIR=/var/lib/liaison

WORKDIR /app
# The units this image runs, installed at the versions requirements/rasa.lock pins (tested ones).
COPY requirements/rasa.lock requirements/rasa.lock
COPY common/ common/
COPY bot/ bot/
RUN python -m pip install -c requirements/rasa.lock ./common ./bot

COPY config.yml domain.yml ./
COPY data/ data/
COPY models/current.tar.gz models/current.tar.gz
COPY deploy/rasa_entrypoint.py deploy/rasa_entrypoint.py

RUN useradd --system --uid 10001 --home-dir /var/lib/liaison --create-home liaison
USER 10001
EXPOSE 5005
# Rasa answers / once its Sanic server is up (what HAProxy and the Kubernetes probes check too).
HEALTHCHECK --interval=10s --timeout=3s --start-period=180s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5005/', timeout=2)"]
ENTRYPOINT ["python", "/app/deploy/rasa_entrypoint.py"]
CMD ["run"]
