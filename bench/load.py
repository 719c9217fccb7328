"""Load the site under production settings while the database, Redis, the worker and mail fail in turn.

Run with `make load`. It starts on 127.0.0.1 a scratch PostgreSQL database and a Redis database number
(both on the local servers), an SMTP sink, gunicorn, the worker and the scheduler; the database, Redis and
mail are reached through TCP proxies this script cuts. Mixed traffic (pages, search, inquiries with their
real form and CSRF tokens) runs for `--seconds` while each fault lasts `--fault-seconds`: the database down,
Redis down, the worker killed with SIGKILL, the mail server refusing connections. Then the queue is left to
drain and every inquiry that got the thank-you page is looked for in the database and in the sink, where its
front-desk notice and its acknowledgement must each be found exactly once. Figures go to bench/RESULTS.md.
"""

import argparse
import collections
import gzip
import html
import http.client
import http.cookies
import itertools
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import psycopg2

from bench.results import LOAD_HEADING, replace_section
from bench.run import ROOT, WORKERS, Gunicorn, scratch_site
from tests.servers import SMTPServer, TCPProxy, free_port

POSTGRES = ("127.0.0.1", 5432)
REDIS = ("127.0.0.1", 6379)
MEMORY_LIMIT_MB = 400
# After the database comes back, requests already waiting on it may still answer 503 for a moment.
DATABASE_GRACE_SECONDS = 5
# Pages patients read, by how often they are visited; "contact" also starts an inquiry when one is due.
VISITS = {
    "home": 20,
    "blog": 8,
    "article": 20,
    "specials": 8,
    "team": 6,
    "profile": 8,
    "search": 12,
    "contact": 10,
}
NOT_CONTENT = {"/blog/feed/"}  # linked from the listings, but not a page a patient reads
SEARCH_TERMS = ("botox", "filler", "facial", "laser", "peel", "lips", "skin", "consultation")
MESSAGE_PROBLEMS = ("notice missing", "notice repeated", "acknowledgement missing", "acknowledgement repeated")
MESSAGE = "Hello, I would like to book a consultation about a facial treatment next month. Reference {marker}."


def query(database, sql, *params):
    """Rows of one query on the local PostgreSQL server, asked directly (never through the cut proxy)."""
    connection = psycopg2.connect(host=POSTGRES[0], port=POSTGRES[1], user="postgres", dbname=database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    finally:
        connection.close()


def rss_mb(pid):
    """Resident memory of a process in MB, or None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def children(pid):
    """Process ids whose parent is `pid` (gunicorn's workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


class Supervised:
    """A manage.py process started again whenever it exits, as docker-compose's restart policy and `make run` do."""

    RESTART_DELAY = 5  # as `make run`

    def __init__(self, name, command, env, log):
        self.name, self.command, self.env, self.log = name, command, env, log
        self.process = None
        self.held = False
        self.stopping = False
        self.unexpected_exits = 0
        self.starts = 0
        self.pids = []
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def start(self):
        self._spawn()
        self.thread.start()
        return self

    def _spawn(self):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", *self.command],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        self.starts += 1
        self.pids.append(self.process.pid)

    def _watch(self):
        while not self.stopping:
            if self.process.poll() is not None and not self.held and not self.stopping:
                self.unexpected_exits += 1
                print(f"  {self.name} exited ({self.process.returncode}); starting it again", flush=True)
                time.sleep(self.RESTART_DELAY)
                if not self.stopping and not self.held:
                    self._spawn()
            time.sleep(0.2)

    def kill(self):
        """SIGKILL, as the out-of-memory killer or a lost host would; no restart until `release()`."""
        self.held = True
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def release(self):
        self._spawn()
        self.held = False

    def stop(self):
        self.stopping = True
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class MemoryWatch(threading.Thread):
    """Samples the resident memory of the worker and of each gunicorn worker twice a second."""

    def __init__(self, worker, server):
        super().__init__(daemon=True)
        self.worker, self.server = worker, server
        self.peak = {"background worker": 0.0, "gunicorn worker": 0.0}
        self.stopping = False

    def run(self):
        while not self.stopping:
            self.peak["background worker"] = max(self.peak["background worker"], rss_mb(self.worker.process.pid) or 0)
            for pid in children(self.server.process.pid):
                self.peak["gunicorn worker"] = max(self.peak["gunicorn worker"], rss_mb(pid) or 0)
            time.sleep(0.5)


class Stack:
    """PostgreSQL, Redis and mail behind proxies; gunicorn, the worker and the scheduler; all on 127.0.0.1."""

    def __init__(self, options, scratch):
        self.options, self.scratch = options, scratch
        self.database = options.database
        self.started = []

    def __enter__(self):
        options = self.options
        subprocess.run(
            ["dropdb", "-h", POSTGRES[0], "-U", "postgres", "--if-exists", "--force", self.database], check=True
        )
        subprocess.run(["createdb", "-h", POSTGRES[0], "-U", "postgres", self.database], check=True)
        self._redis("FLUSHDB")
        self.smtp = SMTPServer().__enter__()
        self.started.append(lambda: self.smtp.__exit__(None, None, None))
        self.db_proxy = self._proxy(POSTGRES[1])
        self.redis_proxy = self._proxy(REDIS[1])
        self.mail_proxy = self._proxy(self.smtp.port)
        redis_url = f"rediscache://127.0.0.1:{self.redis_proxy.port}/{options.redis_db}"
        port = free_port()
        self.env = scratch_site(
            self.scratch,
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{self.db_proxy.port}/{self.database}",
            CACHE_URL=redis_url,
            PAGE_CACHE_URL=redis_url,
            EMAIL_URL=f"smtp://127.0.0.1:{self.mail_proxy.port}",
            BASE_URL=f"http://127.0.0.1:{port}",
            # Plain HTTP on loopback: no TLS proxy in front, so no HTTPS redirect and no Secure cookies.
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
            # Every visitor here is 127.0.0.1: the per-address limit would otherwise stop the inquiries.
            INQUIRY_RATE_LIMIT="1000000",
            # A job whose worker was killed is queued again after this lease; the production default is 10 minutes.
            INQUIRY_NOTIFICATION_LEASE_SECONDS=str(options.lease_seconds),
            LOG_LEVEL="WARNING",
        )
        self.logs = {name: open(self.scratch / f"{name}.log", "w") for name in ("gunicorn", "worker", "scheduler")}  # noqa: SIM115
        self.server = Gunicorn(self.env, cache=True, port=port, log=self.logs["gunicorn"])
        self.started.append(self.server.stop)
        self.worker = Supervised("the worker", ["run_worker"], self.env, self.logs["worker"]).start()
        self.started.append(self.worker.stop)
        self.scheduler = Supervised("the scheduler", ["run_periodic"], self.env, self.logs["scheduler"]).start()
        self.started.append(self.scheduler.stop)
        return self

    def _proxy(self, port):
        proxy = TCPProxy(port).start()
        self.started.append(proxy.stop)
        return proxy

    def _redis(self, *command):
        subprocess.run(
            ["redis-cli", "-h", REDIS[0], "-p", str(REDIS[1]), "-n", str(self.options.redis_db), *command],
            check=True,
            capture_output=True,
        )

    def __exit__(self, *exc):
        for stop in reversed(self.started):
            try:
                stop()
            except Exception as error:  # noqa: BLE001 - everything else must still be stopped
                print(f"  while stopping: {error!r}", file=sys.stderr)
        for log in getattr(self, "logs", {}).values():
            log.close()
        self._redis("FLUSHDB")
        subprocess.run(
            ["dropdb", "-h", POSTGRES[0], "-U", "postgres", "--if-exists", "--force", self.database], check=False
        )

    def faults(self):
        """(name, start, end) for each fault, in the order they are injected."""
        return (
            ("database down", self.db_proxy.stop, self.db_proxy.start),
            ("Redis down", self.redis_proxy.stop, self.redis_proxy.start),
            ("worker killed", self.worker.kill, self.worker.release),
            ("SMTP refusing", self.mail_proxy.stop, self.mail_proxy.start),
        )


class Record:
    """What happened to one request."""

    __slots__ = ("endpoint", "start", "end", "status")

    def __init__(self, endpoint, start, end, status):
        self.endpoint, self.start, self.end, self.status = endpoint, start, end, status


class Visitor:
    """One connection's worth of traffic: a browser with its own cookies, reading pages and sending inquiries."""

    def __init__(self, load):
        self.load = load
        self.cookies = {}
        self.form = None  # (csrf token, form token, when it was shown)
        self.random = random.Random()

    def run(self):
        while time.monotonic() < self.load.deadline:
            if self.form and time.monotonic() - self.form[2] >= self.load.fill_seconds:
                self.send_inquiry()
                continue
            name = self.random.choices(list(VISITS), weights=list(VISITS.values()))[0]
            if name == "contact" and self.form is None and self.load.inquiry_due():
                self.open_form()
            elif name == "search":
                self.get("search", "/search/?" + urllib.parse.urlencode({"q": self.random.choice(SEARCH_TERMS)}))
            else:
                self.get(name, self.load.pages[name])

    def open_form(self):
        status, body = self.get("contact form", self.load.pages["contact"])
        if status == 200:
            csrf, token = field_value(body, "csrfmiddlewaretoken"), field_value(body, "form_token")
            if csrf and token:
                self.form = (csrf, token, time.monotonic())

    def send_inquiry(self):
        csrf, token, _ = self.form
        self.form = None
        marker = self.load.new_marker()
        fields = {
            "csrfmiddlewaretoken": csrf,
            "form_token": token,
            "name": "Avery Load",
            "email": f"patient.{marker}@example.com",
            "phone": "",
            "contact_method": "email",
            "inquiry_type": "consultation",
            "treatment": "",
            "special": "",
            "staff_member": "",
            "message": MESSAGE.format(marker=marker),
            "consent": "on",
            "website": "",
        }
        start = time.monotonic()
        status, headers, _ = self.request("inquiry POST", "POST", self.load.pages["contact"], fields)
        self.load.inquiries.append((marker, status, start, time.monotonic()))
        if isinstance(status, int) and 300 <= status < 400:
            self.get("thank-you", urllib.parse.urlsplit(headers.get("Location", "")).path or "/")

    def get(self, endpoint, path):
        status, _, body = self.request(endpoint, "GET", path)
        return status, body

    def request(self, endpoint, method, path, fields=None):
        """One request on a new connection (gunicorn's sync workers close each); returns status, headers, body."""
        headers = {"Accept-Encoding": "gzip", "User-Agent": "ellemes-load"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.load.origin
        start = time.monotonic()
        connection = http.client.HTTPConnection(*self.load.address, timeout=self.load.timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            status, response_headers = response.status, response.headers
        except (OSError, http.client.HTTPException) as error:
            status, response_headers, data = type(error).__name__, {}, b""
        finally:
            connection.close()
        self.load.records.append(Record(endpoint, start, time.monotonic(), status))
        if response_headers:
            for header in response_headers.get_all("Set-Cookie") or []:
                cookie = http.cookies.SimpleCookie(header)
                self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
            if response_headers.get("Content-Encoding") == "gzip":
                data = gzip.decompress(data)
        return status, response_headers, data.decode("utf-8", "replace")


def field_value(page, name):
    """The value of the form input called `name` in a page, whatever the order of its attributes."""
    for tag in re.findall(r"<input\b[^>]*>", page):
        if re.search(rf'\bname="{re.escape(name)}"', tag):
            value = re.search(r'\bvalue="([^"]*)"', tag)
            return html.unescape(value.group(1)) if value else None
    return None


class Load:
    """The shared state of one run: where to send requests, what came back, and the inquiries sent."""

    def __init__(self, url, pages, seconds, inquiries_per_second, timeout):
        parts = urllib.parse.urlsplit(url)
        self.address = (parts.hostname, parts.port)
        self.origin = url
        self.pages = pages
        self.timeout = timeout
        self.records = []  # list.append is atomic: the visitor threads share these without a lock
        self.inquiries = []
        self.fill_seconds = 3.5  # INQUIRY_MIN_FILL_SECONDS is 3: a faster form is quarantined as automated
        self.started = time.monotonic()
        self.deadline = self.started + seconds
        self.run_id = uuid.uuid4().hex[:8]
        self.counter = itertools.count(1)
        self.inquiry_interval = 1 / inquiries_per_second
        self.next_inquiry = self.started
        self.lock = threading.Lock()

    def new_marker(self):
        return f"load-{self.run_id}-{next(self.counter):05d}"

    def inquiry_due(self):
        """Inquiries start at a steady rate, whatever the speed of the pages around them."""
        with self.lock:
            now = time.monotonic()
            if now < self.next_inquiry:
                return False
            self.next_inquiry = max(self.next_inquiry + self.inquiry_interval, now - 1)
            return True


def discover_pages(url):
    """The addresses to visit: the listings, and the first article and staff profile they link to."""
    pages = {
        "home": "/",
        "blog": "/blog/",
        "specials": "/specials/",
        "team": "/staff/",
        "contact": "/contact/",
    }
    for name, listing, pattern in (
        ("article", "/blog/", r'href="(/blog/[\w-]+/)"'),
        ("profile", "/staff/", r'href="(/staff/[\w-]+/)"'),
    ):
        page = fetch_text(url + listing)
        found = [link for link in re.findall(pattern, page) if link not in NOT_CONTENT]
        if not found:
            raise RuntimeError(f"no {name} linked from {listing}")
        pages[name] = found[0]
    return pages


def fetch_text(url):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", parts.path)
        return connection.getresponse().read().decode()
    finally:
        connection.close()


def run_faults(stack, load, options, windows):
    """Inject each fault in turn, evenly spaced through the run; records (name, start, end) in `windows`."""
    faults = stack.faults()
    gap = (options.seconds - len(faults) * options.fault_seconds) / (len(faults) + 1)
    for index, (name, begin, end) in enumerate(faults):
        at = load.started + gap * (index + 1) + options.fault_seconds * index
        time.sleep(max(at - time.monotonic(), 0))
        print(f"  {time.monotonic() - load.started:5.1f} s  {name}", flush=True)
        started = time.monotonic()
        begin()
        time.sleep(options.fault_seconds)
        end()
        windows.append((name, started, time.monotonic()))
        print(f"  {time.monotonic() - load.started:5.1f} s  {name}: over", flush=True)


def drain(stack, run_id, limit):
    """Wait until no inquiry of this run is still owed a message; returns the seconds it took, or None."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        ((owed,),) = query(
            stack.database,
            "SELECT count(*) FROM contact_inquiry WHERE message LIKE %s AND NOT is_spam AND "
            "(notice_status IN ('pending', 'retrying') OR acknowledgement_status IN ('pending', 'retrying'))",
            f"%load-{run_id}-%",
        )
        if owed == 0:
            time.sleep(2)  # the last message may still be on its way through the sink
            return time.monotonic() - started
        time.sleep(2)
    return None


def check_inquiries(stack, load):
    """Submitted, stored and notified, per inquiry marker; the counts and the problems found."""
    rows = query(
        stack.database,
        "SELECT reference, substring(message from 'load-[0-9a-f]+-[0-9]+'), email, is_spam, notice_status, "
        "acknowledgement_status FROM contact_inquiry WHERE message LIKE %s",
        f"%load-{load.run_id}-%",
    )
    submitted = {marker for marker, status, *_ in load.inquiries if isinstance(status, int) and 300 <= status < 400}
    stored = collections.Counter(marker for _, marker, *_ in rows)
    patient = {reference: email for reference, _, email, *_ in rows}
    notices, acknowledgements = collections.Counter(), collections.Counter()
    for recipients, message in list(stack.smtp.messages):
        subject = message["Subject"] or ""
        found = re.search(r"#(\d+)", subject)
        if not found:
            continue
        reference = found.group(1)
        if subject.startswith("New inquiry"):
            notices[reference] += 1
        elif subject.startswith("We received your inquiry") and patient.get(reference) in recipients:
            acknowledgements[reference] += 1
    references = set(patient)
    quarantined = sorted(marker for _, marker, _, is_spam, *_ in rows if is_spam)
    counts = {
        "submitted": len(submitted),
        "posted": len(load.inquiries),
        "stored": sum(stored.values()),
        "quarantined": len(quarantined),
        "notices": sum(notices[reference] for reference in references),
        "acknowledgements": sum(acknowledgements[reference] for reference in references),
        "statuses": collections.Counter(f"{row[4]}/{row[5]}" for row in rows),
    }
    problems = {
        "lost": sorted(submitted - stored.keys()),
        "stored twice": sorted(marker for marker, count in stored.items() if count > 1),
        "stored without a thank-you": sorted(stored.keys() - submitted),
        "quarantined": quarantined,
        "notice missing": sorted(r for r in references if notices[r] == 0),
        "notice repeated": sorted(r for r in references if notices[r] > 1),
        "acknowledgement missing": sorted(r for r in references if acknowledgements[r] == 0),
        "acknowledgement repeated": sorted(r for r in references if acknowledgements[r] > 1),
    }
    return counts, problems


def phase_of(record, windows):
    for name, start, end in windows:
        if start <= record.start < end:
            return name
    return "normal"


def in_database_outage(record, windows):
    """Whether a request overlapped the database outage or the grace after it."""
    for name, start, end in windows:
        if name == "database down" and record.start < end + DATABASE_GRACE_SECONDS and record.end > start:
            return True
    return False


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]


def is_error(status):
    return not (isinstance(status, int) and status < 400)


def report(options, load, windows, duration, counts, problems, memory, stack, drained):
    """The figures as Markdown lines, and the pass/fail verdicts as (passed, text)."""
    records = load.records
    endpoints = sorted({record.endpoint for record in records}, key=lambda name: (name not in VISITS, name))
    lines = [
        f"{duration:.0f} s of mixed traffic at {options.connections} connections against gunicorn "
        f"({WORKERS} sync workers, production settings) on {os.cpu_count()} cores, with PostgreSQL, Redis and "
        f"SMTP behind TCP proxies; each fault lasted {options.fault_seconds:g} s. "
        f"Run on {time.strftime('%Y-%m-%d')}.",
        "",
        f"**{len(records) / duration:.0f} requests/s** overall ({len(records)} requests).",
        "",
        "| endpoint | requests | p50 ms | p99 ms | errors (status: count) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for endpoint in endpoints:
        mine = [record for record in records if record.endpoint == endpoint]
        times = [(record.end - record.start) * 1000 for record in mine]
        errors = collections.Counter(str(record.status) for record in mine if is_error(record.status))
        lines.append(
            f"| {endpoint} | {len(mine)} | {statistics.median(times):.0f} | {percentile(times, 0.99):.0f} "
            f"| {format_counts(errors)} |"
        )
    lines += [
        "",
        "Errors by phase (by the time each request started; windows in seconds from the start):",
        "",
        "| phase | window | requests | errors (endpoint status: count) |",
        "| --- | --- | --- | --- |",
    ]
    for phase, window in [("normal", "")] + [
        (name, f"{start - load.started:.0f}–{end - load.started:.0f}") for name, start, end in windows
    ]:
        mine = [record for record in records if phase_of(record, windows) == phase]
        errors = collections.Counter(f"{r.endpoint} {r.status}" for r in mine if is_error(r.status))
        lines.append(f"| {phase} | {window} | {len(mine)} | {format_counts(errors)} |")
    lines += [
        "",
        "| inquiries | count |",
        "| --- | --- |",
        f"| posted | {counts['posted']} |",
        f"| submitted (thank-you redirect) | {counts['submitted']} |",
        f"| stored (rows) | {counts['stored']} |",
        f"| front-desk notices received | {counts['notices']} |",
        f"| acknowledgements received | {counts['acknowledgements']} |",
        f"| quarantined | {counts['quarantined']} |",
        f"| statuses after the drain (notice/acknowledgement) | {format_counts(counts['statuses'])} |",
        f"| queue drained after the load in | {f'{drained:.0f} s' if drained is not None else 'not drained'} |",
        "",
        f"Peak resident memory: background worker {memory['background worker']:.0f} MB "
        f"(started {stack.worker.starts} times, {stack.worker.unexpected_exits} of them after exiting by itself), "
        f"largest gunicorn worker {memory['gunicorn worker']:.0f} MB.",
        "",
    ]
    stray = [
        record
        for record in records
        if isinstance(record.status, int) and record.status >= 500 and not in_database_outage(record, windows)
    ]
    stray_counts = collections.Counter(f"{r.endpoint} {r.status} during {phase_of(r, windows)}" for r in stray)
    owed = counts["stored"]
    verdicts = [
        (
            not stray,
            f"no 5xx outside the database outage (+{DATABASE_GRACE_SECONDS} s): "
            + (format_counts(stray_counts) if stray else "none"),
        ),
        (
            not (problems["lost"] or problems["stored twice"] or problems["quarantined"]),
            f"every submitted inquiry stored once: submitted {counts['submitted']}, stored {counts['stored']}, "
            f"lost {len(problems['lost'])}, duplicated {len(problems['stored twice'])}, "
            f"quarantined {len(problems['quarantined'])}",
        ),
        (
            not any(problems[key] for key in MESSAGE_PROBLEMS),
            f"every stored inquiry notified exactly once: notices {counts['notices']}/{owed}, "
            f"acknowledgements {counts['acknowledgements']}/{owed}"
            + "".join(
                f", {key} {len(problems[key])}" for key in problems if problems[key] and key.startswith(("n", "a"))
            ),
        ),
        (
            max(memory.values()) <= MEMORY_LIMIT_MB,
            f"no worker above {MEMORY_LIMIT_MB} MB: background {memory['background worker']:.0f} MB, "
            f"gunicorn {memory['gunicorn worker']:.0f} MB",
        ),
    ]
    if problems["stored without a thank-you"]:
        lines += [
            f"Stored although the patient saw no thank-you page (an error answer after the commit): "
            f"{len(problems['stored without a thank-you'])}.",
            "",
        ]
    lines += [f"- {'PASS' if passed else 'FAIL'}: {text}" for passed, text in verdicts]
    return lines, verdicts


def format_counts(counter):
    return ", ".join(f"{key}: {value}" for key, value in sorted(counter.items())) or "–"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="length of the load (default 60)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--fault-seconds", type=float, default=10, help="how long each fault lasts (default 10)")
    parser.add_argument("--inquiries-per-second", type=float, default=2, help="inquiry forms opened per second")
    parser.add_argument("--drain-seconds", type=float, default=300, help="longest wait for the queue to empty")
    parser.add_argument("--lease-seconds", type=int, default=45, help="INQUIRY_NOTIFICATION_LEASE_SECONDS for the run")
    parser.add_argument("--database", default="ellemes_load", help="scratch database, created and dropped")
    parser.add_argument("--redis-db", type=int, default=9, help="Redis database number, flushed before and after")
    parser.add_argument("--logs", type=Path, help="keep the server, worker and scheduler logs in this folder")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/RESULTS.md")
    options = parser.parse_args()
    if options.seconds < 4 * options.fault_seconds + 5:
        parser.error("--seconds must leave room for the four faults and some normal traffic between them")
    missing = [tool for tool in ("createdb", "dropdb", "redis-cli") if not shutil.which(tool)]
    if missing:
        sys.exit(f"make load needs the PostgreSQL and Redis client tools: {', '.join(missing)} not found.")

    scratch = Path(tempfile.mkdtemp(prefix="ellemes-load-"))
    try:
        with Stack(options, scratch) as stack:
            pages = discover_pages(stack.server.url)
            memory = MemoryWatch(stack.worker, stack.server)
            memory.start()
            load = Load(stack.server.url, pages, options.seconds, options.inquiries_per_second, timeout=30)
            print(f"Loading for {options.seconds:g} s at {options.connections} connections…", flush=True)
            windows = []
            faults = threading.Thread(target=run_faults, args=(stack, load, options, windows), daemon=True)
            faults.start()
            visitors = [threading.Thread(target=Visitor(load).run, daemon=True) for _ in range(options.connections)]
            for visitor in visitors:
                visitor.start()
            for visitor in visitors:
                visitor.join(timeout=options.seconds + 60)
            faults.join(timeout=options.seconds)
            duration = time.monotonic() - load.started
            print(f"Waiting up to {options.drain_seconds:g} s for the worker to send what is owed…", flush=True)
            drained = drain(stack, load.run_id, options.drain_seconds)
            memory.stopping = True
            counts, problems = check_inquiries(stack, load)
            lines, verdicts = report(options, load, windows, duration, counts, problems, memory.peak, stack, drained)
            for key, found in problems.items():
                if found and key != "stored without a thank-you":
                    print(f"  {key}: {', '.join(found[:20])}", file=sys.stderr)
    finally:
        if options.logs:
            options.logs.mkdir(parents=True, exist_ok=True)
            for log in scratch.glob("*.log"):
                shutil.copy(log, options.logs / log.name)
        shutil.rmtree(scratch, ignore_errors=True)
    print("\n".join(lines))
    if not options.no_write:
        replace_section(LOAD_HEADING, lines)
    if not all(passed for passed, _ in verdicts):
        sys.exit(1)


if __name__ == "__main__":
    main()
