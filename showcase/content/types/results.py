"""Results (content/results.yaml): counts per target group and stability level, before and
after; shown only for published groups, in the groups' order."""

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
        "Tallene på resultatsiden, per målgruppe, før og etter.",
        "The numbers on the results page, per target group, before and after.",
    ),
    creatable=False,
    fields=(
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
                "Hvor tallene kommer fra, eller at de er et eksempel.",
                "Where the numbers come from.",
            ),
            translated=True,
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
    return Results(v.flag("illustrative"), v.translated("note"), tuple(rows))


def _levels(counts: Values) -> dict[str, int]:
    return {level: counts.integer(level) for level in STABILITY_LEVELS}
