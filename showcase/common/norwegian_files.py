"""The Norwegian of every message about content files as things on disk, before and while they
are read: what a file is (a folder, a link, a pipe), its name, size and characters, how deep its
YAML nests, and the address each page gets.

Each entry is (English shape, Norwegian shape); {name} matches any text and is carried over.
Kept apart from `norwegian_content`, which holds what the fields of each file mean.
"""

FILES: tuple[tuple[str, str], ...] = (
    (
        "the fields are nested more than {limit} levels deep",
        "feltene er nøstet i mer enn {limit} nivåer",
    ),
    (
        "content files need only a few levels of lists and fields: "
        "check the indentation and brackets from this line",
        "innholdsfiler trenger bare noen få nivåer med lister og felt: "
        "sjekk innrykk og klammer fra denne linjen",
    ),
    (
        "the file contains the character {code}, which YAML does not allow",
        "filen inneholder tegnet {code}, som YAML ikke tillater",
    ),
    (
        "delete it (it often comes with text copied from another program) and save the file again",
        "slett det (det følger ofte med tekst kopiert fra et annet program) og lagre filen på nytt",
    ),
    (
        "the file contains a NUL character (U+0000), so it is not plain text",
        "filen inneholder et NUL-tegn (U+0000), så den er ikke ren tekst",
    ),
    (
        "open it in a text editor, copy the text into a new file and save that as UTF-8",
        "åpne den i et redigeringsprogram, kopier teksten til en ny fil og lagre den som UTF-8",
    ),
    (
        "'{name}' is {length} characters long, more than the {limit} allowed in a name or address",
        "'{name}' er {length} tegn langt, mer enn de {limit} som er lov i et navn eller en adresse",
    ),
    (
        "shorten it to a few words, e.g. 'unge-voksne'",
        "gjør det kortere, til noen få ord, f.eks. 'unge-voksne'",
    ),
    (
        "'{name}' is a name Windows reserves for devices and cannot be used",
        "'{name}' er et navn Windows holder av til enheter, og kan ikke brukes",
    ),
    (
        "choose another name; con, prn, aux, nul, com1–com9 and lpt1–lpt9 are not allowed",
        "velg et annet navn; con, prn, aux, nul, com1–com9 og lpt1–lpt9 er ikke lov",
    ),
    (
        "the file name '{name}' begins or ends with a space",
        "filnavnet '{name}' begynner eller slutter med et mellomrom",
    ),
    ("rename it to '{name}'", "gi den navnet '{name}'"),
    (
        "the file '{name}' is hidden (its name starts with a dot), so it is not published",
        "filen '{name}' er skjult (navnet begynner med punktum), så den blir ikke publisert",
    ),
    (
        "rename it to '{name}', or delete it if it is an old copy",
        "gi den navnet '{name}', eller slett den hvis den er en gammel kopi",
    ),
    (
        "the file is {size} MB, more than the {limit} MB allowed for a {suffix} file",
        "filen er på {size} MB, mer enn de {limit} MB som er lov for en {suffix}-fil",
    ),
    (
        "check that this is the right file; split a long text into several pages",
        "sjekk at dette er riktig fil; del en lang tekst opp i flere sider",
    ),
    (
        "the front matter is longer than the {limit} MB of YAML allowed",
        "innledningsfeltene er lengre enn de {limit} MB med YAML som er lov",
    ),
    (
        "check where the front matter ends: a line with only '---' must close it",
        "sjekk hvor innledningsfeltene slutter: en linje med bare '---' må avslutte dem",
    ),
    ("the name '{name}' is not UTF-8 text", "navnet '{name}' er ikke UTF-8-tekst"),
    (
        "rename it using letters a–z, digits and hyphens",
        "gi det et nytt navn med bokstavene a–z, sifre og bindestreker",
    ),
    (
        "'{name}' is a link to a file that does not exist",
        "'{name}' er en lenke til en fil som ikke finnes",
    ),
    ("'{name}' is a link that leads round in a circle", "'{name}' er en lenke som går i ring"),
    (
        "replace the link with the file itself, or delete it",
        "erstatt lenken med selve filen, eller slett den",
    ),
    ("'{name}' is a folder, not a file", "'{name}' er en mappe, ikke en fil"),
    (
        "content files must be files: move what is in the folder out, and delete it",
        "innholdsfiler må være filer: flytt innholdet ut av mappen, og slett den",
    ),
    (
        "'{name}' is a special file (a pipe, socket or device), not a text file",
        "'{name}' er en spesialfil (en pipe, socket eller enhet), ikke en tekstfil",
    ),
    (
        "replace it with an ordinary file saved from a text editor, or delete it",
        "erstatt den med en vanlig fil lagret fra et redigeringsprogram, eller slett den",
    ),
    ("the folder {path}/ is missing", "mappen {path}/ mangler"),
    (
        "create it (with a file named .gitkeep in it while it has no items, so that git "
        "keeps the empty folder)",
        "lag den (med en fil som heter .gitkeep i, så lenge den er tom, så git tar vare på "
        "den tomme mappen)",
    ),
    (
        "this page's address {url} is already the address of {path}",
        "adressen til denne siden, {url}, er allerede adressen til {path}",
    ),
    (
        "give one of them another slug: every page of the site needs its own address",
        "gi en av dem en annen slug: hver side på nettstedet trenger sin egen adresse",
    ),
    (
        "'{key}' must be at most {maximum}, not {what}",
        "'{key}' kan være høyst {maximum}, ikke {what}",
    ),
    (
        "check the number: no count, figure or position on the site is that large",
        "sjekk tallet: ingen antall, tall eller plassering på nettstedet er så stort",
    ),
    # a photo's position (issue 14)
    (
        "the image file holds the GPS position where it was taken",
        "bildefilen inneholder GPS-posisjonen der bildet ble tatt",
    ),
    (
        "the published image has none, but this file keeps it in the project's history: "
        "save the picture without location data and put that copy here",
        "bildet på nettstedet har den ikke, men denne filen tar den med inn i prosjektets "
        "historikk: lagre bildet uten stedsdata og legg den kopien her",
    ),
)
