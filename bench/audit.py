"""Grade the site's HTTP security with MDN's HTTP Observatory, as deployed: production settings behind TLS.

Run with `make audit` (as root: the scanner checks the redirect from port 80 to 443). It builds a
scratch copy of the demo site, serves it with gunicorn under the production settings behind Caddy
with a certificate from Caddy's own local authority (trusted only by this scan), scans
https://localhost/ with `@mdn/mdn-http-observatory` and writes the grade into bench/RESULTS.md.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import replace_section
from bench.run import BENCH, Gunicorn, scratch_site

SCANNER = BENCH / "node_modules" / "@mdn" / "mdn-http-observatory"
SECTION = "## Security headers (MDN HTTP Observatory)"
APP_PORT = 8621
CADDYFILE = """{{
	admin off
	skip_install_trust
	storage file_system {storage}
}}

localhost {{
	tls internal
	# Caddy sets X-Forwarded-Proto and X-Forwarded-For for the app; Django trusts only the former (base.py).
	reverse_proxy 127.0.0.1:{app_port}
}}
"""


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port}")


def scan(ca_certificate):
    """The scanner's JSON verdict on https://localhost/."""
    # The scanner reads the HSTS preload list from this file; a local host is on no list.
    (SCANNER / "conf" / "hsts-preload.json").write_text("{}")
    result = subprocess.run(
        ["node", str(SCANNER / "src" / "scan.js"), "localhost"],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(ca_certificate)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the scan failed: {result.stdout.strip()} {result.stderr.strip()}")
    return json.loads(result.stdout)


def write_results(report):
    summary = report["scan"]
    rows = [
        f"| {name} | {'pass' if test['pass'] else 'fail'} | {test['scoreModifier']:+d} | {test['result']} |"
        for name, test in sorted(report["tests"].items())
    ]
    replace_section(
        SECTION,
        [
            f"`make audit`, {time.strftime('%Y-%m-%d')}: production settings under gunicorn behind Caddy's TLS,",
            f"scanned by `@mdn/mdn-http-observatory`. **Grade {summary['grade']}, score {summary['score']}**,",
            f"{summary['testsPassed']} of {summary['testsQuantity']} tests passed.",
            "",
            "| Test | Result | Score | Detail |",
            "| --- | --- | --- | --- |",
            *rows,
        ],
    )


def main():
    if not (SCANNER / "src" / "scan.js").exists():
        sys.exit("The scanner is not installed: cd bench && npm ci --ignore-scripts")
    if not shutil.which("caddy"):
        sys.exit("Caddy is not installed (apt-get install caddy).")
    scratch = Path(tempfile.mkdtemp(prefix="ellemes-audit-"))
    caddy = server = None
    try:
        env = scratch_site(scratch)
        server = Gunicorn(env, cache=True, port=APP_PORT)
        caddyfile = scratch / "Caddyfile"
        caddyfile.write_text(CADDYFILE.format(storage=scratch / "caddy", app_port=APP_PORT))
        caddy = subprocess.Popen(
            ["caddy", "run", "--config", str(caddyfile), "--adapter", "caddyfile"],
            env={**os.environ, "HOME": str(scratch)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(443)
        report = scan(scratch / "caddy" / "pki" / "authorities" / "local" / "root.crt")
        write_results(report)
        print(f"HTTP Observatory: grade {report['scan']['grade']}, score {report['scan']['score']}")
        failed = [name for name, test in report["tests"].items() if not test["pass"]]
        if failed:
            print("Failed tests: " + ", ".join(sorted(failed)))
    finally:
        if caddy is not None:
            caddy.terminate()
            caddy.wait(timeout=20)
        if server is not None:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
