"""Benchmark the site as patients get it: throughput, latency, SQL, Lighthouse and axe, per page.

Run with `make bench`. It builds a scratch copy of the demo site, serves it with gunicorn under
the production settings, measures every page with wrk (from the full-page cache, with the cache
off, and a constant-bytes Django view as the ceiling), then audits each page with Lighthouse and
axe-core in Chromium. Results go to bench/RESULTS.md and bench/throughput.png.
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
import urllib.request
from pathlib import Path

from bench.results import RESULTS, other_sections

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WORKERS = 2 * (os.cpu_count() or 1) + 1  # gunicorn's documented rule of thumb


def run(command, env, **kwargs):
    return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True, **kwargs)


def scratch_site(scratch, **settings):
    """Build a throwaway copy of the demo site under production settings in `scratch`; returns its environment."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "MEDIA_ROOT": str(scratch / "media"),
        "STATIC_ROOT": str(scratch / "static"),
        "SERVE_MEDIA": "true",
        "PAGE_CACHE_ENABLED": "false",
        "EMAIL_URL": "consolemail://",
        **settings,
    }
    print("Building the scratch site…", flush=True)
    for command in (["migrate", "--noinput"], ["load_demo_content"], ["collectstatic", "--noinput"]):
        run([sys.executable, "manage.py", *command], env)
    return env


class Server:
    """gunicorn serving the scratch site on a local port."""

    def __init__(self, env, port, cache, log=None):
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", str(WORKERS)],
            cwd=ROOT,
            env={**env, "PAGE_CACHE_ENABLED": "true" if cache else "false"},
            stdout=subprocess.DEVNULL,
            stderr=log or subprocess.DEVNULL,
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2)  # noqa: S310
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def wrk(url, seconds, runs):
    """Median requests/s, and p50/p99 latency in ms, over `runs` wrk runs."""
    rates, p50s, p99s = [], [], []
    subprocess.run(["wrk", "-t2", "-c8", "-d1s", url], capture_output=True, check=True)  # warm every worker
    for _ in range(runs):
        output = subprocess.run(
            ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", url], capture_output=True, text=True, check=True
        ).stdout
        rates.append(float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)))
        p50s.append(_latency(output, "50%"))
        p99s.append(_latency(output, "99%"))
    return statistics.median(rates), statistics.median(p50s), statistics.median(p99s)


def _latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


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


def chart(rows, baseline, path):
    from PIL import Image, ImageDraw

    width, bar, gap, left = 900, 18, 14, 150
    height = 60 + len(rows) * (3 * bar + gap)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (10, 10),
        f"Requests/s per page: cached, uncached, every cache off (baseline constant view: {baseline:.0f}/s)",
        fill="black",
    )
    scale = (width - left - 90) / max(baseline, *(r["cached"] for r in rows))
    y = 40
    for row in rows:
        draw.text((10, y + 8), row["name"], fill="black")
        bars = ((row["cached"], (107, 39, 72)), (row["uncached"], (190, 150, 170)), (row["cold"], (225, 205, 215)))
        for value, colour in bars:
            draw.rectangle((left, y, left + value * scale, y + bar - 2), fill=colour)
            draw.text((left + value * scale + 6, y + 2), f"{value:.0f}", fill="black")
            y += bar
        y += gap
    image.save(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per page and mode (the median is kept)")
    parser.add_argument("--skip-audits", action="store_true", help="skip Lighthouse and axe")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk).")

    scratch = Path(tempfile.mkdtemp(prefix="ellemes-bench-"))
    # Plain HTTP on loopback: no TLS proxy in front, so no HTTPS redirect and no Secure cookies.
    env = scratch_site(scratch, SECURE_COOKIES="false", SECURE_SSL_REDIRECT="false")
    try:
        inspected = json.loads(run([sys.executable, "-m", "bench.inspect_site"], env).stdout)
        pages = {name: page for name, page in inspected.items() if page["status"] == 200}
        for name in inspected.keys() - pages.keys():
            print(f"  skipping {name}: {inspected[name]['url']} answered {inspected[name]['status']}")

        server = Server(env, 8611, cache=True)
        try:
            for page in pages.values():
                page["html"] = urllib.request.urlopen(server.url + page["url"]).read()  # noqa: S310
            env["BENCH_CONSTANT_FILE"] = str(scratch / "constant.html")
            Path(env["BENCH_CONSTANT_FILE"]).write_bytes(pages["home"]["html"])
        finally:
            server.stop()

        results = {}
        server = Server(env, 8612, cache=True)
        try:
            print(f"Measuring with the page cache ({WORKERS} gunicorn workers)…", flush=True)
            baseline = wrk(server.url + "/__bench__/constant/", options.seconds, options.runs)
            for name, page in pages.items():
                results[name] = {"cached": wrk(server.url + page["url"], options.seconds, options.runs)}
            audits = {}
            if not options.skip_audits:
                print("Auditing with Lighthouse and axe…", flush=True)
                for name, page in pages.items():
                    audits[name] = lighthouse(server.url + page["url"])
                violations = axe({name: server.url + page["url"] for name, page in pages.items()})
        finally:
            server.stop()
        # Nothing but whole pages is cached now: "every cache off" is the page cache off, measured twice.
        for mode, port, label in (
            ("uncached", 8613, "the page cache off"),
            ("cold", 8614, "every cache off"),
        ):
            server = Server(env, port, cache=False)
            try:
                print(f"Measuring with {label}…", flush=True)
                for name, page in pages.items():
                    results[name][mode] = wrk(server.url + page["url"], options.seconds, options.runs)
            finally:
                server.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    write_results(pages, results, baseline, audits, violations if not options.skip_audits else {})


def write_results(pages, results, baseline, audits, violations):
    lines = [
        "# Benchmark results",
        "",
        f"gunicorn, {WORKERS} sync workers, production settings, {os.cpu_count()} cores; wrk -t2 -c16, median of runs.",
        f"Baseline (constant-bytes Django view, same gunicorn): **{baseline[0]:.0f} req/s**, p99 {baseline[2]:.1f} ms.",
        "",
        "- cached: served from the full-page cache.",
        "- uncached: the page cache off, the cost of the first view after a change.",
        "- every cache off: the same, measured again (nothing else is kept between requests).",
        "- SQL: queries on a full-page cache miss (steady state) / with every cache empty.",
        "",
        "| page | cached req/s | of baseline | uncached req/s | of baseline | every cache off req/s | of baseline "
        "| p99 cached / uncached (ms) | SQL (miss / cold) | Lighthouse perf/a11y/bp/seo | axe violations |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = []
    for name, page in pages.items():
        cached, uncached, cold = results[name]["cached"], results[name]["uncached"], results[name]["cold"]
        scores = audits.get(name)
        score_text = "/".join(str(scores.get(k, "–")) for k in LIGHTHOUSE_CATEGORIES) if scores else "not run"
        axe_text = ", ".join(violations.get(name, [])) or ("0" if name in violations else "not run")
        lines.append(
            f"| {name} `{page['url']}` | {cached[0]:.0f} | {cached[0] / baseline[0]:.0%} | {uncached[0]:.0f} "
            f"| {uncached[0] / baseline[0]:.1%} | {cold[0]:.0f} | {cold[0] / baseline[0]:.1%} "
            f"| {cached[2]:.1f} / {uncached[2]:.1f} | {page['queries']} / {page['cold_queries']} "
            f"| {score_text} | {axe_text} |"
        )
        rows.append({"name": name, "cached": cached[0], "uncached": uncached[0], "cold": cold[0]})
    lines += ["", "![Requests per second per page](throughput.png)", ""]
    kept = other_sections()  # written by `make audit` and `make load`, kept as they are
    RESULTS.write_text("\n".join(lines) + (f"\n{kept}" if kept else ""))
    chart(rows, baseline[0], BENCH / "throughput.png")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
