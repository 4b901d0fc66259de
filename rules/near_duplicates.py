"""DS003: near-duplicate bodies, by MinHash over word shingles with LSH banding.

The signatures, the banding and the similarity estimate are datasketch's
(the library datatrove's and text-dedup's users know), the shingle hash is
xxhash's xxh32 (datasketch's default, SHA-1, cost 5x more per document);
both come with the `dedup` extra (`pip install 'scrapelint[dedup]'`) and are
imported only when the rule is selected: a run without DS003 never loads
numpy, and a pre-commit hook does not install it.
"""

from __future__ import annotations

import re
from typing import Iterator

from scrapelint.digests import blake2b
from scrapelint.findings import Finding, Severity
from scrapelint.lazymodel import Field
from scrapelint.rule import DatasetRule, DocRef, RuleOptions

_WORD = re.compile(r"\w+")
# affine32: datasketch 2's default scheme; its hash values fit 32 bits, so a
# signature is num-perm * 4 bytes in the partial state.
_SCHEME = "affine32"
_SEED = 1
# Others named in one finding; the rest are counted.
_NAMED = 3


def where(ref: DocRef) -> str:
    """How a finding names another document: path and line, or record id."""
    if ref.record is not None:
        return f"{ref.path} record {ref.record}" + (f" (line {ref.line})" if ref.line else "")
    return f"{ref.path}:{ref.line}" if ref.line else ref.path


def body_digest(doc) -> bytes:
    """A 128-bit hash of the body's words, letter case and whitespace set
    aside: the identity DS001 reports, shared so DS003 can leave exact copies
    to it."""
    return doc.shared("body-digest", lambda d: blake2b(
        " ".join(d.words).lower().encode("utf-8", "surrogatepass"), digest_size=16).digest())


def first_text_line(doc) -> int | None:
    first = next((i for i, line in enumerate(doc.lines) if line.strip()), 0)
    return doc.file_line(first)


class NearDuplicateBody(DatasetRule):
    """Two documents of the run have nearly the same body.

    What it checks: the estimated Jaccard similarity of the bodies' word
    shingles (runs of `shingle-words` words, lower-cased, punctuation set
    aside), from MinHash signatures (datasketch, `num-perm` permutations)
    indexed with LSH banding.  A document whose similarity to an earlier
    document of the run reaches `threshold` is reported at its first line,
    naming the earlier document or documents (path and line, or record id)
    and the estimated similarity.  Bodies under `min-words` words are not
    compared.  When DS001 is selected too, exact copies are left to it.

    Why it matters: the same story saved twice with a changed sentence, a
    different extractor's punctuation or a syndicated copy's extra credit
    line escapes an exact hash (DS001) but skews a corpus just the same:
    repeated text is over-weighted in training and leaks between splits.

    Example: `wire/a.md` and `mirror/b.md` hold the same 600-word story; the
    second adds a closing sentence and uses curly quotes.  The second is
    reported: `near duplicate of wire/a.md:6 (estimated similarity 0.91)`.

    Fix: keep one copy (the canonical URL's), or deduplicate the dataset
    before use.

    Memory: each document keeps its signature (`num-perm` x 4 bytes, 512 at
    the default), a 16-byte digest and where it came from until the end of
    the run (about 0.9 KB); the finish then builds datasketch's LSH index
    over all of them in the process that ends the run (the main process, or
    the Dask client).  Measured by `python bench/ds_memory.py` (invented
    600-word documents, 2,000 to 8,000 of them, extrapolated): about 4.5 KB a
    document at the peak of the finish, so a million documents need about
    4.3 GiB there; the workers keep only their own stretch's partial state.
    """

    code, name = "DS003", "near-duplicate-body"
    severity = Severity.WARNING
    default_enabled = False

    class Options(RuleOptions):
        threshold: float = Field(0.8, gt=0.0, le=1.0,
                                 description="Estimated Jaccard similarity of the shingle sets from which two bodies are near duplicates.")
        shingle_words: int = Field(5, ge=1, le=32, alias="shingle-words", description="Words in a shingle.")
        min_words: int = Field(50, ge=1, alias="min-words", description="Shorter bodies are not compared.")
        num_perm: int = Field(128, ge=16, le=1024, alias="num-perm",
                              description="MinHash permutations: more is more precise, slower and larger.")

    _permutations = None

    def setup(self, config) -> None:
        """Selecting DS003 without its libraries is a configuration error, said before any work."""
        try:
            import datasketch  # noqa: F401
            import xxhash  # noqa: F401
        except ModuleNotFoundError:
            from scrapelint.config import ConfigError

            raise ConfigError("DS003 (near-duplicate-body) needs datasketch and xxhash: "
                              "pip install 'scrapelint[dedup]'") from None

    def _minhash(self, shingles: set[bytes]):
        from datasketch import MinHash
        from xxhash import xxh32_intdigest

        if self._permutations is None:  # drawing them costs more than a document
            self._permutations = MinHash(num_perm=self.options.num_perm, seed=_SEED, scheme=_SCHEME).permutations
        m = MinHash(num_perm=self.options.num_perm, seed=_SEED, permutations=self._permutations, scheme=_SCHEME,
                    hashfunc=xxh32_intdigest)
        m.update_batch(shingles)
        return m

    def collect(self, doc):
        words = _WORD.findall(doc.body.lower())
        if len(words) < max(self.options.min_words, self.options.shingle_words):
            return None
        n = self.options.shingle_words
        shingles = {" ".join(words[i:i + n]).encode("utf-8", "surrogatepass") for i in range(len(words) - n + 1)}
        signature = self._minhash(shingles).hashvalues.tobytes()
        return (signature, body_digest(doc)), first_text_line(doc)

    def finish(self, state) -> Iterator[Finding]:
        if len(state) < 2:
            return
        import numpy as np
        from datasketch import LeanMinHash, MinHashLSH

        opts = self.options
        # one contiguous array, a transient LeanMinHash per use: a MinHash
        # object per document would double the memory of the finish
        signatures = np.frombuffer(b"".join(sig for (sig, _), _ in state), dtype=np.uint32).reshape(len(state), -1)

        def lean(i: int) -> LeanMinHash:
            return LeanMinHash(seed=_SEED, hashvalues=signatures[i], scheme=_SCHEME)

        lsh = MinHashLSH(threshold=opts.threshold, num_perm=opts.num_perm)
        with lsh.insertion_session() as session:
            for i in range(len(state)):
                session.insert(i, lean(i), check_duplication=False)
        exact_left_to_ds001 = "DS001" in self.active_codes
        for i in range(len(state)):
            signature, digest = lean(i), state[i][0][1]
            matches = []
            for j in lsh.query(signature):
                if j >= i or (exact_left_to_ds001 and state[j][0][1] == digest):
                    continue
                similarity = signature.jaccard(lean(j))
                if similarity >= opts.threshold:
                    matches.append((-similarity, j))
            if matches:
                matches.sort()
                named = ", ".join(f"{where(state[j][1])} (estimated similarity {-s:.2f})" for s, j in matches[:_NAMED])
                more = f" and {len(matches) - _NAMED} more" if len(matches) > _NAMED else ""
                yield self.dataset_finding(state[i][1], f"near duplicate of {named}{more}")
