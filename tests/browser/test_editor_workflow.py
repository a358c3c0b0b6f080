"""Review before publishing (issue 15): `build.py edit --workflow` on a git copy of the project.
A story saved in the editor is a draft on its own branch `cms/cases/<slug>`, not on main; it is
moved through Decap's states, published, and then merged into main, whose build shows its page.
The preview, which follows main's working tree, never builds from the review branch."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import PROJECT
from .test_editor import Running, add_to_list, choose, fetch, git, running_editor, wait_until

SLUG = "familie-m-far-en-plan"
BRANCH = f"cms/cases/{SLUG}"
TITLE = {"nb": "Familie M får en plan", "en": "Family M gets a plan"}


@pytest.fixture
def reviewed(tmp_path: Path) -> Iterator[Running]:
    with running_editor(tmp_path, workflow=True) as running:
        yield running


def branches(root: Path) -> list[str]:
    return git(root, "branch", "--format=%(refname:short)").split()


def state(root: Path) -> str:
    """Decap's state of the entry under review, which decap-server keeps in git's config."""
    done = subprocess.run(
        ["git", "-C", str(root), "config", f"branch.{BRANCH}.description"],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def write_story(page: Any) -> None:
    page.goto(page.url.split("#")[0] + "#/collections/cases/new")
    for pane, lang in enumerate(("nb", "en")):
        page.get_by_label("Tittel", exact=True).nth(pane).fill(TITLE[lang])
        page.get_by_label("Beskrivelse", exact=True).nth(pane).fill(f"{TITLE[lang]}.")
        page.get_by_label("Oppdiktet navn", exact=True).nth(pane).fill(
            {"nb": "Familie M", "en": "Family M"}[lang]
        )
        add_to_list(page, pane, "Add på kort sikt", {"nb": "Ro", "en": "Calm"}[lang])
        add_to_list(page, pane, "Add på lang sikt", {"nb": "Arbeid", "en": "Work"}[lang])
        add_to_list(page, pane, "Add tiltak", {"nb": "Ett møte", "en": "One meeting"}[lang])
        page.locator("[data-slate-editor=true]").nth(pane).click()
        page.keyboard.type({"nb": "Familien fikk én plan.", "en": "The family got one plan."}[lang])
        page.get_by_label("Status", exact=True).nth(pane).click()  # the story's own field
        page.get_by_role("option", name="published", exact=True).click()
    choose(page, "Målgruppe", "Barnefamilier med vanskelige levekår")
    choose(page, "Tjenester rundt bordet", "NAV")
    page.get_by_label("Samtykke (referanse)", exact=True).first.fill("SAMTYKKE-2026-08")


def move_to(page: Any, now: str, then: str) -> None:
    """Decap's status menu in the entry: «Status: <now>» → <then>."""
    page.get_by_role("button", name=f"Status: {now}").click()
    page.get_by_role("menuitem", name=then, exact=True).click()
    page.get_by_role("button", name=f"Status: {then}").wait_for()


def test_a_story_is_reviewed_on_its_branch_and_published_into_main(
    reviewed: Running, page: Any
) -> None:
    root = reviewed.root
    main_before = git(root, "rev-parse", "main").strip()
    page.set_default_timeout(10_000)
    page.on("dialog", lambda dialog: dialog.accept())  # «Er du sikker på at du vil publisere?»
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(reviewed.base + "/admin/")
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_role("link", name="Arbeidsflyt").wait_for(timeout=30_000)

    write_story(page)
    page.get_by_role("button", name="Lagre", exact=True).click()
    page.get_by_role("button", name="Status: Kladd").wait_for()
    wait_until(lambda: BRANCH in branches(root), 10, "the review branch in the project")
    draft = git(root, "show", f"{BRANCH}:content/cases/{SLUG}.nb.md")
    assert f"title: {TITLE['nb']}" in draft and "status: published" in draft
    assert git(root, "rev-parse", "main").strip() == main_before, "a draft reached main"
    assert not (root / "content" / "cases" / f"{SLUG}.nb.md").exists()
    assert git(root, "status", "--porcelain") == "", "the project's working tree was touched"
    assert state(root) == "decap-cms/draft"
    panel = page.get_by_role("complementary", name="Byggets vurdering")
    panel.get_by_text(f"grenen {BRANCH}").wait_for(timeout=15_000)
    assert "Ingen feil eller advarsler" in panel.inner_text()

    move_to(page, "Kladd", "Til godkjenning")
    wait_until(lambda: state(root) == "decap-cms/pending_review", 10, "«Til godkjenning»")
    move_to(page, "Til godkjenning", "Klar")
    wait_until(lambda: state(root) == "decap-cms/pending_publish", 10, "«Klar»")
    page.goto(reviewed.base + "/admin/#/workflow")
    board = page.get_by_text(TITLE["nb"])
    board.wait_for()

    page.goto(f"{reviewed.base}/admin/#/collections/cases/entries/{SLUG}")
    clicked_at = time.monotonic()
    page.get_by_role("button", name="Publiser", exact=True).click()
    page.get_by_role("menuitem", name="Publiser nå").click()
    wait_until(lambda: BRANCH not in branches(root), 10, "the branch to be merged and deleted")
    published = git(root, "show", f"main:content/cases/{SLUG}.en.md")
    assert f"title: {TITLE['en']}" in published
    assert git(root, "merge-base", "--is-ancestor", main_before, "main") == ""
    assert git(root, "status", "--porcelain") == "", "main's working tree is the merged main"
    wait_until(
        lambda: TITLE["nb"] in fetch(f"{reviewed.base}/historier/{SLUG}/").decode(),
        15,
        "the preview to show the published story",
    )
    print(f"publish → page in the preview {time.monotonic() - clicked_at:.2f} s")

    out = root.parent / "main-site"
    command = [sys.executable, str(PROJECT / "build.py"), "--content", str(root / "content")]
    built = subprocess.run(
        [*command, "--out", str(out)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    page_html = (out / "historier" / SLUG / "index.html").read_text(encoding="utf-8")
    assert TITLE["nb"] in page_html
    elsewhere = [url for url in requests if urlsplit(url).hostname not in ("127.0.0.1", None)]
    assert elsewhere == [], "the editor reached another host"
