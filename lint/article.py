"""Where the article is inside the body: shared knowledge of the date (DT)
and boilerplate (NV) families, computed once per document (`doc.layout`).

- `captions`: body lines that are photo captions or credits;
- `end`: the first line of the tail after the article (credits such as
  "Reporting by", "Our Standards", "Related", "More from", "About the
  author"...), once enough article text precedes the marker; None when the
  body runs to its end.

Indices are 0-based body lines (`doc.lines`); `doc.file_line(i)` turns one
into a file line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A photo credit: an agency or photographer credit in the form newsrooms use.
CAPTION_RE = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA|ANP|DPA|Xinhua)/[A-Z]"
    r"|\b(?:AP|AFP|Reuters|Getty|EPA|Bloomberg|Shutterstock|Alamy)\s+(?:Photo|Images|via Getty Images)\b"
    r"|\bGetty Images\b|\bFile Photo\b|\bPhoto(?:graph)?(?: credit)?\s*[:/©]|\(Photo(?:graph)?(?: by)?\b"
    r"|^\s*(?:Image|Photo|Picture|Foto|Bild|Crédit photo|Crédits?)\s*(?:credit)?\s*[:©]"
    r"|©\s*\w)",
)
# Lines that end the article and begin the page's tail.
END_RE = re.compile(
    r"^\s*(?:[*_#>\s]*)(?:"
    r"Reporting by|Additional reporting by|Writing by|Editing by|Compiled by|Our Standards:"
    r"|Related(?: (?:Articles|Stories|Coverage|Content|Posts|Topics|News))?\s*:?\s*$"
    r"|More (?:from|stories|on this story|in)\b|Read (?:more|next)\s*:?\s*$|Recommended(?: for you)?\s*:?\s*$"
    r"|About the authors?\s*:?\s*$|(?:Leave a |Post a |\d+ )?Comments?\s*(?:\(\d+\))?\s*:?\s*$"
    r"|Share this(?: article| story)?\s*:?\s*$|Mehr zum Thema|Lesen Sie (?:auch|mehr)|Weitere Artikel|Ähnliche Artikel"
    r"|À lire aussi|Lire aussi|Sur le même sujet|Articles similaires|Te puede interesar|Noticias relacionadas|Más noticias"
    r")",
    re.IGNORECASE,
)
MIN_ARTICLE_WORDS = 80  # an end marker counts once this much text precedes it


@dataclass(frozen=True)
class Layout:
    captions: frozenset[int]
    end: int | None

    def in_tail(self, index: int) -> bool:
        return self.end is not None and index >= self.end


def analyse(doc) -> Layout:
    lines = doc.lines
    captions = frozenset(i for i, line in enumerate(lines) if line and CAPTION_RE.search(line))
    end = None
    words = 0
    for i, line in enumerate(lines):
        if words >= MIN_ARTICLE_WORDS and line and END_RE.match(line):
            end = i
            break
        if i not in captions:
            words += len(line.split())
    return Layout(captions, end)
