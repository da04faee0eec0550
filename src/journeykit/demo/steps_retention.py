"""Demo steps after the first order: Loyalty and Non-Retention.

Care tips and one-click reordering bind customers; without any advantage for returning
customers, most go back to PreisRadar and buy wherever it is cheapest next time.
"""

from __future__ import annotations

from journeykit.demo.builders import digital, feel, personal, step
from journeykit.demo.personas import RENATE, SABINE, TOBIAS
from journeykit.model import Step


def loyalty_steps() -> list[Step]:
    """Review, care tips and the second order."""
    return [
        step(
            "st-bewertung-abgeben",
            "Bewertung abgeben",
            "Wird per E-Mail um eine Bewertung auf ShopUrteil gebeten.",
            touchpoints=[
                digital(
                    "tp-bewertungsanfrage",
                    "Bewertungsanfrage per E-Mail",
                    "email",
                    "direct",
                    2,
                    ["review_request_open"],
                ),
                digital(
                    "tp-bewertung-schreiben",
                    "Bewertung auf ShopUrteil",
                    "review_site",
                    "indirect",
                    3,
                    ["review_submitted"],
                ),
            ],
            actions=["Öffnet die Bewertungsanfrage", "Vergibt Sterne und schreibt einen Satz"],
            thoughts=["Die Lieferung war schnell, aber der Zuschlag hat mich geärgert."],
            needs=["Gehört werden, auch mit Kritik"],
            pain_points=["Die Anfrage kommt, bevor die Speditionsware überhaupt da ist"],
            love_points=["Persönliche Antwort des Shops auf die Bewertung"],
            opportunities=["Bewertungsanfrage erst nach bestätigter Zustellung senden"],
            frontstage=["Bewertungs-E-Mail und Antwort des Shops auf ShopUrteil"],
            backstage=["Die Anfrage geht starr sieben Tage nach dem Versand hinaus"],
            support_processes=["Bewertungsverwaltung"],
            emotions=[feel(SABINE, 1), feel(TOBIAS, 0), feel(RENATE, 0)],
        ),
        step(
            "st-pflegetipps-lesen",
            "Pflegetipps und Newsletter lesen",
            "Bekommt Tipps zum gekauften Produkt per E-Mail und als Karte im Paket.",
            touchpoints=[
                digital(
                    "tp-newsletter",
                    "Saison-Newsletter",
                    "email",
                    "direct",
                    3,
                    ["newsletter_open", "newsletter_click"],
                ),
                personal(
                    "tp-pflegekarte",
                    "Pflegekarte und Saisonpost per Brief",
                    "letter",
                    "direct",
                    2,
                ),
            ],
            actions=[
                "Liest Pflegetipps zum gekauften Produkt",
                "Hebt die gedruckte Pflegekarte auf",
            ],
            thoughts=["Nützlich – das ist mehr als nur Werbung."],
            needs=["Hilfe, damit das Produkt lange Freude macht"],
            pain_points=["Der Newsletter bringt vor allem Rabattaktionen statt Tipps"],
            love_points=["Gedruckte Pflegekarte passend zum Produkt"],
            opportunities=["Newsletter nach gekauften Produkten und Saison ausrichten"],
            frontstage=["Newsletter, Pflegekarte im Paket und Frühjahrspost"],
            backstage=["Das CRM-Team plant Kampagnen ohne Bezug zur Kaufhistorie"],
            support_processes=["E-Mail-Marketing-Plattform und Druckerei"],
            emotions=[
                feel(SABINE, 0),
                feel(TOBIAS, 1),
                feel(RENATE, 2, "Freut sich über die Post mit Pflegetipps"),
            ],
        ),
        step(
            "st-direkt-wiederkaufen",
            "Direkt im Shop wieder bestellen",
            "Bestellt Verbrauchsartikel nach, ohne vorher zu vergleichen.",
            touchpoints=[
                digital(
                    "tp-kundenkonto",
                    "Kundenkonto mit Bestellhistorie",
                    "web",
                    "direct",
                    4,
                    ["account_login", "reorder_click"],
                ),
            ],
            actions=["Meldet sich im Kundenkonto an", "Bestellt Pflanzerde und Dünger nach"],
            thoughts=["Hier weiß ich, dass es klappt – den Vergleich spare ich mir."],
            needs=["Schnell nachbestellen, ohne neu zu suchen"],
            pain_points=["Passwort vergessen, das Zurücksetzen dauert"],
            love_points=["Nachbestellen mit einem Klick aus der Bestellhistorie"],
            opportunities=["Erinnerung zum Nachbestellen von Erde und Dünger"],
            frontstage=["Kundenkonto mit Bestellhistorie"],
            backstage=["Kundendaten werden im CRM zusammengeführt"],
            support_processes=["Shopsystem und CRM"],
            emotions=[feel(SABINE, 1), feel(TOBIAS, 1), feel(RENATE, 1)],
        ),
    ]


def non_retention_steps() -> list[Step]:
    """Back to the price comparison, and out of the newsletter."""
    return [
        step(
            "st-erneut-vergleichen",
            "Beim nächsten Bedarf wieder vergleichen",
            "Geht für den nächsten Kauf wieder zu PreisRadar und kauft beim günstigsten "
            "Anbieter, oft nicht bei Beetwerk.",
            touchpoints=[
                digital(
                    "tp-preisradar-wiederkehr",
                    "PreisRadar bei Folgekäufen",
                    "price_comparison",
                    "indirect",
                    4,
                    ["price_comparison_click"],
                    {"customer_type": "returning"},
                ),
            ],
            actions=[
                "Vergleicht wieder die Preise auf PreisRadar",
                "Bestellt bei einem Wettbewerber, der zwei Euro günstiger ist",
            ],
            thoughts=["Beetwerk war in Ordnung, aber treu bin ich nur dem Preis."],
            needs=["Ein Grund, beim bekannten Shop zu bleiben"],
            pain_points=["Keine Vorteile für Bestandskunden erkennbar"],
            love_points=["Ein vertrauter Shopname in der Angebotsliste"],
            opportunities=["Vorteile für Bestandskunden auch auf PreisRadar sichtbar machen"],
            frontstage=["Beetwerk-Angebot erneut in der Angebotsliste"],
            backstage=["Niemand prüft, ob Klicks von Bestandskunden kommen"],
            support_processes=["Feed-Management, CRM ohne Verknüpfung zum Klickbericht"],
            emotions=[feel(SABINE, 0), feel(TOBIAS, -1), feel(RENATE, -1)],
        ),
        step(
            "st-newsletter-abbestellen",
            "Newsletter abbestellen",
            "Meldet sich vom Newsletter ab und reagiert nicht auf die Rückgewinnungs-E-Mail.",
            touchpoints=[
                digital(
                    "tp-abmeldeseite",
                    "Newsletter-Abmeldeseite",
                    "web",
                    "direct",
                    2,
                    ["newsletter_unsubscribe"],
                ),
                digital(
                    "tp-rueckgewinnung",
                    "Rückgewinnungs-E-Mail mit Gutschein",
                    "email",
                    "direct",
                    2,
                    ["winback_email_open"],
                ),
            ],
            actions=[
                "Meldet sich vom Newsletter ab",
                "Ignoriert die Rückgewinnungs-E-Mail mit Gutschein",
            ],
            thoughts=["Zu viele Mails, die nichts mit meinem Garten zu tun haben."],
            needs=["Weniger, dafür passende Nachrichten"],
            pain_points=["Abmelden geht nur ganz, die Häufigkeit ist nicht wählbar"],
            love_points=["Die Abmeldung klappt mit einem Klick"],
            opportunities=["Einstellungsseite für Themen und Häufigkeit anbieten"],
            frontstage=["Abmeldeseite und Rückgewinnungs-E-Mail"],
            backstage=["Abmeldegründe werden nicht ausgewertet"],
            support_processes=["E-Mail-Marketing-Plattform"],
            emotions=[feel(SABINE, -1), feel(TOBIAS, -1), feel(RENATE, 0)],
        ),
    ]
