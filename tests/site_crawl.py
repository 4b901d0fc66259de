"""An invented crawl of one site, for DS004: 24 pages of
`lakeside-gazette.example` with a shared header, a shared footer, two
related-links boxes (each on half the pages) and an article of its own on
each page.  `build(folder)` writes the pages and returns, per file, the
body-independent truth: the file lines of furniture and of article text.
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
        (folder / name).write_text("\n".join(front + [line for line, _ in body]) + "\n", encoding="utf-8")
        first = len(front) + 1
        truth[name] = {kind: {first + i for i, (_, k) in enumerate(body) if k == kind}
                       for kind in ("furniture", "article")}
    return truth
