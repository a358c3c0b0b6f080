"""`build.py edit`: the browser editor. The live preview (with Decap CMS at /admin/ and the
build's verdict beside each entry) and Decap's local proxy, decap-server, which reads and writes
the content files; both on 127.0.0.1 only, both stopped by one Ctrl+C.

With `--workflow` (or `workflow: true` in deploy/editor.yaml) entries go through review: each
is saved on its own branch `cms/<collection>/<slug>` and reaches main when published.
decap-server then runs in git mode on a clone of the project (editor/review_repo.py says why),
and what it does is copied to the project as it happens.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import webbrowser
from pathlib import Path
from types import FrameType

from ..common.folders import Folders
from ..common.messages import translate
from ..content.contenttypes import CONTENT_TYPES
from ..editor.admin import DECAP_DIST, Editor, routes
from ..editor.choices import current_choices
from ..editor.cms_config import DEFAULT_LANGUAGE, dump, hosted_config
from ..editor.review_repo import ReviewRepo, ReviewRepoError
from ..editor.settings import SETTINGS_FILE, SettingsError, read_settings
from .review_verdict import ReviewVerdicts
from .serve import HOST, serve

DECAP_SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
PROXY_LOG = Path(".cache") / "logs" / "decap-server.log"
EXIT_OK, EXIT_USAGE = 0, 2


def missing_tools(project: Path) -> list[str]:
    """What the editor needs that is not installed: node, and Decap from node_modules."""
    missing = [] if shutil.which("node") else ["node"]
    for needed in (DECAP_SERVER, DECAP_DIST / "decap-cms.js"):
        if not (project / needed).is_file():
            missing.append(needed.parts[0] + "/" + needed.parts[1])
    return missing


def free_port(wanted: int, lang: str) -> int:
    """`wanted` when nothing listens on it, else one the system picks (and says so)."""
    with socket.socket() as probe:
        try:
            probe.bind((HOST, wanted))
            return wanted
        except OSError:
            probe.bind((HOST, 0))
            port = int(probe.getsockname()[1])
    print(translate(f"port {wanted} is taken: using {port}", lang))
    return port


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the proxy is stopped by the kernel if this process dies without cleaning up."""
    import ctypes

    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start_proxy(
    project: Path, root: Path, port: int, repo: Path | None = None
) -> subprocess.Popen[bytes]:
    """decap-server on 127.0.0.1, its output in .cache/logs/: in file-system mode on `root`,
    or in git mode on the review clone `repo`."""
    log = root / PROXY_LOG
    log.parent.mkdir(parents=True, exist_ok=True)
    env = os.environ | {
        "PORT": str(port),
        "BIND_HOST": HOST,
        "MODE": "fs" if repo is None else "git",
        "GIT_REPO_DIRECTORY": str(repo or root),
    }
    with log.open("ab") as output:
        return subprocess.Popen(
            ["node", str(project / DECAP_SERVER)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl+C reaches us, and we stop it in order
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )


def wait_for(port: int, proxy: subprocess.Popen[bytes], seconds: float = 20) -> bool:
    """Whether the proxy listens on `port` within `seconds` (False at once if it stopped)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proxy.poll() is None:
        with socket.socket() as probe:
            if probe.connect_ex((HOST, port)) == 0:
                return True
        time.sleep(0.05)
    return False


def stop(proxy: subprocess.Popen[bytes]) -> None:
    if proxy.poll() is None:
        proxy.terminate()
        try:
            proxy.wait(5)
        except subprocess.TimeoutExpired:
            proxy.kill()
            proxy.wait()


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _error(message: str, lang: str) -> None:
    print(f"{translate('error', lang)}: {translate(message, lang)}", file=sys.stderr, flush=True)


def review_repo(root: Path, workflow: bool, lang: str) -> ReviewRepo | int | None:
    """The review clone when entries go through review (prepared), None when they do not, or
    the exit code when the settings or the project do not allow it (said why)."""
    try:
        if not (workflow or read_settings(root).workflow):
            return None
        repo = ReviewRepo(root)
        repo.prepare()
    except (SettingsError, ReviewRepoError) as exc:
        _error(str(exc), lang)
        return EXIT_USAGE
    return repo


def editor_config(folders: Folders, lang: str) -> int:
    """`build.py editor-config`: the configuration for the hosted editor that
    deploy/editor.yaml describes, on stdout, for IT to serve at /admin/config.yml."""
    try:
        settings = read_settings(folders.root)
    except SettingsError as exc:
        _error(str(exc), lang)
        return EXIT_USAGE
    if not settings.hosted:
        _error(f"{SETTINGS_FILE} names no git host: set backend.name to github or gitlab", lang)
        return EXIT_USAGE
    choices = current_choices(folders.content, CONTENT_TYPES, DEFAULT_LANGUAGE)
    print(dump(hosted_config(CONTENT_TYPES, settings, choices)), end="")
    return EXIT_OK


def follow(repo: ReviewRepo, editor: Editor, stopped: threading.Event) -> None:
    """Until `stopped`: copy decap-server's branches and publishing to the project, and give
    the editor the verdict on each review branch that moved."""
    verdicts = ReviewVerdicts(editor.folders, editor.types, editor.lang)
    changed = True  # the branches already under review when the editor starts
    while True:
        try:
            if changed:
                editor.review = verdicts.update(repo)
                editor.review_stamp = time.time_ns()
            if stopped.wait(0.25):
                return
            changed = repo.sync()
        except (ReviewRepoError, subprocess.CalledProcessError) as exc:
            _error(str(exc), editor.lang)
            changed = False


def edit(
    project: Path,
    folders: Folders,
    out: Path,
    ports: tuple[int, int],
    lang: str,
    open_browser: bool,
    workflow: bool = False,
) -> int:
    """Run the editor until Ctrl+C (or SIGTERM); returns the exit code. `workflow`: entries
    go through review, whatever deploy/editor.yaml says."""
    missing = missing_tools(project)
    if missing:
        for what in missing:
            _error(f"{what} is missing: run `make edit`, which installs it", lang)
        return EXIT_USAGE
    repo = review_repo(folders.root, workflow, lang)
    if isinstance(repo, int):
        return repo
    port = free_port(ports[0], lang)
    proxy_port = free_port(ports[1], lang)
    proxy = start_proxy(project, folders.root, proxy_port, repo.clone if repo else None)
    stopped = threading.Event()
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        if not wait_for(proxy_port, proxy):
            log = folders.root / PROXY_LOG
            line = translate(f"the editor's proxy (decap-server) did not start: see {log}", lang)
            print(f"{translate('error', lang)}: {line}", file=sys.stderr)
            return EXIT_USAGE
        address = f"http://{HOST}:{port}/admin/"
        print(translate(f"Editor: {address} (Ctrl+C stops it)", lang), flush=True)
        if open_browser:
            threading.Timer(1.0, webbrowser.open, [address]).start()
        content = folders.content.relative_to(folders.root).as_posix()
        branch = repo.branch if repo else None
        editor = Editor(folders, proxy_port, lang, content=content, workflow_branch=branch)
        if repo is not None:
            threading.Thread(target=follow, args=(repo, editor, stopped), daemon=True).start()
        serve(folders, out, port, lang, open_browser=False, routes=routes(editor, project))
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        stopped.set()
        stop(proxy)
        if repo is not None:  # what was done just before Ctrl+C
            try:
                repo.sync()
            except ReviewRepoError as exc:
                _error(str(exc), lang)
    return EXIT_OK
