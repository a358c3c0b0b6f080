"""The Norwegian of every message about building: links and templates, the privacy gate, output
and the terminal, the search index and images, and the printed handouts.

Each entry is (English shape, Norwegian shape); {name} matches any text and is carried over.
`messages.translate` finds the entry a finished English message is an instance of.
"""

BUILD: tuple[tuple[str, str], ...] = (
    # links and templates
    ("the link '{href}' is broken: {reason}", "lenken '{href}' virker ikke: {reason}"),
    ("no page has this address", "ingen side har denne adressen"),
    # helper F (issue 15): a site published under a path
    ("it leaves the site's path {path}", "den går ut av nettstedets sti {path}"),
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
    ("the file name looks like {kind} ({value})", "filnavnet ser ut som {kind} ({value})"),
    (
        "rename the file: its name is in the page's address",
        "gi filen et annet navn: navnet står i adressen til siden",
    ),
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
    # the preview with errors: its banner, its list of problems (task B of issue 14)
    ("The preview has errors", "Forhåndsvisningen har feil"),
    (
        "These files have errors; what they show is missing or old: {files}.",
        "Disse filene har feil, og det de viser mangler eller er gammelt: {files}.",
    ),
    ("See every problem and where to fix it", "Se alle problemene og hvor du retter dem"),
    ("The site was built, with warnings", "Nettstedet ble bygget, med advarsler"),
    ("The site was built without problems", "Nettstedet ble bygget uten problemer"),
    ("errors: {errors}, warnings: {warnings}", "feil: {errors}, advarsler: {warnings}"),
    ("line", "linje"),
    ("Fix it in the browser editor", "Rett det i redigeringen i nettleseren"),
    ("Preview: {url} (Ctrl+C stops it)", "Forhåndsvisning: {url} (Ctrl+C stopper den)"),
    ("check passed: {summary}", "kontrollen gikk bra: {summary}"),
    ("built {path}: {summary}", "bygde {path}: {summary}"),
    ("{pages} pages, {files} files in {seconds} s", "{pages} sider, {files} filer på {seconds} s"),
    (
        "refusing to write the site into {path}: it would replace {other}",
        "nekter å skrive nettstedet til {path}: det ville erstattet {other}",
    ),
    (
        "refusing to replace {path}: it holds files this build did not make (no {mark}); "
        "choose an empty or new folder",
        "nekter å erstatte {path}: mappen har filer som byggingen ikke har laget (ingen {mark}); "
        "velg en tom eller ny mappe",
    ),
    (
        "refusing to write the site into {path}: it is inside the system folder {other}",
        "nekter å skrive nettstedet til {path}: den ligger i systemmappen {other}",
    ),
    (
        "refusing to write the site into {path}: it is inside {other}",
        "nekter å skrive nettstedet til {path}: den ligger inne i {other}",
    ),
    (
        "refusing to write the site into {path}: it is {what}; give --out a folder",
        "nekter å skrive nettstedet til {path}: det er {what}; gi --out en mappe",
    ),
    ("a file", "en fil"),
    ("a device", "en enhet"),
    ("a named pipe", "et navngitt rør (FIFO)"),
    ("a socket", "en sokkel"),
    ("not a folder", "ikke en mappe"),
    (
        "refusing to write the site into {path}: {parent} is not a folder",
        "nekter å skrive nettstedet til {path}: {parent} er ikke en mappe",
    ),
    (
        "refusing to write the site into {path}: it cannot be read ({reason})",
        "nekter å skrive nettstedet til {path}: den kan ikke leses ({reason})",
    ),
    (
        "internal error: this is a bug in the site generator, not in your content; "
        "please report it and attach {log}",
        "intern feil: dette er en feil i nettstedsbyggeren, ikke i innholdet ditt; "
        "meld fra om den og legg ved {log}",
    ),
    (
        "internal error: this is a bug in the site generator, not in your content; "
        "please report it with what follows",
        "intern feil: dette er en feil i nettstedsbyggeren, ikke i innholdet ditt; "
        "meld fra om den med det som står under",
    ),
    # search index, content images and share images
    ("the image cannot be read: {reason}", "bildet kan ikke leses: {reason}"),
    ("save it again as JPEG, PNG or WebP", "lagre det på nytt som JPEG, PNG eller WebP"),
    (
        "the image is {width} × {height} pixels, more than the {limit} megapixels allowed",
        "bildet er {width} × {height} piksler, mer enn de {limit} megapikslene som er lov",
    ),
    (
        "the image has more than {count} megapixels; at most {limit} are allowed",
        "bildet har mer enn {count} megapiksler; høyst {limit} er lov",
    ),
    (
        "make it smaller before adding it: 4000 × 3000 pixels is plenty for the web",
        "gjør det mindre før du legger det inn: 4000 × 3000 piksler er nok for nettet",
    ),
    (
        "the file is not an SVG image: it starts with <{name}>",
        "filen er ikke et SVG-bilde: den starter med <{name}>",
    ),
    (
        "the SVG image has the element <{name}>, which images may not have",
        "SVG-bildet har elementet <{name}>, som bilder ikke kan ha",
    ),
    (
        "the SVG image declares '{name}' for another kind of file",
        "SVG-bildet oppgir '{name}' for en annen filtype",
    ),
    (
        "the SVG image has the attribute '{name}' on <{element}>, which images may not have",
        "SVG-bildet har attributtet '{name}' på <{element}>, som bilder ikke kan ha",
    ),
    (
        "the SVG image refers to a file or address outside itself",
        "SVG-bildet viser til en fil eller adresse utenfor seg selv",
    ),
    (
        "the SVG image's style refers to a file or address outside itself",
        "stilen i SVG-bildet viser til en fil eller adresse utenfor seg selv",
    ),
    (
        "the SVG image has a processing instruction <?{target} …?>",
        "SVG-bildet har en prosesseringsinstruksjon <?{target} …?>",
    ),
    (
        "the SVG image has a DOCTYPE or entity declarations, which images may not have",
        "SVG-bildet har en DOCTYPE eller entitetsdeklarasjoner, som bilder ikke kan ha",
    ),
    (
        "delete the <!DOCTYPE …> line (and any <!ENTITY …>); drawing programs do not need it",
        "slett linjen <!DOCTYPE …> (og eventuelle <!ENTITY …>); tegneprogrammer trenger den ikke",
    ),
    (
        "the SVG image is not well-formed XML: {reason}",
        "SVG-bildet er ikke gyldig XML: {reason}",
    ),
    (
        "open it in a drawing program and save it again as plain SVG",
        "åpne det i et tegneprogram og lagre det på nytt som vanlig SVG",
    ),
    (
        "remove it, or save the drawing again as plain SVG (in Inkscape: Save As → Plain SVG)",
        "fjern det, eller lagre tegningen på nytt som vanlig SVG (i Inkscape: Lagre som → "
        "Vanlig SVG)",
    ),
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
    # publishing
    (
        "TARGET is missing: give the web server's folder, "
        "e.g. TARGET=user@host:/srv/velferdslab (--target for build.py)",
        "TARGET mangler: oppgi mappen på webserveren, "
        "f.eks. TARGET=bruker@maskin:/srv/velferdslab (--target for build.py)",
    ),
    ("TARGET is empty", "TARGET er tom"),
    (
        "the server folder in {target} must be an absolute path of letters, digits, "
        "'.', '_', '-' and '/', such as user@host:/srv/velferdslab",
        "mappen på serveren i {target} må være en absolutt sti med bokstaver, sifre, "
        "'.', '_', '-' og '/', for eksempel bruker@maskin:/srv/velferdslab",
    ),
    (
        "refusing to publish into {path}: give a folder of its own",
        "vil ikke publisere til {path}: oppgi en egen mappe",
    ),
    (
        "rsync is not installed: apt-get install rsync",
        "rsync er ikke installert: apt-get install rsync",
    ),
    (
        "refusing to publish: the site's address '{url}' is a placeholder "
        "(a domain kept for examples and tests, or one not on the public internet); "
        "set base_url in content/site.yaml to the site's real address",
        "vil ikke publisere: adressen til nettstedet, '{url}', er en plassholder "
        "(et domene satt av til eksempler og tester, eller et som ikke er på det åpne "
        "internettet); sett base_url i content/site.yaml til den virkelige adressen",
    ),
    (
        "publishing failed, the live site is unchanged: {reason}",
        "publiseringen mislyktes, nettstedet som er ute er uendret: {reason}",
    ),
    (
        "rollback failed, the live site is unchanged: {reason}",
        "tilbakerullingen mislyktes, nettstedet som er ute er uendret: {reason}",
    ),
    (
        "{target}/current is not a symbolic link; move it away before publishing",
        "{target}/current er ikke en symbolsk lenke; flytt den bort før du publiserer",
    ),
    ("rsync: {reason}", "rsync: {reason}"),
    ("cannot read the releases: {reason}", "kan ikke lese utgivelsene: {reason}"),
    ("removed an unfinished upload: {name}", "fjernet en uferdig opplasting: {name}"),
    (
        "uploading {site} to {target}/releases/{name}/",
        "laster opp {site} til {target}/releases/{name}/",
    ),
    (
        "published {name}: {target}/current points to it now",
        "publiserte {name}: {target}/current peker nå på den",
    ),
    ("removed the old release {name}", "fjernet den gamle utgivelsen {name}"),
    (
        "nothing to roll back to in {target}: there is no earlier release",
        "ingenting å rulle tilbake til i {target}: det finnes ingen tidligere utgivelse",
    ),
    (
        "rolled back: {name} is live now (it was {old})",
        "rullet tilbake: {name} er ute nå (det var {old})",
    ),
    ("no releases in {target} yet", "ingen utgivelser i {target} ennå"),
    (
        "releases in {target}, oldest first (* is live):",
        "utgivelser i {target}, eldste først (* er ute nå):",
    ),
    ("{mark} {name}  {when} UTC  commit {commit}", "{mark} {name}  {when} UTC  commit {commit}"),
    (
        "    with changes to content/ or templates/ that were not committed",
        "    med endringer i content/ eller templates/ som ikke var committet",
    ),
    # the browser editor (build.py edit)
    ("Editor: {address} (Ctrl+C stops it)", "Redigering: {address} (Ctrl+C stopper den)"),
    (
        "{what} is missing: run `make edit`, which installs it",
        "{what} mangler: kjør `make edit`, som installerer det",
    ),
    ("port {wanted} is taken: using {port}", "port {wanted} er i bruk: bruker {port}"),
    (
        "the editor's proxy (decap-server) did not start: see {log}",
        "redigeringens mellomtjener (decap-server) startet ikke: se {log}",
    ),
)
