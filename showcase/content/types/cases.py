"""Case stories (content/cases/<key>.<lang>.md): anonymised, with a group, services, stability
before and after, goals, measures and the reference of a signed consent form."""

from __future__ import annotations

import re

from ..fields import Fields
from ..model import STABILITY_LEVELS, Case, CaseText, Group, Translated
from ..reader import Reader

CONSENT_PLACEHOLDER = "SAMTYKKE-MANGLER"  # what `new case` writes until consent is recorded


def read_cases(
    reader: Reader, groups: tuple[Group, ...], services: dict[str, Translated]
) -> tuple[Case, ...]:
    cases = []
    group_keys = reader.existing("groups")
    published_groups = {group.key for group in groups}
    for key, files in reader.bilingual("cases"):
        neutral: dict[str, dict[str, object]] = {}
        details: dict[str, CaseText] = {}
        slug: Translated = {}
        for lang, (_md, f) in files.items():
            record = {
                "group": f.choice("group", group_keys),
                "services": reader.references(f, "services", services),
                "stability": _stability(f),
                "consent": _consent(reader, f),
                "illustrative": f.boolean("illustrative", default=False),
            }
            for name, value in record.items():
                neutral.setdefault(name, {})[lang] = value
            goals = f.fields("goals")
            details[lang] = CaseText(
                pseudonym=f.text("pseudonym", max_length=60) or "",
                goals_short=goals.text_list("short"),
                goals_long=goals.text_list("long"),
                measures=f.text_list("measures"),
            )
            goals.done("'goals'")
            slug[lang] = reader.slug(f, key)
        for name, values in neutral.items():
            reader.same_everywhere(files, name, values)
        prose = {lang: reader.prose(md, f) for lang, (md, f) in files.items()}
        published = reader.all_published(key, files)
        for _md, f in files.values():
            f.done("the front matter")
        first = {name: values[reader.languages[0]] for name, values in neutral.items()}
        stability = first["stability"]
        if published and first["group"] and first["group"] not in published_groups:
            published = False
            reader.log.warn(
                files[reader.languages[0]][0].front_where,
                f"not published: its target group '{first['group']}' is not published",
                "publish the target group, or choose another one",
            )
        if published and isinstance(stability, tuple) and first["group"]:
            cases.append(
                Case(
                    key=key,
                    slug=slug,
                    group=str(first["group"]),
                    services=first["services"],  # type: ignore[arg-type]
                    before=stability[0],
                    after=stability[1],
                    illustrative=bool(first["illustrative"]),
                    prose=prose,
                    details=details,
                    draft=reader.draft(*(f for _, f in files.values())),
                )
            )
    reader.unique_slugs(cases, "stories")
    return tuple(cases)


def _stability(f: Fields) -> tuple[str, str] | None:
    inner = f.fields("stability")
    before = inner.choice("before", STABILITY_LEVELS)
    after = inner.choice("after", STABILITY_LEVELS)
    inner.done("'stability'")
    return (before, after) if before and after else None


def _consent(reader: Reader, f: Fields) -> str | None:
    consent = f.text("consent")
    if consent == CONSENT_PLACEHOLDER and f.has("status") and not reader.draft(f):
        reader.log.error(
            f.items["consent"][1].where,
            "a published story needs the reference of its signed consent form",
            f"replace {CONSENT_PLACEHOLDER} with the reference from the consent form",
        )
    if consent is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{2,39}", consent):
        reader.log.error(
            f.items["consent"][1].where,
            "'consent' must be the reference of a signed consent form",
            "write its reference, e.g. SAMTYKKE-2018-004 (letters, digits and hyphens)",
        )
    return consent
