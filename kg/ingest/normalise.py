"""normalise: the one form of text every article body and header value is kept in."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_text"]

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, plain spaces, no invisible formatting characters (zero-width, bidi) or controls.

    Invisible characters are removed so that look-alike names ("Ma\\u200bria") cannot split one actor
    into two; nothing visible changes.

    >>> normalise_text("Ma\\u200bria\\r\\nsaid\\u00a0so")
    'Maria\\nsaid so'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    return _CONTROL.sub("", text.replace("\t", " "))
