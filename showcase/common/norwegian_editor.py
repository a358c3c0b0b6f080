"""The Norwegian of the browser editor's messages about review before publishing (`build.py edit
--workflow`) and its deploy settings, deploy/editor.yaml (helper G, issues 14 and 15).

Each entry is (English shape, Norwegian shape); {name} matches any text and is carried over.
"""

from __future__ import annotations

EDITOR: tuple[tuple[str, str], ...] = (
    (
        "the editorial workflow needs {root} to be a git repository: run `git init` there and "
        "commit the content first",
        "gjennomgang før publisering krever at {root} er et git-repo: kjør `git init` der og "
        "commit innholdet først",
    ),
    (
        "the editorial workflow needs a branch with a first commit in {root}: commit the "
        "content first",
        "gjennomgang før publisering krever en gren med en første commit i {root}: commit "
        "innholdet først",
    ),
    (
        "an entry was published, but {branch} in {root} has commits or changes of its own: "
        "commit them, then run `git pull --no-rebase {clone}` there",
        "en oppføring ble publisert, men {branch} i {root} har egne commits eller endringer: "
        "commit dem, og kjør så `git pull --no-rebase {clone}` der",
    ),
    ("git {command} failed", "git {command} feilet"),
    ("{file} cannot be read: {reason}", "{file} kan ikke leses: {reason}"),
    ("{file} is not valid YAML: {reason}", "{file} er ikke gyldig YAML: {reason}"),
    (
        "{file} must hold the settings 'workflow' and 'backend'",
        "{file} må inneholde innstillingene 'workflow' og 'backend'",
    ),
    (
        "{file}: unknown setting '{name}'; there are workflow and backend",
        "{file}: ukjent innstilling '{name}'; innstillingene er workflow og backend",
    ),
    (
        "{file}: 'workflow' must be true or false",
        "{file}: 'workflow' må være true eller false",
    ),
    (
        "{file}: Decap's {backend} backend has no editorial workflow; set 'workflow: false' "
        "and review through protected branches instead",
        "{file}: Decaps {backend}-tilkobling har ikke gjennomgang før publisering; skriv "
        "'workflow: false', og la gjennomgangen skje med beskyttede grener i stedet",
    ),
    (
        "{file}: 'backend' needs a 'name': one of {names}",
        "{file}: 'backend' må ha et 'name': en av {names}",
    ),
    (
        "{file}: unknown backend '{name}'; use one of {names}",
        "{file}: ukjent tilkobling '{name}'; bruk en av {names}",
    ),
    (
        "{file}: the {backend} backend has no setting '{key}'; it takes {keys}",
        "{file}: {backend}-tilkoblingen har ingen innstilling '{key}'; den tar {keys}",
    ),
    ("nothing else", "ingenting annet"),
    ("{file}: backend '{key}' must be a text", "{file}: backend '{key}' må være en tekst"),
    (
        "{file}: the {backend} backend needs '{key}'",
        "{file}: {backend}-tilkoblingen trenger '{key}'",
    ),
    (
        "{file}: backend 'repo' must be {shape}, not '{repo}'",
        "{file}: backend 'repo' må være {shape}, ikke '{repo}'",
    ),
    (
        "{file}: backend '{key}' must start with https://",
        "{file}: backend '{key}' må begynne med https://",
    ),
    ("owner/name", "eier/navn"),
    (
        "{file} names no git host: set backend.name to github or gitlab",
        "{file} nevner ingen git-tjener: sett backend.name til github eller gitlab",
    ),
)
