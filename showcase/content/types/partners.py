"""Partners (content/partners/<key>.yaml): name, role and an address (https or a site path)."""

from __future__ import annotations

from ..model import Partner
from ..reader import Reader


def read_partners(reader: Reader) -> tuple[Partner, ...]:
    partners = []
    for source, f in reader.yaml_items("partners"):
        published = reader.published(f)
        url = f.url("url", required=False)
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
