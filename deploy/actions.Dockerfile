# The action server (actions/ on rasa-sdk). Build from the repository root:
#   docker build -f deploy/actions.Dockerfile -t liaison-actions .
# The service token comes at run time (LIAISON_SERVICE_TOKEN_FILE, a mounted secret).
FROM python:3.10.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SANIC_HOST=0.0.0.0

WORKDIR /app
COPY requirements/rasa.lock requirements/rasa.lock
COPY common/ common/
COPY actions/ actions/
RUN python -m pip install -c requirements/rasa.lock ./common ./actions

RUN useradd --system --uid 10001 --no-create-home liaison
USER 10001
EXPOSE 5055
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5055/health', timeout=2)"]
# rasa_sdk binds to SANIC_HOST: every interface of the container, which only the private network
# of the deployment reaches (rasa-sdk has no authentication; never publish this port).
CMD ["python", "-m", "rasa_sdk", "--actions", "actions", "--port", "5055"]
