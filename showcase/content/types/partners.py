"""Partners (content/partners/<key>.yaml): name, role and an https address."""

from __future__ import annotations

from ..model import Partner
from ..reader import Reader


def read_partners(reader: Reader) -> tuple[Partner, ...]:
    partners = []
    for source, f in reader.yaml_items("partners"):
        published = reader.published(f)
        url = f.text("url", required=False)
        if url and not url.startswith("https://"):
            reader.log.error(f.items["url"][1].where, "'url' must start with https://", "")
        partner = Partner(
            key=source.key,
            order=f.integer("order") or 0,
            name=f.translated("name", max_length=30) or {},
            role=f.translated("role") or {},
            url=url,
        )
        f.done(source.rel)
        if published:
            partners.append(partner)
    return tuple(sorted(partners, key=lambda p: (p.order, p.key)))
