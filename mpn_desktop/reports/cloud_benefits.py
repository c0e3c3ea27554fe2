"""What a cloud competency gives and the Cloud Enablement Desk, as the seed text states them.

Source: "MPN 101: The four steps to attain a cloud competency", Microsoft US
Partner blog, 2017-09-12 (``seed/mpn-101-four-steps.txt``). Kept here as
data, so the checklist states it in the seed's own terms.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mpn_desktop.domain.vocabulary import N_, _


@dataclass(frozen=True, slots=True)
class AboutCloudCompetency:
    """The closing section of the checklist: benefits and where to get free help."""

    title: str
    benefits_intro: str
    benefits: tuple[str, ...]
    desk_title: str
    desk_text: str
    source: str


SEED_SOURCE = (
    "MPN 101: The four steps to attain a cloud competency, Microsoft US Partner blog, 12 Sep 2017"
)

ABOUT_CLOUD_COMPETENCY = AboutCloudCompetency(
    title=N_("Why a cloud competency"),
    benefits_intro=N_(
        "In return for completing the four steps, a cloud competency brings these benefits, "
        "in addition to the core benefits that come with any competency:"
    ),
    benefits=(
        N_("Unlimited cloud support"),
        N_("Additional internal-use licences"),
        N_("Guaranteed account coverage"),
        N_("Eligibility for incentives and investments"),
    ),
    desk_title="Cloud Enablement Desk",
    desk_text=N_(
        "An organisation thinking about attaining a cloud competency can nominate itself to "
        "the Cloud Enablement Desk for up to six months of free guidance from a Cloud Program "
        "Specialist, who makes sure the requirements are understood and that nothing stands "
        "in the way of attaining it."
    ),
    source=SEED_SOURCE,
)
"""In English; ``about_cloud_competency()`` gives it in the chosen language."""


def about_cloud_competency() -> AboutCloudCompetency:
    """The closing section in the chosen language (the desk's name and the source as written)."""
    about = ABOUT_CLOUD_COMPETENCY
    return replace(
        about,
        title=_(about.title),
        benefits_intro=_(about.benefits_intro),
        benefits=tuple(_(benefit) for benefit in about.benefits),
        desk_text=_(about.desk_text),
    )
