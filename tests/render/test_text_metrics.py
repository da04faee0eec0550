"""Measuring and wrapping text with the vendored DejaVu Sans widths."""

from __future__ import annotations

import pytest

from journeykit.render.text_metrics import ellipsize, largest_fitting, width, wrap


def test_widths_come_from_the_font_table() -> None:
    # DejaVu Sans: "i" is 569/2048 em... narrower than "M" (1767/2048); bold is wider
    assert width("i", 2048) == pytest.approx(569)
    assert width("M", 2048) == pytest.approx(1767)
    assert width("Mäßig", 12, bold=True) > width("Mäßig", 12)
    assert width("Ä", 10) == pytest.approx(width("A", 10))  # the umlaut is in the table


@pytest.mark.parametrize("limit", [60.0, 120.0, 200.0])
def test_wrapped_lines_fit_and_keep_every_word(limit: float) -> None:
    text = "Die Spedition nennt den Termin erst am Vortag und niemand weiß etwas"
    lines = wrap(text, limit, 11)
    assert " ".join(lines) == text
    assert all(width(line, 11) <= limit for line in lines)


def test_a_word_too_long_for_a_line_breaks_at_its_hyphen_first() -> None:
    assert wrap("PreisRadar-Produktsuche", 110, 11) == ["PreisRadar-", "Produktsuche"]
    pieces = wrap("Donaudampfschifffahrtsgesellschaft", 80, 11)
    assert len(pieces) > 1 and all(p.endswith("-") for p in pieces[:-1])
    assert "".join(p.removesuffix("-") for p in pieces) == "Donaudampfschifffahrtsgesellschaft"
    assert all(width(p, 11) <= 80 for p in pieces)


def test_soft_hyphens_break_a_compound_and_otherwise_vanish() -> None:
    assert wrap("Optimierungs\u00adpotenziale", 100, 12, bold=True) == [
        "Optimierungs-",
        "potenziale",
    ]
    assert wrap("Optimierungs\u00adpotenziale", 400, 12) == ["Optimierungspotenziale"]
    assert largest_fitting("Optimierungs\u00adpotenziale", 100, (12.0, 10.0), bold=True) == 12.0


def test_line_breaks_in_the_text_are_kept_and_control_characters_dropped() -> None:
    assert wrap("erste Zeile\nzweite\x07 Zeile", 500, 11) == ["erste Zeile", "zweite Zeile"]
    assert wrap("", 100, 11) == [""]


def test_max_lines_cuts_with_an_ellipsis() -> None:
    lines = wrap("eins zwei drei vier fünf sechs sieben acht neun zehn", 60, 11, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(width(line, 11) <= 60 for line in lines)


def test_ellipsize_keeps_short_text_and_cuts_long_text() -> None:
    assert ellipsize("kurz", 100, 11) == "kurz"
    cut = ellipsize("Gesamtpreis einschließlich Speditionszuschlag", 100, 11)
    assert cut.endswith("…") and width(cut, 11) <= 100
