"""The site's drawings (templates/illustrations/) and icons: well-formed SVG that names what it
shows in the page's language, ids that stay unique when a drawing is on a page twice, every
service, step and level as text, small enough to inline, and icons that are real images."""

from __future__ import annotations

import dataclasses
import gzip
import io
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, SITES, folders_for
from lxml import etree
from PIL import Image

from showcase.common.errors import ErrorLog
from showcase.content.model import Content
from showcase.content.schema import load_content, load_site
from showcase.content.urls import Urls
from showcase.render import assets, icons
from showcase.render.pages import Renderer

BUDGET = 3_000  # bytes, gzip-compressed, for each drawing as a page inlines it
LANGS = ("nb", "en")
SVG = "{http://www.w3.org/2000/svg}"


def _content(folder: Path) -> Content:
    folders = folders_for(folder)
    log = ErrorLog()
    site = load_site(folders, log)
    assert site is not None, log.errors
    content = load_content(folders, site, log)
    assert content is not None, log.errors
    return content


@pytest.fixture(scope="module", params=["real", "basic"])
def content(request: pytest.FixtureRequest) -> Content:
    return _content(PROJECT / "content" if request.param == "real" else SITES / "basic" / "content")


def renderer(content: Content) -> Renderer:
    css = assets.stylesheet(PROJECT / "templates")
    return Renderer(PROJECT / "templates", content, Urls(content), css)


def render(content: Content, name: str, lang: str, **values: Any) -> str:
    env = renderer(content).env
    return env.get_template(f"illustrations/{name}").render(lang=lang, content=content, **values)


def parse(markup: str) -> etree._Element:
    """The drawing as XML (a method drawing is a <div> around two <svg>): fails if malformed."""
    return etree.fromstring(f'<root xmlns="http://www.w3.org/2000/svg">{markup}</root>')


def svgs(root: etree._Element) -> list[etree._Element]:
    return list(root.iter(f"{SVG}svg"))


def texts(svg: etree._Element) -> list[str]:
    """What each <text> says, its lines (<tspan>) joined by a space."""
    return [" ".join(" ".join(text.itertext()).split()) for text in svg.iter(f"{SVG}text")]


def named_by_its_title(svg: etree._Element) -> str:
    """The accessible name and description, checked: role="img" pointing at a <title> (and a
    <desc>) inside the drawing, or aria-hidden with neither."""
    if svg.get("aria-hidden") == "true":
        assert svg.get("role") is None and svg.find(f"{SVG}title") is None
        return ""
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby", "").split()
    own = {element.get("id"): element for element in svg.iter(f"{SVG}title", f"{SVG}desc")}
    assert ids and ids[0] in own and own[ids[0]].tag == f"{SVG}title", ids
    assert set(ids) <= set(own), (ids, own)
    return " ".join((own[key].text or "") for key in ids)


def all_drawings(content: Content, lang: str, **extra: Any) -> dict[str, str]:
    drawings = {
        "wordmark": render(content, "wordmark.svg.html", lang),
        "method": render(content, "method.svg.html", lang, **extra),
        "scale": render(content, "scale.svg.html", lang, before="uholdbar", after="stabil"),
    }
    for award in content.awards:
        drawings[f"badge {award.key}"] = render(content, "award_badge.svg.html", lang, award=award)
    return drawings


@pytest.mark.parametrize("lang", LANGS)
def test_drawings_are_well_formed_small_and_named(content: Content, lang: str) -> None:
    for name, markup in all_drawings(content, lang).items():
        root = parse(markup)
        assert svgs(root), name
        for svg in svgs(root):
            assert svg.get("viewBox"), name
            named_by_its_title(svg)
        size = len(gzip.compress(markup.encode(), 9, mtime=0))
        assert size <= BUDGET, f"{name} in {lang}: {size} bytes compressed"


@pytest.mark.parametrize("lang", LANGS)
def test_what_stands_beside_text_is_hidden_and_the_rest_is_named(
    content: Content, lang: str
) -> None:
    wordmark = svgs(parse(render(content, "wordmark.svg.html", lang)))[0]
    assert wordmark.get("aria-hidden") == "true"
    for award in content.awards:
        badge = svgs(parse(render(content, "award_badge.svg.html", lang, award=award)))[0]
        assert badge.get("aria-hidden") == "true"
        markup = render(content, "award_badge.svg.html", lang, award=award, decorative=False)
        named = svgs(parse(markup))[0]
        assert named_by_its_title(named) == f"{award.name[lang]}: {award.outcome[lang]}"
    table, path = svgs(parse(render(content, "method.svg.html", lang)))
    assert content.strings["ill_table_title"][lang] in named_by_its_title(table)
    assert content.strings["steps"][lang] in named_by_its_title(path)
    beside = svgs(parse(render(content, "method.svg.html", lang, steps_in_text=True)))
    assert beside[0].get("role") == "img" and beside[1].get("aria-hidden") == "true"
    scale = svgs(parse(render(content, "scale.svg.html", lang, decorative=True)))[0]
    assert scale.get("aria-hidden") == "true"


def test_ids_stay_unique_when_drawings_are_on_a_page_twice(content: Content) -> None:
    env = renderer(content).env
    page = env.from_string(
        '<div xmlns="http://www.w3.org/2000/svg">'
        '{% with id_prefix="hero", compact=true %}{% include "illustrations/method.svg.html" %}'
        "{% endwith %}"
        '{% include "illustrations/method.svg.html" %}'
        '{% include "illustrations/scale.svg.html" %}'
        '{% with id_prefix="story-scale", before="ustabil", after="stabil" %}'
        '{% include "illustrations/scale.svg.html" %}{% endwith %}'
        "{% for award in content.awards %}"
        '{% with decorative=false %}{% include "illustrations/award_badge.svg.html" %}{% endwith %}'
        '{% with decorative=false, id_prefix="again-" ~ award.key %}'
        '{% include "illustrations/award_badge.svg.html" %}{% endwith %}'
        "{% endfor %}</div>"
    )
    root = etree.fromstring(page.render(lang="nb", content=content))
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), sorted(ids)
    assert len(svgs(root)) == 1 + 2 + 2 + 2 * len(content.awards)
    for svg in svgs(root):
        named_by_its_title(svg)  # each points at its own title, not another copy's


@pytest.mark.parametrize("lang", LANGS)
def test_every_service_step_and_level_is_written_out(content: Content, lang: str) -> None:
    table, path = svgs(parse(render(content, "method.svg.html", lang)))
    shown = texts(table)
    for name in content.services.values():
        assert name[lang].split(" (")[0] in shown, name[lang]
        assert name[lang] in named_by_its_title(table)  # the whole name in the description
    assert content.strings["ill_family"][lang] in shown
    steps = texts(path)
    for number, step in enumerate(content.method.steps, start=1):
        assert str(number) in steps and step.title[lang] in steps, step.title[lang]
    scale = svgs(parse(render(content, "scale.svg.html", lang)))[0]
    assert texts(scale) == [level.name[lang] for level in content.method.scale]


def test_any_number_of_services_sits_around_the_table() -> None:
    content = _content(PROJECT / "content")
    services = list(content.services.items())
    for count in range(1, 13):
        many = {f"s{i}": services[i % len(services)][1] for i in range(count)}
        fewer = dataclasses.replace(content, services=many)
        table = svgs(parse(render(fewer, "method.svg.html", "nb", compact=True)))
        assert len(table) == 1, "compact: the table only"
        cards = [g for g in table[0].iter(f"{SVG}g") if g.get("transform")]
        assert len(cards) == count
        middles = [tuple(map(float, g.get("transform")[10:-1].split())) for g in cards]
        _, top, width, height = map(float, table[0].get("viewBox").split())
        for x, y in middles:  # every card (108 × 38) inside the picture
            assert 54 <= x <= width - 54 and top + 19 <= y <= top + height - 19, (count, x, y)
        for i, (x, y) in enumerate(middles):  # and no two overlapping
            for x2, y2 in middles[i + 1 :]:
                assert abs(x - x2) >= 108 or abs(y - y2) >= 38, (count, x, y, x2, y2)


@pytest.mark.parametrize("lang", LANGS)
def test_scale_marks_before_and_now_with_words(lang: str) -> None:
    content = _content(PROJECT / "content")
    before, now = content.strings["ill_before"][lang], content.strings["ill_now"][lang]
    plain = svgs(parse(render(content, "scale.svg.html", lang)))[0]
    assert before not in texts(plain) and now not in texts(plain)
    for start, end in (("uholdbar", "stabil"), ("stabil", "stabil"), ("stabil", "ustabil")):
        markup = render(content, "scale.svg.html", lang, before=start, after=end)
        svg = svgs(parse(markup))[0]
        shown = texts(svg)
        assert shown.count(before) == 1 and shown.count(now) == 1
        words = named_by_its_title(svg)
        assert f"{before}: {content.method.level(start).name[lang]}" in words
        assert f"{now}: {content.method.level(end).name[lang]}" in words


@pytest.mark.parametrize("lang", LANGS)
def test_badges_say_year_and_kind_and_claim_no_win(lang: str) -> None:
    content = _content(PROJECT / "content")
    kinds = {"epsa-2017": "certificate", "opsi-wgs-2018": "finalist"}
    kinds["innovasjonsprisen-2017"] = "prize"
    for award in content.awards:
        svg = svgs(parse(render(content, "award_badge.svg.html", lang, award=award)))[0]
        kind = kinds.get(award.key, "award")
        assert f"ill-badge-{kind}" in svg.get("class", "").split()
        label = content.strings[f"ill_badge_{kind}"][lang]
        assert texts(svg) == [str(award.date.year), label]
        assert not {"vant", "vinner", "won", "winner"} & set(label.lower().split())


def test_built_site_has_the_icons_as_real_images(basic_site: Path) -> None:
    svg = (basic_site / "favicon.svg").read_bytes()
    assert svg == (PROJECT / "templates" / "assets" / "favicon.svg").read_bytes()
    assert etree.fromstring(svg).get("viewBox") == "0 0 48 48"
    ico = Image.open(basic_site / "favicon.ico")
    assert ico.format == "ICO" and sorted(ico.ico.sizes()) == [(16, 16), (32, 32)]
    for size in ico.ico.sizes():
        assert ico.ico.getimage(size).size == size
    touch = Image.open(basic_site / "apple-touch-icon.png")
    assert touch.format == "PNG" and touch.size == (180, 180) and touch.mode == "RGB"
    touch.verify()


def test_icons_are_the_same_bytes_on_every_build() -> None:
    folder = PROJECT / "templates" / "assets"
    first = icons.files(folder)
    icons._made.cache_clear()
    assert icons.files(folder) == first
    touch = Image.open(io.BytesIO(dict(first)["apple-touch-icon.png"]))
    # The corners are the background's teal, not see-through: the system rounds them itself.
    assert touch.getpixel((0, 0)) == touch.getpixel((179, 179)) == (0, 90, 91)


def test_icon_source_may_only_hold_what_the_raster_copies_draw() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><path d="M0 0h9"/></svg>'
    with pytest.raises(ValueError, match="path"):
        icons.shapes(svg)
    width, shapes = icons.shapes((PROJECT / "templates" / "assets" / "favicon.svg").read_bytes())
    assert width == 48 and [shape.kind for shape in shapes][:2] == ["rect", "circle"]
