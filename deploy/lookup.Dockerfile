# The lookup service (lookup/: FastAPI, the console, briefings, the `liaison` command). Build from
# the repository root:  docker build -f deploy/lookup.Dockerfile -t liaison-lookup .
# The same image runs the one-shot migration (`liaison import-pack --if-absent <pack>`) before
# the replicas start. Tokens, the session key and the database URL come at run time.
FROM python:3.10.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    LIAISON_DATA_DIR=/var/lib/liaison

# WeasyPrint (briefings) lays text out with Pango; Noto covers Arabic, French and English.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements/lookup.lock requirements/lookup.lock
COPY common/ common/
COPY lookup/ lookup/
RUN python -m pip install -c requirements/lookup.lock ./common ./lookup

# The exercise packs the migration service can load (LIAISON_PACK); an operator's own pack is
# mounted instead.
COPY data/packs/ data/packs/

RUN useradd --system --uid 10001 --home-dir /var/lib/liaison --create-home liaison
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"]
# --forwarded-allow-ips: set FORWARDED_ALLOW_IPS to the proxy's address, so the login throttle and
# intake limits see the client's address (docs/security.md).
CMD ["uvicorn", "lookup.app:create_app", "--factory", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers"]
