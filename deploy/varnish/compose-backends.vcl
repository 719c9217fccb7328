# Every `web` replica of docker-compose (included by default.vcl in place of backends.vcl).
#
# Plain VCL backends resolve a name once, to one address, when the VCL loads; vmod_dynamic (shipped in
# the official varnish image) resolves "web" again every few seconds, to every replica's address, and
# spreads requests over those whose /healthz answers. `docker compose up --scale web=N` needs no reload.

import dynamic;

backend default none;

probe healthz {
    # "web" is in ALLOWED_HOSTS (docker-compose.yml); /healthz is exempt from the HTTPS redirect.
    .request = "GET /healthz HTTP/1.1"
        "Host: web"
        "User-Agent: varnish-probe"
        "Connection: close";
    # Three failures in five: a replica busy with a burst is not declared dead (see backends.vcl).
    .interval = 2s;
    .timeout = 4s;
    .window = 5;
    .threshold = 3;
}

# The app servers purge from the compose network's private addresses. Visitors reach Varnish only
# through Caddy, which answers PURGE and BAN itself (deploy/caddy/Caddyfile).
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_init {
    new web = dynamic.director(port = "8000", probe = healthz, ttl = 5s);
}

sub vcl_recv {
    set req.backend_hint = web.backend("web");
}
