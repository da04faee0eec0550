"""GA4's default channel group, derived from source, medium and campaign name.

The rules follow Google's documentation of the default channel group ("[GA4] Default channel
group", support.google.com/analytics/answer/9756891), evaluated top-down, first match wins,
case-insensitively:

=================  =============================================================================
Direct             source is ``(direct)`` and medium is ``(none)`` or ``(not set)``
Cross-network      campaign contains ``cross-network``
Paid Shopping      (source is a shopping site or campaign matches the shopping pattern)
                   and medium is paid
Paid Search        source is a search site and medium is paid
Paid Social        source is a social site and medium is paid
Paid Video         source is a video site and medium is paid
Display            medium is display, banner, expandable, interstitial or cpm
Paid Other         medium is paid
Organic Shopping   source is a shopping site or campaign matches the shopping pattern
Organic Social     source is a social site or medium is social, social-network, social-media,
                   sm, social network or social media
Organic Video      source is a video site or medium contains ``video``
Organic Search     source is a search site or medium is ``organic``
Email              source or medium is email, e-mail, e_mail or e mail
Affiliates         medium is ``affiliate``
Referral           medium is referral, app or link
Audio              medium is ``audio``
SMS                source or medium is ``sms``
Mobile Push        medium ends with ``push`` or contains ``mobile`` or ``notification``, or
Notifications      source is ``firebase``
Unassigned         anything else
=================  =============================================================================

"Medium is paid" means it matches ``^(.*cp.*|ppc|retargeting|paid.*)$``. Google keeps its lists
of search, social, video and shopping sites internally; the lists below hold the sites that
matter in practice (German ones included: price comparison sites count as shopping). A site
matches with any subdomain and country ending (``www.google.de``, ``m.facebook.com``,
``search.yahoo.co.jp``) or as the bare name GA4 itself uses (``google``, ``ig``).

>>> import pyarrow as pa
>>> default_channel_group(pa.array(["google", "(direct)", "newsletter", "idealo.de"]),
...                       pa.array(["organic", "(none)", "email", "referral"])).to_pylist()
['Organic Search', 'Direct', 'Email', 'Organic Shopping']
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

SEARCH_SITES = (
    "google", "bing", "yahoo", "baidu", "duckduckgo", "ecosia", "yandex", "naver", "qwant",
    "startpage", "ask", "aol", "seznam", "sogou", "daum", "brave", "search.brave", "msn",
    "t-online", "suche.t-online", "suche.web", "search.gmx", "metager", "perplexity", "so",
)  # fmt: skip
SOCIAL_SITES = (
    "facebook", "fb", "instagram", "ig", "linkedin", "lnkd", "twitter", "t", "x", "pinterest",
    "reddit", "tiktok", "snapchat", "xing", "whatsapp", "telegram", "vk", "tumblr", "quora",
    "discord", "threads", "mastodon", "messenger", "wechat", "weibo", "line",
)  # fmt: skip
VIDEO_SITES = ("youtube", "youtu", "vimeo", "twitch", "dailymotion", "wistia", "netflix")
SHOPPING_SITES = (
    "shopping.google", "idealo", "billiger", "guenstiger", "geizhals", "check24", "preisvergleich",
    "amazon", "ebay", "etsy", "otto", "zalando", "kaufland", "alibaba", "aliexpress", "walmart",
    "shopify", "mercadolibre", "rakuten", "igshopping",
)  # fmt: skip

CHANNEL_GROUPS = (
    "Direct", "Cross-network", "Paid Shopping", "Paid Search", "Paid Social", "Paid Video",
    "Display", "Paid Other", "Organic Shopping", "Organic Social", "Organic Video",
    "Organic Search", "Email", "Affiliates", "Referral", "Audio", "SMS",
    "Mobile Push Notifications",
)  # fmt: skip
UNASSIGNED = "Unassigned"

_PAID = r"^(.*cp.*|ppc|retargeting|paid.*)$"
_SHOPPING_CAMPAIGN = r"^(.*(([^a-df-z]|^)shop|shopping).*)$"
_EMAIL = r"^(email|e-mail|e_mail|e mail)$"


def _sites(names: tuple[str, ...]) -> str:
    alternatives = "|".join(name.replace(".", r"\.") for name in names)
    # Any subdomains, then the name, then up to two endings such as .de or .co.uk.
    return rf"^([a-z0-9-]+\.)*({alternatives})(\.[a-z]{{2,3}}){{0,2}}$"


def default_channel_group(
    source: pa.Array, medium: pa.Array, campaign: pa.Array | None = None
) -> pa.Array:
    """The GA4 default channel group of each source/medium(/campaign) combination.

    Each distinct combination is classified once: exports repeat a few dozen of them millions
    of times.
    """
    n = len(source)
    campaign = pa.nulls(n, pa.string()) if campaign is None else campaign
    parts = [
        pc.utf8_lower(pc.cast(a, pa.string())).fill_null("") for a in (source, medium, campaign)
    ]
    combined = pc.binary_join_element_wise(*parts, "\x1f")
    encoded = pc.dictionary_encode(combined)
    split = pc.split_pattern(encoded.dictionary, "\x1f")
    fields = [pc.list_element(split, i) for i in range(3)]
    groups = _classify(*fields)
    result: pa.Array = pc.take(groups, encoded.indices)
    return result


def _classify(source: pa.Array, medium: pa.Array, campaign: pa.Array) -> pa.Array:
    def src(pattern: str) -> pa.Array:
        return pc.match_substring_regex(source, pattern)

    def med(pattern: str) -> pa.Array:
        return pc.match_substring_regex(medium, pattern)

    paid = med(_PAID)
    search, social = src(_sites(SEARCH_SITES)), src(_sites(SOCIAL_SITES))
    video = src(_sites(VIDEO_SITES))
    shopping = pc.or_(
        src(_sites(SHOPPING_SITES)), pc.match_substring_regex(campaign, _SHOPPING_CAMPAIGN)
    )
    conditions = [
        pc.and_(pc.equal(source, "(direct)"), med(r"^\((none|not set)\)$")),
        pc.match_substring(campaign, "cross-network"),
        pc.and_(shopping, paid),
        pc.and_(search, paid),
        pc.and_(social, paid),
        pc.and_(video, paid),
        med(r"^(display|banner|expandable|interstitial|cpm)$"),
        paid,
        shopping,
        pc.or_(
            social, med(r"^(social|social-network|social-media|sm|social network|social media)$")
        ),
        pc.or_(video, med("video")),
        pc.or_(search, pc.equal(medium, "organic")),
        pc.or_(src(_EMAIL), med(_EMAIL)),
        pc.equal(medium, "affiliate"),
        med(r"^(referral|app|link)$"),
        pc.equal(medium, "audio"),
        pc.or_(pc.equal(source, "sms"), pc.equal(medium, "sms")),
        pc.or_(pc.or_(med(r"push$"), med(r"mobile|notification")), pc.equal(source, "firebase")),
    ]
    names = [f"c{i}" for i in range(len(conditions))]
    return pc.case_when(pc.make_struct(*conditions, field_names=names), *CHANNEL_GROUPS, UNASSIGNED)
