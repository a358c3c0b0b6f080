"""The build cache: after any kind of change, a cached build writes exactly what a clean build
writes, and a build with nothing changed does nothing."""

from __future__ import annotations

import marshal
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT

from showcase import pipeline
from showcase.common.errors import BuildError, relative
from showcase.common.folders import Folders
from showcase.output import incremental
from showcase.output import staging as output


def everything(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(copy_site: Callable[[], Path], tmp_path: Path) -> Folders:
    """A fixture site with its own copy of the templates, so tests may edit both."""
    content = copy_site()
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", templates)
    return Folders(root=tmp_path, content=content, templates=templates)


def clean_build(folders: Folders, tmp: Path) -> dict[str, bytes]:
    """The same content built from nothing: another root, so no cache is shared."""
    other = tmp / "clean"
    shutil.rmtree(other, ignore_errors=True)
    shutil.copytree(folders.content, other / "content")
    shutil.copytree(folders.templates, other / "templates")
    fresh = Folders(root=other, content=other / "content", templates=other / "templates")
    pipeline.build(fresh, other / "site", jobs=1)
    return everything(other / "site")


CHANGES: dict[str, Callable[[Folders], None]] = {
    "content edit": lambda f: edit(
        f.content / "cases/nytt-hjem.nb.md", "Historien om A.", "Ny tekst."
    ),
    "front matter moves a story to another group": lambda f: (
        edit(f.content / "groups/utkast.yaml", "status: draft", "status: published"),
        edit(f.content / "cases/nytt-hjem.nb.md", "group: unge", "group: utkast"),
        edit(f.content / "cases/nytt-hjem.en.md", "group: unge", "group: utkast"),
    ),
    "template edit": lambda f: edit(f.templates / "story.html", "<h1>", '<h1 class="x">'),
    "css edit": lambda f: edit(f.templates / "assets/site.css", "--ink: #1b1f23", "--ink: #111"),
    "data file edit": lambda f: edit(f.content / "results.yaml", "stabil: 6", "stabil: 7"),
    "translation added": lambda f: [
        (f.content / f"news/2018-03-01-ny.{lang}.md").write_text(
            f"---\ntitle: Ny {lang}\ndescription: Ny.\nstatus: published\n"
            "illustrative: false\n---\nTekst.\n"
        )
        for lang in ("nb", "en")
    ],
    "file deleted": lambda f: [
        (f.content / f"news/2018-02-13-dubai.{lang}.md").unlink() for lang in ("nb", "en")
    ],
    "status changed to draft": lambda f: [
        edit(f.content / f"cases/nytt-hjem.{lang}.md", "status: published", "status: draft")
        for lang in ("nb", "en")
    ],
}


@pytest.mark.parametrize("change", sorted(CHANGES))
@pytest.mark.parametrize("publish", ["changed files moved in", "whole site swapped in"])
def test_cached_build_equals_clean_build_after(
    project: Folders, tmp_path: Path, change: str, publish: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether site/ gets just the changed files or a whole new folder (output.Patch decides by
    how much changed), it ends up exactly as a clean build, without files no build made."""
    monkeypatch.setattr(output.Patch, "SHARE", 1.0 if publish.startswith("changed") else 0.0)
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    (out / "stray.html").write_text("a file no build made")
    (out / "historier" / "stray").mkdir()
    (out / "historier" / "stray" / "index.html").write_text("nor this")
    CHANGES[change](project)
    report = pipeline.build(project, out, jobs=1)
    assert not report.up_to_date
    assert everything(out) == clean_build(project, tmp_path)
    assert not [p for p in out.rglob("*") if p.is_dir() and not any(p.iterdir())], (
        "no empty folders"
    )
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("site.")], "no leftovers"


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_the_preview_updated_in_place_equals_a_clean_preview_after(
    project: Folders, tmp_path: Path, change: str
) -> None:
    """The preview rewrites only changed files in its folder and removes what is gone."""
    out = tmp_path / "preview"
    pipeline.build(project, out, include_drafts=True, jobs=1, in_place=True)
    (out / "stray.html").write_text("a file no build made")
    CHANGES[change](project)
    pipeline.build(project, out, include_drafts=True, jobs=1, in_place=True)
    clean = tmp_path / "clean-preview"
    pipeline.build(project, clean, include_drafts=True, jobs=1)
    assert everything(out) == everything(clean)
    assert not [p for p in out.rglob("*") if p.is_dir() and not any(p.iterdir())], (
        "no empty folders"
    )


def test_a_build_failing_its_link_check_leaves_site_as_it_was(
    project: Folders, tmp_path: Path
) -> None:
    """The edited pages are rendered already when the link check fails: none may reach site/."""
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    before = everything(out)
    edit(project.content / "cases/nytt-hjem.nb.md", "Historien om A.", "Se [her](/finnes-ikke/).")
    with pytest.raises(BuildError, match="finnes-ikke"):
        pipeline.build(project, out, jobs=1)
    assert everything(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("site")] == ["site"]


def test_an_anchor_gone_from_one_page_breaks_the_links_of_pages_not_rendered_again(
    project: Folders, tmp_path: Path
) -> None:
    """A news item links to a heading in a story. Renaming the heading re-renders the story's
    pages but not the news item (it does not show stories), yet its link is now broken: the
    link check of a cached build must still find it."""
    news = project.content / "news/2018-02-13-dubai.nb.md"
    edit(news, "Vi var **finalist**", "Se [historien](/historier/nytt-hjem/#et-nytt-kapittel).")
    story = project.content / "cases/nytt-hjem.nb.md"
    edit(story, "Historien om A.", "## Et nytt kapittel\n\nHistorien om A.")
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    edit(story, "## Et nytt kapittel", "## Et annet kapittel")
    with pytest.raises(BuildError) as failed:
        pipeline.build(project, out, jobs=1)
    assert [e.where.path for e in failed.value.errors] == [relative(news, project.root)]
    assert "#et-nytt-kapittel" in failed.value.errors[0].message


def test_an_edit_between_two_texts_in_norwegian_letters_is_seen(
    project: Folders, tmp_path: Path
) -> None:
    """Texts with letters outside ASCII are fingerprinted by another path than plain ones."""
    story = project.content / "cases/nytt-hjem.nb.md"
    edit(story, "Historien om A.", "Historien om A. og søsknene hennes.")
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    edit(story, "søsknene hennes.", "søsknene hennes på skolen.")
    report = pipeline.build(project, out, jobs=1)
    assert report.rendered == 5 * 2
    assert "søsknene hennes på skolen." in (out / "historier/nytt-hjem/index.html").read_text()
    assert everything(out) == clean_build(project, tmp_path)


def test_a_story_edit_renders_only_the_pages_that_show_it(project: Folders, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = pipeline.build(project, out, jobs=1)
    assert first.rendered == first.pages
    CHANGES["content edit"](project)
    second = pipeline.build(project, out, jobs=1)
    # in both languages: the story, and the pages listing it (stories, its group, the front
    # page, the search page's page list); nothing else
    assert second.rendered == 5 * 2, second.rendered
    assert "Ny tekst." in (out / "historier/nytt-hjem/index.html").read_text()


def test_the_page_of_the_file_just_saved_is_written_first(
    project: Folders, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview serves pages as they are written: the page the editor is looking at must
    not wait for the long lists that show the same story."""
    out = tmp_path / "preview"
    pipeline.build(project, out, include_drafts=True, jobs=1, in_place=True)
    written: list[str] = []
    put = pipeline.compress.put

    def noting(stage: output.Staging, path: str, data: bytes, copies: bool = True) -> object:
        written.append(path)
        return put(stage, path, data, copies)

    monkeypatch.setattr(pipeline.compress, "put", noting)
    CHANGES["content edit"](project)
    pipeline.build(project, out, include_drafts=True, jobs=1, in_place=True)
    pages = [path for path in written if path.endswith(".html")]
    assert len(pages) == 5 * 2, pages
    assert pages[0] == "historier/nytt-hjem/index.html", pages


def test_nothing_changed_means_nothing_done(project: Folders, tmp_path: Path) -> None:
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    report = pipeline.build(project, out, jobs=1)
    assert report.up_to_date
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_a_changed_file_in_site_is_repaired(project: Folders, tmp_path: Path) -> None:
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    (out / "index.html").write_text("vandalised")
    assert not pipeline.build(project, out, jobs=1).up_to_date
    assert everything(out) == clean_build(project, tmp_path)


@pytest.mark.parametrize("damage", ["truncated", "wrong version", "not a manifest"])
def test_a_damaged_cache_is_noticed_and_ignored(
    project: Folders, tmp_path: Path, damage: str
) -> None:
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    manifest = incremental.manifest_path(project.root, out)
    data = manifest.read_bytes()
    older = marshal.loads(data) | {"format": incremental.FORMAT.replace("marshal", "json")}
    manifest.write_bytes(
        {"truncated": data[: len(data) // 2],
         "wrong version": marshal.dumps(older),
         "not a manifest": b"\x00\x01"}[damage]
    )  # fmt: skip
    CHANGES["content edit"](project)
    report = pipeline.build(project, out, jobs=1)
    assert report.notice.startswith("build cache ")
    assert everything(out) == clean_build(project, tmp_path)


def test_parallel_build_is_byte_identical_to_serial(project: Folders, tmp_path: Path) -> None:
    pipeline.build(project, tmp_path / "serial", jobs=1)
    other = Folders(root=tmp_path / "p", content=project.content, templates=project.templates)
    (tmp_path / "p").mkdir()
    from showcase.common import parallel

    original = parallel.MIN_PER_WORKER
    parallel.MIN_PER_WORKER = 1  # the fixture is small: make sure workers really run
    try:
        pipeline.build(other, tmp_path / "parallel", jobs=2)
    finally:
        parallel.MIN_PER_WORKER = original
    assert everything(tmp_path / "parallel") == everything(tmp_path / "serial")


def test_the_manifest_reads_back_exactly_as_it_was_saved(project: Folders, tmp_path: Path) -> None:
    """Every field survives saving and loading; a field added to Manifest and forgotten in
    `save` fails here."""
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    path = incremental.manifest_path(project.root, out)
    manifest, notice = incremental.load(path)
    assert manifest is not None and notice == ""
    assert manifest.pages and manifest.outputs and manifest.search
    incremental.save(tmp_path / "again.stamp", manifest)
    assert incremental.load(tmp_path / "again.stamp") == (manifest, "")


def test_a_damaged_page_record_file_is_noticed_and_ignored(
    project: Folders, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    pipeline.build(project, out, jobs=1)
    pages = incremental.pages_path(incremental.manifest_path(project.root, out))
    pages.write_bytes(pages.read_bytes()[:100])
    CHANGES["content edit"](project)
    report = pipeline.build(project, out, jobs=1)
    assert report.notice.startswith("build cache ")
    assert everything(out) == clean_build(project, tmp_path)
