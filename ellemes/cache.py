"""Django's Redis cache, answering as an empty cache while Redis cannot be reached.

Every cache here is an optimisation (pages, fragments) or a soft limit (inquiry and reset rate limits):
while Redis is down pages are rendered from the database and limits are not counted, instead of every
request failing with a 500. A warning is logged at most once a minute per process.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis import RedisError

logger = logging.getLogger(__name__)
WARNING_INTERVAL = 60


def _miss_on_error(name, answer):
    method = getattr(RedisCache, name)

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            self.warn(error)
            return answer(*args, **kwargs)

    wrapper.__name__ = name
    return wrapper


def _not_found(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # what incr() says about a key an empty cache does not hold


class FailSoftRedisCache(RedisCache):
    """A Redis cache that counts an unreachable server as a miss, and a write to it as not kept."""

    last_warning = 0.0

    def warn(self, error):
        now = time.monotonic()
        if now - FailSoftRedisCache.last_warning >= WARNING_INTERVAL:
            FailSoftRedisCache.last_warning = now
            logger.warning("Redis cache unavailable, serving without it: %s", error)

    get = _miss_on_error("get", lambda key, default=None, version=None: default)
    get_many = _miss_on_error("get_many", lambda keys, version=None: {})
    has_key = _miss_on_error("has_key", lambda *args, **kwargs: False)
    add = _miss_on_error("add", lambda *args, **kwargs: False)
    set = _miss_on_error("set", lambda *args, **kwargs: None)
    set_many = _miss_on_error("set_many", lambda data, *args, **kwargs: list(data))
    touch = _miss_on_error("touch", lambda *args, **kwargs: False)
    delete = _miss_on_error("delete", lambda *args, **kwargs: False)
    delete_many = _miss_on_error("delete_many", lambda *args, **kwargs: None)
    incr = _miss_on_error("incr", _not_found)
    clear = _miss_on_error("clear", lambda: False)
