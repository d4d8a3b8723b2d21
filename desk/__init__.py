"""The representatives' desk: Tier 1 and Tier 2 take live chats, escalate (G2), hand
back, and work callbacks with the two-attempt plan and its e-mail (C1-C5).

The page (desk/static) talks only to the JSON API in desk/app.py (docs/desk-api.md);
the decisions it relies on come from `contact_center.rules` and the rows from
`contact_center.storage`. Staff accounts are managed with `python -m desk accounts`.
"""
