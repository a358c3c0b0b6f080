"""The browser editor end to end: `build.py edit` on a copy of the project, Decap CMS in Debian's
Chromium, a story opened and saved, and the build's verdict shown beside it within seconds.
Nothing the editor loads or sends may leave 127.0.0.1."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import NODE_MODULES, PROJECT, unavailable

CASE = "levekar-skole"


@dataclass(frozen=True)
class Running:
    base: str
    root: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return bytes(response.read())


def wait_until(check: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what}")


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Running]:
    """`build.py edit --no-browser` on free ports, on a git copy of content/ and templates/."""
    with running_editor(tmp_path) as running:
        yield running


@contextlib.contextmanager
def running_editor(tmp_path: Path, workflow: bool = False) -> Iterator[Running]:
    """`build.py edit` on a copy of the project in a new git repository; with `workflow`,
    the copy is committed on main and entries go through review (`--workflow`)."""
    if not shutil.which("node"):
        unavailable("node is missing: install Debian's nodejs (make edit does)")
    for needed in ("decap-cms/dist/decap-cms.js", "decap-server/dist/index.js"):
        if not (NODE_MODULES / needed).is_file():
            unavailable(f"node_modules/{needed} is missing: run `make edit` (npm ci)")
    root = tmp_path / "project"
    for folder in ("content", "templates"):
        shutil.copytree(PROJECT / folder, root / folder)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    port, proxy = free_port(), free_port()
    command = [sys.executable, str(PROJECT / "build.py"), "edit", "--no-browser"]
    command += ["--content", str(root / "content"), "--port", str(port)]
    command += ["--proxy-port", str(proxy), "--lang", "nb"]
    if workflow:
        (root / ".gitignore").write_text("/.cache/\n/site/\n", encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "The content as it is")
        command.append("--workflow")
    log = tmp_path / "edit.log"  # a file, not a pipe nobody reads until the end
    process = subprocess.Popen(
        command, cwd=PROJECT, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: fetch(base + "/admin/config.yml"), 60, "the editor to start")
        wait_until(
            lambda: json.loads(fetch(base + "/_verdict.json"))["built_at"],
            60,
            "the first preview build's verdict",
        )
        yield Running(base, root)
    finally:
        process.terminate()
        process.wait(timeout=20)
        output = log.read_text(encoding="utf-8", errors="replace")
        print(output[-2000:])
    assert process.returncode == 0, output
    assert not _proxy_listens(proxy), "decap-server outlived `build.py edit`"


def git(root: Path, *args: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@localhost"]
    done = subprocess.run(
        ["git", "-C", str(root), *identity, *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def _proxy_listens(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def save(page: Any) -> float:
    """Decap's simple publish flow: «Publiser» then «Publiser nå»; returns when it was clicked."""
    page.get_by_role("button", name="Publiser").first.click()
    clicked = time.monotonic()
    page.get_by_text("Publiser nå", exact=True).click()
    return clicked


def test_editing_a_story_shows_the_builds_verdict_beside_it(editor: Running, page: Any) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(editor.base + "/admin/")
    assert page.locator("html").get_attribute("lang") == "nb"
    page.get_by_role("button", name="Logg inn").click()  # the local proxy asks no password
    page.get_by_text("Innhold", exact=True).first.wait_for(timeout=30_000)
    for collection in ("Sider", "Historier", "Nyheter", "Målgrupper", "Innstillinger"):
        assert page.get_by_role("link", name=collection).first.is_visible()

    page.goto(f"{editor.base}/admin/#/collections/cases/entries/{CASE}")
    panel = page.get_by_role("complementary", name="Byggets vurdering")
    status = panel.get_by_role("status")
    status.filter(has_text="Ingen feil eller advarsler").wait_for(timeout=15_000)

    description = page.get_by_label("Beskrivelse", exact=True).first
    description.fill("En barnefamilie fikk hjelp. Ring 912 34 567 for mer.")
    clicked = save(page)
    panel.get_by_text("Feltet «Beskrivelse»").wait_for(timeout=10_000)
    to_verdict = time.monotonic() - clicked
    assert "telefonnummer" in panel.inner_text()
    assert "1 feil" in status.inner_text()

    description.select_text()  # Decap's field keeps its text through fill() after a save
    description.fill("En barnefamilie fikk skole og NAV til å jobbe sammen om én plan.")
    clicked = save(page)
    status.filter(has_text="Ingen feil eller advarsler").wait_for(timeout=10_000)
    to_clean = time.monotonic() - clicked
    address = panel.get_by_role("link").first.get_attribute("href")
    assert address.startswith("/historier/")
    wait_until(
        lambda: "jobbe sammen om én plan" in fetch(editor.base + address).decode(),
        10,
        "the preview to serve the saved page",
    )
    to_page = time.monotonic() - clicked
    print(
        f"save → verdict with the error {to_verdict:.2f} s; save → clean verdict "
        f"{to_clean:.2f} s; save → preview page updated {to_page:.2f} s"
    )
    saved = (editor.root / "content" / "cases" / f"{CASE}.nb.md").read_text(encoding="utf-8")
    assert "jobbe sammen om én plan." in saved
    elsewhere = [url for url in requests if urlsplit(url).hostname not in ("127.0.0.1", None)]
    assert elsewhere == [], "the editor reached another host"


NEW_TITLE = {"nb": "Ny hverdag for familie K", "en": "A new everyday life for family K"}
NEW_SLUG = "ny-hverdag-for-familie-k"
PHOTO = "Møte i Asker.JPG"  # what a camera or a phone might call it
PHOTO_ADDRESS = "mote-i-asker.jpg"
GPS_IFD = 0x8825


def photo_with_gps(folder: Path) -> Path:
    """A JPEG as a phone saves it: with the place it was taken in its EXIF GPS block."""
    from PIL import Image

    exif = Image.Exif()
    exif[GPS_IFD] = {1: "N", 2: (59.0, 50.0, 0.0), 3: "E", 4: (10.0, 26.0, 0.0)}
    path = folder / PHOTO
    Image.new("RGB", (800, 500), (40, 120, 90)).save(path, "JPEG", exif=exif.tobytes())
    with Image.open(path) as saved:
        assert saved.getexif().get_ifd(GPS_IFD), "the test photo must carry a position"
    return path


def gps_of(data: bytes) -> dict[int, Any]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif().get_ifd(GPS_IFD))


def choose(page: Any, label: str, option: str) -> None:
    """A select: open it by its label (the Norwegian pane's) and click the option."""
    page.get_by_label(label, exact=True).first.click()
    page.get_by_role("option", name=option, exact=True).click()


def add_to_list(page: Any, pane: int, button: str, text: str) -> None:
    """«Add …» under a list, in the Norwegian (0) or English (1) pane, then type the line."""
    add = page.get_by_role("button", name=button, exact=True)
    listed = page.locator("[aria-label='list field']").filter(has=add).nth(pane)
    listed.get_by_role("button", name=button, exact=True).click()
    listed.locator("input[type=text]").last.fill(text)


def insert_photo(page: Any, pane: int, paragraph: str, alt: str, photo: Path | None) -> None:
    """The body: a paragraph, then Decap's image component with the photo (uploaded through
    its media library the first time, chosen from it the second) and its alt text."""
    page.locator("[data-slate-editor=true]").nth(pane).click()
    page.keyboard.type(paragraph)
    page.keyboard.press("Enter")
    page.get_by_title("Add Component").nth(pane).click()
    page.get_by_role("menuitem", name="Image").click()
    page.get_by_role("button", name="Velg et bilde").click()
    if photo is not None:
        with page.expect_file_chooser() as chooser:
            page.get_by_text("Last opp", exact=True).click()
        chooser.value.set_files(str(photo))  # Decap marks the file it just uploaded
    else:
        page.get_by_text(PHOTO_ADDRESS, exact=True).click()
    page.get_by_role("button", name="Velg markert").click()
    page.get_by_label("Alt Text").last.fill(alt)


def test_opening_a_story_leaves_it_unchanged(editor: Running, page: Any) -> None:
    """Decap marks an entry unsaved when a widget changes its value on load; the story's
    choices are selects (editor/choices.py), so opening one changes nothing."""
    page.goto(editor.base + "/admin/")
    page.get_by_role("button", name="Logg inn").click()
    page.goto(f"{editor.base}/admin/#/collections/cases/entries/{CASE}")
    panel = page.get_by_role("complementary", name="Byggets vurdering")
    panel.get_by_role("status").filter(has_text="Ingen feil").wait_for(timeout=15_000)
    page.get_by_text("Barnefamilier med vanskelige levekår").first.wait_for(timeout=15_000)
    page.wait_for_timeout(1500)  # a widget's load-time change would have landed by now
    assert page.get_by_text("Endringer lagret", exact=False).first.is_visible()
    assert page.get_by_text("Ulagrede endringer", exact=False).count() == 0


def test_a_new_story_with_a_photo_in_both_languages_is_built_and_served(
    editor: Running, page: Any, tmp_path: Path
) -> None:
    """Issue 14's acceptance: a new story written in the browser, in Norwegian and English, with
    a phone photo, passes `check`, shows in the preview in both languages, and the photo is
    published without the position it was taken at."""
    photo = photo_with_gps(tmp_path)
    page.set_default_timeout(10_000)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(editor.base + "/admin/")
    page.get_by_role("button", name="Logg inn").click()
    page.goto(f"{editor.base}/admin/#/collections/cases/new")
    page.get_by_role("button", name="Publiser").first.wait_for(timeout=30_000)

    for pane, lang in enumerate(("nb", "en")):
        page.get_by_label("Tittel", exact=True).nth(pane).fill(NEW_TITLE[lang])
    description = {
        "nb": "En familie fikk skole og NAV til å lage én plan sammen.",
        "en": "A family got the school and NAV to make one plan together.",
    }
    for pane, lang in enumerate(("nb", "en")):
        page.get_by_label("Beskrivelse", exact=True).nth(pane).fill(description[lang])
        page.get_by_label("Oppdiktet navn", exact=True).nth(pane).fill(
            {"nb": "Familie K", "en": "Family K"}[lang]
        )
    choose(page, "Målgruppe", "Barnefamilier med vanskelige levekår")
    choose(page, "Tjenester rundt bordet", "Skole")
    choose(page, "Tjenester rundt bordet", "NAV")
    choose(page, "Nå", "baerekraftig")
    goals = {
        "nb": ("Faste rutiner", "Arbeid for forelderen", "Én kontaktperson"),
        "en": ("Regular routines", "Work for the parent", "One contact person"),
    }
    for pane, lang in enumerate(("nb", "en")):
        short, long, measure = goals[lang]
        add_to_list(page, pane, "Add på kort sikt", short)
        add_to_list(page, pane, "Add på lang sikt", long)
        add_to_list(page, pane, "Add tiltak", measure)
    page.get_by_label("Samtykke (referanse)", exact=True).first.fill("SAMTYKKE-2026-07")
    insert_photo(page, 0, "Familien fikk én plan.", "Et møtebord med kaffekopper", photo)
    insert_photo(page, 1, "The family got one plan.", "A meeting table with coffee cups", None)

    clicked = save(page)
    panel = page.get_by_role("complementary", name="Byggets vurdering")
    link = panel.get_by_role("link", name=f"/historier/{NEW_SLUG}/")
    link.wait_for(timeout=15_000)
    to_verdict = time.monotonic() - clicked
    assert "0 feil" in panel.inner_text() or "Ingen feil" in panel.inner_text()
    pages = {"nb": f"/historier/{NEW_SLUG}/", "en": f"/en/stories/{NEW_SLUG}/"}
    wait_until(
        lambda: all(NEW_TITLE[lang] in fetch(editor.base + pages[lang]).decode() for lang in pages),
        15,
        "the preview to serve the new story in both languages",
    )
    to_page = time.monotonic() - clicked
    print(f"new story: save → verdict shown {to_verdict:.2f} s; save → both pages {to_page:.2f} s")

    content = editor.root / "content"
    images = sorted(p.name for p in (content / "images").iterdir())
    assert images == [PHOTO_ADDRESS], "the upload keeps a lower-case name without spaces"
    assert gps_of((content / "images" / PHOTO_ADDRESS).read_bytes()), "the upload is as taken"
    for lang, alt in (("nb", "Et møtebord med kaffekopper"), ("en", "A meeting table")):
        written = (content / "cases" / f"{NEW_SLUG}.{lang}.md").read_text(encoding="utf-8")
        assert f"![{alt}" in written and f"(/images/{PHOTO_ADDRESS}" in written
        assert "group: levekar" in written and "- skole" in written and "- nav" in written
        assert f"title: {NEW_TITLE[lang]}" in written and "after: baerekraftig" in written
        served = fetch(editor.base + pages[lang]).decode()
        assert f'alt="{alt}' in served and "<picture" in served
    assert gps_of(fetch(f"{editor.base}/images/{PHOTO_ADDRESS}")) == {}, "published with GPS"

    check = subprocess.run(
        [sys.executable, str(PROJECT / "build.py"), "check", "--content", str(content)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    elsewhere = [url for url in requests if urlsplit(url).hostname not in ("127.0.0.1", None)]
    assert elsewhere == [], "the editor reached another host"
