"""Evidence written when first read: built once, and equal to the tuple it stands for."""

from __future__ import annotations

from decimal import Decimal

from mpn_desktop.domain.evidence import Evidence, LazyEvidence


def test_evidence_is_built_once_when_first_read() -> None:
    calls: list[int] = []

    def build() -> list[Evidence]:
        calls.append(1)
        return [Evidence("sub-1 (Fabrikam)", "US$ 100", Decimal(100))]

    evidence = LazyEvidence(build)
    assert calls == []
    assert len(evidence) == 1
    assert evidence[0].subject == "sub-1 (Fabrikam)"
    assert [item.detail for item in evidence] == ["US$ 100"]
    assert calls == [1]


def test_lazy_evidence_equals_and_hashes_as_its_tuple() -> None:
    items = (Evidence("a", "x"), Evidence("b", "y"))
    evidence = LazyEvidence(lambda: items)
    assert evidence == items
    assert evidence == LazyEvidence(lambda: list(items))
    assert evidence != LazyEvidence(lambda: items[:1])
    assert hash(evidence) == hash(items)
    assert evidence[:1] == items[:1]
