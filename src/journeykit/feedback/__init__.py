"""Voice of the customer: survey answers, reviews and support tickets, scored and read offline.

Survey answers (NPS, CSAT, CES) are scored with honest confidence intervals and cut by journey,
phase, step, touchpoint, channel, persona and period; free text is redacted of personal data,
its language detected, its sentiment classified and its themes found, German and English,
without any network access.
"""
