"""Tests that domain terms on the allow-list survive and that extra allow and deny terms apply per call."""

from __future__ import annotations

import pytest

from interviewer.anonymise import Anonymiser, get_anonymiser


@pytest.mark.parametrize("text", [
    "The CQC inspected the CMHT and the GP practice said NICE guidance was followed.",
    "He was detained under Section 3 of the Mental Health Act and had a CPA review.",
    "The Care Quality Commission and NHS England wrote to the Trust board.",
    "She sees the care co-ordinator and the consultant psychiatrist about her bipolar and lithium.",
    "Jeremy Hunt and Nye Bevan came up, and Downing Street, and the Five Year Forward View.",
    "We went to Primark after Ramadan, then on Sunday to the Recovery College.",
    "We were on SNAP and WIC for a while, I got my prescriptions at Walgreens and the VA covered the rest.",
    "The HSE sorted my medical card in the end, and Pieta House were brilliant, and the Gardaí were grand.",
    "Centrelink cut me off, so I rang Beyond Blue, then Lifeline, and got my scripts through the PBS at Woolies.",
])
def test_domain_terms_survive(text):
    assert get_anonymiser().detect(text) == []


def test_extra_allow_term_survives_and_deny_term_is_caught():
    text = "The Brightwater study team met Greyfriars staff."
    plain = [d.text for d in get_anonymiser().detect(text)]
    assert "Brightwater" in " ".join(plain)
    custom = Anonymiser(allow=["Brightwater"], deny=["study team"])
    found = {d.text: d.entity_type for d in custom.detect(text)}
    assert "Brightwater" not in " ".join(found)
    assert found.get("study team") == "OTHER"
