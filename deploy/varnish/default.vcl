# Varnish in front of the site: it keeps anonymous GET pages as long as the app's s-maxage says (never
# past the next change by the calendar) and drops them when the app purges on publish.
# Where the app servers are, and who may purge, is in backends.vcl next to this file: one app server on
# 127.0.0.1:8000 (see README, "The edge": varnishd -f deploy/varnish/default.vcl -a :80 -s malloc,256m).
# docker-compose mounts compose-backends.vcl in its place: every `web` replica, found by DNS.
vcl 4.1;

include "./backends.vcl";

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A purge of a path drops it and everything under it, with any query string: purging the
        # site root clears everything, as the app does on every change. The host is not compared:
        # the app names pages by its canonical address, which may differ from the Host visitors send.
        ban("obj.http.x-url ~ ^" + regsuball(req.url, "[.*+?^${}()|\[\]\\]", "\\\0"));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)" || req.url ~ "^/(healthz|readyz)") {
        return (pass);
    }
    # Signed-in staff, and anyone the app gave a session, always reach the app.
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?sessionid=") {
        return (pass);
    }
    # Every other cookie (csrftoken, analytics) is irrelevant to a cached page: cached pages hold no token.
    unset req.http.Cookie;
    # Tracking parameters do not change the page: strip them so they share one cached copy.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|gclid|gclsrc|fbclid|msclkid|mc_[a-z]+|_ga|_gl)=[^&]*", "\1");
    set req.url = regsuball(req.url, "[?&]+$", "");
    set req.url = regsub(req.url, "\?&+", "?");
    set req.url = regsuball(req.url, "&&+", "&");
    return (hash);
}

sub vcl_backend_response {
    # Remember each object's address, so bans can match it in the background (ban lurker).
    set beresp.http.x-url = bereq.url;
    # Keep serving a page for a minute past its lifetime while the app is down or slow.
    set beresp.grace = 1m;
    # What the app does not mark public (forms, search, errors, staff) is never kept.
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_backend_error {
    # An app server that died mid-request, or refused the connection before its probe noticed: a GET or
    # HEAD is tried again, on the next app server (twice, since other requests move the round-robin on
    # in between). Anything else is never sent twice.
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    # The hit or miss a visitor sees is the edge's.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    # A kept page carries the id of the request that rendered it: answer with this request's own id
    # (the TLS proxy's), or none.
    if (req.http.X-Request-ID) {
        set resp.http.X-Request-ID = req.http.X-Request-ID;
    } elsif (obj.hits > 0) {
        unset resp.http.X-Request-ID;
    }
    unset resp.http.x-url;
}
