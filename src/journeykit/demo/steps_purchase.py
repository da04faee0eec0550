"""Demo steps of the purchase and after it: Acquisition and Service.

Two dips dominate: the freight surcharge that appears only in the checkout, and the freight
delivery whose date stays open. Fast parcel delivery is Sabine's second high.
"""

from __future__ import annotations

from journeykit.demo.builders import digital, feel, personal, step
from journeykit.demo.personas import RENATE, SABINE, TOBIAS
from journeykit.model import Step


def acquisition_steps() -> list[Step]:
    """Basket, the surprise at the shipping costs, and the order."""
    return [
        step(
            "st-warenkorb-fuellen",
            "In den Warenkorb legen",
            "Legt das Produkt und passendes Zubehör in den Warenkorb.",
            touchpoints=[
                digital("tp-warenkorb", "Warenkorb", "web", "direct", 4, ["add_to_cart"]),
            ],
            actions=["Legt Hochbeet und Pflanzerde in den Warenkorb", "Prüft die Zwischensumme"],
            thoughts=["Die Erde nehme ich gleich mit, dann spare ich eine zweite Lieferung."],
            needs=["Passende Zubehörvorschläge ohne aufdringliches Upselling"],
            pain_points=["Zubehörvorschläge passen nicht zum gewählten Produkt"],
            love_points=["Der Warenkorb bleibt auch auf dem Smartphone erhalten"],
            opportunities=["Zubehör-Sets passend zum Hauptprodukt anbieten"],
            frontstage=["Warenkorb mit Zubehörempfehlungen"],
            backstage=["Empfehlungen beruhen auf Bestsellern statt auf Produktbeziehungen"],
            support_processes=["Shopsystem und Empfehlungsmodul"],
            emotions=[feel(SABINE, 1), feel(TOBIAS, 0), feel(RENATE, 0)],
        ),
        step(
            "st-versandkosten-entdecken",
            "Versandkosten im Checkout entdecken",
            "Erst im Checkout erscheint der Speditionszuschlag für Sperrgut.",
            touchpoints=[
                digital(
                    "tp-checkout-versand",
                    "Checkout: Versandart und Versandkosten",
                    "web",
                    "direct",
                    5,
                    ["checkout_start", "shipping_cost_view"],
                ),
            ],
            actions=[
                "Gibt die Lieferadresse ein",
                "Sieht den Speditionszuschlag und vergleicht erneut auf PreisRadar",
            ],
            thoughts=["Das stand vorhin nicht da – jetzt ist es teurer als im Baumarkt."],
            needs=["Den Endpreis von Anfang an kennen"],
            pain_points=[
                "Speditionszuschlag von 39 € erscheint erst im Checkout",
                "Keine Wahl zwischen Paket- und Speditionsversand",
            ],
            love_points=["Paketware ist ab 50 € versandkostenfrei"],
            opportunities=["Gesamtpreis früh zeigen und Abholung im Depot als Option anbieten"],
            frontstage=["Versandkostenanzeige im zweiten Checkout-Schritt"],
            backstage=["Der Zuschlag wird erst nach Postleitzahl bei der Spedition abgefragt"],
            support_processes=["Versandkosten-Schnittstelle der Spedition"],
            emotions=[
                feel(SABINE, -2, "Fühlt sich getäuscht"),
                feel(TOBIAS, -2, "Der Zuschlag frisst den Preisvorteil auf"),
                feel(RENATE, -1),
            ],
        ),
        step(
            "st-bezahlen",
            "Bezahlen und bestellen",
            "Wählt die Zahlungsart und schließt die Bestellung ab, online oder am Telefon.",
            touchpoints=[
                digital(
                    "tp-checkout-zahlung",
                    "Checkout: Zahlung und Bestellabschluss",
                    "web",
                    "direct",
                    5,
                    ["payment_method_select", "order_placed"],
                ),
                personal(
                    "tp-telefonbestellung",
                    "Telefonische Bestellung",
                    "phone",
                    "direct",
                    3,
                    ["phone_order"],
                ),
            ],
            actions=[
                "Wählt Kauf auf Rechnung oder ein Online-Bezahlverfahren",
                "Bestellt online oder lässt die Bestellung am Telefon aufnehmen",
            ],
            thoughts=["Kauf auf Rechnung – dann gehe ich kein Risiko ein."],
            needs=["Vertraute, sichere Zahlungsarten"],
            pain_points=["Das Gutscheinfeld schickt sie auf die Suche nach Rabattcodes"],
            love_points=["Die Bestellung am Telefon geht schnell und persönlich"],
            opportunities=["Gutscheinfeld einklappen und Kauf auf Rechnung hervorheben"],
            frontstage=["Zahlungsauswahl und Bestellübersicht"],
            backstage=["Bonitätsprüfung beim Kauf auf Rechnung"],
            support_processes=["Zahlungsdienstleister und Auskunftei"],
            emotions=[
                feel(SABINE, 0, "Sucht vergeblich nach einem Gutscheincode"),
                feel(TOBIAS, 1),
                feel(RENATE, 1),
            ],
        ),
    ]


def service_steps() -> list[Step]:
    """Confirmation, waiting for the delivery, unpacking and, sometimes, the return."""
    return [
        step(
            "st-bestaetigung-erhalten",
            "Bestellbestätigung erhalten",
            "Bekommt die Bestätigung mit einem Lieferzeitraum, aber ohne festen Termin.",
            touchpoints=[
                digital(
                    "tp-bestellbestaetigung",
                    "Bestellbestätigung per E-Mail",
                    "email",
                    "direct",
                    3,
                    ["order_confirmation_open"],
                ),
            ],
            actions=["Öffnet die Bestellbestätigung", "Prüft Adresse und Lieferzeitraum"],
            thoughts=["Gut, es hat geklappt. Aber wann genau kommt die Spedition?"],
            needs=["Ein verbindlicher Liefertermin"],
            pain_points=["Nur ein Lieferzeitraum von 5 bis 10 Werktagen"],
            love_points=["Die Bestätigung kommt sofort und ist übersichtlich"],
            opportunities=["Liefertermin oder Zeitfenster schon in der Bestätigung nennen"],
            frontstage=["Bestätigungs-E-Mail mit Bestellübersicht"],
            backstage=["Der Auftrag geht an das Lager oder direkt an den Lieferanten"],
            support_processes=["E-Mail-Versand und Warenwirtschaft"],
            emotions=[feel(SABINE, 1), feel(TOBIAS, 1), feel(RENATE, 0)],
        ),
        step(
            "st-lieferung-verfolgen",
            "Lieferung verfolgen",
            "Wartet auf die Ware; bei Speditionsware bleibt der Termin lange offen.",
            touchpoints=[
                digital(
                    "tp-versandbenachrichtigung",
                    "Versandbenachrichtigung mit Sendungsverfolgung",
                    "email",
                    "direct",
                    4,
                    ["shipping_notification_open", "tracking_page_view"],
                ),
                personal(
                    "tp-service-hotline",
                    "Kundenservice-Hotline",
                    "phone",
                    "direct",
                    4,
                    ["support_call"],
                    {"reason": "delivery_status"},
                ),
            ],
            actions=[
                "Öffnet mehrmals die Sendungsverfolgung",
                "Ruft beim Kundenservice an und fragt nach dem Liefertermin",
            ],
            thoughts=["Ich habe mir extra freigenommen – und niemand weiß etwas."],
            needs=["Proaktive Nachricht bei Verzögerungen"],
            pain_points=[
                "Die Spedition nennt den Termin erst am Vortag",
                "Die Hotline sieht den Status der Spedition nicht",
            ],
            love_points=["Paketware lässt sich mit der Sendungsnummer gut verfolgen"],
            opportunities=["Liefertermin-Avis per SMS und E-Mail mit Umbuchung"],
            frontstage=["Versandbenachrichtigung, Sendungsverfolgung und Hotline"],
            backstage=["Die Spedition liefert Statusdaten nur einmal täglich als Datei"],
            support_processes=["Speditions-Schnittstelle und Ticketsystem"],
            emotions=[
                feel(SABINE, 0),
                feel(TOBIAS, -2, "Verärgert über den verschobenen Termin"),
                feel(RENATE, -1),
            ],
        ),
        step(
            "st-lieferung-annehmen",
            "Lieferung annehmen und auspacken",
            "Nimmt Paket oder Speditionsware entgegen und prüft sie.",
            touchpoints=[
                personal(
                    "tp-paketzustellung",
                    "Zustellung durch Paketdienst oder Spedition",
                    "parcel",
                    "indirect",
                    5,
                    ["parcel_delivered"],
                ),
            ],
            actions=[
                "Nimmt die Lieferung an der Haustür entgegen",
                "Packt aus und prüft die Ware auf Schäden",
            ],
            thoughts=["Schon da? Das ging ja schnell!"],
            needs=["Unbeschädigte, vollständige Ware"],
            pain_points=["Die Spedition liefert nur bis zur Bordsteinkante"],
            love_points=["Paketware kommt oft schon nach zwei Tagen"],
            opportunities=["Lieferung bis in den Garten gegen Aufpreis anbieten"],
            frontstage=["Zusteller an der Haustür, Verpackung mit Pflegekarte"],
            backstage=["Kommissionierung und Verpackung im Lager"],
            support_processes=["Lagerverwaltung und Versanddienstleister"],
            emotions=[
                feel(SABINE, 2, "Begeistert von der schnellen Lieferung"),
                feel(TOBIAS, -1),
                feel(RENATE, 1),
            ],
        ),
        step(
            "st-ruecksendung",
            "Artikel zurücksenden",
            "Schickt einen beschädigten oder unpassenden Artikel zurück.",
            touchpoints=[
                digital(
                    "tp-retourenportal",
                    "Online-Retourenportal",
                    "web",
                    "direct",
                    4,
                    ["return_requested"],
                ),
                personal("tp-retourenschein", "Retourenschein per Post", "letter", "direct", 2),
            ],
            actions=[
                "Meldet die Rücksendung im Retourenportal an",
                "Druckt das Etikett aus und bringt das Paket zur Annahmestelle",
            ],
            thoughts=["Warum brauche ich dafür einen Drucker?"],
            needs=["Rücksendung ohne Drucker und ohne Schleppen"],
            pain_points=[
                "Die Abholung von Sperrgut muss telefonisch vereinbart werden",
                "Das Retourenetikett gibt es nur als PDF zum Selbstausdrucken",
            ],
            love_points=["Das Geld ist nach Eingang der Retoure schnell zurück"],
            opportunities=["QR-Code-Retoure ohne Drucker und Sperrgut-Abholung online buchen"],
            frontstage=["Retourenportal, Retourenschein per Post auf Anfrage"],
            backstage=["Retouren werden von Hand geprüft und gebucht"],
            support_processes=["Retourenverwaltung und Buchhaltung"],
            emotions=[
                feel(SABINE, -1),
                feel(TOBIAS, -1),
                feel(RENATE, -2, "Hat keinen Drucker und fühlt sich allein gelassen"),
            ],
        ),
    ]
