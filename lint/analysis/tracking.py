"""Query parameters that track a click, a campaign or a mailing: one list,
read by UR002 (tracking-parameters) and DS002 (duplicate-source) alike."""

from __future__ import annotations

# Parameters that identify a click, a campaign or a mailing, never the page.
_TRACKING_EXACT = frozenset("""
fbclid gclid gclsrc dclid gbraid wbraid msclkid yclid twclid ttclid li_fat_id igshid igsh
mc_cid mc_eid _ga _gl _hsenc _hsmi __hstc __hssc __hsfp hsctatracking mkt_tok
oly_anon_id oly_enc_id vero_id vero_conv rb_clickid s_kwcid ef_id wickedid irclickid
ns_campaign ns_mchannel ns_source ns_linkname ns_fee at_medium at_campaign at_custom1 at_custom2
cmpid_ smid sr_share spm ncid ocid
""".split())
_TRACKING_PREFIX = ("utm_", "pk_", "mtm_", "piwik_")


def is_tracking(name: str) -> bool:
    n = name.lower()
    return n in _TRACKING_EXACT or n.startswith(_TRACKING_PREFIX)
