"""Facts as readers get them: the contact block (only real, public details), awards as
award → outcome → date → place, and news dated by the event they report, never as published."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import folders_for
from lxml import html

from showcase import pipeline
from showcase.common.errors import BuildError
from showcase.common.messages import translate

CONTACT = """contact:
  name: {nb: Testkommunen, en: Test Municipality}
  url: https://kommune.example.org
"""


def set_contact(content: Path, block: str, allow: tuple[str, ...] = ()) -> None:
    site = content / "site.yaml"
    text = site.read_text(encoding="utf-8")
    assert CONTACT in text
    text = text.replace(CONTACT, block)
    if allow:
        text += "privacy:\n  allow: [" + ", ".join(allow) + "]\n"
    site.write_text(text, encoding="utf-8")


def build(content: Path) -> pipeline.BuildReport:
    return pipeline.build(folders_for(content), content.parent / "site")


def footer(content: Path, page: str = "index.html") -> html.HtmlElement:
    doc = html.parse(str(content.parent / "site" / page)).getroot()
    return doc.xpath("//footer")[0]


FULL = """contact:
  name: {nb: Prosjektleder, en: Project lead}
  email: post@kommune.example.org
  phone: +47 12 34 56 78
  url: https://kommune.example.org
"""


def test_a_contact_e_mail_or_phone_not_on_the_allow_list_stops_the_build(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    set_contact(content, FULL)
    with pytest.raises(BuildError) as caught:
        build(content)
    found = [str(e) for e in caught.value.errors]
    for line, name in ((9, "email"), (10, "phone")):
        assert (
            f"content/site.yaml:{line}:10: the contact's '{name}' is not on the privacy "
            "allow-list — add it under 'privacy: allow' in site.yaml if it is public, or remove it"
        ) in found
    # the privacy gate finds the e-mail address too, and prints it masked
    assert any(e.startswith("content/site.yaml:9:") and "e-mail address (p" in e for e in found)
    assert not any("post@kommune.example.org" in e or "12 34 56 78" in e for e in found)
    # allowing one of them is not enough for the other
    site = content / "site.yaml"
    site.write_text(
        site.read_text(encoding="utf-8") + "privacy:\n  allow: [post@kommune.example.org]\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as caught:
        build(content)
    assert [str(e).split(":", 3)[:3] for e in caught.value.errors] == [
        ["content/site.yaml", "10", "10"]
    ]


def test_an_allowed_contact_is_shown_as_links_in_every_footer(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    set_contact(content, FULL, allow=("post@kommune.example.org", "+47 12 34 56 78"))
    build(content)
    for page, heading in (("index.html", "Kontakt"), ("en/index.html", "Contact")):
        block = footer(content, page).xpath(".//section[@class='contact-block']")[0]
        assert block.xpath("string(.//h2)") == heading
        links = block.xpath(".//a/@href")
        assert links == [
            "mailto:post@kommune.example.org",
            "tel:+4712345678",
            "https://kommune.example.org",
        ]
        assert block.xpath("string(.//p[@class='contact-name'])") in (
            "Prosjektleder",
            "Project lead",
        )


def test_a_contact_with_only_a_web_page_shows_no_e_mail_or_phone(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    build(content)
    block = footer(content).xpath(".//section[@class='contact-block']")[0]
    assert block.xpath(".//a/@href") == ["https://kommune.example.org"]
    assert "mailto:" not in html.tostring(block, encoding="unicode")


def test_no_way_to_contact_anyone_is_a_warning_in_norwegian_with_its_line(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    set_contact(content, "contact:\n  name: {nb: Testkommunen, en: Test Municipality}\n")
    report = build(content)
    (warning,) = [w for w in report.warnings if "contact" in str(w)]
    assert str(warning) == (
        "content/site.yaml:7:1: the site gives no way to contact anyone — add 'email', 'phone' "
        "or 'url' under 'contact' in site.yaml"
    )
    assert translate(warning.message, "nb") == "nettstedet sier ikke hvordan leserne kan ta kontakt"
    assert translate(warning.hint, "nb").startswith("legg til 'email', 'phone' eller 'url'")
    assert not footer(content).xpath(".//ul[@class='contact-ways']")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "post-at-kommune", "the contact's e-mail address is not valid"),
        ("phone", "ring meg", "the contact's phone number is not valid"),
    ],
)
def test_a_contact_detail_that_is_not_one_is_an_error_at_its_line(
    copy_site: Callable[[], Path], field: str, value: str, message: str
) -> None:
    content = copy_site()
    set_contact(content, CONTACT + f"  {field}: {value}\n")
    with pytest.raises(BuildError) as caught:
        build(content)
    found = [str(e) for e in caught.value.errors]
    assert any(e.startswith("content/site.yaml:10:") and message in e for e in found), found
    assert not any(value in e for e in found)


def test_awards_show_award_outcome_date_and_place_as_labelled_parts(real_site: Path) -> None:
    doc = html.parse(str(real_site / "priser" / "index.html")).getroot()
    card = doc.xpath("//li[@id='epsa-2017']//article[contains(@class,'award-card')]")[0]
    assert " ".join(card.xpath("string(.//h2)").split()) == "European Public Sector Award 2017"
    facts = {
        " ".join(dt.text_content().split()): " ".join(dt.getnext().text_content().split())
        for dt in card.xpath("./dl/dt")
    }
    assert facts["Resultat"] == "Best Practice Certificate"
    assert facts["Dato"] == "20. november 2017"
    assert facts["Sted"] == "Maastricht"
    front = html.parse(str(real_site / "en" / "index.html")).getroot()
    titles = [
        " ".join(t.split())
        for t in front.xpath("//article[contains(@class,'award-card')]//h3//text()")
    ]
    assert "European Public Sector Award 2017" in titles
    for title in titles:  # the year once in the title, never twice
        assert title.count("2017") <= 1 and title.count("2018") <= 1


def test_news_are_dated_by_their_event_and_never_called_published(real_site: Path) -> None:
    doc = html.parse(str(real_site / "nyheter" / "index.html")).getroot()
    lines = [
        " ".join(p.text_content().split())
        for p in doc.xpath("//p[contains(@class,'news-dateline')]")
    ]
    assert lines == [
        "Hvor og når: Dubai, februar 2018",
        "Hvor og når: Maastricht, 20. november 2017",
    ]
    for path in real_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "Publisert" not in text and "Published" not in text, path


def test_a_news_place_in_one_language_only_is_an_error(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    news = content / "news" / "2018-02-13-dubai.nb.md"
    news.write_text(
        news.read_text(encoding="utf-8").replace(
            "illustrative: false\n", "illustrative: false\nplace: Dubai\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as caught:
        build(content)
    assert [str(e) for e in caught.value.errors] == [
        "content/news/2018-02-13-dubai.en.md:2:1: 'place' is given in "
        "content/news/2018-02-13-dubai.nb.md but not here — write the place in this language "
        "too, or remove it from the other file"
    ]
