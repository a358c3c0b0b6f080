"""The Norwegian of the messages about review builds and their previews (`build.py review`,
`publish-review`, commands/review.py); see messages.py for how entries are matched."""

from __future__ import annotations

REVIEW: tuple[tuple[str, str], ...] = (
    (
        "the preview address '{url}' must be an https address, with a path or without, "
        "e.g. https://preview.example.no",
        "adressen til forhåndsvisningen, '{url}', må være en https-adresse, med eller uten sti, "
        "f.eks. https://preview.example.no",
    ),
    (
        "BRANCH is missing: give the branch under review, e.g. BRANCH=cms/news/ny",
        "BRANCH mangler: oppgi grenen som er til vurdering, f.eks. BRANCH=cms/news/ny",
    ),
    (
        "BASE_URL is missing: give the address the previews are served at, "
        "e.g. BASE_URL=https://preview.example.no",
        "BASE_URL mangler: oppgi adressen forhåndsvisningene ligger på, "
        "f.eks. BASE_URL=https://preview.example.no",
    ),
    (
        "publishing the preview failed, the last one is unchanged: {reason}",
        "publiseringen av forhåndsvisningen mislyktes, den forrige er uendret: {reason}",
    ),
    ("preview: {address}", "forhåndsvisning: {address}"),
)
