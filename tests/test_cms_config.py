"""The browser editor's configuration is the declaration: every content type a collection, every
field with its widget, language handling, required flag, label and help; choices from the
content are relations to the collection that holds them. The admin page and what it loads come
from 127.0.0.1 only, and the verdict names the field a problem is in."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PROJECT
from tornado import httpclient, ioloop, web

from showcase.common.folders import Folders
from showcase.content.contenttypes import CONTENT_TYPES, content_type
from showcase.content.declaration import ContentType, Field
from showcase.editor import admin, cms_config
from showcase.editor.choices import current_choices
from showcase.editor.cms_config import SETTINGS
from showcase.editor.cms_config import cms_config as make_config
from showcase.editor.verdict import entry_for, explained, field_label


@functools.cache
def collections(lang: str = "nb") -> dict[str, Any]:
    config = yaml.safe_load(cms_config.dump(make_config(CONTENT_TYPES, 8081, lang)))
    found = {c["name"]: c for c in config["collections"] if c["name"] != SETTINGS}
    settings = next(c for c in config["collections"] if c["name"] == SETTINGS)
    return found | {f["name"]: f for f in settings["files"]}


def fields_of(declared: ContentType, lang: str = "nb") -> dict[str, Any]:
    name = declared.name if declared.storage != "yaml-file" else declared.path.split(".")[0]
    return {f["name"]: f for f in collections(lang)[name]["fields"]}


def test_the_config_is_valid_yaml_pointing_only_at_127_0_0_1() -> None:
    config = yaml.safe_load(cms_config.dump(make_config(CONTENT_TYPES, 8123)))
    assert config["backend"] == {"name": "proxy", "proxy_url": "http://127.0.0.1:8123/api/v1"}
    assert config["local_backend"]["url"] == "http://127.0.0.1:8123/api/v1"
    assert config["locale"] == "nb_no"
    assert config["i18n"] == {
        "structure": "multiple_files",
        "locales": ["nb", "en"],
        "default_locale": "nb",
    }
    assert yaml.safe_load(cms_config.dump(make_config(CONTENT_TYPES, 1, "en")))["locale"] == "en"


def test_every_content_type_has_a_collection_in_the_menus_order() -> None:
    assert list(collections()) == [
        t.name if t.storage != "yaml-file" else t.path.split(".")[0] for t in CONTENT_TYPES
    ]
    for declared in CONTENT_TYPES:
        shown = collections()[declared.name if declared.storage != "yaml-file" else "site"]
        if declared.storage == "markdown-folder":
            assert shown["folder"] == f"content/{declared.path}"
            assert (shown["extension"], shown["format"], shown["i18n"]) == (
                "md",
                "frontmatter",
                True,
            )
            assert shown["create"] is declared.creatable


WIDGETS = {
    "text": "string",
    "paragraph": "text",
    "markdown": "markdown",
    "integer": "number",
    "boolean": "boolean",
    "date": "datetime",
    "url": "string",
    "list": "list",
    "group": "object",
    "items": "list",
}


def assert_widget(field: Field, shown: dict[str, Any], lang: str, markdown: bool) -> None:
    assert shown["label"] == field.label[lang]
    assert shown.get("hint") == field.help[lang]
    assert shown.get("required", True) is field.required
    if field.translated and not markdown:  # YAML: one value per language, each of the kind
        assert shown["widget"] == "object"
        assert [f["label"] for f in shown["fields"]] == ["Norsk (bokmål)", "English"]
        shown = shown["fields"][0]
    assert_kind(field, shown, lang, markdown)


def assert_kind(field: Field, shown: dict[str, Any], lang: str, markdown: bool) -> None:
    if field.kind in ("choice", "choices"):
        assert shown["widget"] == ("select" if field.choices else "relation")
        assert shown["multiple"] is (field.kind == "choices")
    else:
        assert shown["widget"] == WIDGETS[field.kind]
    if field.kind == "integer":
        assert shown["value_type"] == "int"
    if field.kind == "date":
        assert (shown["format"], shown["time_format"]) == ("YYYY-MM-DD", False)
    if field.kind == "url":
        assert re.match(shown["pattern"][0], "https://example.org")
        assert not re.match(shown["pattern"][0], "javascript:alert(1)")
    inner = {f["name"]: f for f in shown.get("fields", [])}
    for part in field.fields:
        assert_widget(part, inner[part.name], lang, markdown)


@pytest.mark.parametrize("declared", CONTENT_TYPES, ids=lambda t: t.name)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_declared_field_has_its_widget_label_help_and_languages(
    declared: ContentType, lang: str
) -> None:
    shown = fields_of(declared, lang)
    expected = [*declared.names, *(["body"] if declared.body else [])]
    assert list(shown) == expected
    for field in [*declared.fields, *([declared.body] if declared.body else [])]:
        config = shown[field.name]
        if declared.storage == "markdown-folder":
            assert config["i18n"] in ((True,) if field.translated else (True, "duplicate"))
            if not field.translated and "fields" not in config and "field" not in config:
                assert config["i18n"] == "duplicate"
        assert_widget(field, config, lang, declared.storage == "markdown-folder")
        if field is not declared.body:  # Decap writes it above the field, as the files have it
            assert config["comment"] == field.help["nb"]


def test_a_case_asks_for_its_consent_reference_once_for_both_languages() -> None:
    consent = fields_of(content_type("cases"))["consent"]
    assert (consent["widget"], consent["i18n"]) == ("string", "duplicate")
    assert consent["label"] == "Samtykke (referanse)"


def test_choices_from_the_content_are_read_from_it_when_the_field_opens() -> None:
    case = fields_of(content_type("cases"))
    assert case["group"]["multiple"] is False
    assert (case["group"]["collection"], case["group"]["value_field"]) == ("groups", "{{slug}}")
    services = case["services"]
    assert (services["collection"], services["file"]) == (SETTINGS, "services")
    assert services["value_field"] == "services.*.key"
    assert services["multiple"] is True
    served = fields_of(content_type("services"))["services"]
    assert [f["name"] for f in served["fields"]] == ["key", "name"]  # what the relation reads
    nav = fields_of(content_type("site"))["nav"]
    assert (nav["collection"], nav["value_field"], nav["multiple"]) == ("pages", "{{slug}}", True)


def test_a_storys_choices_are_the_current_groups_and_services_as_selects(
    copy_site: Callable[[], Path],
) -> None:
    """A relation in a translated collection marks every opened entry as unsaved (choices.py):
    a story chooses from a select of what content/ holds when the editor is opened."""
    content = copy_site()
    (content / "groups" / "eldre.yaml").write_text(
        (content / "groups" / "unge.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    found = current_choices(content, CONTENT_TYPES, "en")
    config = make_config(CONTENT_TYPES, 8081, "en", choices=found)
    case = next(c for c in config["collections"] if c["name"] == "cases")
    fields = {f["name"]: f for f in case["fields"]}
    group, services = fields["group"], fields["services"]
    assert (group["widget"], group["multiple"], group["i18n"]) == ("select", False, "duplicate")
    assert {o["value"] for o in group["options"]} == {
        p.stem for p in (content / "groups").glob("*.yaml")
    }
    assert "eldre" in [o["value"] for o in group["options"]]
    assert "collection" not in group and "value_field" not in group
    services_file = yaml.safe_load((content / "services.yaml").read_text(encoding="utf-8"))
    rows = services_file["services"]
    assert services["options"] == [{"label": r["name"]["en"], "value": r["key"]} for r in rows]
    assert services["multiple"] is True
    results = next(c for c in config["collections"] if c["name"] == SETTINGS)
    assert "relation" in yaml.safe_dump(results)  # YAML types have no English pane: unchanged


def test_a_source_that_cannot_be_read_leaves_the_field_a_relation(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    (content / "services.yaml").write_text("services: [unclosed\n", encoding="utf-8")
    found = current_choices(content, CONTENT_TYPES, "nb")
    assert "services" not in found and "groups" in found
    config = make_config(CONTENT_TYPES, 8081, "nb", choices=found)
    case = next(c for c in config["collections"] if c["name"] == "cases")
    services = next(f for f in case["fields"] if f["name"] == "services")
    assert (services["widget"], services["collection"]) == ("relation", SETTINGS)


def test_a_translated_yaml_field_holds_a_value_per_language() -> None:
    name = fields_of(content_type("groups"))["name"]
    assert [f["name"] for f in name["fields"]] == ["nb", "en"]
    assert name["fields"][0]["pattern"][1] == "Høyst 70 tegn."


FOLDERS = Folders(PROJECT, PROJECT / "content", PROJECT / "templates")


def test_a_problem_is_tied_to_its_entry_field_and_language() -> None:
    entry = entry_for("content/cases/levekar-skole.en.md", FOLDERS, CONTENT_TYPES)
    assert entry is not None
    assert (entry.key, entry.language) == ("cases/levekar-skole", "en")
    site = entry_for("content/site.yaml", FOLDERS, CONTENT_TYPES)
    assert site is not None and site.key == "settings/site"
    assert entry_for("templates/base.html", FOLDERS, CONTENT_TYPES) is None
    text = "---\ntitle: T\ngoals:\n  short:\n    - a\n    - b\n---\nBody\n"
    cases = content_type("cases")
    assert field_label(text, 2, cases, "nb") == "Tittel"
    assert field_label(text, 6, cases, "nb") == "Mål i planen › På kort sikt"
    assert field_label(text, 8, cases, "en") == "Text"
    services = "services:\n  - key: nav\n    name:\n      nb: NAV\n      en: Labour\n"
    assert field_label(services, 5, content_type("services"), "nb") == (
        "Tjenester › Navn › English"
    )


def test_the_verdict_names_the_field_staff_see(tmp_path: Path) -> None:
    (tmp_path / "content" / "cases").mkdir(parents=True)
    case = tmp_path / "content" / "cases" / "x.nb.md"
    case.write_text("---\ntitle: T\ndescription: Ring 912 34 567\n---\nTekst\n", encoding="utf-8")
    problem = {"path": "content/cases/x.nb.md", "line": 3, "severity": "error", "message": "m"}
    folders = Folders(tmp_path, tmp_path / "content", tmp_path / "templates")
    shown = explained(
        {"built_at": "t", "ok": False, "problems": [problem]}, folders, CONTENT_TYPES, "nb"
    )
    assert shown["problems"][0] == problem | {
        "entry": "cases/x",
        "field": "Beskrivelse",
        "language": "Norsk (bokmål)",
    }


@pytest.fixture(scope="module")
def admin_files() -> Iterator[dict[str, str]]:
    """/admin/ and every file it names, fetched from the editor's routes on 127.0.0.1."""
    if not (PROJECT / admin.DECAP_DIST / "decap-cms.js").is_file():
        pytest.skip("node_modules/decap-cms is missing: run `make edit` (npm ci)")
    loop = ioloop.IOLoop()
    app = web.Application(admin.routes(admin.Editor(FOLDERS, 8081, "nb"), PROJECT))
    server = app.listen(0, address="127.0.0.1")
    port = next(iter(server._sockets.values())).getsockname()[1]
    client = httpclient.AsyncHTTPClient()

    async def get(path: str) -> str:
        response = await client.fetch(f"http://127.0.0.1:{port}{path}")
        return response.body.decode()

    page = loop.run_sync(lambda: get("/admin/"))
    named = re.findall(r'(?:src|href)="([^"]+)"', page)
    fetched = {path: loop.run_sync(lambda p=path: get(p)) for path in named}
    yield {"/admin/": page, **fetched}
    server.stop()
    loop.close(all_fds=True)


def test_the_admin_page_loads_only_files_from_its_own_server(admin_files: dict[str, str]) -> None:
    page = admin_files["/admin/"]
    assert '<html lang="nb">' in page
    named = [path for path in admin_files if path != "/admin/"]
    assert set(named) == {
        "/admin/config.yml",
        "/admin/verdict.css",
        "/admin/decap-cms.js",
        "/admin/verdict.js",
    }
    assert "livereload" not in page  # a reload would throw away what is being typed
    ours = {path: text for path, text in admin_files.items() if path != "/admin/decap-cms.js"}
    for path, text in ours.items():
        hosts = set(re.findall(r"https?://([\w-]+(?:\.[\w-]+)+)", text))  # not "https://…"
        assert hosts <= {"127.0.0.1"}, f"{path} names another host: {hosts}"
    assert admin_files["/admin/decap-cms.js"].startswith("/*")  # Decap's own bundle, served
