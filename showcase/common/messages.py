"""Error messages in the editor's language: Norwegian by default, English on request.

The code writes its messages in English, as plain f-strings, which keeps call sites readable.
This catalogue gives the Norwegian for each message shape; `translate` matches a finished message
against the English shapes and fills the Norwegian one with the same values (values that are
themselves catalogue phrases, like 'national ID number', are translated too). A test checks that
every message the code can produce has an entry here.
"""

from __future__ import annotations

import os
import re
from functools import cache

LANGUAGES = ("nb", "en")

# (English shape, Norwegian shape). {name} matches any text and is carried over.
CATALOGUE: tuple[tuple[str, str], ...] = (
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
    ("YAML syntax error: {problem}", "feil i YAML-oppsettet: {problem}"),
    (
        "check indentation and colons on this line and the one above; "
        "put text containing ':' or '#' in quotes",
        "sjekk innrykk og kolon på denne linjen og linjen over; sett tekst med ':' eller '#' i "
        "anførselstegn",
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
    (
        "add a line with only '---' after the last field",
        "legg til en linje med bare '---' etter det siste feltet",
    ),
    # site and content
    ("site.yaml is missing", "site.yaml mangler"),
    (
        "create content/site.yaml with the site's title",
        "lag content/site.yaml med tittelen på nettstedet",
    ),
    ("unknown language '{lang}'", "ukjent språk '{lang}'"),
    ("'languages' must list each language once", "'languages' må nevne hvert språk én gang"),
    (
        "'base_url' must be an https address without a path, not '{url}'",
        "'base_url' må være en https-adresse uten sti, ikke '{url}'",
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
    ("'url' must start with https://", "'url' må starte med https://"),
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
    # links and templates
    ("the link '{href}' is broken: {reason}", "lenken '{href}' virker ikke: {reason}"),
    ("no page has this address", "ingen side har denne adressen"),
    ("the page has no anchor '{anchor}'", "siden har ikke ankeret '{anchor}'"),
    (
        "it loads a file from another site, which tells that site who reads the page; put the "
        "file in content/images/ and link to /images/<name>",
        "den henter en fil fra et annet nettsted, som da får vite hvem som leser siden; legg "
        "filen i content/images/ og lenk til /images/<navn>",
    ),
    (
        "check the address; internal links look like /metoden/ or /en/method/",
        "sjekk adressen; interne lenker ser slik ut: /metoden/ eller /en/method/",
    ),
    (
        "fix the template or the content that makes this link",
        "rett malen eller innholdet som lager denne lenken",
    ),
    (
        "the template failed while rendering {url}: {error}",
        "malen feilet da {url} ble laget: {error}",
    ),
    (
        "fix the template at this line (or the content it reads)",
        "rett malen på denne linjen (eller innholdet den leser)",
    ),
    # privacy
    ("this looks like {kind} ({value})", "dette ser ut som {kind} ({value})"),
    ("a national ID number", "et fødselsnummer"),
    ("a D-number", "et D-nummer"),
    ("an H-number", "et H-nummer"),
    ("a phone number", "et telefonnummer"),
    ("an e-mail address", "en e-postadresse"),
    ("a street address", "en gateadresse"),
    (
        "remove it: identity numbers must never be published",
        "fjern det: personnummer skal aldri publiseres",
    ),
    (
        "remove it, or add it to 'privacy: allow' in site.yaml if it is a public number",
        "fjern det, eller legg det til under 'privacy: allow' i site.yaml hvis det er et "
        "offentlig nummer",
    ),
    (
        "remove it, or add it to 'privacy: allow' in site.yaml if it is a public address",
        "fjern den, eller legg den til under 'privacy: allow' i site.yaml hvis det er en "
        "offentlig adresse",
    ),
    (
        "this name is on the private deny-list ({value})",
        "dette navnet står på den private sperrelisten ({value})",
    ),
    (
        "remove the name; use a made-up first name or 'the family' instead",
        "fjern navnet; bruk et oppdiktet fornavn eller «familien» i stedet",
    ),
    (
        "the story mentions {what} ({value}), which together with other details could identify "
        "the family",
        "historien nevner {what} ({value}), som sammen med andre detaljer kan avsløre hvem "
        "familien er",
    ),
    ("an exact age", "en nøyaktig alder"),
    ("a named school or kindergarten", "en skole eller barnehage med navn"),
    ("an exact date", "en nøyaktig dato"),
    ("a small place", "et lite sted"),
    ("a rare diagnosis", "en sjelden diagnose"),
    (
        "write an age range instead, e.g. 'i tenårene' or 'mellom 18 og 25 år'",
        "skriv et aldersspenn i stedet, f.eks. «i tenårene» eller «mellom 18 og 25 år»",
    ),
    (
        "write an age range instead, e.g. 'in their teens'",
        "skriv et aldersspenn i stedet, f.eks. «in their teens»",
    ),
    ("write 'skolen' or 'the school' without its name", "skriv «skolen» uten navnet"),
    ("write the month or the season instead", "skriv måneden eller årstiden i stedet"),
    ("write 'Asker'", "skriv «Asker»"),
    (
        "describe the need instead of naming the diagnosis",
        "beskriv behovet i stedet for å nevne diagnosen",
    ),
    # output and the terminal
    ("error", "feil"),
    ("warning", "advarsel"),
    ("{count} error; site/ was not changed.", "{count} feil; site/ ble ikke endret."),
    ("{count} errors; site/ was not changed.", "{count} feil; site/ ble ikke endret."),
    ('usage: python build.py new {kinds} "Title"', 'bruk: python build.py new {kinds} "Tittel"'),
    ("created {path}", "lagde {path}"),
    (
        "it is a draft: set 'status: published' when it is ready",
        "det er et utkast: sett 'status: published' når det er klart",
    ),
    ("Name to block (not shown): ", "Navn som skal sperres (vises ikke): "),
    ("the name has no letters", "navnet har ingen bokstaver"),
    (
        "added; the deny-list {path} now has {count} names",
        "lagt til; sperrelisten {path} har nå {count} navn",
    ),
    ("{time} built: {summary}", "{time} bygget: {summary}"),
    ("{path} is up to date: nothing changed", "{path} er oppdatert: ingenting er endret"),
    (
        "build cache {name} is from another version; building everything",
        "byggebufferen {name} er fra en annen versjon; bygger alt",
    ),
    (
        "build cache {name} is damaged; ignoring it and building everything",
        "byggebufferen {name} er skadet; ser bort fra den og bygger alt",
    ),
    ("The site could not be built", "Nettstedet kunne ikke bygges"),
    (
        "Fix the files and save: this page updates by itself.",
        "Rett filene og lagre: denne siden oppdaterer seg selv.",
    ),
    ("Preview: {url} (Ctrl+C stops it)", "Forhåndsvisning: {url} (Ctrl+C stopper den)"),
    ("check passed: {summary}", "kontrollen gikk bra: {summary}"),
    ("built {path}: {summary}", "bygde {path}: {summary}"),
    ("{pages} pages, {files} files in {seconds} s", "{pages} sider, {files} filer på {seconds} s"),
    (
        "refusing to write the site into {path}: it would replace {other}",
        "nekter å skrive nettstedet til {path}: det ville erstattet {other}",
    ),
    (
        "refusing to replace {path}: it is not empty and does not look like a built site "
        "(no {mark}); choose an empty or new folder",
        "nekter å erstatte {path}: mappen er ikke tom og ser ikke ut som et bygget nettsted "
        "(ingen {mark}); velg en tom eller ny mappe",
    ),
    # search index, content images and share images
    ("the image cannot be read: {reason}", "bildet kan ikke leses: {reason}"),
    ("save it again as JPEG, PNG or WebP", "lagre det på nytt som JPEG, PNG eller WebP"),
    ("the search index could not be built: {reason}", "søkeindeksen kunne ikke lages: {reason}"),
    (
        "run `make build` again; if it still fails, delete .venv and run it again",
        "kjør `make build` på nytt; feiler det igjen, slett .venv og kjør den en gang til",
    ),
    ("the font for share images is missing: {path}", "skriften til delingsbildene mangler: {path}"),
    (
        "run `make build` (it installs fonts-dejavu-core), or `apt-get install fonts-dejavu-core`",
        "kjør `make build` (den installerer fonts-dejavu-core), eller "
        "`apt-get install fonts-dejavu-core`",
    ),
    # printed handouts
    (
        "the method has {count} steps, and the printed handout has room for {most}",
        "metoden har {count} steg, og informasjonsarket har plass til {most}",
    ),
    ("describe the method in at most {most} steps", "beskriv metoden med høyst {most} steg"),
    (
        "there are {count} published target groups, and the printed handout has room for {most}",
        "det er {count} publiserte målgrupper, og informasjonsarket har plass til {most}",
    ),
    (
        "publish at most {most} target groups, or make the handout's layout wider",
        "publiser høyst {most} målgrupper, eller gjør oppsettet til informasjonsarket bredere",
    ),
    (
        "the {lang} handout takes {pages} pages; it must fit on {most} "
        "(one sheet, printed on both sides)",
        "informasjonsarket på {lang} tar {pages} sider; det må få plass på {most} "
        "(ett ark, trykt på begge sider)",
    ),
    (
        "shorten the longest texts it shows, or adjust templates/handout/handout.css",
        "gjør de lengste tekstene på arket kortere, eller juster templates/handout/handout.css",
    ),
    (
        "the {lang} handout failed: {reason}",
        "informasjonsarket på {lang} kunne ikke lages: {reason}",
    ),
    (
        "check templates/handout/ and the content the handout shows",
        "sjekk templates/handout/ og innholdet arket viser",
    ),
    (
        "the handout font is missing ({path}): run `make build`, which installs it, "
        "or `apt-get install fonts-inter`",
        "skriften til informasjonsarket mangler ({path}): kjør `make build`, som installerer "
        "den, eller `apt-get install fonts-inter`",
    ),
    (
        "the handout may only use files in templates/handout/, not {url}",
        "informasjonsarket kan bare bruke filer i templates/handout/, ikke {url}",
    ),
    ("wrote {path} ({size} kB)", "skrev {path} ({size} kB)"),
    (
        "handouts: {rendered} rendered, {cached} from the cache, in {seconds} s",
        "informasjonsark: {rendered} laget, {cached} fra hurtiglageret, på {seconds} s",
    ),
)


@cache
def _shapes() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """Each message's literal pieces, its regex and its Norwegian, most specific (most literal
    text) first, so 'name it like X' wins over 'name it {names}'."""
    shapes = []
    by_specificity = sorted(CATALOGUE, key=lambda pair: -len(re.sub(r"\{\w+\}", "", pair[0])))
    for english, norwegian in by_specificity:
        parts = re.split(r"(\{\w+\})", english)
        regex = "".join(
            f"(?P<{part[1:-1]}>.+?)" if part.startswith("{") else re.escape(part) for part in parts
        )
        literal = tuple(part for part in parts if part and not part.startswith("{"))
        shapes.append((literal, regex, norwegian))
    return tuple(shapes)


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.DOTALL)


def _match(text: str) -> tuple[re.Match[str], str] | None:
    """The catalogue entry `text` is an instance of. A regex is compiled only for entries whose
    literal pieces all occur in the text: compiling all of them costs more than a quick build."""
    for literal, regex, norwegian in _shapes():
        if all(piece in text for piece in literal):
            match = _compiled(regex).fullmatch(text)
            if match:
                return match, norwegian
    return None


def translate(text: str, lang: str) -> str:
    """The message in `lang`; English is the source, so it comes back as it is."""
    if lang == "en" or not text:
        return text
    found = _match(text)
    if found is None:
        return text
    match, norwegian = found
    values = {name: translate(value, lang) for name, value in match.groupdict().items()}
    return norwegian.format(**values)


def is_translated(text: str) -> bool:
    return _match(text) is not None


def choose_language(requested: str | None = None) -> str:
    """--lang wins; else English when $LANG (or $LC_ALL) starts with 'en'; else Norwegian."""
    if requested in LANGUAGES:
        return requested
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "en" if locale.lower().startswith("en") else "nb"
