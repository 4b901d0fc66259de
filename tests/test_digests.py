"""The built-in digests are hashlib's, byte for byte (fingerprints in
baselines and reports must not change with the module that makes them)."""

from __future__ import annotations

import hashlib

from scrapelint.digests import blake2b, sha256


def test_the_digests_are_hashlibs():
    for data in (b"", b"WC001\0a.md\0\0word count\0" * 50, "café ☕".encode(), bytes(range(256)) * 9):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        assert blake2b(data, digest_size=8).digest() == hashlib.blake2b(data, digest_size=8).digest()
