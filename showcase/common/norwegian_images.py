"""The Norwegian for the messages about pictures' credits and licences (types/credits.py)."""

from __future__ import annotations

IMAGES: tuple[tuple[str, str], ...] = (
    (
        "the picture '{name}' has a credit in {path} but not here",
        "bildet '{name}' er kreditert i {path}, men ikke her",
    ),
    (
        "give it its credit in this language too, or remove it from both files",
        "skriv krediteringen på dette språket også, eller fjern den fra begge filene",
    ),
    ("the picture '{name}' is not in the text", "bildet '{name}' står ikke i teksten"),
    (
        "show it in the text with ![what it shows](/images/{name}), or remove its credit",
        "vis det i teksten med ![hva bildet viser](/images/{name}), eller fjern krediteringen",
    ),
    ("the picture '{name}' is listed twice", "bildet '{name}' står to ganger i listen"),
)
