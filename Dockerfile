# The app image: gunicorn by default; the workers, the scheduler and the migrate one-shot run other commands
# from it (docker-compose.yml).

# Builder: compilers and headers, only to build wheels for every requirement.
FROM python:3.11-slim AS builder
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

# Final: the wheels installed, no compiler, no pip cache, a user without privileges.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=ellemes.settings.production \
    PORT=8000
WORKDIR /app
RUN useradd --create-home --uid 1000 ellemes
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels /wheels/* && rm -rf /wheels
COPY --chown=ellemes:ellemes . .
# collectstatic needs settings to import; these build-time values never reach a running container.
RUN SECRET_KEY=build-only-not-secret-value-for-collectstatic ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.db \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown ellemes:ellemes /app/media
USER ellemes
EXPOSE 8000
# The same check as docker-compose's: /healthz under the first allowed host name.
HEALTHCHECK --interval=15s --timeout=15s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': os.environ['ALLOWED_HOSTS'].split(',')[0]}), timeout=10)"]
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "ellemes.wsgi:application"]
