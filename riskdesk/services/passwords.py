"""Password hashing: scrypt (memory-hard), a random salt per password, compared in constant time.

Stored as ``scrypt$n$r$p$salt_b64$hash_b64`` so that stronger parameters can be used later without
breaking the passwords already stored. A password is never stored, logged or shown in clear.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os

N, R, P = 2**14, 8, 1  # 16 MiB and ~50 ms per check on a court workstation
SALT_BYTES = 16
HASH_BYTES = 32
_MAXMEM = 64 * 1024 * 1024


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=length)


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    digest = _scrypt(password, salt, N, R, P, HASH_BYTES)
    return "$".join(("scrypt", str(N), str(R), str(P), base64.b64encode(salt).decode("ascii"),
                     base64.b64encode(digest).decode("ascii")))


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` is the one ``stored`` was made from; a malformed ``stored`` never matches."""
    try:
        scheme, n, r, p, salt_b64, hash_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt, expected = base64.b64decode(salt_b64), base64.b64decode(hash_b64)
        digest = _scrypt(password, salt, int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


@functools.cache
def _dummy() -> str:
    return hash_password(base64.b64encode(os.urandom(12)).decode("ascii"))


def burn_time(password: str) -> None:
    """Check against a throw-away hash: an unknown login takes as long as a wrong password."""
    verify_password(password, _dummy())
