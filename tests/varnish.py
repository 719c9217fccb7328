"""A real Varnish with the project's edge configuration in front of app servers on local ports, for the edge
and topology tests and `make bench`: deploy/varnish/default.vcl as it is, with a backends.vcl naming those
ports (a round-robin director over them when there are several, each with the /healthz probe)."""

import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)

PROBE = """    .probe = {
        .url = "/healthz";
        .interval = %s;
        .timeout = 4s;
        .window = 5;
        .threshold = 3;
    }"""


def backends_vcl(app_ports, probe_interval="2s"):
    """backends.vcl for app servers on 127.0.0.1 at `app_ports`; only this host may purge."""
    lines = ["import directors;", ""]
    for number, port in enumerate(app_ports):
        lines += [f"backend app{number} {{", '    .host = "127.0.0.1";', f'    .port = "{port}";']
        lines += [PROBE % probe_interval, "}", ""]
    lines += ['acl purgers {\n    "127.0.0.1";\n    "::1";\n}', ""]
    lines += ["sub vcl_init {", "    new apps = directors.round_robin();"]
    lines += [f"    apps.add_backend(app{number});" for number in range(len(app_ports))]
    lines += ["}", "", "sub vcl_recv {", "    set req.backend_hint = apps.backend();", "}", ""]
    return "\n".join(lines)


def write_vcl(directory, app_ports, probe_interval="2s"):
    """The project's default.vcl and a backends.vcl for `app_ports` in `directory`; returns default.vcl's path."""
    directory = Path(directory)
    shutil.copy(ROOT / "deploy" / "varnish" / "default.vcl", directory / "default.vcl")
    (directory / "backends.vcl").write_text(backends_vcl(app_ports, probe_interval))
    return directory / "default.vcl"


class Varnish:
    """varnishd in the foreground on `port`, stopped by its own process id."""

    def __init__(self, app_ports, port=None, probe_interval="2s"):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # Varnish's worker drops root privileges, so its files live in a directory anyone may read.
        self.directory = Path(tempfile.mkdtemp(prefix="edge-varnish-"))
        self.directory.chmod(0o755)
        vcl = write_vcl(self.directory, app_ports, probe_interval)
        self.admin_port = free_port()
        command = [VARNISHD, "-F", "-n", str(self.directory / "state"), "-f", str(vcl)]
        command += ["-a", f"127.0.0.1:{self.port}", "-T", f"127.0.0.1:{self.admin_port}", "-s", "malloc,64m"]
        command += ["-p", "ban_lurker_sleep=0.01"]
        self.log = self.directory / "varnish.log"
        self.process = subprocess.Popen(command, stdout=open(self.log, "w"), stderr=subprocess.STDOUT)  # noqa: S603, SIM115

    def wait(self, path="/healthz", seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + path, timeout=2)  # noqa: S310 - a local server
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"Varnish did not answer: {self.log.read_text()[-2000:] if self.log.exists() else ''}")

    def backend_health(self):
        """`varnishadm backend.list` as text: which backends the probes call healthy."""
        varnishadm = shutil.which("varnishadm") or "/usr/bin/varnishadm"
        result = subprocess.run(  # noqa: S603
            [varnishadm, "-n", str(self.directory / "state"), "backend.list"], capture_output=True, text=True
        )
        return result.stdout

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.directory, ignore_errors=True)
