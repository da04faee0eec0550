"""Personal data redaction on a table of tricky cases: what must go, and what must stay."""

from __future__ import annotations

import pytest

from journeykit.feedback.text.redaction import Redactor, luhn_valid, redact

REDACTED = [
    # e-mail addresses
    ("Schreiben Sie an anna.schmidt@web.de bitte", "Schreiben Sie an [email] bitte"),
    ("contact: j.o'neil+orders@mail.co.uk.", "contact: [email]."),
    ("max (at) gmx (dot) net", "[email]"),
    ("Kontakt: info@beet-werk.shop!", "Kontakt: [email]!"),
    # German phone numbers
    ("Rückruf unter 0171 2345678 bitte", "Rückruf unter [phone] bitte"),
    ("Tel. 0171/2345678", "Tel. [phone]"),
    ("Festnetz (030) 1234 5678", "Festnetz [phone]"),
    ("ruf an: 089-12345678.", "ruf an: [phone]."),
    ("Handy +49 171 2345678", "Handy [phone]"),
    ("+49 (0)30 12345678 ist meine Nummer", "[phone] ist meine Nummer"),
    ("0049 30 1234567", "[phone]"),
    # international phone numbers
    ("call me on +44 20 7946 0958", "call me on [phone]"),
    ("my number is +1 555-123-4567", "my number is [phone]"),
    # IBANs (right check digits), with and without spaces
    ("IBAN: DE89 3704 0044 0532 0130 00", "IBAN: [iban]"),
    ("DE89370400440532013000 bitte erstatten", "[iban] bitte erstatten"),
    ("GB82 WEST 1234 5698 7654 32", "[iban]"),
    # card numbers that pass Luhn
    ("Karte 4111 1111 1111 1111 belastet", "Karte [card] belastet"),
    ("card 5500-0000-0000-0004 charged twice", "card [card] charged twice"),
    # names after salutations and in signatures
    ("Herr Müller war sehr freundlich", "Herr [name] war sehr freundlich"),
    ("Frau Dr. Schmidt-Lüdenscheidt hat geholfen", "Frau Dr. [name] hat geholfen"),
    ("mit Herrn von Berg gesprochen", "mit Herrn [name] gesprochen"),
    ("Mr. O'Brien was rude", "Mr. [name] was rude"),
    ("Ms Jones and Mrs. Patel", "Ms [name] and Mrs. [name]"),
    ("Danke an Frau Yılmaz!", "Danke an Frau [name]!"),
    ("Das war super.\nViele Grüße\nAnna Schmidt", "Das war super.\nViele Grüße\n[name]"),
    ("Fix it please.\nBest regards, John Carter", "Fix it please.\nBest regards, [name]"),
]

KEPT = [
    "Bestellnummer 1234567890123 ist noch offen",  # 13 digits, fails Luhn
    "Lieferung am 12.03.2024 um 14:30",
    "Preis 1.299,00 € statt 39,99 €",
    "PLZ 01067 Dresden",
    "Sehr geehrte Damen und Herren, die Ware fehlt",
    "Herr der Ringe ist mein Lieblingsfilm",
    "Sehr geehrte Frau Kundin",  # a form letter's placeholder, not a name
    "Sendungsnummer 00340434161094042557",  # a DHL tracking number, 20 digits
    "DE12 3456 7890 1234 5678 90 ist keine echte IBAN",  # wrong check digits
    "Ich habe 3 Hochbeete bestellt und 2 bekommen",
    "Version 2.3.1 der App stürzt ab",
]


@pytest.mark.parametrize(("text", "expected"), REDACTED)
def test_personal_data_is_replaced_by_a_placeholder(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("text", KEPT)
def test_look_alikes_are_left_alone(text: str) -> None:
    assert redact(text) == text


def test_only_the_chosen_kinds_are_redacted() -> None:
    text = "anna@web.de, 0171 2345678, Herr Müller"
    assert Redactor.of(["email"])(text) == "[email], 0171 2345678, Herr Müller"
    assert Redactor.of(["name", "phone"])(text) == "anna@web.de, [phone], Herr [name]"


def test_an_unknown_kind_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown kind of personal data 'adress'"):
        Redactor.of(["adress"])


def test_luhn() -> None:
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    assert not luhn_valid("")
