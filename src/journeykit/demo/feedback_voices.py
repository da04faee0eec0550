"""What Beetwerk's customers say in the demo: comments per topic, in their own words.

Each topic belongs to a touchpoint of the demo map and carries the scores customers give
when they talk about it. Most topics are pains the map names already (the freight
surcharge in the checkout, late freight deliveries, curb-side delivery, the hotline's short
hours, the print-it-yourself return label, the password reset, the discount newsletter);
``teile_fehlen`` — screws and small parts missing from a kit, spare parts taking weeks — is
one the map does not know yet. A few comments per topic are in English: Beetwerk ships to
expats too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """A thing customers talk about, where, how often and how they score it."""

    key: str
    touchpoint: str
    weight: float
    #: NPS answers (0–10) customers give while talking about it: (low, high), inclusive.
    nps: tuple[int, int]
    #: CSAT answers (1–5) given at the touchpoint.
    csat: tuple[int, int]
    german: tuple[str, ...]
    english: tuple[str, ...] = ()


TOPICS: tuple[Topic, ...] = (
    Topic(
        "speditionszuschlag",
        "tp-checkout-versand",
        3.0,
        (0, 6),
        (1, 3),
        (
            "Auf PreisRadar stand ein super Preis, im Checkout kamen dann 39 € Speditionszuschlag dazu.",
            "Der Speditionszuschlag taucht erst ganz am Ende auf. Das ist unseriös.",
            "Versandkosten für Sperrgut erst im Checkout, da habe ich abgebrochen.",
            "Warum steht der Zuschlag nicht gleich beim Preis? Fühle mich getäuscht.",
            "39 Euro Spedition extra, davon stand nichts im Preisvergleich.",
            "Günstigster Anbieter laut Vergleich, aber mit Zuschlag war es teurer als die Konkurrenz.",
            "Ich hätte gern gewählt, ob per Paket oder Spedition. Der Zuschlag ist zu hoch.",
            "Versandkosten im Warenkorb nicht sichtbar, erst beim Bezahlen. Ärgerlich!",
            "Der Speditionszuschlag hat mich fast vom Kauf abgehalten.",
            "Preis im Portal und Preis im Checkout passen nicht zusammen, Zuschlag für Sperrgut.",
        ),
        (
            "The price comparison showed a great price, then checkout added a 39 euro freight surcharge.",
            "Freight surcharge only shown at the very end, that's not fair.",
        ),
    ),
    Topic(
        "spedition_spaet",
        "tp-versandbenachrichtigung",
        2.5,
        (0, 6),
        (1, 3),
        (
            "Die Spedition hat den Liefertermin zweimal verschoben.",
            "Liefertermin erst am Vortag erfahren, musste mir kurzfristig frei nehmen.",
            "Hochbeet kam zehn Tage später als angekündigt, keiner hat sich gemeldet.",
            "Sendungsverfolgung zeigt seit einer Woche dasselbe, die Spedition ist nicht erreichbar.",
            "Die Hotline konnte mir nicht sagen, wo die Spedition mit meiner Lieferung ist.",
            "Lieferzeitraum 5 bis 10 Werktage, geworden sind es drei Wochen.",
            "Spedition kam nicht zum vereinbarten Termin. Ich habe umsonst gewartet.",
            "Viel zu lange Lieferzeit für ein Hochbeet, und kein Termin, auf den man sich verlassen kann.",
        ),
        (
            "The freight company moved my delivery date twice.",
            "Only learned the delivery day the evening before, very inconvenient.",
        ),
    ),
    Topic(
        "bordsteinkante",
        "tp-paketzustellung",
        1.5,
        (2, 7),
        (1, 3),
        (
            "Die Spedition liefert nur bis zur Bordsteinkante, das Hochbeet musste ich allein in den Garten tragen.",
            "45 kg Paket vor dem Haus abgestellt, der Fahrer wollte es nicht mal in den Hof bringen.",
            "Lieferung nur bis zur Bordsteinkante, für ältere Leute eine Zumutung.",
            "Fahrer hat das Paket an der Straße abgeladen und ist weggefahren.",
            "Bordsteinkante heißt bei uns: 80 Meter bis zum Garten. Hätte ich gern vorher gewusst.",
        ),
        ("Curbside delivery only, I had to drag the heavy box into the garden myself.",),
    ),
    Topic(
        "teile_fehlen",
        "tp-paketzustellung",
        1.8,
        (0, 6),
        (1, 3),
        (
            "Beim Hochbeet fehlten die Schrauben, Aufbau unmöglich.",
            "Im Bausatz fehlten Kleinteile, Ersatzteile nachbestellen dauert drei Wochen.",
            "Zwei Seitenteile und der Beutel mit Schrauben fehlten im Paket.",
            "Schrauben fehlen, und der Kundenservice schickt Ersatzteile erst nach zwei Wochen.",
            "Bausatz unvollständig, es fehlten Winkel und Schrauben. Das Hochbeet steht halb fertig im Garten.",
            "Kleinteile fehlten, die Nachlieferung der Ersatzteile hat ewig gedauert.",
            "Schon zum zweiten Mal fehlen Schrauben im Bausatz. Qualitätskontrolle gibt es wohl keine.",
            "Ersatzteile für fehlende Schrauben bestellt, nach drei Wochen immer noch nichts da.",
        ),
        (
            "Screws were missing from the raised bed kit, spare parts took weeks.",
            "The kit was incomplete, small parts missing, couldn't assemble it.",
        ),
    ),
    Topic(
        "hotline_zeiten",
        "tp-beratungshotline",
        1.2,
        (3, 8),
        (2, 4),
        (
            "Die Hotline ist nur bis 16 Uhr erreichbar, da arbeite ich noch.",
            "Abends niemand erreichbar, dabei hätte ich nur eine kurze Frage zum Aufbau gehabt.",
            "Hotline-Zeiten bis 16 Uhr sind für Berufstätige ein Witz.",
            "Samstags keine Hotline, gerade dann plane ich meine Gartenprojekte.",
        ),
        ("The hotline closes at 4 pm, impossible to call after work.",),
    ),
    Topic(
        "retourenetikett",
        "tp-retourenportal",
        1.0,
        (2, 7),
        (1, 3),
        (
            "Das Retourenetikett gibt es nur als PDF zum Selbstausdrucken, ich habe keinen Drucker.",
            "Für die Rücksendung musste ich erst zu meiner Tochter fahren, um das Etikett zu drucken.",
            "Abholung von Sperrgut nur telefonisch zu vereinbaren, und die Hotline ist dauernd besetzt.",
            "Retoure kompliziert: Etikett ausdrucken, Abholung anrufen, warten.",
        ),
        ("Return label only as a PDF to print yourself, I don't have a printer.",),
    ),
    Topic(
        "passwort",
        "tp-kundenkonto",
        0.7,
        (4, 8),
        (2, 4),
        (
            "Passwort vergessen, die Mail zum Zurücksetzen kam erst nach einer Stunde.",
            "Das Zurücksetzen des Passworts hat dreimal nicht funktioniert.",
            "Wollte nachbestellen, aber das Kundenkonto hat mich ausgesperrt.",
        ),
    ),
    Topic(
        "newsletter",
        "tp-newsletter",
        0.6,
        (5, 8),
        (2, 4),
        (
            "Der Newsletter bringt nur Rabatte, ich hätte lieber Pflegetipps.",
            "Zu viele Werbemails mit Gutscheinen, kaum nützliche Gartentipps.",
            "Newsletter abbestellt, es ging nur ganz oder gar nicht.",
        ),
    ),
    Topic(
        "bestpreis",
        "tp-preisradar-angebote",
        1.6,
        (8, 10),
        (4, 5),
        (
            "Über PreisRadar den günstigsten Preis gefunden, Bestellung lief problemlos.",
            "Top Preis im Vergleich, schnelle Lieferung des Paketes.",
            "Beim Preisvergleich war Beetwerk am günstigsten, und die Ware ist super.",
            "Preis-Leistung stimmt, werde wieder über PreisRadar bei euch bestellen.",
        ),
        ("Found the best price via the comparison site, ordering was easy.",),
    ),
    Topic(
        "qualitaet",
        "tp-paketzustellung",
        2.2,
        (9, 10),
        (4, 5),
        (
            "Das Hochbeet ist stabil und schön verarbeitet, bin sehr zufrieden.",
            "Tolle Qualität, das Holz ist dick und sauber verarbeitet.",
            "Aufbau in einer Stunde, sieht klasse aus im Garten.",
            "Sehr hochwertiges Material, hat den ersten Winter gut überstanden.",
            "Super Produkt, meine Tomaten wachsen prächtig.",
            "Genau wie beschrieben, stabil und schön. Gerne wieder!",
        ),
        ("Great quality raised bed, sturdy and easy to assemble.",),
    ),
    Topic(
        "beratung",
        "tp-beratungshotline",
        1.0,
        (9, 10),
        (4, 5),
        (
            "Sehr nette Beratung am Telefon, die Dame hat sich viel Zeit genommen.",
            "Die Hotline hat mir kompetent geholfen, das passende Hochbeet zu finden.",
            "Telefonisch bestellt, alles freundlich und unkompliziert.",
            "Am Telefon super beraten worden, danke!",
        ),
    ),
    Topic(
        "bestellung_ok",
        "tp-checkout-zahlung",
        1.0,
        (7, 10),
        (4, 5),
        (
            "Bestellung und Bezahlung gingen schnell.",
            "Bezahlen per PayPal hat problemlos geklappt.",
            "Einfacher Bestellvorgang, alles klar.",
            "Die Bestellbestätigung kam sofort.",
        ),
    ),
)

#: Tickets' categories per topic: what support files them under.
TICKET_CATEGORIES = {
    "speditionszuschlag": "Versandkosten",
    "spedition_spaet": "Lieferung",
    "bordsteinkante": "Lieferung",
    "teile_fehlen": "Reklamation",
    "hotline_zeiten": "Erreichbarkeit",
    "retourenetikett": "Retoure",
    "passwort": "Kundenkonto",
    "newsletter": "Newsletter",
    "bestpreis": "Sonstiges",
    "qualitaet": "Produkt",
    "beratung": "Beratung",
    "bestellung_ok": "Bestellung",
}
#: How customers open a support ticket, before saying what is wrong.
TICKET_OPENINGS = (
    "Guten Tag,\n",
    "Hallo Beetwerk-Team,\n",
    "Sehr geehrte Damen und Herren,\n",
    "",
    "Hallo,\n",
)
#: How some customers sign, with details the redaction must take out.
TICKET_SIGNATURES = (
    "\nViele Grüße\nAnna Schmidt",
    " Rückruf bitte unter 0171 2345678.",
    " Meine Mail: kunde{n}@example.de",
    "",
    "",
    " Mit freundlichen Grüßen, Herr Wagner",
)
