"""A large site's search index in shards: every page indexed exactly once, the search page
merging its language's shards, and an edit re-indexing only the shard of the edited page."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import folders_for
from hypothesis import given
from hypothesis import strategies as st
from lxml import html
from test_incremental import clean_build, everything

from showcase import pipeline
from showcase.render import search

SMALL = 2  # pages per shard in these tests, so the fixture site (~20 pages a language) splits


def fragments(bundle: Path) -> dict[str, str]:
    """Page address -> indexed text, for one bundle."""
    found = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data["content"]
    return found


def bundles(site: Path) -> dict[str, Path]:
    """Every bundle of the site by its address, the primary /pagefind/ first."""
    found = {"/pagefind/": site / "pagefind"}
    for entry in sorted((site / "pagefind").glob("*/pagefind-entry.json")):
        found[f"/pagefind/{entry.parent.name}/"] = entry.parent
    return found


@pytest.fixture
def sharded(monkeypatch: pytest.MonkeyPatch, copy_site: Callable[[], Path]) -> Path:
    monkeypatch.setattr(search, "SHARD_PAGES", SMALL)
    return copy_site()


paths = st.lists(st.from_regex(r"[a-z]{1,8}/[a-z0-9]{1,8}/index\.html", fullmatch=True))


@given(nb=paths, en=paths, extra=paths)
def test_every_page_is_in_exactly_one_shard_which_never_moves(
    nb: list[str], en: list[str], extra: list[str]
) -> None:
    pages = [(p, "nb") for p in dict.fromkeys(nb)] + [(f"en/{p}", "en") for p in dict.fromkeys(en)]
    shards = search.shards(pages)
    placed = [page for shard in shards for page in shard.pages]
    assert sorted(placed) == sorted(p for p, _lang in pages)
    assert shards[0].bundle == "pagefind"
    for lang, own in (("nb", nb), ("en", en)):
        count = len(search.addresses(shards, lang))
        assert count == 1 or (count & (count - 1) == 0 and (count // 2) * 500 < len(set(own)))
    where = {page: shard.bundle for shard in shards for page in shard.pages}
    grown = pages + [(p, "nb") for p in dict.fromkeys(extra) if p not in dict.fromkeys(nb)]
    if len(search.addresses(search.shards(grown), "nb")) == len(search.addresses(shards, "nb")):
        after = {page: shard.bundle for shard in search.shards(grown) for page in shard.pages}
        assert all(after[page] == bundle for page, bundle in where.items())


def test_a_sharded_index_holds_every_page_once_and_the_search_page_merges_it(
    sharded: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    pipeline.build(folders_for(sharded), site, jobs=2)
    found = bundles(site)
    assert len(found) > 4, "the fixture site is split into several shards"
    seen: dict[str, str] = {}
    for address, bundle in found.items():
        for page in fragments(bundle):
            assert page not in seen, f"{page} is in {seen.get(page)} and {address}"
            seen[page] = address
        if address != "/pagefind/":  # merged shards carry their index only
            assert not list(bundle.glob("*.js")) and not list(bundle.glob("wasm.*"))
    assert "/om/" in seen and "/en/about/" in seen
    for lang, search_page in (("nb", "sok"), ("en", "en/search")):
        page = html.parse(str(site / search_page / "index.html")).getroot()
        box = page.get_element_by_id("search")
        merged = box.get("data-merge").split(" ")
        assert box.get("data-bundle") == "/pagefind/"
        assert set(merged) == {a for a in found if re.fullmatch(rf"/pagefind/{lang}-\d+/", a)}
        for address in merged:
            entry = json.loads((found[address] / "pagefind-entry.json").read_bytes())
            assert list(entry["languages"]) == [lang], "a shard holds one language"


def test_an_edit_reindexes_only_the_shard_of_the_edited_page(sharded: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    folders = folders_for(sharded)
    pipeline.build(folders, site, jobs=1)
    before = {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*")}
    owner = {page: a for a, b in bundles(site).items() for page in fragments(b)}["/om/"]
    about = sharded / "pages" / "about.nb.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nEn ny setning om samarbeid.\n")
    pipeline.build(folders, site, jobs=1)
    relinked = {
        address
        for address, bundle in bundles(site).items()
        for path in bundle.rglob("*")
        if path.is_file()
        and before.get(path.relative_to(site).as_posix()) != path.stat().st_ino
        and (
            address != "/pagefind/"
            or path.parent in {bundle, bundle / "fragment", bundle / "index"}
        )
    }
    assert relinked == {owner}, "only the shard holding /om/ was indexed again"
    assert "En ny setning om samarbeid." in fragments(bundles(site)[owner])["/om/"]
    assert everything(site) == clean_build(folders, tmp_path)
