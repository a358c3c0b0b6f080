"""Pictures of every page template at 360 and 1280 px in both languages, and of both handouts:
`.venv/bin/python tools/site_screenshots.py OUT` (builds nothing: run `make build` first).

Serves site/ on a free port, opens one page of each template in Debian's Chromium, and writes
full-page PNGs `OUT/<template>-<lang>-<width>.png`; each handout page becomes
`OUT/handout-<lang>-<page>.png` through poppler's pdftoppm. With `--sheets`, it also lays each
template's four pictures side by side in `OUT/sheets/<template>.jpg`, small enough for the repo.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright
from screenshots import CHROMIUM_FLAGS, free_port  # tools/screenshots.py, beside this one

PROJECT = Path(__file__).resolve().parent.parent
SITE = PROJECT / "site"
WIDTHS = (360, 1280)
# One page of each template: (template, Norwegian address, English address).
PAGES = (
    ("index", "/", "/en/"),
    ("method", "/metoden/", "/en/method/"),
    ("groups", "/malgrupper/", "/en/target-groups/"),
    ("group", "/malgrupper/unge-voksne/", "/en/target-groups/unge-voksne/"),
    ("stories", "/historier/", "/en/stories/"),
    ("story", "/historier/unge-voksne-bolig/", "/en/stories/a-place-to-live/"),
    ("awards", "/priser/", "/en/awards/"),
    ("results", "/resultater/", "/en/results/"),
    ("news", "/nyheter/", "/en/news/"),
    ("news_item", "/nyheter/world-government-summit/", "/en/news/world-government-summit/"),
    ("about", "/om/", "/en/about/"),
    ("page", "/tilgjengelighet/", "/en/accessibility/"),
    ("search", "/sok/?q=familie", "/en/search/?q=family"),
    ("404", "/finnes-ikke/", "/en/does-not-exist/"),
)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404 and (SITE / "404.html").exists():
            body = (SITE / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve() -> str:
    port = free_port()
    handler = functools.partial(Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}"


def pages(root: str, out: Path, pages_wanted: tuple[str, ...]) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS
        )
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 800})
            tab = context.new_page()
            for template, nb, en in PAGES:
                if pages_wanted and template not in pages_wanted:
                    continue
                for lang, address in (("nb", nb), ("en", en)):
                    tab.goto(root + address, wait_until="networkidle")
                    tab.wait_for_timeout(150)
                    tab.screenshot(path=str(out / f"{template}-{lang}-{width}.png"), full_page=True)
            context.close()
        browser.close()


def handouts(out: Path) -> None:
    for lang in ("nb", "en"):
        pdf = SITE / "handouts" / f"asker-velferdslab-{lang}.pdf"
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", str(pdf), str(out / f"handout-{lang}")], check=True
        )


GAP = 12  # px of grey between the pictures in a row


def row(images: list[Image.Image], height: int) -> Image.Image:
    """Pictures side by side on grey, each cut at `height`."""
    sheet = Image.new("RGB", (sum(im.width + GAP for im in images) - GAP, height), "#9aa0a6")
    x = 0
    for im in images:
        sheet.paste(im.crop((0, 0, im.width, min(im.height, height))), (x, 0))
        x += im.width + GAP
    return sheet


def sheets(out: Path) -> None:
    """Each template's four pictures in one row, scaled to 40 %, and each handout's pages in
    one row, as JPEG."""
    folder = out / "sheets"
    folder.mkdir(exist_ok=True)
    for template, _, _ in PAGES:
        names = [f"{template}-{lang}-{w}.png" for w in WIDTHS for lang in ("nb", "en")]
        if not all((out / name).exists() for name in names):
            continue
        images = [Image.open(out / name).convert("RGB") for name in names]
        images = [im.resize((int(im.width * 0.4), int(im.height * 0.4))) for im in images]
        height = min(max(im.height for im in images), 2400)
        row(images, height).save(folder / f"{template}.jpg", quality=72, optimize=True)
    for lang in ("nb", "en"):
        pages = [Image.open(p).convert("RGB") for p in sorted(out.glob(f"handout-{lang}-*.png"))]
        if pages:
            height = max(im.height for im in pages)
            row(pages, height).save(folder / f"handout-{lang}.jpg", quality=75, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", nargs="*", default=(), help="templates to take")
    parser.add_argument("--sheets", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pages(serve(), args.out, tuple(args.only))
    if not args.only:
        handouts(args.out)
    if args.sheets:
        sheets(args.out)


if __name__ == "__main__":
    main()
