"""Results (content/results.yaml): what the sources found, in words, as of a date and with the
source named; then the illustrative counts per target group and stability level, before and
after, shown only for published groups, in the groups' order."""

from __future__ import annotations

from ...common.errors import Position
from ..declaration import ContentType, Field
from ..declared import Values
from ..load import read_yaml_file, single_file
from ..model import STABILITY_LEVELS, Group, GroupResult, Results
from ..reader import Reader
from .shared import t

_LEVEL_NAMES = {
    "uholdbar": ("Uholdbar", "Untenable"),
    "ustabil": ("Ustabil", "Unstable"),
    "stabil": ("Stabil", "Stable"),
    "baerekraftig": ("Bærekraftig", "Sustainable"),
}
FINDING_LENGTH = 100  # one short sentence: one line on the handout, which has room for five
SOURCE_LENGTH = 100
NOTE_LENGTH = 200


def _counts(name: str, nb: str, en: str) -> Field:
    return Field(
        name,
        "group",
        t(nb, en),
        t("Hvor mange familier på hvert nivå.", "How many families at each level."),
        fields=tuple(
            Field(level, "integer", t(*_LEVEL_NAMES[level]), t("Et antall.", "A count."))
            for level in STABILITY_LEVELS
        ),
    )


DECLARATION = ContentType(
    name="results",
    storage="yaml-file",
    path="results.yaml",
    label=t("Resultater", "Results"),
    label_singular=t("Resultater", "Results"),
    help=t(
        "Funnene i ord, og tallene på resultatsiden per målgruppe, før og etter.",
        "The findings in words, and the numbers on the results page per target group, "
        "before and after.",
    ),
    creatable=False,
    fields=(
        Field(
            "as_of",
            "date",
            t("Per dato", "As of"),
            t(
                "Når funnene gjaldt (ÅÅÅÅ-MM-DD); i filen også «ÅÅÅÅ-MM», f.eks. «2018-02», når "
                "kilden bare sier måneden.",
                "When the findings held (YYYY-MM-DD); in the file also “YYYY-MM”, e.g. "
                "“2018-02”, when the source gives only the month.",
            ),
            required=False,
        ),
        Field(
            "findings",
            "items",
            t("Funn", "Findings"),
            t(
                "Det kildene sier om resultatene, én kort setning hver. Vises på resultatsiden og "
                "forsiden; informasjonsarket har plass til de fem første.",
                "What the sources say about the results, one short sentence each. Shown on the "
                "results page and the front page; the handout has room for the first five.",
            ),
            required=False,
            fields=(
                Field(
                    "text",
                    "text",
                    t("Funn", "Finding"),
                    t(
                        "Én kort setning, høyst 100 tegn.",
                        "One short sentence, at most 100 characters.",
                    ),
                    translated=True,
                    max_length=FINDING_LENGTH,
                    example=t("Skriv funnet", "Write the finding"),
                ),
            ),
        ),
        Field(
            "source",
            "text",
            t("Kilde", "Source"),
            t(
                "Hvor funnene kommer fra, f.eks. «Asker kommune, nyhetssaker februar 2018». "
                "Høyst 100 tegn.",
                "Where the findings come from, e.g. “Asker kommune, news stories February "
                "2018”. At most 100 characters.",
            ),
            translated=True,
            required=False,
            max_length=SOURCE_LENGTH,
        ),
        Field(
            "illustrative",
            "boolean",
            t("Illustrerende tall", "Illustrative numbers"),
            t(
                "På når tallene er et eksempel og ikke målt; siden sier det da tydelig.",
                "On when the numbers are an example, not measured; the page then says so.",
            ),
            required=False,
            default=True,
        ),
        Field(
            "note",
            "paragraph",
            t("Merknad", "Note"),
            t(
                "Hvor tallene kommer fra, eller hvordan de er laget når de er et eksempel. "
                "Høyst 200 tegn.",
                "Where the numbers come from, or how they were made when they are an example. "
                "At most 200 characters.",
            ),
            translated=True,
            max_length=NOTE_LENGTH,
        ),
        Field(
            "groups",
            "items",
            t("Målgrupper", "Target groups"),
            t("Én rad per målgruppe.", "One row per target group."),
            fields=(
                Field(
                    "group",
                    "choice",
                    t("Målgruppe", "Target group"),
                    t("Målgruppen tallene gjelder.", "The target group the numbers are for."),
                    choices_from="groups",
                ),
                _counts("before", "Før", "Before"),
                _counts("after", "Etter", "After"),
            ),
        ),
    ),
)


def read_results(reader: Reader, groups: tuple[Group, ...]) -> Results | None:
    path = reader.folders.content / DECLARATION.path
    if not path.exists():
        return None
    source = single_file(path, reader.folders.root, reader.log)
    if source is None:
        return None
    node = read_yaml_file(source, reader.log)
    f = reader.fields(node, Position(source.rel, 1, 1))
    rows = []
    seen: set[str] = set()
    for v, item in reader.declared_items(f, DECLARATION.field("groups")):
        key = v.text("group")
        if key and key in seen:
            reader.log.error(
                item.where, f"the target group '{key}' is listed twice", "remove one of them"
            )
        seen.add(key)
        before, after = _levels(v.group("before")), _levels(v.group("after"))
        if sum(before.values()) != sum(after.values()):
            reader.log.warn(
                item.where,
                f"'{key}' counts {sum(before.values())} before and {sum(after.values())} after",
                "check the numbers: each family is usually counted once before and once after",
            )
        if any(group.key == key for group in groups):  # unpublished groups show nowhere
            rows.append(GroupResult(key, before, after))
    v = reader.values(f, tuple(field for field in DECLARATION.fields if field.name != "groups"))
    f.done(DECLARATION.path)
    order = {group.key: i for i, group in enumerate(groups)}  # as the groups are shown
    rows.sort(key=lambda r: order[r.group])
    return Results(
        v.flag("illustrative"),
        v.translated("note"),
        tuple(rows),
        as_of=v.date("as_of"),
        findings=tuple(text for item in v.rows("findings") if (text := item.translated("text"))),
        source=v.optional_translated("source"),
    )


def _levels(counts: Values) -> dict[str, int]:
    return {level: counts.integer(level) for level in STABILITY_LEVELS}
