FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=ellemes.settings.production \
    PORT=8000

WORKDIR /app
RUN useradd --create-home --uid 1000 ellemes
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=ellemes:ellemes . .
# collectstatic needs settings to import; the build-time values never reach a running container.
RUN SECRET_KEY=build-only-not-secret-value-for-collectstatic ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.db \
    python manage.py collectstatic --noinput && mkdir -p /app/media && chown ellemes:ellemes /app/media
USER ellemes
EXPOSE 8000
CMD ["gunicorn", "ellemes.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
