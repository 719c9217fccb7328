"""Benchmark the site as patients get it: throughput, latency, SQL, Lighthouse and axe, per page.

Run with `make bench`. It builds a scratch copy of the demo site under the production settings and,
in one run, measures every page with wrk, side by side:

- edge: cached in a real Varnish (deploy/varnish/default.vcl) in front of gunicorn;
- hit: served from the Django `pages` cache by gunicorn, no edge;
- first view: the first view after a change, with the page cache off (nothing else is kept);
- contact and search, never cached whole; search again once 500 more articles exist;
- the references: a constant-bytes Django view under the same gunicorn (C), and Caddy serving
  the same HTML as a static file (N);
- edge freshness: the time from a publish, in another process, to the first fresh page through Varnish;
- scale-out: one and then two app servers behind Varnish (a cached page, the first view after a change,
  the contact form), in a section of its own (`--only-scale-out` measures only that).

Then it audits each page with Lighthouse and axe-core in Chromium (`--skip-audits` skips them), and takes
full-page screenshots of each at 390 px and 1366 px into bench/screenshots/ (`--only-audits` runs
only those, without the throughput measures).
Results go to bench/RESULTS.md (the security-headers section `make audit` writes there is kept)
and bench/throughput.png.

Search is measured on the database `BENCH_DATABASE_URL` names (use PostgreSQL, to measure its
full-text search; the bench drops and re-creates that database, so give it a scratch one), or a
scratch SQLite file. `BENCH_REDIS_URL` puts the `pages` cache in Redis, as in production (the bench
empties that database); otherwise it is a scratch file cache, also shared by every process.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.results import RESULTS, other_sections, replace_section
from tests.varnish import write_vcl

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WORKERS = 2 * (os.cpu_count() or 1) + 1  # gunicorn's documented rule of thumb
NEVER_CACHED = ("contact", "search")
MORE_ARTICLES = 500
VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)


def run(command, env, **kwargs):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return result


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, what):
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - a local server
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not start")


def fresh_database(url):
    """Drop and re-create the PostgreSQL database `url` names: the scratch site starts empty."""
    import psycopg2

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    connection = psycopg2.connect(
        dbname="postgres", user=parts.username, password=parts.password, host=parts.hostname, port=parts.port
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def scratch_site(scratch, **settings):
    """Build a throwaway copy of the demo site under production settings in `scratch`; returns its environment."""
    database_url = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    if database_url.startswith("postgres"):
        fresh_database(database_url)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "MEDIA_ROOT": str(scratch / "media"),
        "STATIC_ROOT": str(scratch / "static"),
        "SERVE_MEDIA": "true",
        "PAGE_CACHE_ENABLED": "false",
        "EMAIL_URL": "consolemail://",
        "BENCH_CONSTANT_FILE": str(scratch / "static-reference" / "index.html"),
        **settings,
    }
    # One `pages` cache for every process, as in production: a publish in another process must clear it.
    env["PAGE_CACHE_URL"] = os.environ.get("BENCH_REDIS_URL", f"filecache://{scratch / 'pages'}")
    (scratch / "static-reference").mkdir()
    print("Building the scratch site…", flush=True)
    for command in (["migrate", "--noinput"], ["load_demo_content"], ["collectstatic", "--noinput"]):
        run([sys.executable, "manage.py", *command], env)
    return env


class Process:
    """A server started for the benchmark, stopped by its own process id."""

    def __init__(self, command, env=None, cwd=ROOT, log=None):
        self.process = subprocess.Popen(  # noqa: S603 - fixed commands
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log or subprocess.DEVNULL
        )

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


class Gunicorn(Process):
    def __init__(self, env, cache, varnish_url="", port=None, log=None, workers=WORKERS):
        port = port or free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {**env, "PAGE_CACHE_ENABLED": "true" if cache else "false", "VARNISH_URL": varnish_url}
        command = [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "-b", f"127.0.0.1:{port}"]
        super().__init__([*command, "-w", str(workers)], env, log=log)
        wait_for(self.url + "/healthz", "gunicorn")


class Varnish(Process):
    """A real varnishd with the project's configuration, in front of `app_port`."""

    def __init__(self, app_ports, port):
        self.url = f"http://127.0.0.1:{port}"
        # Varnish's worker drops root privileges, so its files live in a directory anyone may read.
        self.directory = Path(tempfile.mkdtemp(prefix="bench-varnish-"))
        self.directory.chmod(0o755)
        write_vcl(self.directory, app_ports if isinstance(app_ports, list | tuple) else [app_ports])
        super().__init__(
            [
                VARNISHD,
                "-F",
                "-n",
                str(self.directory / "state"),
                "-f",
                str(self.directory / "default.vcl"),
                "-a",
                f"127.0.0.1:{port}",
                "-T",
                f"127.0.0.1:{free_port()}",
                "-s",
                "malloc,64m",
                "-p",
                "ban_lurker_sleep=0.01",
            ]
        )
        wait_for(self.url + "/healthz", "varnishd")

    def stop(self):
        super().stop()
        shutil.rmtree(self.directory, ignore_errors=True)


class Caddy(Process):
    """Caddy serving `directory` as static files: the ceiling for bytes from a server."""

    def __init__(self, directory):
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        super().__init__(["caddy", "file-server", "--root", str(directory), "--listen", f"127.0.0.1:{port}"])
        wait_for(self.url + "/index.html", "caddy")


def wrk(url, seconds, runs):
    """Median requests/s, and p50/p99 latency in ms, over `runs` wrk runs; and the failed responses of all runs
    (non-2xx/3xx answers, socket errors and timeouts), which would otherwise count as served."""
    rates, p50s, p99s, failed = [], [], [], 0
    subprocess.run(["wrk", "-t2", "-c8", "-d1s", url], capture_output=True, check=True)  # warm every worker
    for _ in range(runs):
        output = subprocess.run(
            ["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rates.append(float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)))
        p50s.append(_latency(output, "50%"))
        p99s.append(_latency(output, "99%"))
        failed += sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
        failed += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return statistics.median(rates), statistics.median(p50s), statistics.median(p99s), failed


def _latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


PUBLISH = """
import time, django
django.setup()
from blog.models import BlogIndexPage
blog = BlogIndexPage.objects.get()
blog.title = {title!r}
revision = blog.save_revision()
print(time.time(), flush=True)
revision.publish()
print(time.time(), flush=True)
"""


def edge_freshness(env, edge_url, runs=3, limit=10):
    """For each of `runs` publishes (each started in another process): the seconds from the start of the
    publish to the first fresh /blog/ through the edge, polled as fast as one visitor can, or None if
    it was still stale after `limit` seconds; and how long each publish took."""
    delays, publishes = [], []
    for attempt in range(runs):
        title = f"Skin journal {attempt} {secrets.token_hex(4)}"
        for _ in range(3):
            urllib.request.urlopen(edge_url + "/blog/").read()  # noqa: S310 - cached at the edge now
        publisher = subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", PUBLISH.format(title=title)],
            cwd=ROOT,
            env={**env, "LOG_STREAM": "stderr"},  # stdout carries only the two timestamps
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        started = float(publisher.stdout.readline())
        fresh = None
        while fresh is None and time.time() < started + limit:
            if title in urllib.request.urlopen(edge_url + "/blog/").read().decode():  # noqa: S310
                fresh = time.time()
        published = float(publisher.stdout.readline())
        publisher.wait(timeout=30)
        delays.append(None if fresh is None else fresh - started)
        publishes.append(published - started)
    return delays, publishes


def lighthouse(url, attempts=3):
    """The four Lighthouse scores of a page. Lighthouse now and then leaves a category unscored
    when Chromium is slow to settle; such a run is repeated rather than reported with gaps."""
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists() or not shutil.which("chromium"):
        return None
    scores = None
    for _ in range(attempts):
        scores = _lighthouse_once(binary, url)
        if scores is not None and len(scores) == len(LIGHTHOUSE_CATEGORIES):
            break
    return scores


def _lighthouse_once(binary, url):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                f"--chrome-flags={CHROMIUM_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": shutil.which("chromium")},
            capture_output=True,
            check=False,
            timeout=180,
        )
        try:
            categories = json.loads(Path(report.name).read_text())["categories"]
        except (json.JSONDecodeError, KeyError):
            return None
    return {
        name: round(category["score"] * 100) for name, category in categories.items() if category["score"] is not None
    }


def axe(urls):
    script = BENCH / "node_modules" / "axe-core" / "axe.min.js"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    if not script.exists() or not shutil.which("chromium"):
        return {}
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS.split())
        page = browser.new_page()
        for name, url in urls.items():
            page.goto(url)
            page.evaluate(script.read_text())  # not a page script: the site's policy forbids inline ones
            found = page.evaluate("tags => axe.run({runOnly: {type: 'tag', values: tags}})", AXE_TAGS)["violations"]
            results[name] = [f"{v['id']} ({len(v['nodes'])})" for v in found]
        browser.close()
    return results


SCREENSHOTS = BENCH / "screenshots"
SCREEN_WIDTHS = {"mobile": (390, 844), "desktop": (1366, 768)}


LOAD_ALL_IMAGES = """async () => {
  const images = [...document.images];
  images.forEach((image) => { image.loading = "eager"; });
  await Promise.all(images.map((image) => image.decode().catch(() => null)));
}"""


def screenshots(urls):
    """Full-page screenshots of each page at a phone's and a laptop's width, for reviewers who do not run
    the site: bench/screenshots/<page>-<mobile|desktop>.jpg (JPEG keeps the committed files small).
    Returns the files written."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return []
    if not shutil.which("chromium"):
        return []
    SCREENSHOTS.mkdir(exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS.split())
        for screen, (width, height) in SCREEN_WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, url in urls.items():
                page.goto(url, wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                # A full-page screenshot neither scrolls to lazy images nor waits for them to decode.
                page.evaluate(LOAD_ALL_IMAGES)
                path = SCREENSHOTS / f"{name}-{screen}.jpg"
                page.screenshot(path=str(path), full_page=True, type="jpeg", quality=80)
                written.append(path)
            page.close()
        browser.close()
    return written


def chart(rows, references, path):
    from PIL import Image, ImageDraw

    width, bar, gap, left = 900, 16, 14, 150
    modes = (("edge", (107, 39, 72)), ("hit", (170, 110, 140)), ("first", (225, 205, 215)))
    height = 60 + len(rows) * (len(modes) * bar + gap)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (10, 10),
        "Requests/s per page: at the edge, a Django page cache hit, the first view after a change "
        f"(C {references['C'][0]:.0f}/s, N {references['N'][0]:.0f}/s)",
        fill="black",
    )
    scale = (width - left - 90) / max(references["N"][0], *(row["edge"] for row in rows))
    y = 40
    for row in rows:
        draw.text((10, y + 8), row["name"], fill="black")
        for mode, color in modes:
            value = row[mode]
            draw.rectangle((left, y, left + value * scale, y + bar - 2), fill=color)
            draw.text((left + value * scale + 6, y + 2), f"{value:.0f}", fill="black")
            y += bar
        y += gap
    image.save(path)


SCALE_OUT_HEADING = "## Scale-out: app servers behind Varnish (make bench)"
SCALE_OUT_PAGES = (("cached page `/` at the edge", "/", True), ("first view `/` after a change", "/", False))
SCALE_OUT_PAGES += (("contact form `/contact/`", "/contact/", False),)


def scale_out(env, measure, counts=(1, 2)):
    """Requests/s through Varnish in front of 1 and then 2 app servers, each with the same workers: a page
    cached at the edge, the first view after a change (page cache off: every request renders), the contact
    form (never cached). Returns {count: {label: (rate, p50, p99)}}."""
    figures = {}
    for count in counts:
        figures[count] = {}
        for cache in (True, False):
            edge_port = free_port()
            apps = [Gunicorn(env, cache=cache, varnish_url=f"http://127.0.0.1:{edge_port}") for _ in range(count)]
            edge = Varnish([int(app.url.rsplit(":", 1)[1]) for app in apps], edge_port)
            try:
                for label, path, cached in SCALE_OUT_PAGES:
                    if cached == cache:
                        print(f"  {count} app server(s): {label}…", flush=True)
                        figures[count][label] = measure(edge.url + path)
            finally:
                edge.stop()
                for app in apps:
                    app.stop()
    return figures


def write_scale_out(figures, options, database):
    one, two = figures[1], figures[2]
    lines = [
        f"Varnish (deploy/varnish/default.vcl, a round-robin director over the app servers) in front of one and "
        f"then two gunicorn app servers of {WORKERS} sync workers each, on one {os.cpu_count()}-core machine, "
        f"production settings, {database}, one shared `pages` cache; wrk -t2 -c16, {options.seconds} s, "
        f"median of {options.runs} runs. The first view is measured with the page cache off, so every request "
        "renders the page.",
        "",
        "| page | 1 app server req/s | 2 app servers req/s | 2 ÷ 1 | p99 1 / 2 (ms) |",  # failed: not 2xx/3xx
        "| --- | --- | --- | --- | --- |",
    ]
    for label, _, _ in SCALE_OUT_PAGES:
        a, b = one[label], two[label]
        lines.append(f"| {label} | {_rate(a)} | {_rate(b)} | {b[0] / a[0]:.2f} | {a[2]:.1f} / {b[2]:.1f} |")
    lines += [
        "",
        "Cached pages never reach an app server, so they stay at the edge's rate however many there are. "
        "Uncached pages scale with app servers only while there are cores to run them: on this machine both "
        "servers share the same cores as wrk and Varnish, so the second server adds workers, not CPU; on "
        "separate hosts each adds its own.",
    ]
    replace_section(SCALE_OUT_HEADING, lines)
    print("\n".join([SCALE_OUT_HEADING, "", *lines]))


def _rate(figure):
    return f"{figure[0]:.0f}" + (f" ({figure[3]} failed)" if figure[3] else "")


def inspect(env):
    return json.loads(run([sys.executable, "-m", "bench.inspect_site"], {**env, "LOG_STREAM": "stderr"}).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per page and mode (the median is kept)")
    parser.add_argument("--skip-audits", action="store_true", help="skip Lighthouse and axe")
    parser.add_argument(
        "--only-scale-out", action="store_true", help="measure only one against two app servers behind Varnish"
    )
    parser.add_argument(
        "--only-audits", action="store_true", help="only Lighthouse, axe and the screenshots (bench/screenshots/)"
    )
    options = parser.parse_args()
    for tool, package in (("wrk", "wrk"), ("caddy", "caddy")):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (apt-get install {package}).")
    if VARNISHD is None:
        sys.exit("varnishd is not installed (apt-get install varnish).")
    measure = lambda url: wrk(url, options.seconds, options.runs)  # noqa: E731

    scratch = Path(tempfile.mkdtemp(prefix="ellemes-bench-"))
    # Plain HTTP on loopback: no TLS proxy in front, so no HTTPS redirect and no Secure cookies.
    env = scratch_site(scratch, SECURE_COOKIES="false", SECURE_SSL_REDIRECT="false")
    servers = []
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    if options.only_audits:
        app = Gunicorn(env, cache=True)
        try:
            pages = {name: page for name, page in inspect(env).items() if page["status"] == 200}
            print("Auditing with Lighthouse and axe…", flush=True)
            write_audits(pages, *audit_and_screenshots(pages, app.url))
        finally:
            app.stop()
            shutil.rmtree(scratch, ignore_errors=True)
        return
    if options.only_scale_out:
        try:
            print("Measuring one and two app servers behind Varnish…", flush=True)
            write_scale_out(scale_out(env, measure), options, database)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return
    try:
        print("Measuring one and two app servers behind Varnish…", flush=True)
        write_scale_out(scale_out(env, measure), options, database)
        inspected = inspect(env)
        pages = {name: page for name, page in inspected.items() if page["status"] == 200}
        for name in inspected.keys() - pages.keys():
            print(f"  skipping {name}: {inspected[name]['url']} answered {inspected[name]['status']}")
        cacheable = [name for name in pages if name not in NEVER_CACHED]
        results = {name: {} for name in pages}
        references = {}
        audits, violations = {}, {}

        # The page cache on, Varnish in front; the app purges Varnish on every change.
        edge_port = free_port()
        app = Gunicorn(env, cache=True, varnish_url=f"http://127.0.0.1:{edge_port}")
        servers.append(app)
        edge = Varnish(int(app.url.rsplit(":", 1)[1]), edge_port)
        servers.append(edge)
        static = Caddy(Path(env["BENCH_CONSTANT_FILE"]).parent)
        servers.append(static)
        print(f"Measuring the references and the cached pages ({WORKERS} gunicorn workers)…", flush=True)
        references["C"] = measure(app.url + "/__bench__/constant/")
        references["N"] = measure(static.url + "/index.html")
        for name in cacheable:
            results[name]["edge"] = measure(edge.url + pages[name]["url"])
            results[name]["hit"] = measure(app.url + pages[name]["url"])
        for name in NEVER_CACHED:
            if name in pages:
                results[name]["plain"] = measure(app.url + pages[name]["url"])
        if not options.skip_audits:  # before the freshness runs, which retitle the blog
            print("Auditing with Lighthouse and axe…", flush=True)
            audits, violations = audit_and_screenshots(pages, app.url)
        print("Measuring edge freshness…", flush=True)
        freshness = edge_freshness({**env, "PAGE_CACHE_ENABLED": "true", "VARNISH_URL": edge.url}, edge.url)
        for server in (static, edge, app):
            server.stop()
            servers.remove(server)

        # The page cache off: every view costs what the first view after a change costs.
        app = Gunicorn(env, cache=False)
        servers.append(app)
        print("Measuring the first view after a change (page cache off)…", flush=True)
        for name in cacheable:
            results[name]["first"] = measure(app.url + pages[name]["url"])
        app.stop()
        servers.remove(app)
        if "search" in pages:
            print(f"Adding {MORE_ARTICLES} articles…", flush=True)
            run([sys.executable, "-m", "bench.grow_site", str(MORE_ARTICLES)], {**env, "VARNISH_URL": ""})
            grown = inspect(env)
            for name, page in grown.items():
                if name in pages:
                    pages[name]["queries_grown"] = page["queries"]
            # Search with the page cache on, as at 13 articles and as the site runs: results are never
            # kept, the shared layout around them is.
            app = Gunicorn(env, cache=True)
            servers.append(app)
            results["search"]["grown"] = measure(app.url + pages["search"]["url"])
            app.stop()
            servers.remove(app)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)

    write_results(pages, results, references, freshness, options, database)
    if not options.skip_audits:
        write_audits(pages, audits, violations)


def write_results(pages, results, references, freshness, options, database):
    C, N = references["C"], references["N"]
    grown = f"{13 + MORE_ARTICLES}"
    lines = [
        "# Benchmark results",
        "",
        f"`make bench`: gunicorn, {WORKERS} sync workers, production settings, {database}, {os.cpu_count()} cores; "
        f"wrk -t2 -c16, {options.seconds} s, median of {options.runs} runs; the demo site (13 articles).",
        "",
        f"- **C**, a constant-bytes Django view under the same gunicorn: **{C[0]:.0f} req/s** (p99 {C[2]:.1f} ms).",
        f"- **N**, Caddy serving the same HTML as a static file: **{N[0]:.0f} req/s** (p99 {N[2]:.1f} ms).",
        f"- **Edge freshness**: {_freshness(*freshness)}",
        "",
        "Cacheable pages:",
        "",
        "- edge: cached in Varnish (deploy/varnish/default.vcl) in front of gunicorn, as % of N;",
        "- hit: served from the Django `pages` cache, no edge, as % of C;",
        "- first view: the first view after a change (the page cache off; nothing else is kept), as % of C;",
        f"- SQL: queries on that first view, with 13 articles / with {grown}.",
        "",
        "| page | edge req/s | of N | hit req/s | of C | first view req/s | of C | p99 edge / hit / first (ms) | SQL |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = []
    for name, page in pages.items():
        if name in NEVER_CACHED:
            continue
        edge, hit, first = results[name]["edge"], results[name]["hit"], results[name]["first"]
        lines.append(
            f"| {name} `{page['url']}` | {edge[0]:.0f} | {edge[0] / N[0]:.0%} | {hit[0]:.0f} | {hit[0] / C[0]:.0%} "
            f"| {first[0]:.0f} | {first[0] / C[0]:.1%} | {edge[2]:.1f} / {hit[2]:.1f} / {first[2]:.1f} "
            f"| {_queries(page)} |"
        )
        rows.append({"name": name, "edge": edge[0], "hit": hit[0], "first": first[0]})
    lines += [
        "",
        f"Never cached whole (a form, a visitor's search), with the page cache on; search on {database}'s "
        f"full-text search, with 13 articles and with {grown}:",
        "",
        "| page | req/s | of C | p99 (ms) | SQL |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in NEVER_CACHED:
        if name not in pages:
            continue
        page, plain = pages[name], results[name]["plain"]
        lines.append(
            f"| {name} `{page['url']}` | {plain[0]:.0f} | {plain[0] / C[0]:.1%} | {plain[2]:.1f} | {page['queries']} |"
        )
    if "grown" in results.get("search", {}):
        page, grown_result = pages["search"], results["search"]["grown"]
        lines.append(
            f"| search, {grown} articles `{page['url']}` | {grown_result[0]:.0f} | {grown_result[0] / C[0]:.1%} "
            f"| {grown_result[2]:.1f} | {page.get('queries_grown', '–')} |"
        )
    lines += ["", "![Requests per second per page](throughput.png)", ""]
    kept = other_sections()  # written by `make audit` and `make load`, kept as they are
    RESULTS.write_text("\n".join(lines) + (f"\n{kept}" if kept else ""))
    chart(rows, references, BENCH / "throughput.png")
    print("\n".join(lines))


def _freshness(delays, publishes):
    seen = ", ".join("still stale after 10 s" if delay is None else f"{delay * 1000:.0f} ms" for delay in delays)
    return (
        f"{len(delays)} publishes, each in another process while one visitor reloads /blog/ through Varnish "
        f"without pause: the first fresh response came {seen} after the publish started (a publish takes "
        f"{statistics.median(publishes) * 1000:.0f} ms)."
    )


def _queries(page):
    return f"{page['queries']} / {page.get('queries_grown', '–')}"


AUDIT_HEADING = "## Lighthouse and axe: every public page type (make bench)"


def write_audits(pages, audits, violations):
    lines = [
        "Lighthouse (mobile, its default) and axe-core (WCAG 2.1 A and AA) in Chromium, with the web fonts loaded, "
        "against gunicorn under production settings; full-page screenshots at 390 px and 1366 px are in "
        "[screenshots/](screenshots/).",
        "",
        "| page | Lighthouse perf/a11y/bp/seo | axe violations |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {name} `{page['url']}` | {_audit(name, audits, violations)} |" for name, page in pages.items()]
    replace_section(AUDIT_HEADING, lines)
    print("\n".join([AUDIT_HEADING, "", *lines]))


def audit_and_screenshots(pages, base_url):
    audits = {name: lighthouse(base_url + page["url"]) for name, page in pages.items()}
    violations = axe({name: base_url + page["url"] for name, page in pages.items()})
    print("Taking screenshots…", flush=True)
    screenshots({name: base_url + page["url"] for name, page in pages.items()})
    return audits, violations


def _audit(name, audits, violations):
    scores = audits.get(name)
    score_text = "/".join(str(scores.get(k, "–")) for k in LIGHTHOUSE_CATEGORIES) if scores else "not run"
    axe_text = ", ".join(violations.get(name, [])) or ("0" if name in violations else "not run")
    return f"{score_text} | {axe_text}"


if __name__ == "__main__":
    main()
