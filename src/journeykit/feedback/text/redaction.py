"""Personal data out of free text before it is stored, analysed or shown.

Each kind of personal data is replaced by a bracketed placeholder, so a reader still sees
that something was there: e-mail addresses (``[email]``), phone numbers in German and
international formats (``[phone]``), IBANs whose check digits are right (``[iban]``), card
numbers that pass the Luhn check (``[card]``), and names after a salutation or under a
closing greeting (``[name]``). Numbers that only look similar (order numbers, dates, prices,
postcodes, card-like numbers that fail Luhn) are left alone: redacting them would destroy
the meaning of a complaint without protecting anyone.

>>> redact("Bitte rufen Sie mich an: 0171 2345678, Herr Müller")
'Bitte rufen Sie mich an: [phone], Herr [name]'
>>> redact("Mail an max.mustermann+shop@example.de, IBAN DE89 3704 0044 0532 0130 00")
'Mail an [email], IBAN [iban]'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

PiiKind = Literal["email", "phone", "iban", "card", "name"]
PII_KINDS: tuple[PiiKind, ...] = ("email", "phone", "iban", "card", "name")

_EMAIL = re.compile(
    r"(?<![\w.+'-])[\w.+'-]+(?:@|\s?[\[(]\s?(?:at|ät)\s?[\])]\s?)"
    r"[\w-]+(?:(?:\.|\s?[\[(]\s?(?:dot|punkt)\s?[\])]\s?)[\w-]+)*"
    r"(?:\.|\s?[\[(]\s?(?:dot|punkt)\s?[\])]\s?)[A-Za-z]{2,24}\b",
    re.IGNORECASE,
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_CARD = re.compile(r"(?<![\d.,])\d(?:[ -]?\d){12,18}(?![\d.,]\d)")
# A phone number starts with +, 00 or a 0 (German trunk prefix) and has 7–15 digits in
# groups separated by spaces, slashes, dashes, dots or an area code in brackets.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s./-]?(?:\(0\)[\s./-]?)?(?:\(?\d{1,5}\)?[\s./-]?){1,5}\d{2,}"
    r"|(?<![\w+])\(?0\d{2,5}\)?[\s./-]?\d{2,}(?:[\s-]\d{2,}){0,3}(?!\w|,\d)"
)
_SALUTATION = r"(?:Herrn?|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.|Prof\.)"
_TITLE = r"(?:\s+(?:Dr\.|Prof\.|Dipl\.-Ing\.))*"
_NAME_WORD = r"[A-ZÄÖÜ][\w'’ßäöüéèáàçñ]+(?:-[A-ZÄÖÜ][\w'’ßäöüéèáàçñ]+)?"
# "von der Leyen", "van den Berg", "de la Cruz"; never a bare article ("Herr der Ringe").
_PARTICLE = r"(?:(?:von|van|vom|zu|de|di|del|da)(?:\s+(?:der|den|dem|de|la))?\s+)"
_NAME = re.compile(
    rf"(?<!\w){_SALUTATION}{_TITLE}\s+({_PARTICLE}?{_NAME_WORD}"
    rf"(?:\s+(?!(?:und|and|oder|or|hat|has|war|was|ist|is)\b){_NAME_WORD})?)"
)
_SIGNATURE = re.compile(
    r"(?:(?:Viele|Beste|Liebe|Freundliche|Mit freundlichen)\s+Grüße|MfG|LG|VG|Gruß"
    r"|Best regards|Kind regards|Regards|Cheers|Thanks|Danke)[,!.]?[ \t]*(?:\r?\n[ \t]*|[ \t]+)"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*$",
    re.MULTILINE,
)
#: Capitalised words after a salutation that are not names ("Sehr geehrte Frau Kundin").
_NOT_NAMES = frozenset(
    {"Kundin", "Kunde", "Kollegin", "Kollege", "Doktor", "Professor", "Service", "Support"}
)


def _iban_valid(candidate: str) -> bool:
    compact = candidate.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


def luhn_valid(number: str) -> bool:
    """Whether the digits of ``number`` pass the Luhn check (as every payment card does).

    >>> luhn_valid("4111 1111 1111 1111"), luhn_valid("4111 1111 1111 1112")
    (True, False)
    """
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return bool(digits) and total % 10 == 0


def _replace_if(
    pattern: re.Pattern[str], placeholder: str, accept: Callable[[str], bool]
) -> Callable[[str], str]:
    def apply(text: str) -> str:
        return pattern.sub(lambda m: placeholder if accept(m.group(0)) else m.group(0), text)

    return apply


def _names(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        first = name.split()[0]
        if first in _NOT_NAMES:
            return match.group(0)
        start = match.start(1) - match.start(0)
        return match.group(0)[:start] + "[name]"

    text = _NAME.sub(one, text)
    return _SIGNATURE.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + "[name]", text)


def _phone_like(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    return 7 <= digits <= 15


#: IBANs and cards before phones: their digit runs would otherwise look like phone numbers.
_ORDER: tuple[PiiKind, ...] = ("iban", "card", "email", "phone", "name")
_STEPS: dict[PiiKind, Callable[[str], str]] = {
    "iban": _replace_if(_IBAN, "[iban]", _iban_valid),
    "card": _replace_if(_CARD, "[card]", lambda c: luhn_valid(c) and not c.startswith("0")),
    "email": _replace_if(_EMAIL, "[email]", lambda _: True),
    "phone": _replace_if(_PHONE, "[phone]", _phone_like),
    "name": _names,
}


@dataclass(frozen=True)
class Redactor:
    """Redaction of the chosen kinds of personal data (all of them by default)."""

    kinds: frozenset[PiiKind] = frozenset(PII_KINDS)

    @classmethod
    def of(cls, kinds: Iterable[str]) -> Redactor:
        """A redactor for the named kinds; raises ValueError naming an unknown kind."""
        chosen = set(kinds)
        unknown = chosen - set(PII_KINDS)
        if unknown:
            raise ValueError(
                f"unknown kind of personal data {sorted(unknown)[0]!r}; "
                f"known: {', '.join(PII_KINDS)}"
            )
        return cls(frozenset(chosen))  # type: ignore[arg-type]

    def __call__(self, text: str) -> str:
        for kind in _ORDER:
            if kind in self.kinds:
                text = _STEPS[kind](text)
        return text


_ALL = Redactor()


def redact(text: str) -> str:
    """``text`` with every kind of personal data replaced by its placeholder."""
    return _ALL(text)
