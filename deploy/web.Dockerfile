# The web chat page and its server (web/, standard library only). Build from the repository root:
#   docker build -f deploy/web.Dockerfile -t liaison-web .
# LIAISON_RASA_PUBLIC_URL: Rasa's socket.io address as the browser sees it (the proxy's).
FROM python:3.10.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements/rasa.lock requirements/rasa.lock
COPY common/ common/
COPY web/ web/
RUN python -m pip install -c requirements/rasa.lock ./common ./web

RUN useradd --system --uid 10001 --no-create-home liaison
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/', timeout=2)"]
CMD ["python", "-m", "web.server", "--host", "0.0.0.0", "--port", "8080"]
