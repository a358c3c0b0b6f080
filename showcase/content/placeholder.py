"""Whether the site's address is a placeholder: one that can never be the real, public site.

Domains reserved for examples and tests (RFC 2606, RFC 6761), the machine itself and private
networks lead nowhere for a reader. A site or handout published with such an address would send
people, and the QR code on paper that cannot be recalled, to a dead end, so publishing refuses it
and the handout prints a proof label in its place.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

# Names reserved for documentation and tests, and each of their subdomains.
RESERVED_DOMAINS = ("example.org", "example.com", "example.net", "localhost")
# Top-level names that never resolve on the public internet.
RESERVED_TOP_LEVEL = ("example", "test", "invalid", "localhost")


def host_of(url: str) -> str:
    """The host of an address, lower case, without port, brackets or a trailing dot."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""
    return host.lower().rstrip(".")


def is_placeholder(url: str) -> bool:
    """True when `url` cannot be the public site: no host, a reserved domain, or an IP address
    that is not a public one (loopback, private, link-local, reserved)."""
    host = host_of(url)
    if not host:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        labels = host.split(".")
        if labels[-1] in RESERVED_TOP_LEVEL:
            return True
        return any(host == name or host.endswith(f".{name}") for name in RESERVED_DOMAINS)
    return not address.is_global
