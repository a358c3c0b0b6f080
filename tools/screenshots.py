"""The editing guide's pictures of the browser editor, taken again: `.venv/bin/python
tools/screenshots.py` (about 30 seconds; not part of the test suite).

Runs `build.py edit` on a git copy of content/ and templates/ in a temporary folder, drives
Decap CMS in Debian's Chromium at 1280 × 800 and writes into docs/bilder/:

- redigering-samlinger.png: the collection list (stories);
- redigering-vurdering.png: a story being edited, the build's verdict showing an error;
- redigering-arbeidsflyt.png: the editorial workflow's board, an entry in each state.

Each PNG is reduced to a palette and optimised with Pillow, to stay well under 150 kB.
"""

from __future__ import annotations

import io
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
PICTURES = PROJECT / "docs" / "bilder"
VIEWPORT = {"width": 1280, "height": 800}
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
IDENTITY = ["-c", "user.name=Skjermbilder", "-c", "user.email=skjermbilder@localhost"]
# The board's three entries: (story copied, its title on the board, Decap's state).
UNDER_REVIEW = (
    ("levekar-okonomi", "Ny plan for økonomien", "draft"),
    ("unge-voksne-bolig", "Egen bolig etter et halvt år", "pending_review"),
    ("unge-voksne-jobb", "Fra kurs til fast jobb", "pending_publish"),
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *IDENTITY, *args], check=True, capture_output=True)


def project_copy(folder: Path, review: bool) -> Path:
    """content/ and templates/ in a new git repository; with `review`, three stories on review
    branches, as Decap's editorial workflow leaves them."""
    root = folder / ("review" if review else "simple")
    for name in ("content", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    (root / ".gitignore").write_text("/.cache/\n/site/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The content")
    for source, title, state in UNDER_REVIEW if review else ():
        slug = title.lower().replace(" ", "-").replace("ø", "o").replace("å", "a")
        branch = f"cms/cases/{slug}"
        git(root, "checkout", "-q", "-b", branch)
        for lang in ("nb", "en"):
            text = (root / "content" / "cases" / f"{source}.{lang}.md").read_text("utf-8")
            first, _, rest = text.partition("\ntitle: ")
            rest = rest.split("\n", 1)[1]
            new = f"{first}\ntitle: {title}\n{rest}".replace("status: published", "status: draft")
            (root / "content" / "cases" / f"{slug}.{lang}.md").write_text(new, "utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"Create {slug}")
        git(root, "checkout", "-q", "main")
        git(root, "config", f"branch.{branch}.description", f"decap-cms/{state}")
    return root


@contextmanager
def editor(root: Path, review: bool) -> Iterator[str]:
    port, proxy = free_port(), free_port()
    command = [sys.executable, str(PROJECT / "build.py"), "edit", "--no-browser", "--lang", "nb"]
    command += ["--content", str(root / "content"), "--port", str(port)]
    command += ["--proxy-port", str(proxy)] + (["--workflow"] if review else [])
    log = (root.parent / f"{root.name}.log").open("wb")
    process = subprocess.Popen(command, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(base + "/_verdict.json", timeout=2) as answer:
                    if json.load(answer).get("built_at"):
                        break
            except OSError:
                pass
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(20)


def save_small(png: bytes, name: str) -> int:
    """The screenshot as a 128-colour palette PNG, optimised; returns its size in bytes."""
    with Image.open(io.BytesIO(png)) as shot:
        small = shot.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    PICTURES.mkdir(parents=True, exist_ok=True)
    small.save(PICTURES / name, optimize=True)
    return (PICTURES / name).stat().st_size


def log_in(page: Any, base: str) -> None:
    page.goto(base + "/admin/")
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_text("Innhold", exact=True).first.wait_for(timeout=30_000)


def settled(page: Any) -> bytes:
    """The screenshot once Decap's loading bar is gone and no card shows its hover buttons.
    Decap's «＋ Historie» uses a fullwidth plus, which this machine's fonts may lack: drawn as
    the plain plus every staff computer shows there."""
    page.mouse.move(VIEWPORT["width"] - 1, VIEWPORT["height"] - 1)
    page.wait_for_timeout(1000)
    page.evaluate(
        "for (const a of document.querySelectorAll('a')) "
        "if (a.textContent.startsWith('\\uff0b')) a.textContent = '+' + a.textContent.slice(1)"
    )
    return bytes(page.screenshot())


def take(page: Any, base: str, review: bool) -> dict[str, bytes]:
    """The screenshots of one editor: the simple one's, or the one with review's."""
    if not review:
        log_in(page, base)
        page.goto(base + "/admin/#/collections/cases")
        page.get_by_text("Færre møter og en ny start på skolen").wait_for()
        shots = {"redigering-samlinger.png": settled(page)}
        page.goto(base + "/admin/#/collections/cases/entries/levekar-skole")
        description = page.get_by_label("Beskrivelse", exact=True).first
        description.fill("En barnefamilie fikk hjelp. Ring 912 34 567 for mer.")
        page.get_by_role("button", name="Publiser").first.click()
        page.get_by_text("Publiser nå", exact=True).click()
        panel = page.get_by_role("complementary", name="Byggets vurdering")
        panel.get_by_text("Feltet «Beskrivelse»").wait_for(timeout=15_000)
        shots["redigering-vurdering.png"] = settled(page)
        return shots
    log_in(page, base)
    page.goto(base + "/admin/#/workflow")
    for _source, title, _state in UNDER_REVIEW:
        page.get_by_text(title).wait_for(timeout=15_000)
    return {"redigering-arbeidsflyt.png": settled(page)}


def main() -> int:
    started = time.monotonic()
    sizes: dict[str, int] = {}
    chromium = shutil.which("chromium")
    with tempfile.TemporaryDirectory(prefix="showcase-shots-") as scratch, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        for review in (False, True):
            root = project_copy(Path(scratch), review)
            with editor(root, review) as base:
                context = browser.new_context(viewport=VIEWPORT)
                page = context.new_page()
                page.set_default_timeout(10_000)
                for name, shot in take(page, base, review).items():
                    sizes[name] = save_small(shot, name)
                context.close()
        browser.close()
    for name, size in sizes.items():
        print(f"docs/bilder/{name}: {size / 1000:.0f} kB")
    print(f"{time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
