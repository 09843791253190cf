"""language: which articles are not in English, so the build can say so.

kg's rules read English: an article in another language (written in another script, say) is read,
but gives few or no claims. :func:`foreign_language` names the language of such an article, from its
``language`` header when it declares one, else from its text, with the Compact Language Detector 2
(``pycld2``: its tables are compiled into the wheel, nothing is downloaded). Text the detector
is not sure about (short, mixed) counts as English: the notice is for articles that are plainly
in another language.
"""

from __future__ import annotations

import pycld2

from kg.models import Article

__all__ = ["DETECT_CHARS", "MIN_PERCENT", "foreign_language", "language_name"]

DETECT_CHARS = 100_000
"""The first characters of a body the detector reads (the language of an article shows long before)."""
MIN_PERCENT = 60
"""Share of the text (in percent) the detected language must have for the article to count as in it."""

def _display(name: str, code: str) -> str:
    """A detector's language name as a message shows it; a name with a script subtag says the script."""
    base, _, script = code.partition("-")
    if name.startswith("X_"):  # text in a script whose language the detector does not know
        return f"a language written in the {script} script"
    if len(script) == 4 and script.isalpha():
        return f"{_PLAIN.get(base, base)} ({script} script)"
    return name.replace("_", " ").capitalize()


_PLAIN = {code: name.replace("_", " ").capitalize() for name, code in pycld2.LANGUAGES if "-" not in code}
_NAMES = {code.lower(): _display(name, code) for name, code in pycld2.LANGUAGES}


def language_name(code: str) -> str:
    """The English name of a language code (``eu`` -> ``Basque``); an unknown code as it is written.

    >>> language_name("eu"), language_name("sw-KE"), language_name("xx")
    ('Basque', 'Swahili', 'xx')
    """
    key = code.strip().lower()
    return _NAMES.get(key) or _NAMES.get(key.split("-")[0].split("_")[0]) or code


def _english(code: str) -> bool:
    return code.lower().split("-")[0].split("_")[0] in {"en", "eng", "english"}


def foreign_language(article: Article) -> str | None:
    """The name of the article's language when it is not English, else None.

    A ``language`` header that names another language is taken at its word; otherwise the body decides.
    """
    if article.language and not _english(article.language):
        return language_name(article.language)
    try:
        reliable, _, details = pycld2.detect(article.body[:DETECT_CHARS])
    except pycld2.error:  # text the detector refuses (it wants valid UTF-8 without control characters)
        return None
    _, code, percent, _ = details[0]
    if not reliable or code in {"en", "un"} or percent < MIN_PERCENT:
        return None
    return language_name(code)
