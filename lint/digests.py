"""sha256 (finding fingerprints) and blake2b (furniture's and DS003's
digests) from CPython's own implementations, without importing hashlib.

`import hashlib` loads OpenSSL's bindings (`_hashlib`, libcrypto) to prefer
its sha256: ~11 M instructions, 3% of a one-file pre-commit run, for a few
short digests.  CPython's built-in modules give the same digests (hashlib's
blake2b is the built-in one anyway).  A Python built without them (a
FIPS-only build) gets hashlib's.
"""

from __future__ import annotations

try:
    from _sha2 import sha256  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        from hashlib import sha256
try:
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

__all__ = ["blake2b", "sha256"]
