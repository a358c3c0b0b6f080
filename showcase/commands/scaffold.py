"""`python build.py new KIND "Title"`: the files of a new item, ready to fill in.

Every field is present with a short Norwegian comment saying what to write, the status is
`draft`, and the values are valid placeholders, so the new item passes `check` as it is and
appears only in the preview until an editor publishes it.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from ..common.errors import ErrorLog
from ..common.folders import NEW_ITEM_FOLDERS, Folders
from ..content.load import KEY_PATTERN
from ..content.model import STABILITY_LEVELS
from ..content.types.cases import CONSENT_PLACEHOLDER
from ..content.yamlread import Mapping, read_yaml
from ..render.markup import slugify

KINDS = tuple(NEW_ITEM_FOLDERS)
LANGS = ("nb", "en")


def _q(text: str) -> str:
    """A YAML string in double quotes (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def free_key(folder: Path, title: str, prefix: str = "") -> str:
    """A key from the title that no file in `folder` uses yet: 'ny-historie', 'ny-historie-2'.

    `prefix` is a glob for what may stand before the key, e.g. any date for news items, whose
    addresses leave the date out and so must differ from every other news item's.
    """
    base = slugify(title)[:50].strip("-") or "ny"
    key, n = base, 1
    while any(folder.glob(f"{prefix}{key}.*")):
        n += 1
        key = f"{base}-{n}"
    assert KEY_PATTERN.match(key)
    return key


def _keys(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml") if KEY_PATTERN.match(p.stem))


def _service_keys(content: Path) -> list[str]:
    path = content / "services.yaml"
    node = (
        read_yaml(path.read_text(encoding="utf-8"), "services.yaml", ErrorLog())
        if (path.is_file())
        else None
    )
    services = node.items.get("services") if isinstance(node, Mapping) else None
    return list(services[1].items) if services and isinstance(services[1], Mapping) else []


def case_files(title: str, content: Path) -> dict[str, str]:
    groups = _keys(content / "groups")
    services = _service_keys(content)
    group = groups[0] if groups else "unge-voksne"
    service = f"[{services[0]}]" if services else "[]"
    texts = {
        "nb": ("Familie X", "Skriv én setning om historien.", "Skriv et mål på kort sikt",
               "Skriv et mål på lang sikt", "Skriv et tiltak som ble avtalt i møtet",
               "Skriv historien her: situasjonen, møtet, planen og hvor familien står nå."),
        "en": ("Family X", "Write one sentence about the story.", "Write a short-term goal",
               "Write a long-term goal", "Write a measure agreed in the meeting",
               "Write the story: the situation, the meeting, the plan and where things stand."),
    }  # fmt: skip
    files = {}
    for lang, (pseudonym, description, short, long, measure, body) in texts.items():
        files[lang] = f"""---
# Overskriften på historien{" (på engelsk i denne filen)" if lang == "en" else ""}.
title: {_q(title)}
# Én setning om historien, maks 200 tegn. Brukes i lister, søk og når siden deles.
description: {_q(description)}
# Et oppdiktet navn, f.eks. «Familie F» eller «Ung voksen C». Aldri et ekte navn.
pseudonym: {_q(pseudonym)}
# Målgruppen, en av: {", ".join(groups) or "nøkler fra content/groups/"}. Lik på alle språk.
group: {group}
# Tjenestene rundt bordet, nøkler fra content/services.yaml. Lik på alle språk.
services: {service}
# Situasjonen før og nå: {", ".join(STABILITY_LEVELS)}. Lik på alle språk.
stability:
  before: ustabil
  after: stabil
# Målene i planen: på kort sikt (short) og lang sikt (long), ett per linje.
goals:
  short:
    - {_q(short)}
  long:
    - {_q(long)}
# Tiltakene som ble avtalt i møtet, ett per linje.
measures:
  - {_q(measure)}
# draft = utkast, vises bare i forhåndsvisningen. Sett published på alle språk når den er klar.
status: draft
# Referansen til det signerte samtykkeskjemaet. Vises aldri på nettstedet. Lik på alle språk.
consent: {CONSENT_PLACEHOLDER}
# true = et illustrerende eksempel, ikke en virkelig familie (merkes tydelig på siden).
illustrative: true
---
{body}
"""
    return files


def news_files(title: str) -> dict[str, str]:
    texts = {
        "nb": ("Skriv én setning om nyheten.", "## Mellomtittel\n\nSkriv nyheten her."),
        "en": ("Write one sentence about the news.", "## Subheading\n\nWrite the news here."),
    }
    return {
        lang: f"""---
# Overskriften på nyheten. Datoen står i filnavnet (ÅÅÅÅ-MM-DD-…).
title: {_q(title)}
# Én setning om nyheten, maks 200 tegn. Brukes i lister, nyhetsstrømmen og når siden deles.
description: {_q(description)}
# draft = utkast, vises bare i forhåndsvisningen. Sett published på alle språk når den er klar.
status: draft
# true bare hvis nyheten er et oppdiktet eksempel.
illustrative: false
---
{body}
"""
        for lang, (description, body) in texts.items()
    }


def page_files(title: str, key: str) -> dict[str, str]:
    texts = {
        "nb": ("Skriv én setning om siden.", "Skriv teksten her."),
        "en": ("Write one sentence about the page.", "Write the text here."),
    }
    return {
        lang: f"""---
# Overskriften på siden.
title: {_q(title)}
# Én setning om siden, maks 200 tegn. Vises i søkeresultater og når siden deles.
description: {_q(description)}
# Siste del av adressen: /{key}/ på norsk og /en/{key}/ på engelsk. Små bokstaver og bindestrek.
slug: {key}
# draft = utkast, vises bare i forhåndsvisningen. Sett published på alle språk når den er klar.
status: draft
---
{body}
"""
        for lang, (description, body) in texts.items()
    }


def award_file(title: str, today: datetime.date) -> str:
    return f"""# En pris eller utmerkelse. Tekster skrives på begge språk: {{nb: ..., en: ...}}
# draft = utkast, vises bare i forhåndsvisningen. Sett published når den er klar.
status: draft
# Navnet på prisen eller konkurransen.
name:
  nb: {_q(title)}
  en: {_q(title)}
# Hvem som delte den ut.
awarded_by:
  nb: "Skriv hvem som delte ut prisen"
  en: "Write who gave the award"
# Dato: "ÅÅÅÅ-MM-DD", eller "ÅÅÅÅ-MM" eller "ÅÅÅÅ" når det er alt kilden sier. I anførselstegn.
date: "{today.isoformat()}"
# Sluttdato hvis det varte flere dager (kan slettes).
end_date: "{today.isoformat()}"
# Stedet (kan slettes hvis det er ukjent).
place:
  nb: "Skriv stedet"
  en: "Write the place"
# Hva velferdslaben oppnådde, f.eks. «Best Practice Certificate» eller «Finalist».
result:
  nb: "Skriv resultatet"
  en: "Write the result"
# Et kort sammendrag i Markdown, ett eller to avsnitt.
summary:
  nb: |
    Skriv et kort sammendrag.
  en: |
    Write a short summary.
# Tall fra kilden: value (tallet), of (valgfritt: «av» hvor mange), qualifier (valgfritt:
# about = om lag, more_than = mer enn) og label (hva tallet gjelder).
figures:
  - value: 1
    label:
      nb: "skriv hva tallet gjelder"
      en: "write what the number is about"
# Milepæler underveis (valgfritt): date, place (valgfritt) og text.
milestones: []
# Hvor opplysningene kommer fra.
source:
  nb: "Skriv kilden"
  en: "Write the source"
"""


def create(
    kind: str, title: str, folders: Folders, today: datetime.date | None = None
) -> list[Path]:
    """Write the new item's files (never overwriting any) and return their paths."""
    today = today or datetime.date.today()
    folder = folders.content / NEW_ITEM_FOLDERS[kind]
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "award":
        path = folder / f"{free_key(folder, title)}.yaml"
        path.write_text(award_file(title, today), encoding="utf-8")
        return [path]
    if kind == "news":
        stem = f"{today.isoformat()}-" + free_key(folder, title, "[0-9]*-[0-9]*-[0-9]*-")
        files = news_files(title)
    elif kind == "case":
        stem = free_key(folder, title)
        files = case_files(title, folders.content)
    else:
        stem = free_key(folder, title)
        files = page_files(title, stem)
    paths = []
    for lang in LANGS:
        path = folder / f"{stem}.{lang}.md"
        with path.open("x", encoding="utf-8") as handle:
            handle.write(files[lang])
        paths.append(path)
    return paths
