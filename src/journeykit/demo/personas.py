"""The demo's project and personas: Beetwerk, a home & garden shop found via PreisRadar.

Beetwerk (an invented online shop for house and garden) gets most of its new customers from
PreisRadar (an invented price comparison site). Three personas travel the journey; each is tied
to a segment of the customer attributes that the demo event log will carry (``age``,
``region`` as a German state code, ``first_order_channel`` and ``basket_value`` in euros).
"""

from __future__ import annotations

from journeykit.model import Condition, Persona, Project, Scope, Segment

PROJECT_ID = "pr-beetwerk-preisvergleich"
SABINE = "pe-sabine-sparfuchs"
TOBIAS = "pe-tobias-heimwerker"
RENATE = "pe-renate-gartenfreundin"

#: The persona ids in the order the map shows them.
PERSONA_IDS: tuple[str, ...] = (SABINE, TOBIAS, RENATE)


def demo_project() -> Project:
    """The journey-mapping project with its goal and the four scope questions answered."""
    return Project(
        id=PROJECT_ID,
        name="Beetwerk: Neukunden aus dem Preisvergleich",
        goal=(
            "Mehr Neukundinnen und Neukunden aus dem Preisvergleich zu Stammkunden machen: "
            "Kaufabbrüche wegen Versandkosten senken, Lieferungen verlässlich ankündigen und "
            "den Anteil der Erstkunden mit zweiter Bestellung innerhalb von 12 Monaten von "
            "18 % auf 25 % steigern."
        ),
        scope=Scope(
            who=(
                "Privatkundinnen und -kunden, die Beetwerk zum ersten Mal über PreisRadar "
                "finden; drei Personas: Sparfuchs, Heimwerker, Gartenfreundin."
            ),
            what=(
                "Kauf von Garten- und Wohnartikeln einschließlich Sperrgut mit "
                "Speditionsversand, vom ersten Bedarf bis zum Wiederkauf oder zur Abwanderung."
            ),
            where=(
                "Online (PreisRadar, Shop, E-Mail, Bewertungsportal, soziale Netzwerke) und "
                "offline (Telefon-Hotline, Paket- und Speditionszustellung, Briefpost)."
            ),
            when=(
                "Ist-Aufnahme im Workshop am 15. März 2024, Validierung bis Ende April 2024, "
                "Maßnahmen bis Ende des dritten Quartals 2024."
            ),
        ),
        owner="Lena Brandt, Leitung Customer Experience",
        status="active",
    )


def _sabine() -> Persona:
    return Persona(
        id=SABINE,
        name="Sparfuchs Sabine",
        scenario=(
            "Sucht für den Balkon ein Pflanzregal, findet Beetwerk über PreisRadar als "
            "günstigsten Anbieter und bestellt zum ersten Mal dort."
        ),
        demographics={
            "Alter": "41",
            "Wohnort": "Leipzig",
            "Beruf": "Sachbearbeiterin in einer Versicherung",
            "Haushalt": "verheiratet, zwei Kinder",
            "Online-Einkauf": "mehrmals im Monat, fast immer über Preisvergleich",
        },
        goals=["Den besten Gesamtpreis bekommen", "Schnell und ohne Umwege bestellen"],
        motivations=["Freude am Schnäppchen", "Haushaltsbudget im Griff behalten"],
        challenges=[
            "Versteckte Kosten erkennt sie erst spät",
            "Wenig Zeit neben Beruf und Familie",
        ],
        information_behaviour=[
            "Startet jede Suche auf einem Preisvergleichsportal",
            "Liest die schlechtesten Händlerbewertungen zuerst",
            "Nutzt das Smartphone, abends auf dem Sofa",
        ],
        quote="Ich vergleiche immer – zwei Euro sind zwei Euro.",
        segment=Segment(
            all=[
                Condition(attribute="first_order_channel", op="eq", value="price_comparison"),
                Condition(attribute="age", op="ge", value=35),
                Condition(attribute="age", op="lt", value=60),
                Condition(attribute="basket_value", op="lt", value=100),
            ]
        ),
    )


def _tobias() -> Persona:
    return Persona(
        id=TOBIAS,
        name="Heimwerker Tobias",
        scenario=(
            "Plant ein großes Hochbeet mit Zubehör, vergleicht auf PreisRadar und bestellt "
            "Sperrgut, das per Spedition kommt."
        ),
        demographics={
            "Alter": "33",
            "Wohnort": "Köln, Reihenhaus mit Garten",
            "Beruf": "Elektroniker",
            "Haushalt": "in Partnerschaft, ein Kind",
            "Online-Einkauf": "gezielt für Projekte, größere Warenkörbe",
        },
        goals=[
            "Das Projekt am geplanten Wochenende umsetzen",
            "Alles Nötige in einer Bestellung bekommen",
        ],
        motivations=["Stolz auf selbst Gebautes", "Qualität zum fairen Preis"],
        challenges=[
            "Speditionstermine passen selten zu seiner Arbeitszeit",
            "Sperrige Ware lässt sich schlecht zurückschicken",
        ],
        information_behaviour=[
            "Sieht Anleitungen in Videos und Ratgebern",
            "Vergleicht Maße und technische Daten genau",
            "Fragt in Heimwerker-Foren nach Erfahrungen",
        ],
        quote="Wenn die Lieferung nicht am Freitag da ist, ist mein Wochenende gelaufen.",
        segment=Segment(
            all=[
                Condition(
                    attribute="first_order_channel", op="in", value=["price_comparison", "search"]
                ),
                Condition(attribute="age", op="ge", value=25),
                Condition(attribute="age", op="lt", value=45),
                Condition(attribute="basket_value", op="ge", value=250),
            ]
        ),
    )


def _renate() -> Persona:
    return Persona(
        id=RENATE,
        name="Gartenfreundin Renate",
        scenario=(
            "Findet Beetwerk über PreisRadar, möchte vor dem Kauf aber mit einem Menschen "
            "sprechen und bestellt am liebsten am Telefon."
        ),
        demographics={
            "Alter": "64",
            "Wohnort": "Dorf bei Freiburg, großer Nutzgarten",
            "Beruf": "Grundschullehrerin im Ruhestand",
            "Haushalt": "verwitwet, lebt allein",
            "Online-Einkauf": "einige Male im Jahr, mit dem Tablet",
        },
        goals=["Gute Beratung vor dem Kauf", "Ohne Stress bestellen, bezahlen und zurückschicken"],
        motivations=["Freude am eigenen Gemüse", "Verlässlichkeit und persönlicher Kontakt"],
        challenges=[
            "Viele Angebote und Fachbegriffe überfordern sie",
            "Hat keinen Drucker und kein Auto für Retouren",
        ],
        information_behaviour=[
            "Bekommt Tipps von der Nachbarin und aus der Gartenzeitschrift",
            "Nutzt den Preisvergleich, den ihr Enkel eingerichtet hat",
            "Ruft lieber an, als E-Mails zu schreiben",
        ],
        quote="Ich kaufe gern im Internet, aber ich möchte wissen, wen ich anrufen kann.",
        segment=Segment(
            all=[
                Condition(attribute="age", op="ge", value=60),
                Condition(
                    attribute="first_order_channel", op="in", value=["price_comparison", "phone"]
                ),
                Condition(attribute="region", op="in", value=["BW", "BY", "RP"]),
            ]
        ),
    )


def demo_personas() -> list[Persona]:
    """The three personas, in the order of :data:`PERSONA_IDS`."""
    return [_sabine(), _tobias(), _renate()]
