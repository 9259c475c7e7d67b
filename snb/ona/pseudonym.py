"""Pseudonyms for the people of a report: stable within it, unlinkable across reports.

Each person's code is a keyed hash (HMAC-SHA256) of their id with a **salt**, a secret
drawn afresh for every report unless you pass one. Why not number people in sorted order?
A sorted order leaks the alphabet (P001 is probably an "A..."), and the same person gets
another number when someone joins. Why a key? An unkeyed hash of a name can be reversed by
hashing every name on the staff list. With a fresh salt, the same person has the same code
everywhere in one report (in every relation and table) but a different one in the next
report, so two reports cannot be joined behind people's backs. Pass the same ``salt`` to
keep codes across reports, and keep it as secret as the key file.

Pseudonymised data are still personal data under the GDPR (Recital 26): whoever holds the
key file, or knows the network well, can re-identify people. Pseudonyms reduce risk; they
do not make a report anonymous.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterable

__all__ = ["new_salt", "pseudonyms"]

#: Characters of a code: upper-case letters and digits (base32).
CODE_LENGTH = 6


def new_salt() -> str:
    """A fresh random salt (32 hex characters) for one report."""
    return secrets.token_hex(16)


def _code(salt: str, person: str, length: int) -> str:
    digest = hmac.new(salt.encode("utf-8"), person.encode("utf-8"), hashlib.sha256).digest()
    return "P-" + base64.b32encode(digest).decode("ascii")[:length]


def pseudonyms(people: Iterable[str], salt: str) -> dict[str, str]:
    """A code for every person: ``"P-"`` and six letters or digits from a keyed hash.

    Codes never repeat: should two people share six characters, everyone gets longer
    codes. The same salt gives the same codes; another salt, other codes.

    Parameters
    ----------
    people : iterable of str
        The people's ids (repeats are ignored).
    salt : str
        The key of the hash (:func:`new_salt` draws one); not empty.

    Returns
    -------
    dict of str to str
        Person -> code.

    Raises
    ------
    ValueError
        For an empty salt.

    Examples
    --------
    >>> codes = pseudonyms(["Ana Silva", "Ben Novak"], salt="example")
    >>> codes == pseudonyms(["Ben Novak", "Ana Silva"], salt="example")
    True
    >>> codes["Ana Silva"] != pseudonyms(["Ana Silva"], salt="other")["Ana Silva"]
    True
    >>> codes["Ana Silva"].startswith("P-"), len(codes["Ana Silva"])
    (True, 8)
    """
    people = list(dict.fromkeys(people))
    if not salt:
        raise ValueError("a salt is needed (new_salt() draws one)")
    for length in range(CODE_LENGTH, 53):
        codes = {p: _code(salt, p, length) for p in people}
        if len(set(codes.values())) == len(codes):
            return codes
    raise RuntimeError("could not make distinct codes")  # would need a SHA-256 collision
