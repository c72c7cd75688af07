"""Short synthetic news texts written for the reuse tests (no corpus text)."""
from __future__ import annotations

from narratrace.model import Article

AGENCY = (
    "Officials in the northern province said on Monday that a convoy carrying flour and medicine reached "
    "the town of Elmsford after a two week delay caused by damaged roads. The regional governor told "
    "reporters that forty trucks crossed the river bridge at dawn and that distribution would begin in "
    "the morning at three schools. Aid workers said the shortage of fuel had forced bakeries to close for "
    "several days and that families had been queuing since midnight. A spokesman for the relief committee "
    "added that another convoy is expected at the end of the month if the weather holds and the bridge "
    "stays open to heavy traffic."
)
REPUBLISHED = (
    "A long awaited aid convoy finally arrived this week. Agencia.com reports: "
    + AGENCY.replace("forty trucks", "forty-two trucks").rsplit(" A spokesman", 1)[0]
)
BACKGROUND = (
    "The rescue group, which describes itself as a neutral volunteer service, has long been accused by the "
    "ministry of staging scenes for foreign cameras and of working with armed factions in the hills. "
    "Officials have repeatedly said that the group receives money from abroad and that its videos are "
    "edited before they are shared on social networks by sympathetic accounts."
)
LEADS = [
    "The ministry warned on Tuesday that volunteers near the dam were preparing a new provocation with "
    "smoke canisters, according to a statement read by a colonel at a press briefing in the capital.",
    "A senior officer claimed on Friday that a film crew had been seen unloading cameras and costumes in a "
    "village on the plain, and that residents had been told to stay indoors until the evening.",
    "Military sources said on Sunday that two trucks with unmarked barrels had entered the market town "
    "overnight, and that the drivers were later seen meeting men in white helmets near the mosque.",
]
UNRELATED = (
    "The city football club appointed a new head coach on Thursday after a difficult season that ended "
    "with relegation, promising supporters a younger squad and cheaper tickets for families next year. "
    "The chairman said the search had taken three months and that several candidates had turned the job down."
)


def art(id: str, text: str, outlet: str | None, date: str | None) -> Article:
    return Article(id=id, text=text, outlet=outlet, date=date, source=f"{id}.txt", name=id)


def agency_pair() -> list[Article]:
    return [art("agency1", AGENCY, "Agencia", "2023-03-01"), art("repub1", REPUBLISHED, "Bluesky Post", "2023-03-02")]


def template_run() -> list[Article]:
    """One outlet reruns the same background paragraphs under three new leads."""
    dates = ["2022-08-20", "2022-11-07", "2022-11-14"]
    return [art(f"tpl{n}", f"{lead} {BACKGROUND}", "Hill Times", d) for n, (lead, d) in enumerate(zip(LEADS, dates))]
