# One app server on this host (included by default.vcl).
backend app {
    .host = "127.0.0.1";
    .port = "8000";
    # /healthz answers while the database does; while it fails, Varnish serves stale pages (grace).
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Only the app (and this host) may purge: the app sends PURGE on every content change.
acl purgers {
    "127.0.0.1";
    "::1";
}
