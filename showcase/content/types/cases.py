"""Case stories (content/cases/<key>.<lang>.md): anonymised, with a group, services, stability
before and after, goals, measures and the reference of a signed consent form."""

from __future__ import annotations

import re

from ..declaration import ContentType, Field
from ..fields import Fields
from ..model import STABILITY_LEVELS, Case, CaseText, Group, Translated
from ..reader import Reader
from .credits import IMAGES, read_credits
from .shared import DESCRIPTION, ILLUSTRATIVE, SLUG, STATUS_PER_FILE, TITLE, body, t

CONSENT_PLACEHOLDER = "SAMTYKKE-MANGLER"  # what `new case` writes until consent is recorded


def _level(name: str, nb: str, en: str) -> Field:
    return Field(
        name,
        "choice",
        t(nb, en),
        t(
            "Uholdbar, ustabil, stabil eller bærekraftig.",
            "Untenable, unstable, stable or sustainable.",
        ),
        choices=STABILITY_LEVELS,
        default="ustabil" if name == "before" else "stabil",
    )


def _goals(name: str, nb: str, en: str, example_nb: str, example_en: str) -> Field:
    return Field(
        name,
        "list",
        t(nb, en),
        t("Ett mål per linje.", "One goal per line."),
        translated=True,
        example=t(example_nb, example_en),
    )


DECLARATION = ContentType(
    name="cases",
    storage="markdown-folder",
    path="cases",
    label=t("Historier", "Stories"),
    label_singular=t("Historie", "Story"),
    help=t(
        "Anonymiserte historier om familier og innbyggere, med samtykke.",
        "Anonymised stories of families and citizens, with consent.",
    ),
    fields=(
        TITLE,
        DESCRIPTION,
        SLUG,
        Field(
            "pseudonym",
            "text",
            t("Oppdiktet navn", "Made-up name"),
            t(
                "For eksempel «Familie F». Aldri et ekte navn.",
                "E.g. “Family F”. Never a real name.",
            ),
            translated=True,
            max_length=60,
            example=t("Familie X", "Family X"),
        ),
        Field(
            "group",
            "choice",
            t("Målgruppe", "Target group"),
            t("Målgruppen historien hører til.", "The target group the story belongs to."),
            choices_from="groups",
        ),
        Field(
            "services",
            "choices",
            t("Tjenester rundt bordet", "Services at the table"),
            t("Tjenestene som var med i møtet.", "The services that took part in the meeting."),
            choices_from="services",
        ),
        Field(
            "stability",
            "group",
            t("Situasjonen før og nå", "The situation before and now"),
            t("Nivået på skalaen før møtet og nå.", "The level on the scale before and now."),
            fields=(_level("before", "Før", "Before"), _level("after", "Nå", "Now")),
        ),
        Field(
            "goals",
            "group",
            t("Mål i planen", "Goals in the plan"),
            t("Målene på kort og lang sikt.", "The short- and long-term goals."),
            translated=True,
            fields=(
                _goals(
                    "short",
                    "På kort sikt",
                    "Short term",
                    "Skriv et mål på kort sikt",
                    "Write a short-term goal",
                ),
                _goals(
                    "long",
                    "På lang sikt",
                    "Long term",
                    "Skriv et mål på lang sikt",
                    "Write a long-term goal",
                ),
            ),
        ),
        Field(
            "measures",
            "list",
            t("Tiltak", "Measures"),
            t(
                "Tiltakene som ble avtalt i møtet, ett per linje.",
                "The measures agreed, one per line.",
            ),
            translated=True,
            example=t(
                "Skriv et tiltak som ble avtalt i møtet", "Write a measure agreed in the meeting"
            ),
        ),
        IMAGES,
        STATUS_PER_FILE,
        Field(
            "consent",
            "text",
            t("Samtykke (referanse)", "Consent (reference)"),
            t(
                "Referansen til det signerte samtykkeskjemaet. Vises aldri på nettstedet.",
                "The reference of the signed consent form. Never shown on the site.",
            ),
            default=CONSENT_PLACEHOLDER,
        ),
        Field(
            "illustrative",
            "boolean",
            ILLUSTRATIVE.label,
            ILLUSTRATIVE.help,
            required=False,
            default=True,
        ),
    ),
    body=body(
        "Historien: situasjonen, møtet, planen og hvor familien står nå.",
        "The story: the situation, the meeting, the plan and where things stand now.",
        "Skriv historien her: situasjonen, møtet, planen og hvor familien står nå.",
        "Write the story: the situation, the meeting, the plan and where things stand.",
    ),
)


def read_cases(reader: Reader, groups: tuple[Group, ...]) -> tuple[Case, ...]:
    cases = []
    published_groups = {group.key for group in groups}
    for key, files, values in reader.bilingual_values(DECLARATION):
        details: dict[str, CaseText] = {}
        slug: Translated = {}
        credits = read_credits(reader, files, values)
        for lang, (_md, f) in files.items():
            v = values[lang]
            _consent(reader, f, v.optional_text("consent"), v["status"])
            goals = v.group("goals")
            details[lang] = CaseText(
                pseudonym=v.text("pseudonym"),
                goals_short=goals.texts("short"),
                goals_long=goals.texts("long"),
                measures=v.texts("measures"),
                images=credits[lang],
            )
            slug[lang] = reader.slug(f, v["slug"], key)
        prose = {lang: reader.prose(md, values[lang]) for lang, (md, _f) in files.items()}
        published = reader.all_published(key, files, values)
        for _md, f in files.values():
            f.done("the front matter")
        first = values[reader.languages[0]]
        before, after = (
            first.group("stability").text("before"),
            first.group("stability").text("after"),
        )
        if published and first["group"] and first["group"] not in published_groups:
            published = False
            reader.log.warn(
                files[reader.languages[0]][0].front_where,
                f"not published: its target group '{first['group']}' is not published",
                "publish the target group, or choose another one",
            )
        if published and before and after and first["group"] and first["services"] is not None:
            cases.append(
                Case(
                    key=key,
                    slug=slug,
                    group=first.text("group"),
                    services=first.texts("services"),
                    before=before,
                    after=after,
                    illustrative=first.flag("illustrative"),
                    prose=prose,
                    details=details,
                    draft=reader.draft(*(f for _, f in files.values())),
                )
            )
    reader.unique_slugs(cases, "stories")
    return tuple(cases)


def _consent(reader: Reader, f: Fields, consent: str | None, status: object) -> None:
    if consent is None:
        return
    where = f.items["consent"][1].where
    if consent == CONSENT_PLACEHOLDER and status is not None and not reader.draft(f):
        reader.log.error(
            where,
            "a published story needs the reference of its signed consent form",
            f"replace {CONSENT_PLACEHOLDER} with the reference from the consent form",
        )
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{2,39}", consent):
        reader.log.error(
            where,
            "'consent' must be the reference of a signed consent form",
            "write its reference, e.g. SAMTYKKE-2018-004 (letters, digits and hyphens)",
        )
