"""The output-folder guard, the build's mark and the one-line report of an internal error.

A build replaces its output folder whole, so `check_output_folder` must refuse every folder
whose loss would hurt, before anything is created or deleted. System paths are only ever given
to the guard itself, never to a build: were the guard broken, a build would replace them.
Devices, pipes and sockets are made inside the test's own temporary folder, and builds that
must be refused run in a temporary copy of the project.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT, SITES, folders_for
from hostile import device_node

from showcase import pipeline
from showcase.commands.cli import main
from showcase.output import incremental
from showcase.output.staging import (
    MARK,
    MARK_TEXT,
    InPlace,
    UnsafeOutput,
    check_output_folder,
    write_site,
)

CONTENT, TEMPLATES = PROJECT / "content", PROJECT / "templates"


def guard(out: Path, root: Path = PROJECT) -> None:
    check_output_folder(out, root, [root / "content", root / "templates"])


# -- what the guard refuses -------------------------------------------------------------------

SYSTEM_PATHS = [
    "/",
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/lib",
    "/lib64",
    "/proc",
    "/root",
    "/run",
    "/sbin",
    "/sys",
    "/usr",
    "/var",
    "/tmp",
    "/dev/null",
    "/dev/shm/site",
    "/proc/self",
    "/sys/kernel/site",
    "/etc/site",
    "/etc/nginx/site",
    "/usr/share/site",
    "/usr/local/site",
    "/bin/site",
    "/sbin/site",
    "/boot/site",
]


@pytest.mark.parametrize("path", SYSTEM_PATHS)
def test_system_folders_and_anything_under_the_system_trees_are_refused(path: str) -> None:
    with pytest.raises(
        UnsafeOutput, match=re.escape(f"refusing to write the site into {path}: it ")
    ):
        guard(Path(path))


def test_the_home_folder_and_the_folder_holding_it_are_refused() -> None:
    for path in (Path.home(), Path.home().parent):
        with pytest.raises(UnsafeOutput, match="it would replace"):
            guard(path)


@pytest.mark.parametrize(
    "path",
    [
        PROJECT,
        PROJECT.parent,
        PROJECT / ".git",
        PROJECT / ".git" / "site",
        PROJECT / "showcase",
        PROJECT / "showcase" / "site",
        CONTENT,
        CONTENT / "newsite",
        CONTENT / "cases" / "newsite",
        TEMPLATES,
        TEMPLATES / "newsite",
    ],
    ids=lambda path: path.relative_to(PROJECT.parent).as_posix(),
)
def test_the_project_its_code_content_templates_and_git_are_refused(path: Path) -> None:
    with pytest.raises(
        UnsafeOutput, match=re.escape(f"refusing to write the site into {path}: it ")
    ):
        guard(path)


def test_a_content_folder_elsewhere_and_its_surroundings_are_refused(tmp_path: Path) -> None:
    content = tmp_path / "elsewhere" / "content"
    for out in (content, content / "site", content.parent, tmp_path):
        with pytest.raises(UnsafeOutput):
            check_output_folder(out, content.parent, [content, TEMPLATES])


def _socket(path: Path) -> Path:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.close()  # the socket file stays
    return path


def _file(path: Path) -> Path:
    path.write_text("precious")
    return path


def _link_to_file(path: Path) -> Path:
    path.symlink_to(_file(path.with_name("target.txt")))
    return path


def _link_to_device(path: Path) -> Path:
    path.symlink_to(device_node(path.with_name("device")))
    return path


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (device_node, "a device" if os.geteuid() == 0 else "a named pipe"),
        (lambda path: (os.mkfifo(path), path)[1], "a named pipe"),
        (_socket, "a socket"),
        (_file, "a file"),
        (_link_to_file, "a file"),
        (_link_to_device, "a device" if os.geteuid() == 0 else "a named pipe"),
    ],
    ids=["device", "fifo", "socket", "file", "link-to-file", "link-to-device"],
)
def test_what_is_not_a_folder_is_refused_and_left_alone(
    tmp_path: Path, make: Callable[[Path], Path], kind: str
) -> None:
    out = make(tmp_path / "out")
    before = out.stat().st_mode
    with pytest.raises(UnsafeOutput, match=re.escape(f"{out}: it is {kind}; give --out a folder")):
        guard(out)
    assert out.stat().st_mode == before


def test_a_folder_under_a_file_is_refused(tmp_path: Path) -> None:
    _file(tmp_path / "notes.txt")
    with pytest.raises(UnsafeOutput, match=r"notes\.txt is not a folder"):
        guard(tmp_path / "notes.txt" / "deeper" / "site")


def test_links_in_a_loop_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(UnsafeOutput, match="it cannot be read"):
        guard(tmp_path / "a")


def test_a_folder_with_a_sitemap_but_no_mark_is_refused(tmp_path: Path) -> None:
    """Regression: any folder holding a sitemap.xml counted as a built site and was replaced."""
    out = tmp_path / "site"
    out.mkdir()
    (out / "sitemap.xml").write_text("<urlset/>")
    _file(out / "precious.txt")
    with pytest.raises(
        UnsafeOutput, match=re.escape(f"it holds files this build did not make (no {MARK})")
    ):
        guard(out, tmp_path)


# -- what the guard accepts -------------------------------------------------------------------


def test_missing_empty_and_marked_folders_are_accepted(tmp_path: Path) -> None:
    guard(tmp_path / "missing" / "deeper" / "site", tmp_path)
    (tmp_path / "empty").mkdir()
    guard(tmp_path / "empty", tmp_path)
    (tmp_path / "built").mkdir()
    (tmp_path / "built" / "index.html").write_text("<p>old</p>")
    (tmp_path / "built" / MARK).write_bytes(MARK_TEXT)
    guard(tmp_path / "built", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["built", "empty"]  # nothing made


def test_a_site_from_before_the_mark_is_accepted_by_its_manifest(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>old</p>")
    with pytest.raises(UnsafeOutput):
        guard(out, tmp_path)
    incremental.save(incremental.manifest_path(tmp_path, out), incremental.Manifest())
    guard(out, tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    _file(other / "notes.txt")
    with pytest.raises(UnsafeOutput):  # the manifest of that very folder, not of another one
        guard(other, tmp_path)


# -- the mark ---------------------------------------------------------------------------------


def test_every_way_of_writing_a_site_leaves_the_mark(tmp_path: Path) -> None:
    write_site(tmp_path / "whole", [("index.html", b"page")])
    assert (tmp_path / "whole" / MARK).read_bytes() == MARK_TEXT
    stage = InPlace(tmp_path / "preview")
    assert (tmp_path / "preview" / MARK).is_file()  # before any page: ours even if it fails
    stage.publish({"index.html": stage.put("index.html", b"page")}).join()
    assert sorted(p.name for p in (tmp_path / "preview").iterdir()) == [MARK, "index.html"]


def test_a_site_built_before_the_mark_gets_it_at_the_next_build(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    out = content.parent / "site"
    pipeline.build(folders_for(content), out, jobs=1)
    assert (out / MARK).read_bytes() == MARK_TEXT
    (out / MARK).unlink()  # as the previous version left it: no mark, but its manifest
    story = next((content / "cases").glob("*.md"))
    story.write_text(story.read_text() + "\nOne more sentence.\n")
    pipeline.build(folders_for(content), out, jobs=1)  # a few files changed: moved in one by one
    assert (out / MARK).read_bytes() == MARK_TEXT


# -- whole builds in a temporary project -------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's templates and the fixture content: a broken guard can harm
    nothing real."""
    root = tmp_path / "project"
    shutil.copytree(TEMPLATES, root / "templates")
    shutil.copytree(SITES / "basic" / "content", root / "content")
    (root / "content" / "images").mkdir(exist_ok=True)
    return root


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize(
    "where", ["content/newsite", "templates/newsite", "content", "templates", ".", ".git/site"]
)
def test_a_build_into_the_project_is_refused_and_changes_nothing(
    project: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".git").mkdir()
    before = _tree(project)
    out = (project / where).absolute()
    assert main(project, ["--out", str(out), "--lang", "en"]) == 2
    assert f"error: refusing to write the site into {out}" in capsys.readouterr().err
    assert _tree(project) == before
    assert not (project / "content" / "newsite").exists()
    assert not (project / "templates" / "newsite").exists()


def test_a_build_onto_a_device_or_file_is_refused_and_leaves_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for out in (device_node(project / "null"), _file(project / "notes.txt")):
        mode = out.stat().st_mode
        assert main(project, ["--out", str(out), "--lang", "en"]) == 2
        assert out.stat().st_mode == mode
    assert (project / "notes.txt").read_text() == "precious"
    err = capsys.readouterr().err
    assert f"{project / 'null'}: it is a " in err
    assert f"{project / 'notes.txt'}: it is a file; give --out a folder" in err


def test_the_refusal_is_in_norwegian_by_default(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    out = _file(project / "notes.txt")
    assert main(project, ["--out", str(out)]) == 2
    assert f"feil: nekter å skrive nettstedet til {out}: det er en fil; gi --out en mappe" in (
        capsys.readouterr().err
    )


def test_handouts_alone_leave_a_folder_the_next_build_may_replace(project: Path) -> None:
    out = project / "site"
    assert main(project, ["handout", "--out", str(out), "--lang", "en"]) == 0
    assert (out / MARK).is_file()
    assert main(project, ["--out", str(out), "--lang", "en"]) == 0
    assert (out / "index.html").is_file()


# -- an internal error ------------------------------------------------------------------------


def _broken_build(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("a bug deep inside the build")


def test_an_internal_error_is_one_line_and_a_log_file(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "build", _broken_build)
    assert main(project, ["--out", str(project / "site"), "--lang", "en"]) == 3
    printed = capsys.readouterr()
    (log,) = (project / ".cache" / "logs").glob("crash-*.log")
    assert printed.out == ""
    assert printed.err == (
        "internal error: this is a bug in the site generator, not in your content; "
        f"please report it and attach {log}\n"
    )
    text = log.read_text()
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: a bug deep inside the build" in text
    assert "--lang en" in text
    assert not (project / "site").exists()


def test_the_internal_error_line_is_norwegian_by_default(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    monkeypatch.setattr(pipeline, "build", _broken_build)
    assert main(project, ["--out", str(project / "site")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("intern feil: dette er en feil i nettstedsbyggeren")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_log_goes_to_the_temporary_folder_when_the_project_cannot_hold_it(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "build", _broken_build)
    (project / ".cache").write_text("not a folder")
    (tmp_path / "temp").mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "temp"))
    assert main(project, ["--out", str(project / "site"), "--lang", "en"]) == 3
    (log,) = (tmp_path / "temp").glob("showcase-crash-*.log")
    assert str(log) in capsys.readouterr().err
    assert "a bug deep inside the build" in log.read_text()
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "gone" / "nowhere"))
    (tmp_path / "gone").write_text("not a folder either")
    assert main(project, ["--out", str(project / "site"), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("internal error: this is a bug in the site generator")
    assert "please report it with what follows" in err and "RuntimeError" in err
