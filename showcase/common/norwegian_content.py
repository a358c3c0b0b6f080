"""The Norwegian of every message about reading content: YAML and fields, files, the site and
each content type.

Each entry is (English shape, Norwegian shape); {name} matches any text and is carried over.
`messages.translate` finds the entry a finished English message is an instance of.
"""

CONTENT: tuple[tuple[str, str], ...] = (
    # fields and YAML
    ("'{name}' must be text, not {what}", "'{name}' må være tekst, ikke {what}"),
    ("write a single value", "skriv én verdi"),
    (
        "'{name}' is {value}, which YAML reads as yes/no, not as text",
        "'{name}' er {value}, som YAML leser som ja/nei, ikke som tekst",
    ),
    (
        "'{name}' is {value}, which YAML reads as a number, not as text",
        "'{name}' er {value}, som YAML leser som et tall, ikke som tekst",
    ),
    ("put it in quotes: {value}", "sett det i anførselstegn: {value}"),
    (
        "expected fields written as 'name: value', found {what}",
        "forventet felt skrevet som 'navn: verdi', fant {what}",
    ),
    (
        "start each line with a field name followed by a colon",
        "begynn hver linje med et feltnavn og et kolon",
    ),
    ("missing field '{key}'", "feltet '{key}' mangler"),
    ("add '{key}:' with a value", "legg til '{key}:' med en verdi"),
    ("'{key}' is empty", "'{key}' er tomt"),
    ("write a value for '{key}'", "skriv en verdi for '{key}'"),
    (
        "'{key}' is {length} characters long, more than the {limit} allowed",
        "'{key}' er {length} tegn langt, mer enn de {limit} som er lov",
    ),
    ("shorten it", "gjør teksten kortere"),
    ("'{key}' needs a text in each language", "'{key}' trenger en tekst på hvert språk"),
    ("write it as {shape}", "skriv det som {shape}"),
    ("'{key}' must be a whole number, not {what}", "'{key}' må være et helt tall, ikke {what}"),
    ("e.g. {example}", "f.eks. {example}"),
    ("'{key}' must be at least {minimum}", "'{key}' må være minst {minimum}"),
    ("'{key}' must be true or false, not {what}", "'{key}' må være true eller false, ikke {what}"),
    ("'{key}' cannot be '{value}'", "'{key}' kan ikke være '{value}'"),
    ("use one of: {choices}", "bruk en av: {choices}"),
    ("did you mean '{value}'?", "mente du '{value}'?"),
    ("'{key}' is not a valid date: {what}", "'{key}' er ikke en gyldig dato: {what}"),
    (
        'write it as "YYYY-MM-DD", or "YYYY-MM" or "YYYY" when that is all you know',
        'skriv den som "ÅÅÅÅ-MM-DD", eller "ÅÅÅÅ-MM" eller "ÅÅÅÅ" når det er alt du vet',
    ),
    ("'{key}' must be a list", "'{key}' må være en liste"),
    (
        "write each item on its own line starting with '- ', or as [a, b]",
        "skriv hvert punkt på egen linje som starter med '- ', eller som [a, b]",
    ),
    ("unknown field '{name}' in {what}", "ukjent felt '{name}' i {what}"),
    (
        "remove it; the fields allowed here are: {fields}",
        "fjern det; feltene som er lov her, er: {fields}",
    ),
    ("remove it", "fjern det"),
    ("a group of fields", "en gruppe felt"),
    ("a list", "en liste"),
    ("this file", "denne filen"),
    ("the front matter", "innledningen (front matter)"),
    ("a step", "et steg"),
    ("a level", "et nivå"),
    ("a figure", "et tall"),
    ("a milestone", "en milepæl"),
    ("tab character used for indentation", "tabulator brukt som innrykk"),
    (
        "YAML needs spaces: replace the tab with two spaces",
        "YAML trenger mellomrom: bytt tabulatoren med to mellomrom",
    ),
    ("a key must be a plain word", "et feltnavn må være et enkelt ord"),
    ("write the key as simple text", "skriv feltnavnet som enkel tekst"),
    (
        "duplicate key '{key}' (first used on line {line})",
        "feltet '{key}' står to ganger (første gang på linje {line})",
    ),
    (
        "remove one of them; YAML would silently keep only the last",
        "fjern ett av dem; YAML ville i stillhet bare beholdt det siste",
    ),
    ("YAML alias '{name}' is not allowed", "YAML-alias '{name}' er ikke lov"),
    ("YAML anchor '{name}' is not allowed", "YAML-anker '{name}' er ikke lov"),
    (
        "write the value out in full instead of using anchors (&) and aliases (*)",
        "skriv verdien helt ut i stedet for å bruke ankre (&) og alias (*)",
    ),
    ("YAML tag '{name}' is not allowed", "YAML-merket '{name}' er ikke lov"),
    (
        "remove the tag; write plain text, and put it in quotes if it must stay text",
        "fjern merket; skriv vanlig tekst, og sett den i anførselstegn hvis den skal være tekst",
    ),
    # YAML syntax (issue 14): one slip, one error, in plain words (content/yamlslips.py)
    (
        "line {line} is missing the colon after the field name '{key}'",
        "linje {line} mangler kolon etter feltnavnet '{key}'",
    ),
    (
        "line {line} has no space after the colon of the field '{key}'",
        "linje {line} mangler mellomrom etter kolonet i feltet '{key}'",
    ),
    ("write '{fixed}'", "skriv '{fixed}'"),
    (
        "the quotation mark ({quote}) that starts the text is never closed",
        "anførselstegnet ({quote}) som begynner teksten, blir aldri avsluttet",
    ),
    ("end the text with {quote}", "avslutt teksten med {quote}"),
    ("the '{opener}' on this line is never closed", "'{opener}' på denne linjen blir aldri lukket"),
    (
        "end the line with '{closers}', e.g. '{example}'",
        "avslutt linjen med '{closers}', f.eks. '{example}'",
    ),
    (
        "the text after '{key}:' holds a colon, which YAML reads as a new field",
        "teksten etter '{key}:' har et kolon, som YAML leser som starten på et nytt felt",
    ),
    (
        "the text after '{key}:' starts with '{char}', which YAML does not allow",
        "teksten etter '{key}:' begynner med '{char}', som YAML ikke tillater",
    ),
    (
        "put the whole text in double quotes: {example}",
        "sett hele teksten i doble anførselstegn: {example}",
    ),
    (
        "the list item is not indented like the lines next to it",
        "listepunktet har ikke samme innrykk som linjene rundt",
    ),
    (
        "the field '{key}' is not indented like the lines next to it",
        "feltet '{key}' har ikke samme innrykk som linjene rundt",
    ),
    (
        "indent it by {width} spaces, like line {line}",
        "rykk inn {width} mellomrom, som linje {line}",
    ),
    (
        "indent it by {width} spaces, two more than line {line}",
        "rykk inn {width} mellomrom, to flere enn linje {line}",
    ),
    (
        "start it at the beginning of the line, like line {line}",
        "begynn helt til venstre på linjen, som linje {line}",
    ),
    (
        "YAML cannot read the fields from this line on",
        "YAML kan ikke lese feltene fra og med denne linjen",
    ),
    (
        "check this line and the one above: write each field as 'name: value' with a space "
        "after the colon, indent with spaces in line with its neighbours, and put a text that "
        "holds ': ' in double quotes",
        "sjekk denne linjen og linjen over: skriv hvert felt som 'navn: verdi' med mellomrom "
        "etter kolonet, rykk inn med mellomrom på linje med feltene rundt, og sett en tekst som "
        "har ': ' i seg, i doble anførselstegn",
    ),
    (
        "YAML needs spaces: replace the tab with two spaces, here and on {count} more lines",
        "YAML trenger mellomrom: bytt tabulatoren med to mellomrom, her og på {count} linjer til",
    ),
    (
        "put a line with only '---' here, after the last field",
        "sett inn en linje med bare '---' her, etter det siste feltet",
    ),
    # Translation check (issue 14)
    (
        "the English text is the same as the Norwegian",
        "den engelske teksten er den samme som den norske",
    ),
    (
        "the English text is Norwegian ({nb} Norwegian and {en} English signal words)",
        "den engelske teksten er norsk ({nb} norske og {en} engelske kjenneord)",
    ),
    (
        "translate it, or set 'status: draft' in both languages until it is translated",
        "oversett den, eller sett 'status: draft' på begge språk til den er oversatt",
    ),
    # Image names (issue 14)
    (
        "the image name '{name}' has characters that do not belong in an address",
        "bildenavnet '{name}' har tegn som ikke hører hjemme i en nettadresse",
    ),
    (
        "rename '{name}' to '{better}', and link to it by that name",
        "gi '{name}' det nye navnet '{better}', og lenk til bildet med det navnet",
    ),
    # files
    (
        "the file is a link to somewhere outside the project",
        "filen er en lenke til et sted utenfor prosjektet",
    ),
    (
        "copy the file into the content folder instead of linking to it",
        "kopier filen inn i content-mappen i stedet for å lenke til den",
    ),
    ("'{name}' is not a valid file name", "'{name}' er ikke et gyldig filnavn"),
    (
        "use lowercase letters a–z, digits and single hyphens, e.g. 'unge-voksne'",
        "bruk små bokstaver a–z, sifre og enkle bindestreker, f.eks. 'unge-voksne'",
    ),
    ("file ends in .yml", "filnavnet slutter på .yml"),
    ("rename it to end in .yaml", "gi filen et navn som slutter på .yaml"),
    ("'{name}' does not say its language", "'{name}' sier ikke hvilket språk den er på"),
    ("name it {names}", "gi den navnet {names}"),
    ("the translation {path} is missing", "oversettelsen {path} mangler"),
    (
        "create {path}: copy this file and translate it",
        "lag {path}: kopier denne filen og oversett den",
    ),
    ("the file is not UTF-8 text", "filen er ikke UTF-8-tekst"),
    (
        "save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)",
        "lagre den som UTF-8 (i de fleste redigeringsprogram: Lagre som … → Koding: UTF-8)",
    ),
    ("cannot read the file: {reason}", "kan ikke lese filen: {reason}"),
    ("check that it exists", "sjekk at den finnes"),
    ("the file does not start with front matter", "filen starter ikke med innledningsfelt"),
    (
        "begin the file with a line '---', the fields (title: …), and another '---'",
        "begynn filen med en linje '---', feltene (title: …) og en ny linje '---'",
    ),
    ("the front matter has no closing '---'", "innledningsfeltene mangler avsluttende '---'"),
    # site and content
    # declared fields (issue 14)
    ("the service '{key}' is listed twice", "tjenesten '{key}' står to ganger i listen"),
    ("the target group '{key}' is listed twice", "målgruppen '{key}' står to ganger i listen"),
    ("remove one of them", "fjern den ene"),
    ("site.yaml is missing", "site.yaml mangler"),
    (
        "create content/site.yaml with the site's title",
        "lag content/site.yaml med tittelen på nettstedet",
    ),
    ("unknown language '{lang}'", "ukjent språk '{lang}'"),
    ("'languages' must list each language once", "'languages' må nevne hvert språk én gang"),
    (  # helper F (issue 15): the site may live under a path
        "'base_url' must be an https address, with a path or without, not '{url}'",
        "'base_url' må være en https-adresse, med eller uten sti, ikke '{url}'",
    ),
    (
        "'nav' names the page '{key}', which does not exist",
        "'nav' nevner siden '{key}', som ikke finnes",
    ),
    ("use the key of a page in content/pages/", "bruk nøkkelen til en side i content/pages/"),
    ("'{slug}' cannot be used in an address", "'{slug}' kan ikke brukes i en adresse"),
    (
        "'{key}' is published in one language only, so it is published in none",
        "'{key}' er publisert på bare ett språk, og blir derfor ikke publisert på noen",
    ),
    (
        "set 'status: published' in every language when the translation is ready",
        "sett 'status: published' på alle språk når oversettelsen er klar",
    ),
    ("'{field}' differs from {path}", "'{field}' er ulikt i {path}"),
    (
        "'{field}' is the same in every language: copy it from {path}",
        "'{field}' skal være lik på alle språk: kopier den fra {path}",
    ),
    (
        "the page '{key}' already uses the address '{url}'",
        "siden '{key}' bruker allerede adressen '{url}'",
    ),
    ("choose another slug", "velg en annen slug"),
    (
        "the page '{key}' is missing or not published",
        "siden '{key}' mangler eller er ikke publisert",
    ),
    ("create {path} for every language", "lag {path} for hvert språk"),
    (
        "the scale must list the four levels once each, from worst to best",
        "skalaen må ha de fire nivåene én gang hver, fra dårligst til best",
    ),
    ("order them: {levels}", "sett dem i rekkefølgen: {levels}"),
    ("'{key}' is not a valid key", "'{key}' er ikke en gyldig nøkkel"),
    ("the link", "lenken"),
    (
        "{subject} has spaces or invisible characters in it",
        "{subject} har mellomrom eller usynlige tegn i seg",
    ),
    ("write the address alone", "skriv bare adressen"),
    (
        "{subject} starts with //, which leads to another site",
        "{subject} starter med //, som fører til et annet nettsted",
    ),
    ("{subject} is not a complete address", "{subject} er ikke en fullstendig adresse"),
    (
        "{subject} starts with http://, which is not encrypted",
        "{subject} starter med http://, som ikke er kryptert",
    ),
    (
        "use https:// (check that the address works with https)",
        "bruk https:// (sjekk at adressen virker med https)",
    ),
    (
        "{subject} uses '{scheme}:', which links on this site may not use",
        "{subject} bruker '{scheme}:', som lenker på dette nettstedet ikke kan bruke",
    ),
    (
        "use an https:// address, or a path on this site starting with /",
        "bruk en https://-adresse, eller en sti på dette nettstedet som starter med /",
    ),
    (
        "use an https:// address, a path on this site starting with /, mailto: or tel:",
        "bruk en https://-adresse, en sti på dette nettstedet som starter med /, "
        "mailto: eller tel:",
    ),
    ("write it as https://host/path", "skriv den som https://vert/sti"),
    ("{subject} is not a phone number", "{subject} er ikke et telefonnummer"),
    ("write it as tel:+4712345678", "skriv det som tel:+4712345678"),
    (
        "removed invisible characters from this line: {kinds}",
        "fjernet usynlige tegn fra denne linjen: {kinds}",
    ),
    (
        "they can hide or reorder text; check that the line reads as you meant",
        "de kan skjule tekst eller endre rekkefølgen; sjekk at linjen leses slik du mente",
    ),
    ("unknown target group '{key}'", "ukjent målgruppe '{key}'"),
    ("use a key from {path}", "bruk en nøkkel fra {path}"),
    (
        "'{key}' counts {before} before and {after} after",
        "'{key}' teller {before} før og {after} etter",
    ),
    (
        "check the numbers: each family is usually counted once before and once after",
        "sjekk tallene: hver familie telles vanligvis én gang før og én gang etter",
    ),
    ("unknown {kind} '{value}'", "ukjent {kind} '{value}'"),
    ("service", "tjeneste"),
    (
        "'consent' must be the reference of a signed consent form",
        "'consent' må være referansen til et signert samtykkeskjema",
    ),
    (
        "write its reference, e.g. SAMTYKKE-2018-004 (letters, digits and hyphens)",
        "skriv referansen, f.eks. SAMTYKKE-2018-004 (bokstaver, sifre og bindestreker)",
    ),
    ("a news file name must start with its date", "navnet på en nyhetsfil må starte med datoen"),
    (
        "the date {date} in the file name is not a real date",
        "datoen {date} i filnavnet er ikke en virkelig dato",
    ),
    ("correct the date in the file name (YYYY-MM-DD)", "rett datoen i filnavnet (ÅÅÅÅ-MM-DD)"),
    (
        "not published: its target group '{key}' is not published",
        "ikke publisert: målgruppen '{key}' er ikke publisert",
    ),
    ("publish the target group, or choose another one", "publiser målgruppen, eller velg en annen"),
    (
        "name it like 2018-02-13-world-government-summit.nb.md",
        "gi den et navn som 2018-02-13-world-government-summit.nb.md",
    ),
    (
        "a published story needs the reference of its signed consent form",
        "en publisert historie trenger referansen til det signerte samtykkeskjemaet",
    ),
    (
        "replace {value} with the reference from the consent form",
        "bytt ut {value} med referansen fra samtykkeskjemaet",
    ),
    ("image '{name}' has no alt text", "bildet '{name}' mangler alternativ tekst"),
    (
        "describe the image in the brackets: ![what the image shows]({url})",
        "beskriv bildet i hakeparentesene: ![hva bildet viser]({url})",
    ),
    (
        "there is no image '{name}' in content/images/",
        "det finnes ikke noe bilde '{name}' i content/images/",
    ),
    ("put the file in content/images/", "legg filen i content/images/"),
    (
        "the {kind} '{key}' and '{other}' share the address '{url}'",
        "{kind} '{key}' og '{other}' har samme adresse '{url}'",
    ),
    ("stories", "historiene"),
    ("news items", "nyhetene"),
    (
        "give one of them its own slug in the front matter",
        "gi en av dem en egen slug i innledningsfeltene",
    ),
    # placeholders left by `new` (issue 14, helper D)
    (
        "'{field}' still holds the placeholder '{sentence}'",
        "'{field}' har fortsatt plassholderteksten '{sentence}'",
    ),
    (
        "write the real text, or set 'status: draft' until it is written",
        "skriv den virkelige teksten, eller sett 'status: draft' til den er skrevet",
    ),
)
