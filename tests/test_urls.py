"""Addresses: the default language at the root, others under /<lang>/, slugs from content."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from showcase.content.load import KEY_PATTERN
from showcase.content.urls import output_path, url_for_output
from showcase.render.markup import slugify


def test_directory_addresses_become_index_files() -> None:
    assert output_path("/") == "index.html"
    assert output_path("/metoden/") == "metoden/index.html"
    assert output_path("/en/news/atom.xml") == "en/news/atom.xml"
    assert output_path("/404.html") == "404.html"


segments = st.lists(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True), max_size=4)


@given(segments, st.booleans())
def test_output_path_and_address_round_trip(parts: list[str], is_file: bool) -> None:
    url = "/" + "".join(f"{p}/" for p in parts)
    if is_file:
        url += "atom.xml"
    assert url_for_output(output_path(url)) == url


@given(st.text(max_size=40))
def test_slugify_always_gives_a_valid_key_or_nothing(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or KEY_PATTERN.match(slug)


def test_slugify_keeps_norwegian_letters_readable() -> None:
    assert slugify("Små barn på skolen") == "sma-barn-pa-skolen"
    assert slugify("Økonomi og bærekraft") == "okonomi-og-baerekraft"


def test_real_site_addresses_follow_the_design(real_site) -> None:  # type: ignore[no-untyped-def]
    expected = [
        "index.html", "en/index.html",
        "metoden/index.html", "en/method/index.html",
        "malgrupper/unge-voksne/index.html", "en/target-groups/unge-voksne/index.html",
        "historier/index.html", "en/stories/index.html",
        "priser/index.html", "en/awards/index.html",
        "resultater/index.html", "en/results/index.html",
        "nyheter/index.html", "en/news/index.html",
        "nyheter/atom.xml", "en/news/atom.xml",
        "om/index.html", "en/about/index.html",
        "tilgjengelighet/index.html", "en/accessibility/index.html",
        "personvern/index.html", "en/privacy/index.html",
        "404.html", "sitemap.xml", "robots.txt",
    ]  # fmt: skip
    missing = [path for path in expected if not (real_site / path).is_file()]
    assert missing == []
