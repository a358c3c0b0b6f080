"""The Norwegian of the messages about how the site states facts to readers: the contact block
in site.yaml (only real, public details, and at least one way to reach someone) and the place a
news item's event happened. Kept apart from `norwegian_content` so neither grows too long.

Each entry is (English shape, Norwegian shape), as in the other catalogues.
"""

FACTS: tuple[tuple[str, str], ...] = (
    # the contact block in site.yaml
    ("the contact's e-mail address is not valid", "e-postadressen under 'contact' er ikke gyldig"),
    ("the contact's phone number is not valid", "telefonnummeret under 'contact' er ikke gyldig"),
    (
        "write the address like post@kommune.example.org",
        "skriv adressen som post@kommune.example.org",
    ),
    ("write the number like +47 12 34 56 78", "skriv nummeret som +47 12 34 56 78"),
    (
        "the contact's '{name}' is not on the privacy allow-list",
        "'{name}' under 'contact' står ikke på listen 'privacy: allow'",
    ),
    (
        "add it under 'privacy: allow' in site.yaml if it is public, or remove it",
        "legg den til under 'privacy: allow' i site.yaml hvis den er offentlig, eller fjern den",
    ),
    (
        "the site gives no way to contact anyone",
        "nettstedet sier ikke hvordan leserne kan ta kontakt",
    ),
    (
        "add 'email', 'phone' or 'url' under 'contact' in site.yaml",
        "legg til 'email', 'phone' eller 'url' under 'contact' i site.yaml",
    ),
    # where a news item's event took place
    ("'place' is given in {other} but not here", "'place' står i {other}, men ikke her"),
    (
        "write the place in this language too, or remove it from the other file",
        "skriv stedet på dette språket også, eller fjern det fra den andre filen",
    ),
)
