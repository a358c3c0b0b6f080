"""`build.py edit` refuses clearly, in Norwegian, when what it runs on is not installed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT, folders_for

from showcase.commands import cli


def test_edit_without_decap_installed_says_to_run_make_edit(
    copy_site: Callable[[], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from showcase.commands.edit import edit

    folders = folders_for(copy_site())
    bare = tmp_path / "project-without-node-modules"
    bare.mkdir()
    code = edit(bare, folders, tmp_path / "site", (8000, 8081), "nb", open_browser=False)
    assert code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "node_modules/decap-server mangler: kjør `make edit`, som installerer det" in err
    assert "node_modules/decap-cms mangler" in err


def test_edit_is_a_command_with_a_proxy_port() -> None:
    args = cli.parse_args(["edit", "--proxy-port", "9001", "--no-browser"])
    assert (args.command, args.proxy_port, args.no_browser) == ("edit", 9001, True)
    assert PROJECT.joinpath("showcase/editor/static/index.html").is_file()
