"""One rule for every link an editor writes: https, or a path on the site (a contact may also
be mailto: or tel:). YAML fields and Markdown bodies are held to it, and nh3 agrees with it."""

from __future__ import annotations

import pytest
from conftest import folders_for

from showcase.common.errors import ErrorLog
from showcase.content.schema import load_content, load_site
from showcase.content.weblinks import CONTACT, WEB, markdown_links, url_problem
from showcase.render.markup import MarkdownRenderer

ALLOWED = [
    "https://www.asker.kommune.no",
    "https://uustatus.no/nb/erklaringer?id=3#a",
    "/",
    "/metoden/#steg",
    "/images/logo.svg",
]
REFUSED = {
    "javascript:alert(1)": "uses 'javascript:'",
    "JAVASCRIPT:alert(1)": "uses 'javascript:'",
    "data:text/html,<b>x</b>": "uses 'data:'",
    "vbscript:x": "uses 'vbscript:'",
    "file:///etc/passwd": "uses 'file:'",
    "http://example.org": "starts with http://",
    "//evil.example.org/x": "starts with //",
    "www.example.org": "is not a complete address",
    "metoden/": "is not a complete address",
    "https:evil.example.org": "is not a complete address",
    "https:///om/": "is not a complete address",
    "https://user@evil.example.org": "is not a complete address",
    "java\tscript:alert(1)": "spaces or invisible characters",
    "/a\\b": "spaces or invisible characters",
    "mailto:someone@example.org": "uses 'mailto:'",
    "#top": "is not a complete address",
}


@pytest.mark.parametrize("url", ALLOWED)
def test_https_and_site_paths_are_allowed(url: str) -> None:
    assert url_problem(url, "'url'") is None


@pytest.mark.parametrize(("url", "says"), REFUSED.items())
def test_everything_else_is_refused_without_repeating_the_value(url: str, says: str) -> None:
    problem = url_problem(url, "'url'")
    assert problem is not None and says in problem[0]
    assert url not in problem[0] + problem[1]


def test_a_contact_may_also_be_mail_or_phone() -> None:
    assert url_problem("mailto:post@asker.kommune.no", "'url'", CONTACT) is None
    assert url_problem("tel:+4766709000", "'url'", CONTACT) is None
    assert url_problem("tel:ring-meg", "'url'", CONTACT) is not None
    assert url_problem("mailto:", "'url'", CONTACT) is not None
    assert url_problem("tel:+4766709000", "'url'", WEB) is not None


def test_markdown_links_are_found_in_every_spelling() -> None:
    body = (
        "Se [metoden](/metoden/) og ![bilde](/images/a.png).\n"
        "[ref]: https://example.org\n"
        'Rå <a href="javascript:x">lenke</a> og <vbscript:y>.\n'
    )
    assert [(line, url) for line, _col, url in markdown_links(body)] == [
        (0, "/metoden/"),
        (0, "/images/a.png"),
        (1, "https://example.org"),
        (2, "vbscript:y"),
        (2, "javascript:x"),
    ]


def test_a_bad_link_in_a_yaml_text_is_an_error_at_its_line(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    site_yaml = content / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(
        text.replace("Et *testnettsted*", "Et [nettsted](http://example.org)"), encoding="utf-8"
    )
    log = ErrorLog()
    folders = folders_for(content)
    site = load_site(folders, log)
    assert site is None or load_content(folders, site, log) is None
    (error,) = log.errors
    assert str(error.where).startswith("content/site.yaml:11:")
    assert error.message == "the link starts with http://, which is not encrypted"


def test_nh3_keeps_exactly_the_links_the_rule_allows() -> None:
    html = str(
        MarkdownRenderer().render(
            '<a href="https://a.example/">1</a> <a href="http://b.example/">2</a> '
            '<a href="//c.example/">3</a> <a href="/om/">4</a> <a href="#x">5</a> '
            '<a href="mailto:a@b.no">6</a> <a href="javascript:x">7</a> <a href="tel:+4712">8</a>'
        )
    )
    for kept in ("https://a.example/", "/om/", "#x", "mailto:a@b.no", "tel:+4712"):
        assert f'href="{kept}"' in html
    for dropped in ("b.example", "c.example", "javascript"):
        assert dropped not in html
