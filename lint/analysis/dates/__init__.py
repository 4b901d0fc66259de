"""The date family's shared analysis: `find` (dates in text), `sources`
(front matter and URL), `cues` (the publication line), `evidence` (all of
it for one document, cached)."""
