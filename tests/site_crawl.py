"""Invented crawls of one site, for DS004 and the NV rules it feeds.

`build(folder)`: 24 pages of `lakeside-gazette.example` with a shared
header, a shared footer, two related-links boxes (each on half the pages)
and an article of its own on each page; NV finds all of that furniture on
a lone page.  `build_prose(folder)`: 28 pages of `riverbend-courier.example`
in English, German and French whose furniture is also written as prose (a
note on the publication, a support appeal, an author's note, a disclaimer
inside the article), which only the site's other pages give away.

Both write the pages and return, per file, the truth: the file lines of
furniture and of article text.
"""

from __future__ import annotations

import random
from pathlib import Path

SITE = "lakeside-gazette.example"
PAGES = 24

HEADER = [
    "- [Home](https://lakeside-gazette.example/)",
    "- [Local](https://lakeside-gazette.example/local)",
    "- [Sport](https://lakeside-gazette.example/sport)",
    "- [Weather](https://lakeside-gazette.example/weather)",
]
RELATED = [
    ["## More from the Gazette", "",
     "- [Ferry timetable changes for the winter](https://lakeside-gazette.example/news/ferry-winter)",
     "- [Harbour wall repairs start in March](https://lakeside-gazette.example/news/harbour-wall)",
     "- [Choir festival tickets on sale](https://lakeside-gazette.example/news/choir-festival)"],
    ["## Most read this week", "",
     "- [New cycle path opens along the north shore](https://lakeside-gazette.example/news/cycle-path)",
     "- [School roof to be replaced over the summer](https://lakeside-gazette.example/news/school-roof)",
     "- [Market square parking rules explained](https://lakeside-gazette.example/news/parking-rules)"],
]
FOOTER = [
    "Sign up for the Gazette's morning newsletter and get the lake towns' news before breakfast.",
    "",
    "© 2024 Lakeside Gazette Ltd. All rights reserved. [Privacy](https://lakeside-gazette.example/privacy) · "
    "[Terms](https://lakeside-gazette.example/terms)",
]

PLACES = ["Ashford Quay", "the north shore", "Millbrook", "the old boathouse", "Fenwick Hill", "the harbour",
          "Lower Rowan Street", "the sailing club", "Kestrel Point", "the town library", "Elm Meadow", "the pier"]
PEOPLE = ["Dana Whitlock", "Oskar Pell", "Ruth Amberley", "Idris Vane", "Marta Lowe", "Colin Ashby",
          "Priya Sandhu", "Tomasz Wren", "Helen Marsh", "Jonah Brill", "Agnes Okoro", "Felix Darby"]
EVENTS = ["a volunteer clean-up", "a planning hearing", "the spring regatta", "a charity swim",
          "a new bus route", "the library's reopening", "a flood drill", "a craft market",
          "a road closure", "the lifeboat open day", "a tree-planting morning", "a school concert"]
VERBS = ["drew", "worried", "surprised", "delighted", "divided", "brought together", "kept busy", "puzzled"]
GROUPS = ["residents", "shop owners", "parents", "councillors", "visitors", "fishermen", "pensioners", "students"]


def article(rng: random.Random, n: int) -> list[str]:
    """Three paragraphs of invented local news, distinct for each page."""
    place, person, event = PLACES[n % 12], PEOPLE[(n * 5) % 12], EVENTS[(n * 7) % 12]
    paragraphs = []
    for p in range(3):
        sentences = []
        for s in range(3):
            sentences.append(
                f"{rng.choice(['On Monday', 'Last week', 'This weekend', 'Early on Friday', 'By noon'])} "
                f"{event} at {place} {rng.choice(VERBS)} {rng.randint(12, 480)} {rng.choice(GROUPS)}, "
                f"{person} said in the {['first', 'second', 'third'][p]} account of page {n}, point {s + 1}.")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def build(folder: Path) -> dict[str, dict[str, set[int]]]:
    """Write the pages; return {file name: {"furniture": lines, "article": lines}} (file lines)."""
    rng = random.Random(2024)
    folder.mkdir(parents=True, exist_ok=True)
    truth = {}
    for n in range(PAGES):
        front = ["---", f"title: Gazette story {n}", f"source: https://{SITE}/news/2024/story-{n}",
                 "date: 2024-05-01", "---", ""]
        body: list[tuple[str, str]] = []  # (line, "furniture" | "article" | "")
        body += [(line, "furniture") for line in HEADER] + [("", "")]
        body += [(f"# Gazette story {n}", "article"), ("", "")]
        for paragraph in article(rng, n):
            body += [(paragraph, "article"), ("", "")]
        body += [(line, "furniture" if line else "") for line in RELATED[n % 2]] + [("", "")]
        body += [(line, "furniture" if line else "") for line in FOOTER]
        name = f"story-{n:02d}.md"
        truth[name] = _write(folder / name, front, body)
    return truth


# ---------------------------------------------------------------------------
# A harder crawl: furniture written as prose, which no single page gives away
# ---------------------------------------------------------------------------

PROSE_SITE = "riverbend-courier.example"
LANGUAGES = {"en": 16, "de": 6, "fr": 6}  # pages per language: 28 in all
PROSE_PAGES = sum(LANGUAGES.values())
_C = f"https://{PROSE_SITE}"

# Per language, the site's furniture.  The appeal, the note on the
# publication and the author's note are sentences with stop words and no
# links, the disclaimer is one sentence: on one page they read as the
# article's prose.
FURNITURE = {
    "en": {
        "header": [f"- [Front page]({_C}/)", f"- [Neighbourhoods]({_C}/neighbourhoods)",
                   f"- [Culture]({_C}/culture)", f"- [Letters]({_C}/letters)"],
        "disclaimer": "Guest columns reflect the views of their writers, not those of the Courier's editorial board.",
        "appeal": "The Riverbend Courier is free to read because hundreds of neighbours chip in every month. "
                  "If our reporting on the valley matters to you, please consider becoming a supporting member: "
                  "even a small monthly gift keeps one of us at the town meetings that nobody else covers.",
        "about": "The Riverbend Courier is a nonprofit newsroom that belongs to its readers. We have written about "
                 "the towns of the upper river valley since 1998, and our reporters live in the streets they "
                 "write about. Our editorial decisions are taken independently of the people who fund us.",
        "bios": ["Maren Holt covers housing and local government for the Courier. Before she joined the newsroom "
                 "she spent eleven years as a ferry pilot on the lower river.",
                 "Teodor Blum writes about schools, youth sport and the small businesses of the valley. He grew up "
                 "above a bakery on Canal Street and still answers his letters by hand."],
        "related": [["## Also in the Courier", "",
                     f"- [How the valley's ferry fares are set]({_C}/explainers/ferry-fares)",
                     f"- [A year of the repair café on Mill Lane]({_C}/culture/repair-cafe)",
                     f"- [Where the new bus line will stop]({_C}/neighbourhoods/bus-line)"],
                    ["## Readers also chose", "",
                     f"- [The last cooper of Weir End]({_C}/culture/cooper)",
                     f"- [Flood maps for every street, explained]({_C}/explainers/flood-maps)",
                     f"- [Letters: keep the night train]({_C}/letters/night-train)"]],
        "footer": f"© 2025 Riverbend Courier Cooperative · [Imprint]({_C}/imprint) · [Privacy]({_C}/privacy)",
    },
    "de": {
        "header": [f"- [Startseite]({_C}/de/)", f"- [Stadtteile]({_C}/de/stadtteile)",
                   f"- [Kultur]({_C}/de/kultur)", f"- [Leserbriefe]({_C}/de/leserbriefe)"],
        "disclaimer": "Gastbeiträge geben die Meinung ihrer Verfasser wieder und nicht die der Redaktion.",
        "appeal": "Der Riverbend Courier ist kostenlos, weil jeden Monat Hunderte aus der Nachbarschaft etwas "
                  "beitragen. Wenn Ihnen unsere Berichte aus dem Tal wichtig sind, werden Sie doch Fördermitglied: "
                  "Schon ein kleiner Betrag im Monat sorgt dafür, dass jemand von uns bei den Sitzungen im "
                  "Rathaus sitzt, über die sonst niemand schreibt.",
        "about": "Der Riverbend Courier ist eine gemeinnützige Redaktion, die ihren Lesern gehört. Seit 1998 "
                 "berichten wir aus den Orten im oberen Flusstal, und unsere Reporter wohnen in den Straßen, über "
                 "die sie schreiben.",
        "bios": ["Lena Vogt schreibt für den Courier über Verkehr und Umwelt. Bevor sie in die Redaktion kam, hat "
                 "sie acht Jahre lang eine Fahrradwerkstatt am Hafen geführt."],
        "related": [["## Weitere Artikel", "",
                     f"- [Wie die Fährpreise im Tal entstehen]({_C}/de/erklaert/faehrpreise)",
                     f"- [Ein Jahr Reparaturcafé in der Mühlgasse]({_C}/de/kultur/reparaturcafe)",
                     f"- [Wo die neue Buslinie hält]({_C}/de/stadtteile/buslinie)"]],
        "footer": f"© 2025 Riverbend Courier eG · [Impressum]({_C}/de/impressum) · [Datenschutz]({_C}/de/datenschutz)",
    },
    "fr": {
        "header": [f"- [Accueil]({_C}/fr/)", f"- [Quartiers]({_C}/fr/quartiers)",
                   f"- [Culture]({_C}/fr/culture)", f"- [Courrier des lecteurs]({_C}/fr/courrier)"],
        "disclaimer": "Les tribunes n'engagent que leurs auteurs et non la rédaction du Courier.",
        "appeal": "Le Riverbend Courier est gratuit parce que des centaines de voisins y contribuent chaque mois. "
                  "Si nos reportages sur la vallée comptent pour vous, pensez à devenir membre de soutien : même "
                  "un petit don mensuel permet à l'un de nous d'assister aux conseils dont personne d'autre ne "
                  "parle.",
        "about": "Le Riverbend Courier est une rédaction à but non lucratif qui appartient à ses lecteurs. Depuis "
                 "1998, nous racontons les communes de la haute vallée, et nos journalistes habitent les rues "
                 "dont ils parlent.",
        "bios": ["Claire Dumas suit l'école et la vie des associations pour le Courier. Avant de rejoindre la "
                 "rédaction, elle a enseigné la musique pendant dix ans dans un collège de la vallée."],
        "related": [["## À lire aussi", "",
                     f"- [Comment sont fixés les tarifs du bac]({_C}/fr/explications/tarifs-bac)",
                     f"- [Un an de café réparation rue du Moulin]({_C}/fr/culture/cafe-reparation)",
                     f"- [Les arrêts de la nouvelle ligne de bus]({_C}/fr/quartiers/ligne-bus)"]],
        "footer": f"© 2025 Coopérative Riverbend Courier · [Mentions légales]({_C}/fr/mentions) · "
                  f"[Confidentialité]({_C}/fr/confidentialite)",
    },
}

# Invented local news, sentence by sentence; each page draws its own.
NEWS = {
    "en": {
        "when": ["On Tuesday", "Last month", "Over the weekend", "Early this year", "After a long delay"],
        "place": ["Weir End", "the Canal Street market", "Hollin Bridge", "the old tannery", "Saltmeadow",
                  "the east bank", "Upper Fold", "the community orchard"],
        "person": ["Ines Carver", "Bram Oduya", "Lotte Fenn", "Ravi Moss", "Edith Crane", "Samir Kell"],
        "event": ["the night market", "the river clean-up", "the tenants' meeting", "the cycle count",
                  "the orchard harvest", "the bridge inspection", "the choir's open rehearsal"],
        "group": ["residents", "stallholders", "volunteers", "tenants", "parents", "cyclists", "growers"],
        "sentences": [
            "{when}, {event} at {place} drew about {num} {group}, {person} said.",
            "{person} said the plans for {place} had changed {small} times since the spring.",
            "Several {group} asked whether {event} would return next year, and {person} promised an answer by "
            "the autumn.",
            "The council has set aside {num} pounds for {event}, a sum the {group} called modest.",
            "According to {person}, the {group} of {place} want a say before anything is built there.",
            "Organisers said {event} has now been held at {place} for {small} years running.",
        ],
    },
    "de": {
        "when": ["Am Dienstag", "Im vergangenen Monat", "Am Wochenende", "Anfang des Jahres", "Nach langer Pause"],
        "place": ["Wehrende", "dem Markt an der Kanalstraße", "der Hollinbrücke", "der alten Gerberei",
                  "Salzwiese", "dem Ostufer"],
        "person": ["Jana Reuter", "Malte Brink", "Ida Sommer", "Konrad Falk", "Nele Harms"],
        "event": ["dem Nachtmarkt", "der Flussreinigung", "der Mieterversammlung", "der Radzählung",
                  "der Obsternte", "der Brückenprüfung"],
        "group": ["Anwohner", "Händler", "Freiwillige", "Mieter", "Eltern", "Radfahrer"],
        "sentences": [
            "{when} kamen rund {num} {group} zu {event} bei {place}, sagte {person}.",
            "{person} sagte, die Pläne bei {place} seien seit dem Frühjahr {small} Mal geändert worden.",
            "Viele {group} fragten nach {event}, ob es im nächsten Jahr eine Fortsetzung gebe, und {person} "
            "versprach eine Antwort bis zum Herbst.",
            "Der Gemeinderat hat {num} Euro für die Arbeit nach {event} bereitgestellt, eine Summe, die die "
            "{group} als bescheiden bezeichnen.",
            "Nach Angaben von {person} wollen die {group} mitreden, bevor dort etwas gebaut wird.",
        ],
    },
    "fr": {
        "when": ["Mardi", "Le mois dernier", "Ce week-end", "En début d'année", "Après une longue attente"],
        "place": ["Bout-du-Barrage", "la rue du Canal", "Pont-Hollin", "l'ancienne tannerie", "Prés-Salés",
                  "la rive est"],
        "person": ["Maud Carrel", "Yanis Ferrand", "Odile Brun", "Lucien Mare", "Sarah Pelletier"],
        "event": ["du marché de nuit", "du nettoyage de la rivière", "de la réunion des locataires",
                  "du comptage des vélos", "de la récolte du verger", "de l'inspection du pont"],
        "group": ["habitants", "commerçants", "bénévoles", "locataires", "parents", "cyclistes"],
        "sentences": [
            "{when}, environ {num} {group} se sont retrouvés lors {event} à {place}, selon {person}.",
            "{person} a expliqué que le projet pour {place} avait changé {small} fois depuis le printemps.",
            "Plusieurs {group} ont demandé si l'expérience {event} serait renouvelée, et {person} a promis une "
            "réponse avant l'automne.",
            "La commune a prévu {num} euros pour la suite {event}, une somme que les {group} jugent modeste.",
            "Selon {person}, les {group} veulent donner leur avis avant que quoi que ce soit ne soit construit.",
        ],
    },
}
HEADLINES = {"en": "{place}: what {event} changed", "de": "{place}: Was sich nach {event} ändert",
             "fr": "{place} : ce qui change après l'épisode {event}"}


def news(rng: random.Random, language: str, n: int) -> tuple[str, list[str]]:
    """A headline and four paragraphs of three or four invented sentences."""
    words = NEWS[language]

    def fill(template: str) -> str:
        return template.format(when=rng.choice(words["when"]), place=rng.choice(words["place"]),
                               person=rng.choice(words["person"]), event=rng.choice(words["event"]),
                               group=rng.choice(words["group"]), num=rng.randint(20, 900), small=rng.randint(3, 9))

    headline = fill(HEADLINES[language]) + f" ({n + 1})"
    paragraphs = [" ".join(fill(t) for t in rng.sample(words["sentences"], rng.choice((3, 4)))) for _ in range(4)]
    return headline, paragraphs


def build_prose(folder: Path) -> dict[str, dict[str, set[int]]]:
    """Write the harder crawl of `PROSE_SITE`: per page a header menu, the
    article with a one-line disclaimer after its first paragraph and (on
    every other page) the support appeal after its second, then an author's
    note, a note on the publication, the appeal (where it was not inside),
    related links and a footer.  Returns the truth as `build` does."""
    rng = random.Random(1998)
    folder.mkdir(parents=True, exist_ok=True)
    truth = {}
    page = 0
    for language, count in LANGUAGES.items():
        f = FURNITURE[language]
        for n in range(count):
            headline, paragraphs = news(rng, language, n)
            front = ["---", f"title: \"{headline}\"", f"source: https://{PROSE_SITE}/{language}/2025/page-{n}",
                     f"lang: {language}", "date: 2025-03-14", "---", ""]
            inside = page % 2 == 0  # the appeal inside the article on every other page
            body: list[tuple[str, str]] = [(line, "furniture") for line in f["header"]] + [("", "")]
            body += [(f"# {headline}", "article"), ("", "")]
            for p, paragraph in enumerate(paragraphs):
                body += [(paragraph, "article"), ("", "")]
                if p == 0:
                    body += [(f["disclaimer"], "furniture"), ("", "")]
                if p == 1 and inside:
                    body += [(f["appeal"], "furniture"), ("", "")]
            body += [(f["bios"][n % len(f["bios"])], "furniture"), ("", ""), (f["about"], "furniture"), ("", "")]
            if not inside:
                body += [(f["appeal"], "furniture"), ("", "")]
            body += [(line, "furniture" if line else "") for line in f["related"][n % len(f["related"])]]
            body += [("", ""), (f["footer"], "furniture")]
            truth[f"{language}-{n:02d}.md"] = _write(folder / f"{language}-{n:02d}.md", front, body)
            page += 1
    return truth


def _write(path: Path, front: list[str], body: list[tuple[str, str]]) -> dict[str, set[int]]:
    """Write one page; its furniture and article file lines."""
    path.write_text("\n".join(front + [line for line, _ in body]) + "\n", encoding="utf-8")
    first = len(front) + 1
    return {kind: {first + i for i, (_, k) in enumerate(body) if k == kind} for kind in ("furniture", "article")}
