"""Awards (content/awards/<key>.yaml), read as award → outcome → date → place: the award or
competition (with its year), what the welfare lab got out of it, when and where, and who gave it,
with the figures and milestones the source gives."""

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
            "Navnet på prisen eller konkurransen, med året, f.eks. «Innovasjonsprisen 2017». "
            "Høyst 80 tegn.",
            "The name of the award or competition, with its year, e.g. “Innovation Prize "
            "2017”. At most 80 characters.",
            max_length=80,
            example={"en": "Write the name of the award in English"},
        ),
        _text(
            "outcome",
            "Resultat",
            "Outcome",
            "Hva velferdslaben fikk eller ble, f.eks. «Best Practice Certificate» eller "
            "«Finalist», eller hvem som vant. Uten årstall, høyst 50 tegn.",
            "What the welfare lab received or became, e.g. “Best Practice Certificate” or "
            "“Finalist”, or who won. No year, at most 50 characters.",
            max_length=50,
            example=t("Skriv resultatet", "Write the outcome"),
        ),
        _text(
            "lab_role",
            "Velferdslabens del",
            "The welfare lab's part",
            "Valgfritt: når prisen gikk til noen andre, hva velferdslaben hadde med den å "
            "gjøre, f.eks. «Ett av tre prosjekter bak nominasjonen». Høyst 90 tegn.",
            "Optional: when the award went to someone else, what the welfare lab had to do "
            "with it, e.g. “One of three projects behind the nomination”. At most 90 characters.",
            required=False,
            max_length=90,
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
            "awarded_by",
            "Delt ut av",
            "Awarded by",
            "Hvem som delte den ut.",
            "Who gave it.",
            example=t("Skriv hvem som delte ut prisen", "Write who gave the award"),
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
                outcome=v.translated("outcome"),
                lab_role=v.optional_translated("lab_role"),
                summary=v.translated("summary"),
                figures=figures,
                milestones=tuple(sorted(milestones, key=lambda m: m.date.sort_key)),
                source=v.translated("source"),
                draft=reader.draft(f),
            )
        )
    return tuple(sorted(awards, key=lambda a: (a.date.sort_key, a.key)))
