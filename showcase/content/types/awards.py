"""Awards (content/awards/<key>.yaml): who gave what, when and where, with its figures and
milestones."""

from __future__ import annotations

from ..model import Award, Figure, Milestone, PartialDate
from ..reader import Reader

FIGURE_QUALIFIERS = ("about", "more_than")


def read_awards(reader: Reader) -> tuple[Award, ...]:
    awards = []
    for source, f in reader.yaml_items("awards"):
        published = reader.published(f)
        figures = []
        for item in f.each("figures"):
            figures.append(
                Figure(
                    value=item.integer("value") or 0,
                    of=item.integer("of", required=False),
                    qualifier=item.choice("qualifier", FIGURE_QUALIFIERS, required=False),
                    label=item.translated("label", max_length=90) or {},
                )
            )
            item.done("a figure")
        milestones = []
        for item in f.each("milestones", required=False):
            date = item.date("date")
            if date is not None:
                milestones.append(
                    Milestone(
                        date,
                        item.translated("place", required=False),
                        item.translated("text") or {},
                    )
                )
            item.done("a milestone")
        date = f.date("date")
        award = Award(
            key=source.key,
            name=f.translated("name", max_length=80) or {},
            awarded_by=f.translated("awarded_by") or {},
            date=date or PartialDate(1900),  # only used when valid: the error stops the build
            end_date=f.date("end_date", required=False),
            place=f.translated("place", required=False, max_length=30),
            result=f.translated("result", max_length=50) or {},
            summary=f.translated("summary") or {},
            figures=tuple(figures),
            milestones=tuple(sorted(milestones, key=lambda m: m.date.sort_key)),
            source=f.translated("source") or {},
            draft=reader.draft(f),
        )
        f.done(source.rel)
        if published:
            awards.append(award)
    return tuple(sorted(awards, key=lambda a: (a.date.sort_key, a.key)))
