"""HTTP headers for the host: `site/_headers` in the Netlify/Cloudflare Pages format.

The same policy is mirrored in deploy/nginx.conf for a plain web server. The policy allows
nothing from other sites, no inline script or style, no framing, and no browser features.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",  # Pagefind's search runs as WebAssembly
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), interest-cohort=(), "
        "magnetometer=(), microphone=(), payment=(), usb=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"


def headers_file(noindex: bool = False) -> bytes:
    """Every page gets the security headers; fingerprinted assets are cached for a year.
    `noindex`: a review build, which no search engine may index, whatever it finds."""
    lines = ["/*"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    lines += ["  X-Robots-Tag: noindex, nofollow"] if noindex else []
    lines += [f"  Cache-Control: {REVALIDATE}", "", "/assets/*", f"  Cache-Control: {IMMUTABLE}"]
    return ("\n".join(lines) + "\n").encode()
