"""Real servers the reliability tests and `make load` start on free local ports: an SMTP server, a TCP proxy
they can cut, and a socket that accepts connections and never answers."""

import contextlib
import socket
import threading
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    """An SMTP server that refuses some recipients for good (550), puts others off (421) and keeps the rest."""

    def __init__(self, refused=(), busy=()):
        self.refused = set(refused)
        self.busy = set(busy)
        self.messages = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        if address in self.busy:
            return "421 4.7.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 Message accepted"

    def received_by(self, address):
        return [message for recipients, message in self.messages if address in recipients]

    def use_in(self, settings):
        """Point Django's real SMTP backend at this server."""
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = self.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 5

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


class TCPProxy:
    """Forwards a local port to a server; `stop()` drops every connection and refuses new ones until `start()`."""

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.sockets = set()
        self.lock = threading.Lock()

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self):
        listener, self.listener = self.listener, None
        if listener:
            # close() alone leaves a socket blocked in accept() listening; shutdown() wakes it.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self.lock:
            sockets, self.sockets = self.sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.sockets.update((client, upstream))
            pipes = [2]  # the pair is closed by whichever direction ends last
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink, pipes), daemon=True).start()

    def _pipe(self, source, sink, pipes):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            # Closed, not only shut down: a long run through the proxy would otherwise run out of descriptors.
            with self.lock:
                pipes[0] -= 1
                last = pipes[0] == 0
                if last:
                    self.sockets.difference_update((source, sink))
            if last:
                source.close()
                sink.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class SilentServer:
    """Accepts connections and never answers, like a database host that hangs."""

    def __init__(self):
        self.port = free_port()
        self.listener = socket.socket()
        self.held = []

    def __enter__(self):
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(connection)  # kept open, never read from or written to

    def __exit__(self, *exc):
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for connection in self.held:
            connection.close()
