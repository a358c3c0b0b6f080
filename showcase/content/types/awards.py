"""Awards (content/awards/<key>.yaml): who gave what, when and where, with its figures and
milestones."""

from __future__ import annotations

from ..declaration import ContentType, Field
from ..model import Award, Figure, Milestone, PartialDate
from ..reader import Reader
from .shared import STATUS, t

FIGURE_QUALIFIERS = ("about", "more_than")
_DATE_HELP = t(
    "Dato (ÅÅÅÅ-MM-DD); i filen også «ÅÅÅÅ-MM» eller «ÅÅÅÅ» når det er alt kilden sier.",
    "Date (YYYY-MM-DD); in the file also “YYYY-MM” or “YYYY” when that is all the source says.",
)


def _text(name: str, nb: str, en: str, help_nb: str, help_en: str, **options: object) -> Field:
    return Field(name, "text", t(nb, en), t(help_nb, help_en), translated=True, **options)  # type: ignore[arg-type]


FIGURE = Field(
    "figures",
    "items",
    t("Tall fra kilden", "Figures from the source"),
    t(
        "Tall som kilden oppgir, med hva de gjelder.",
        "Numbers the source gives, with what they are about.",
    ),
    fields=(
        Field("value", "integer", t("Tall", "Number"), t("Tallet.", "The number.")),
        Field(
            "of",
            "integer",
            t("Av", "Out of"),
            t("Valgfritt: «av» hvor mange.", "Optional: out of how many."),
            required=False,
        ),
        Field(
            "qualifier",
            "choice",
            t("Presisering", "Qualifier"),
            t("Valgfritt: about = om lag, more_than = mer enn.", "Optional: about, or more_than."),
            required=False,
            choices=FIGURE_QUALIFIERS,
        ),
        _text(
            "label",
            "Hva tallet gjelder",
            "What the number is about",
            "Høyst 90 tegn.",
            "At most 90 characters.",
            max_length=90,
            example=t("Skriv hva tallet gjelder", "Write what the number is about"),
        ),
    ),
)
MILESTONE = Field(
    "milestones",
    "items",
    t("Milepæler", "Milestones"),
    t("Valgfritt: det som skjedde underveis.", "Optional: what happened along the way."),
    required=False,
    fields=(
        Field("date", "date", t("Dato", "Date"), _DATE_HELP),
        _text("place", "Sted", "Place", "Valgfritt.", "Optional.", required=False),
        Field(
            "text",
            "paragraph",
            t("Tekst", "Text"),
            t("Hva som skjedde.", "What happened."),
            translated=True,
        ),
    ),
)
DECLARATION = ContentType(
    name="awards",
    storage="yaml-folder",
    path="awards",
    label=t("Priser", "Awards"),
    label_singular=t("Pris", "Award"),
    help=t("Prisene og utmerkelsene, én fil for hver.", "The awards and honours, one file each."),
    fields=(
        STATUS,
        _text(
            "name",
            "Navn på prisen",
            "Name of the award",
            "Navnet på prisen eller konkurransen, høyst 80 tegn.",
            "The name of the award or competition, at most 80 characters.",
            max_length=80,
            example={"en": "Write the name of the award in English"},
        ),
        _text(
            "awarded_by",
            "Delt ut av",
            "Awarded by",
            "Hvem som delte den ut.",
            "Who gave it.",
            example=t("Skriv hvem som delte ut prisen", "Write who gave the award"),
        ),
        Field("date", "date", t("Dato", "Date"), _DATE_HELP),
        Field(
            "end_date",
            "date",
            t("Sluttdato", "End date"),
            t("Valgfritt: når det varte flere dager.", "Optional: when it lasted several days."),
            required=False,
        ),
        _text(
            "place",
            "Sted",
            "Place",
            "Valgfritt: stedet, høyst 30 tegn.",
            "Optional: the place, at most 30 characters.",
            required=False,
            max_length=30,
            example=t("Skriv stedet", "Write the place"),
        ),
        _text(
            "result",
            "Resultat",
            "Outcome",
            "Hva velferdslaben oppnådde, f.eks. «Best Practice Certificate».",
            "What the welfare lab achieved, e.g. “Best Practice Certificate”.",
            max_length=50,
            example=t("Skriv resultatet", "Write the result"),
        ),
        Field(
            "summary",
            "markdown",
            t("Sammendrag", "Summary"),
            t(
                "Et kort sammendrag, ett eller to avsnitt.",
                "A short summary, one or two paragraphs.",
            ),
            translated=True,
            example=t("Skriv et kort sammendrag.", "Write a short summary."),
        ),
        FIGURE,
        MILESTONE,
        _text(
            "source",
            "Kilde",
            "Source",
            "Hvor opplysningene kommer fra.",
            "Where the facts come from.",
            example=t("Skriv kilden", "Write the source"),
        ),
    ),
)


def read_awards(reader: Reader) -> tuple[Award, ...]:
    awards = []
    for source, f, v in reader.yaml_items(DECLARATION):
        figures = tuple(
            Figure(
                value=item.integer("value"),
                of=item.optional_integer("of"),
                qualifier=item.optional_text("qualifier"),
                label=item.translated("label"),
            )
            for item in v.rows("figures")
        )
        milestones = [
            Milestone(date, item.optional_translated("place"), item.translated("text"))
            for item in v.rows("milestones")
            if (date := item.date("date")) is not None
        ]
        awards.append(
            Award(
                key=source.key,
                name=v.translated("name"),
                awarded_by=v.translated("awarded_by"),
                date=v.date("date")
                or PartialDate(1900),  # only used when valid: the error stops the build
                end_date=v.date("end_date"),
                place=v.optional_translated("place"),
                result=v.translated("result"),
                summary=v.translated("summary"),
                figures=figures,
                milestones=tuple(sorted(milestones, key=lambda m: m.date.sort_key)),
                source=v.translated("source"),
                draft=reader.draft(f),
            )
        )
    return tuple(sorted(awards, key=lambda a: (a.date.sort_key, a.key)))
