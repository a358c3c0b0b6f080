"""The browser editor's deploy settings, `deploy/editor.yaml`: whether entries go through review
(Decap's editorial workflow) and which git host a hosted editor saves to. IT edits this small
file; the editor's configuration is made from it and the declaration, never edited by hand.

`make edit` always saves through the local proxy on 127.0.0.1, whatever backend is named here:
the backend is what `build.py editor-config` writes for an editor hosted beside the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SETTINGS_FILE = Path("deploy") / "editor.yaml"
REPO_SHAPE = "owner/name"
# Each hosted backend's Decap settings (decap-cms-backend-*/src/implementation): what may be set.
BACKENDS: dict[str, tuple[str, ...]] = {
    "github": ("repo", "branch", "base_url", "auth_endpoint", "api_root", "auth_scope"),
    "gitlab": ("repo", "branch", "auth_type", "app_id", "base_url", "auth_endpoint", "api_root"),
    "gitea": ("repo", "branch", "app_id", "base_url", "api_root"),
    "proxy": (),
}
REQUIRED = {"github": ("repo",), "gitlab": ("repo",), "gitea": ("repo", "app_id", "base_url")}
NO_WORKFLOW = ("gitea",)  # decap-cms-backend-gitea: "does not support editorial workflow"


class SettingsError(ValueError):
    """A wrong setting in deploy/editor.yaml: the message (English, translated when shown)
    says which and what to write instead."""


@dataclass(frozen=True)
class EditorSettings:
    workflow: bool = False
    backend: dict[str, str] = field(default_factory=lambda: {"name": "proxy"})

    @property
    def hosted(self) -> bool:
        return self.backend["name"] != "proxy"


def read_settings(root: Path) -> EditorSettings:
    """The settings in `root`/deploy/editor.yaml, the defaults when there is no such file."""
    path = root / SETTINGS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return EditorSettings()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{SETTINGS_FILE} cannot be read: {exc}") from exc
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise SettingsError(f"{SETTINGS_FILE} is not valid YAML: {exc}") from exc
    return parse_settings(data)


def parse_settings(data: Any) -> EditorSettings:
    if not isinstance(data, dict):
        raise SettingsError(f"{SETTINGS_FILE} must hold the settings 'workflow' and 'backend'")
    unknown = sorted(set(data) - {"workflow", "backend"})
    if unknown:
        raise SettingsError(
            f"{SETTINGS_FILE}: unknown setting '{unknown[0]}'; there are workflow and backend"
        )
    workflow = data.get("workflow", False)
    if not isinstance(workflow, bool):
        raise SettingsError(f"{SETTINGS_FILE}: 'workflow' must be true or false")
    backend = _backend(data.get("backend") or {"name": "proxy"})
    if workflow and backend["name"] in NO_WORKFLOW:
        raise SettingsError(
            f"{SETTINGS_FILE}: Decap's {backend['name']} backend has no editorial workflow; "
            "set 'workflow: false' and review through protected branches instead"
        )
    return EditorSettings(workflow, backend)


def _backend(data: Any) -> dict[str, str]:
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise SettingsError(f"{SETTINGS_FILE}: 'backend' needs a 'name': one of {_names()}")
    name = data["name"]
    if name not in BACKENDS:
        raise SettingsError(f"{SETTINGS_FILE}: unknown backend '{name}'; use one of {_names()}")
    allowed = BACKENDS[name]
    for key, value in data.items():
        if key != "name" and key not in allowed:
            listed = ", ".join(allowed) or "nothing else"
            raise SettingsError(
                f"{SETTINGS_FILE}: the {name} backend has no setting '{key}'; it takes {listed}"
            )
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(f"{SETTINGS_FILE}: backend '{key}' must be a text")
    for key in REQUIRED.get(name, ()):
        if key not in data:
            raise SettingsError(f"{SETTINGS_FILE}: the {name} backend needs '{key}'")
    repo = data.get("repo")
    if repo is not None and (repo.count("/") < 1 or repo.startswith("/") or repo.endswith("/")):
        raise SettingsError(f"{SETTINGS_FILE}: backend 'repo' must be {REPO_SHAPE}, not '{repo}'")
    for key in ("base_url", "api_root"):
        if key in data and not data[key].startswith("https://"):
            raise SettingsError(f"{SETTINGS_FILE}: backend '{key}' must start with https://")
    return {str(key): str(value) for key, value in data.items()}


def _names() -> str:
    return ", ".join(BACKENDS)
