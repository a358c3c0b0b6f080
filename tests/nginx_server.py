"""A real nginx on 127.0.0.1 with one of the deploy/ files, for tests/test_deploy.py and the
browser tests of a site served under a path.

The deploy file is used as it is, except that it listens on a free port of 127.0.0.1 and its
`root` or `alias` points at the built site. Skips when nginx is missing, except under CI.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import free_port

NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def nginx_config(config: Path, site: Path, port: int, work: Path) -> str:
    """A complete nginx.conf around a deploy/ file, listening on 127.0.0.1:port only."""
    server = config.read_text(encoding="utf-8")
    server = re.sub(r"^\s*listen .*;$", "", server, flags=re.M)
    server = server.replace("server_name _;", f"listen 127.0.0.1:{port};\n    server_name _;")
    server = re.sub(r"^(\s*)root .*;$", rf"\1root {site};", server, count=1, flags=re.M)
    server = re.sub(r"^(\s*)alias .*;$", rf"\1alias {site}/;", server, count=1, flags=re.M)
    (work / "site.conf").write_text(server, encoding="utf-8")
    temp = " ".join(
        f"{kind}_temp_path {work / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
{"user root;" if os.geteuid() == 0 else ""}
load_module {BROTLI_MODULE};
worker_processes 1;
daemon off;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    {temp}
    include {work / "site.conf"};
}}
"""


@contextmanager
def running_nginx(config: Path, site: Path, work: Path) -> Iterator[int]:
    """nginx serving `site` with the deploy file `config` on a free port; yields the port."""
    if not Path(NGINX).is_file() or not BROTLI_MODULE.is_file():
        reason = "nginx is missing: apt-get install nginx libnginx-mod-http-brotli-static"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
        pytest.skip(reason)
    port = free_port()
    conf = work / "nginx.conf"
    conf.write_text(nginx_config(config, site, port, work), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-c", str(conf)], stderr=subprocess.PIPE)
    try:
        for _ in range(100):  # up to ten seconds for it to listen
            if process.poll() is not None:
                pytest.fail(
                    f"nginx stopped: {process.stderr.read().decode() if process.stderr else ''}"
                )
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
