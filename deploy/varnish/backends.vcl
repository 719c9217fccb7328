# One app server on this host (included by default.vcl).
backend app {
    .host = "127.0.0.1";
    .port = "8000";
    # /healthz answers while the database does; while it fails, Varnish serves stale pages (grace).
    # Three failures in five probes: a server busy with a burst (its workers all taken) is not declared
    # dead, while a dead one refuses at once and Varnish retries its GETs elsewhere meanwhile.
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 4s;
        .window = 5;
        .threshold = 3;
    }
}

# Only the app (and this host) may purge: the app sends PURGE on every content change.
acl purgers {
    "127.0.0.1";
    "::1";
}
