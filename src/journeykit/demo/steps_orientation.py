"""Demo steps before the purchase: Unawareness, Awareness and Consideration.

The curve climbs to the first high when the best price turns up on PreisRadar; Renate, who is
unsure among dozens of offers, is happiest once a person at the hotline has advised her.
"""

from __future__ import annotations

from journeykit.demo.builders import digital, feel, personal, step
from journeykit.demo.personas import RENATE, SABINE, TOBIAS
from journeykit.model import Step


def unawareness_steps() -> list[Step]:
    """The need grows while Beetwerk is still unknown."""
    return [
        step(
            "st-projekt-planen",
            "Gartenprojekt planen",
            "Die Saison beginnt: Ein Hochbeet, ein Pflanzregal oder neue Gartenmöbel sollen "
            "her. Beetwerk kennt die Kundschaft noch nicht.",
            touchpoints=[
                personal(
                    "tp-gespraech-nachbarn",
                    "Gespräch mit Nachbarn und Freunden",
                    "word_of_mouth",
                    "indirect",
                    3,
                ),
                personal(
                    "tp-baumarkt-besuch", "Besuch im Baumarkt vor Ort", "store", "indirect", 2
                ),
            ],
            actions=[
                "Bespricht mit Familie und Nachbarn, was im Garten entstehen soll",
                "Schaut sich im Baumarkt Hochbeete und Preise an",
            ],
            thoughts=["Was brauche ich eigentlich alles – und was darf es kosten?"],
            needs=["Orientierung, welche Produkte zum eigenen Garten passen"],
            pain_points=["Im Baumarkt ist die Auswahl klein und die Beratung knapp"],
            love_points=["Vorfreude auf das fertige Beet"],
            opportunities=["Saisonale Inspiration dort zeigen, wo geplant wird"],
            frontstage=["Noch keine Berührung mit Beetwerk"],
            backstage=["Einkauf bestückt das Frühjahrssortiment"],
            support_processes=["Trendanalyse aus Suchdaten und Marktforschung"],
            emotions=[
                feel(SABINE, 0),
                feel(TOBIAS, 1, "Freut sich auf sein Bauprojekt"),
                feel(RENATE, 1),
            ],
        ),
        step(
            "st-ideen-sammeln",
            "Ideen im Netz sammeln",
            "Sammelt Bilder und Anleitungen und liest dabei auch einen Ratgeber von Beetwerk, "
            "ohne sich den Namen zu merken.",
            touchpoints=[
                digital(
                    "tp-social-inspiration",
                    "Inspiration in sozialen Netzwerken",
                    "social",
                    "indirect",
                    2,
                    ["social_ad_impression"],
                ),
                digital(
                    "tp-ratgeber-artikel",
                    "Beetwerk-Ratgeber „Hochbeet anlegen“",
                    "web",
                    "direct",
                    3,
                    ["guide_article_view"],
                ),
            ],
            actions=[
                "Scrollt durch Bilder von Hochbeeten und Balkongärten",
                "Liest einen Ratgeber zum Befüllen eines Hochbeets",
            ],
            thoughts=["So schön soll es bei mir auch aussehen."],
            needs=["Anleitungen, Maße und Materiallisten"],
            pain_points=["Ratgeber verlinken nicht auf passende Produkte mit Preisen"],
            love_points=["Anleitungen mit Schritt-für-Schritt-Bildern"],
            opportunities=["Ratgeber mit Produktlisten und Merkliste verknüpfen"],
            frontstage=["Ratgeberartikel und Anzeigen von Beetwerk in sozialen Netzwerken"],
            backstage=["Content-Team plant Ratgeber nach Suchvolumen"],
            support_processes=["Redaktionssystem und Anzeigenverwaltung"],
            emotions=[feel(SABINE, 0), feel(TOBIAS, 1), feel(RENATE, 0)],
        ),
    ]


def awareness_steps() -> list[Step]:
    """PreisRadar puts Beetwerk on the list."""
    return [
        step(
            "st-produkt-suchen",
            "Produkt auf PreisRadar suchen",
            "Gibt das gewünschte Produkt bei PreisRadar ein und sieht Dutzende Angebote.",
            touchpoints=[
                digital(
                    "tp-preisradar-suche",
                    "PreisRadar-Produktsuche",
                    "price_comparison",
                    "indirect",
                    5,
                    ["price_comparison_impression"],
                ),
            ],
            actions=[
                "Sucht nach Produktname oder Maßen",
                "Filtert nach Lieferzeit und Händlerbewertung",
            ],
            thoughts=["Irgendwo gibt es das sicher günstiger."],
            needs=["Vergleichbare Angebote auf einen Blick"],
            pain_points=["Unübersichtlich viele Angebote mit verschiedenen Varianten"],
            love_points=["Der Preisverlauf zeigt, ob jetzt ein guter Zeitpunkt ist"],
            opportunities=["Produktdaten im Feed vollständig pflegen (Maße, Material, Variante)"],
            frontstage=["Beetwerk-Angebote in den Suchergebnissen von PreisRadar"],
            backstage=["Täglicher Produktfeed an PreisRadar mit Preisen und Beständen"],
            support_processes=["Feed-Management und Warenwirtschaft"],
            emotions=[
                feel(SABINE, 1),
                feel(TOBIAS, 0),
                feel(RENATE, -1, "Fühlt sich von der Angebotsflut überfordert"),
            ],
        ),
        step(
            "st-bestpreis-finden",
            "Günstigstes Angebot finden",
            "Sortiert nach Preis und entdeckt Beetwerk weit oben in der Angebotsliste.",
            touchpoints=[
                digital(
                    "tp-preisradar-angebote",
                    "PreisRadar-Angebotsliste",
                    "price_comparison",
                    "indirect",
                    5,
                    ["price_comparison_click"],
                    {"customer_type": "new"},
                ),
            ],
            actions=["Sortiert die Angebote nach Preis", "Klickt auf das Angebot von Beetwerk"],
            thoughts=["Beetwerk kenne ich nicht, aber der Preis ist top."],
            needs=["Sicherheit, dass der angezeigte Preis auch wirklich gilt"],
            pain_points=["Speditionszuschlag für Sperrgut fehlt im angezeigten Preis"],
            love_points=["Bestpreis gefunden: das Gefühl, ein Schnäppchen zu machen"],
            opportunities=["Gesamtpreis einschließlich Speditionszuschlag im Feed übermitteln"],
            frontstage=["Angebot mit Preis, Lieferzeit und Händlersternen"],
            backstage=["Preisregeln reagieren automatisch auf Preise des Wettbewerbs"],
            support_processes=["Preisoptimierung und Klickkosten-Abrechnung mit PreisRadar"],
            emotions=[
                feel(SABINE, 2, "Bestpreis gefunden"),
                feel(TOBIAS, 1),
                feel(RENATE, 1),
            ],
        ),
    ]


def consideration_steps() -> list[Step]:
    """The unknown shop has to earn trust: product page, reviews, a call."""
    return [
        step(
            "st-produktseite-pruefen",
            "Produktdetails im Shop prüfen",
            "Landet auf der Produktseite von Beetwerk und prüft Maße, Material und Lieferzeit.",
            touchpoints=[
                digital(
                    "tp-produktseite",
                    "Produktseite im Beetwerk-Shop",
                    "web",
                    "direct",
                    5,
                    ["landing_page_view", "product_view"],
                ),
            ],
            actions=["Liest Maße, Material und Lieferzeit", "Vergrößert die Produktfotos"],
            thoughts=["Passt das Hochbeet wirklich auf meine Terrasse?"],
            needs=["Vollständige, verlässliche Produktinformationen"],
            pain_points=[
                "Aufbauanleitung und Gewicht fehlen",
                "Speditionszuschlag steht nur im Kleingedruckten",
            ],
            love_points=["Viele echte Kundenfotos"],
            opportunities=["Aufbauanleitung als PDF und Versandkostenrechner auf der Seite"],
            frontstage=["Produktseite mit Fotos, Beschreibung und Lieferzeit"],
            backstage=["Produktdaten werden ungeprüft aus Lieferantendaten übernommen"],
            support_processes=["Produktinformationssystem und Bilddatenbank"],
            emotions=[
                feel(SABINE, 1),
                feel(TOBIAS, 0, "Vermisst die Aufbauanleitung"),
                feel(RENATE, 0),
            ],
        ),
        step(
            "st-bewertungen-lesen",
            "Händlerbewertungen lesen",
            "Prüft auf ShopUrteil, ob der unbekannte Shop seriös ist.",
            touchpoints=[
                digital(
                    "tp-bewertungsportal",
                    "Händlerprofil auf ShopUrteil",
                    "review_site",
                    "indirect",
                    4,
                    ["review_badge_click"],
                ),
            ],
            actions=[
                "Klickt auf das Bewertungssiegel im Shop",
                "Liest die neuesten kritischen Bewertungen",
            ],
            thoughts=["Ist das ein seriöser Händler?"],
            needs=["Vertrauen in einen unbekannten Händler"],
            pain_points=["Mehrere Bewertungen berichten von verspäteten Speditionslieferungen"],
            love_points=["Der Shop antwortet sichtbar und freundlich auf Kritik"],
            opportunities=["Auf Kritik an der Lieferung mit konkreten Verbesserungen antworten"],
            frontstage=["Bewertungssiegel im Shop und auf der Produktseite"],
            backstage=["Kundenservice beantwortet Bewertungen zweimal pro Woche"],
            support_processes=["Bewertungsverwaltung über die Schnittstelle von ShopUrteil"],
            emotions=[feel(SABINE, 1), feel(TOBIAS, 1), feel(RENATE, 1)],
        ),
        step(
            "st-hotline-fragen",
            "Bei der Hotline nachfragen",
            "Ruft an, um Fragen zu Aufbau, Lieferung und Bezahlung zu klären.",
            touchpoints=[
                personal(
                    "tp-beratungshotline",
                    "Beratungshotline",
                    "phone",
                    "direct",
                    4,
                    ["support_call"],
                    {"reason": "product_question"},
                ),
            ],
            actions=[
                "Ruft die Hotline an",
                "Fragt nach Lieferung bis zur Haustür und Kauf auf Rechnung",
            ],
            thoughts=["Bevor ich so viel Geld ausgebe, spreche ich lieber mit einem Menschen."],
            needs=["Persönliche, kompetente Beratung"],
            pain_points=["Die Hotline ist nur werktags bis 16 Uhr erreichbar"],
            love_points=["Die Beraterin kennt sich mit Hochbeeten wirklich aus"],
            opportunities=["Rückrufservice und längere Erreichbarkeit in der Saison"],
            frontstage=["Beratung durch geschulte Gartenfachleute"],
            backstage=["Das Hotline-Team sieht keine Speditionstermine"],
            support_processes=["Telefonanlage und CRM mit Gesprächsnotizen"],
            emotions=[
                feel(SABINE, 0),
                feel(TOBIAS, 1),
                feel(RENATE, 2, "Fühlt sich gut beraten"),
            ],
        ),
    ]
