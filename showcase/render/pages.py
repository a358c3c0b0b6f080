"""Validated content to HTML pages, through Jinja templates.

`plan_pages` decides which pages exist (one `PageSpec` per address, with its translations);
`Renderer` turns each spec into bytes. Planning is pure and cheap, so later stages (the link
checker, the sitemap, a cache) can reason about pages without rendering them.
"""

from __future__ import annotations

import json
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..common.errors import BuildError, ContentError, Position
from ..content.model import Case, Content, Page, PartialDate, Prose
from ..content.urls import Urls
from ..output.incremental import Tracked
from . import figures, filters
from .assets import Asset
from .charts import results_view
from .markup import MarkdownRenderer

LANGUAGE_NAMES = {
    "nb": "Norsk (bokmål)",
    "nn": "Norsk (nynorsk)",
    "en": "English",
    "se": "Sámegiella",
}
SECTION_TEMPLATES = {
    "index": "index.html",
    "method": "method.html",
    "groups": "groups.html",
    "stories": "stories.html",
    "awards": "awards.html",
    "results": "results.html",
    "news": "news.html",
    "about": "about.html",
    "search": "search.html",
}
NOT_FOUND = "not-found"
# What a section page shows besides its own text, for its "last updated" date: files and
# folders inside content/ ('' is all of it).
SECTION_SOURCES = {
    "index": ("",),
    "method": ("method.yaml",),
    "groups": ("groups",),
    "stories": ("cases",),
    "awards": ("awards",),
    "results": ("results.yaml",),
    "news": ("news",),
    "about": ("partners",),
}


@dataclass(frozen=True)
class PageSpec:
    """One page to render: its address, language, template and what the template needs."""

    url: str
    lang: str
    template: str
    title: str
    description: str
    alternates: dict[str, str]  # language -> address of the same page in that language
    values: dict[str, Any] = field(default_factory=dict)
    og_type: str = "website"
    in_sitemap: bool = True
    draft: bool = False  # shown with a banner, in the preview only
    share_image: str = ""  # the page's share image, inside site/ (set by share.share_images)
    label: str = ""  # what the page is, wherever it is shown or shared: "Illustrerende eksempel"
    updated: PartialDate | None = None  # the day what the page shows last changed


def plan_pages(content: Content, urls: Urls) -> list[PageSpec]:
    """Every HTML page of the site, in every language."""
    langs = content.site.languages
    specs: list[PageSpec] = []

    for lang in langs:
        for key, page in content.pages.items():
            if key == NOT_FOUND:
                continue
            prose = page.prose[lang]
            specs.append(
                PageSpec(
                    url=urls.page(key, lang),
                    lang=lang,
                    template=SECTION_TEMPLATES.get(key, "page.html"),
                    title=prose.title,
                    description=prose.description,
                    alternates={other: urls.page(key, other) for other in langs},
                    values=section_values(content, key, page, prose),
                    draft=page.draft,
                    updated=content.last_changed(
                        lang, f"pages/{key}.{lang}.md", *SECTION_SOURCES.get(key, ())
                    ),
                )
            )
        for group in content.groups:
            specs.append(
                PageSpec(
                    url=urls.group(group, lang),
                    lang=lang,
                    template="group.html",
                    title=group.name[lang],
                    description=group.summary[lang],
                    alternates={other: urls.group(group, other) for other in langs},
                    values={"group": group, "cases": cases_in(content, group.key)},
                    draft=group.draft,
                    updated=content.last_changed(lang, f"groups/{group.key}.yaml"),
                )
            )
        for case in content.cases:
            prose = case.prose[lang]
            label = illustrative_label(content, lang) if case.illustrative else ""
            specs.append(
                PageSpec(
                    url=urls.case(case, lang),
                    lang=lang,
                    template="story.html",
                    title=prose.title,
                    description=f"{label}: {prose.description}" if label else prose.description,
                    alternates={other: urls.case(case, other) for other in langs},
                    values={"case": case, "prose": prose, "details": case.details[lang]},
                    og_type="article",
                    draft=case.draft,
                    updated=content.last_changed(lang, f"cases/{case.key}.{lang}.md"),
                    label=label,
                )
            )
        for item in content.news:
            prose = item.prose[lang]
            specs.append(
                PageSpec(
                    url=urls.news(item, lang),
                    lang=lang,
                    template="news_item.html",
                    title=prose.title,
                    description=prose.description,
                    alternates={other: urls.news(item, other) for other in langs},
                    values={"item": item, "prose": prose},
                    og_type="article",
                    draft=item.draft,
                    updated=content.last_changed(lang, f"news/{item.key}.{lang}.md"),
                )
            )
    default = content.site.default_language
    not_found = content.pages[NOT_FOUND]
    specs.append(
        PageSpec(
            url="/404.html",
            lang=default,
            template="404.html",
            title=not_found.prose[default].title,
            description=not_found.prose[default].description,
            alternates={},
            values={"page": not_found},
            in_sitemap=False,
        )
    )
    return specs


def illustrative_label(content: Content, lang: str) -> str:
    """The label a made-up story carries into search results, link previews and share images,
    so it is never taken for a real family's story anywhere it turns up."""
    return content.strings.get("illustrative_label", {}).get(lang, "")


def section_values(content: Content, key: str, page: Page, prose: Prose) -> dict[str, Any]:
    values: dict[str, Any] = {"page": page, "prose": prose}
    if key == "results" and content.results is not None:
        values["chart"] = results_view(content.results)
    return values


def cases_in(content: Content, group_key: str) -> tuple[Case, ...]:
    return tuple(case for case in content.cases if case.group == group_key)


class Renderer:
    """Renders page specs with one Jinja environment and one Markdown converter."""

    def __init__(
        self,
        templates: Path,
        content: Content,
        urls: Urls,
        css: Asset,
        search_js_url: str = "",
        compiled: Path | None = None,
    ) -> None:
        """`css`: the stylesheet, linked with its fonts preloaded; `search_js_url`: the script's
        address inside the site ('/assets/…').
        `compiled`: a folder where Jinja keeps compiled templates between runs (it checks
        each template's time and compiles it again when it changed)."""
        self.content = content
        self.urls = urls
        self.templates = templates.absolute()
        self.markdown = MarkdownRenderer(urls.prefix)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_bytecode_cache(compiled),
        )
        self.env.filters.update(
            t=filters.translate,
            date=filters.date,
            daterange=filters.daterange,
            number=filters.number,
            hyphenate=filters.hyphenate,
            markdown=lambda text: self.markdown.render(text),
            inline=lambda text: self.markdown.inline(text),
            figures=figures.figures,
            jsonld=_jsonld,
            link=urls.link,
        )
        self.env.globals.update(
            site=content.site,
            content=content,
            urls=urls,
            css_url=urls.link("/" + css.path),
            font_urls=[urls.link("/" + font.path) for font in css.loads],
            search_js_url=urls.link(search_js_url),
            language_names=LANGUAGE_NAMES,
            _=filters.gettext,
            cases_in=_cases_in,
            shown=filters.shown_count,
            review=False,  # a review build says so on every page (render/review.py)
            review_css_url="",
        )

    def render(self, spec: PageSpec) -> bytes:
        """One page as UTF-8 HTML; a failing template becomes a `BuildError` naming its line."""
        return self.render_tracked(spec)[0]

    def render_tracked(self, spec: PageSpec) -> tuple[bytes, frozenset[str]]:
        """One page, and the parts of the content its templates read (for the build cache)."""
        tracked = Tracked(self.content)
        try:
            template = self.env.get_template(spec.template)
            html = template.render(
                spec=spec,
                lang=spec.lang,
                canonical=self.urls.absolute(spec.url),
                content=tracked,
                **spec.values,
            )
        except Exception as exc:
            raise BuildError([template_error(exc, self.templates, spec.url)]) from exc
        return html.encode("utf-8"), frozenset(tracked.read)


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def template_error(exc: Exception, templates: Path, url: str) -> ContentError:
    """Where in which template rendering failed, found in the traceback Jinja rewrites."""
    where = Position(
        f"templates/{getattr(exc, 'name', None) or '?'}", getattr(exc, "lineno", 0) or 0
    )
    for frame, line in traceback.walk_tb(exc.__traceback__):
        filename = Path(frame.f_code.co_filename)
        if filename.is_relative_to(templates):
            where = Position(f"templates/{filename.relative_to(templates).as_posix()}", line)
    return ContentError(
        where,
        f"the template failed while rendering {url}: {type(exc).__name__}: {exc}",
        "fix the template at this line (or the content it reads)",
    )


@jinja2.pass_context
def _cases_in(context: jinja2.runtime.Context, group_key: str) -> tuple[Case, ...]:
    return tuple(case for case in context["content"].cases if case.group == group_key)


def _jsonld(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> block, safe against '</script>'."""
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
