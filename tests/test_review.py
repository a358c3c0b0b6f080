"""Review builds (`build.py review`, `make review`): the site as a branch under review makes it,
drafts included, for reviewers only. Every page says it is a preview, in its own language, and
asks robots to stay away; there is no search index, feed, sitemap or handout, nor a link to one;
the links all resolve; site/ is never touched. `publish-review` puts it on a preview server.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROJECT, SITES, SUBPATH, SUBPATH_BASE_URL

from showcase.checks import links
from showcase.commands.cli import main
from showcase.commands.review import ADDRESS_FILE, OUT, branch_slug

PREVIEW = "https://preview.example.no/previews/cms-news-ny"  # a review build's own address
PREFIX = "/previews/cms-news-ny"
BANNER = {"nb": "Forhåndsvisning – ikke publisert", "en": "Preview – not published"}


def project_with_basic_site(root: Path) -> Path:
    """A project folder with the fixture site's content and the real templates."""
    project = root / "project"
    shutil.copytree(SITES / "basic" / "content", project / "content")
    (project / "content" / "images").mkdir(exist_ok=True)
    (project / "templates").symlink_to(PROJECT / "templates")
    return project


def run(project: Path, *args: str) -> int:
    content = ["--content", str(project / "content"), "--jobs", "1", "--lang", "en"]
    return main(project, [*args, *content])


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """The fixture project with its public site built into site/, then a review build made
    with the default output folder; what site/ held before the review build."""
    project = project_with_basic_site(tmp_path_factory.mktemp("review"))
    assert run(project, "build") == 0
    before = digests(project / "site")
    assert run(project, "review", "--base-url", PREVIEW) == 0
    yield project, before


@pytest.fixture(scope="module")
def review(built: tuple[Path, dict[str, str]]) -> Path:
    return built[0] / OUT


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_review_build_goes_into_its_own_folder_and_leaves_site_alone(
    built: tuple[Path, dict[str, str]], review: Path
) -> None:
    project, before = built
    assert (review / "index.html").is_file()
    assert digests(project / "site") == before
    assert "review-banner" not in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_every_page_says_it_is_a_preview_in_its_own_language(review: Path) -> None:
    assert len(pages(review)) > 20
    for page in pages(review):
        html = page.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="(\w+)">', html)
        assert lang, page
        banner = re.search(r'<p class="review-banner"><strong>([^<]+)</strong>', html)
        assert banner and banner[1] == BANNER[lang[1]], page
        assert html.index("review-banner") < html.index('<main id="main"'), page


def test_the_banner_is_styled_on_screen_and_in_print(review: Path) -> None:
    html = (review / "index.html").read_text(encoding="utf-8")
    (stylesheet,) = re.findall(rf'href="{PREFIX}/(assets/review\.\w+\.css)"', html)
    css = (review / stylesheet).read_text(encoding="utf-8")
    assert "background: #ffd200" in css and "color: #000" in css
    assert "display: block" in css.split("@media print")[1]  # never hidden on paper


def test_no_page_may_be_indexed(review: Path) -> None:
    for page in pages(review):
        html = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html, page
    assert (review / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    rules = (review / "_headers").read_text(encoding="utf-8")
    assert "/*\n" in rules and "  X-Robots-Tag: noindex, nofollow\n" in rules


def test_no_search_index_feed_sitemap_or_handout_nor_a_link_to_one(review: Path) -> None:
    files = digests(review)
    assert not [f for f in files if f.startswith(("pagefind/", "handouts/"))]
    assert not [f for f in files if f.endswith((".pdf", "atom.xml")) or f == "sitemap.xml"]
    for page in pages(review):
        html = page.read_text(encoding="utf-8")
        for left_out in ("atom.xml", "application/atom+xml", "/handouts/", "sitemap.xml"):
            assert left_out not in html, (page, left_out)
    search = (review / "sok" / "index.html").read_text(encoding="utf-8")
    assert 'id="search"' not in search and "pagefind" not in search
    assert "Søket virker ikke i forhåndsvisningen" in search


def test_drafts_are_included_and_marked(review: Path) -> None:
    draft = review / "historier" / "hemmelig" / "index.html"
    assert draft.is_file()
    assert 'class="notice draft"' in draft.read_text(encoding="utf-8")


def test_every_link_resolves_under_the_preview_address(review: Path) -> None:
    files = [(path, (review / path).read_bytes()) for path in digests(review)]
    assert links.find_broken(files, PREFIX) == []
    html = (review / "om" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PREVIEW}/om/">' in html


def test_the_build_follows_a_change_of_address(built: tuple[Path, dict[str, str]]) -> None:
    project = built[0]
    out = project.parent / "other"
    assert run(project, "review", "--out", str(out), "--base-url", PREVIEW) == 0
    assert run(project, "review", "--out", str(out), "--base-url", "https://x.example.no") == 0
    html = (out / "om" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://x.example.no/om/">' in html


def test_without_a_base_url_a_review_build_keeps_site_yamls_address_and_path(
    tmp_path: Path,
) -> None:
    project = project_with_basic_site(tmp_path)
    site_yaml = project / "content" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(text.replace("https://test.example.org", SUBPATH_BASE_URL), "utf-8")
    assert run(project, "review") == 0
    html = (project / OUT / "om" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SUBPATH_BASE_URL}om/">' in html
    assert f'href="{SUBPATH}/assets/review.' in html


def test_the_public_site_has_no_mark_of_a_review_build(basic_site: Path) -> None:
    html = (basic_site / "index.html").read_text(encoding="utf-8")
    assert "review-banner" not in html and "noindex" not in html
    assert "X-Robots-Tag" not in (basic_site / "_headers").read_text(encoding="utf-8")
    assert not list((basic_site / "assets").glob("review.*"))


@pytest.mark.parametrize("address", ["http://preview.example.no", "preview.example.no", "https://"])
def test_a_base_url_that_is_not_https_is_a_usage_error(
    address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with_basic_site(tmp_path)
    assert run(project, "review", "--base-url", address) == 2
    assert "must be an https address" in capsys.readouterr().err
    assert not (project / OUT).exists()


@pytest.mark.parametrize(
    ("branch", "slug"),
    [  # as GitLab makes $CI_COMMIT_REF_SLUG
        ("cms/news/ny-side", "cms-news-ny-side"),
        ("cms/cases/Hjem_Først", "cms-cases-hjem-f-rst"),
        ("feature/" + "x" * 70, "feature-" + "x" * 55),
        ("-main-", "main"),
    ],
)
def test_a_branch_gets_the_folder_gitlab_names_its_environment_after(
    branch: str, slug: str
) -> None:
    assert branch_slug(branch) == slug


def test_publish_review_puts_the_preview_live_under_the_branch_and_records_its_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with_basic_site(tmp_path)
    server = tmp_path / "previews-server"
    wanted = ["--target", str(server), "--branch", "cms/news/ny", "--base-url"]
    assert run(project, "publish-review", *wanted, "https://preview.example.no/") == 0
    live = server / "previews" / "cms-news-ny" / "current"
    html = (live / "om" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PREVIEW}/om/">' in html
    assert BANNER["nb"] in html
    env = (project / ADDRESS_FILE).read_text(encoding="utf-8")
    assert env == f"PREVIEW_URL={PREVIEW}/\n"
    assert f"preview: {PREVIEW}/" in capsys.readouterr().out
    assert not (project / "site").exists()
    assert run(project, "publish-review", *wanted, "https://preview.example.no") == 0
    assert len(list((server / "previews" / "cms-news-ny" / "releases").iterdir())) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--branch", "cms/news/ny", "--base-url", "https://p.example.no"], "TARGET is missing"),
        (["--target", "{srv}", "--base-url", "https://p.example.no"], "BRANCH is missing"),
        (["--target", "{srv}", "--branch", "cms/news/ny"], "BASE_URL is missing"),
    ],
)
def test_publish_review_needs_target_branch_and_address(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with_basic_site(tmp_path)
    args = [arg.format(srv=tmp_path / "srv") for arg in args]
    assert run(project, "publish-review", *args) == 2
    assert message in capsys.readouterr().err
    assert not (project / OUT).exists()
