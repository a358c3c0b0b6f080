"""Target groups (content/groups/<key>.yaml): name, summary, text, order and address."""

from __future__ import annotations

from ..model import Group
from ..reader import Reader


def read_groups(reader: Reader) -> tuple[Group, ...]:
    groups = []
    for source, f in reader.yaml_items("groups"):
        published = reader.published(f)
        slug = f.translated("slug", required=False) or dict.fromkeys(reader.languages, source.key)
        group = Group(
            key=source.key,
            order=f.integer("order") or 0,
            name=f.translated("name", max_length=70) or {},
            summary=f.translated("summary", max_length=160) or {},
            body=f.translated("body") or {},
            slug=slug,
            draft=reader.draft(f),
        )
        f.done(source.rel)
        if published:
            groups.append(group)
    return tuple(sorted(groups, key=lambda g: (g.order, g.key)))
