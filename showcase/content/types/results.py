"""Results (content/results.yaml): counts per target group and stability level, before and
after; shown only for published groups, in the groups' order."""

from __future__ import annotations

from ...common.errors import Position, did_you_mean
from ..fields import Fields
from ..load import read_yaml_file, single_file
from ..model import STABILITY_LEVELS, Group, GroupResult, Results
from ..reader import Reader


def read_results(reader: Reader, groups: tuple[Group, ...]) -> Results | None:
    path = reader.folders.content / "results.yaml"
    if not path.exists():
        return None
    source = single_file(path, reader.folders.root, reader.log)
    if source is None:
        return None
    node = read_yaml_file(source, reader.log)
    f = reader.fields(node, Position(source.rel, 1, 1))
    illustrative = f.boolean("illustrative", default=True)
    note = f.translated("note") or {}
    per_group = f.fields("groups")
    group_keys = reader.existing("groups")
    rows = []
    for key in list(per_group.items):
        where = per_group.items[key][0].where
        counts = per_group.fields(key)
        if key not in group_keys:
            hint = did_you_mean(key, group_keys) or "use a key from content/groups/"
            reader.log.error(where, f"unknown target group '{key}'", hint)
        before = _counts(counts, "before")
        after = _counts(counts, "after")
        counts.done(f"'{key}'")
        if sum(before.values()) != sum(after.values()):
            reader.log.warn(
                where,
                f"'{key}' counts {sum(before.values())} before and {sum(after.values())} after",
                "check the numbers: each family is usually counted once before and once after",
            )
        if any(group.key == key for group in groups):  # unpublished groups show nowhere
            rows.append(GroupResult(key, before, after))
    f.done("results.yaml")
    order = {group.key: i for i, group in enumerate(groups)}  # as the groups are shown
    rows.sort(key=lambda r: order[r.group])
    return Results(illustrative, note, tuple(rows))


def _counts(f: Fields, key: str) -> dict[str, int]:
    inner = f.fields(key)
    counts = {level: inner.integer(level) or 0 for level in STABILITY_LEVELS}
    inner.done(f"'{key}'")
    return counts
