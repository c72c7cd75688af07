"""Build AllegationFrames from an article text and slot strings (test helper)."""
from __future__ import annotations

from narratrace.model import AllegationFrame, Article, Span


def locate(text: str, needle: str | None, after: int = 0) -> Span | None:
    if needle is None:
        return None
    i = text.find(needle, after)
    assert i >= 0, f"{needle!r} not in text"
    return Span(i, i + len(needle), needle)


def make_frame(text: str, sentence: str, *, trigger: str, time: str = "future",
               event_type: str = "attack_on_civilians", accuser: str | None = None,
               accuser_resolved: str | None = None, accused: tuple[str, ...] = (), helpers: tuple[str, ...] = (),
               locations: tuple[str, ...] = (), blame_target: tuple[str, ...] = ()) -> AllegationFrame:
    sent = locate(text, sentence)
    assert sent is not None
    at = sent.start

    def many(items: tuple[str, ...]) -> tuple[Span, ...]:
        return tuple(locate(text, x, at) for x in items)  # type: ignore[misc]

    return AllegationFrame(sentence=sent, trigger=locate(text, trigger, at), event_type=event_type,  # type: ignore[arg-type]
                           time=time, accuser=locate(text, accuser, at), accuser_resolved=accuser_resolved,
                           accused=many(accused), helpers=many(helpers), locations=many(locations),
                           blame_target=many(blame_target))


def article(text: str, date: str | None, art_id: str = "a1", outlet: str | None = "Test Wire") -> Article:
    return Article(id=art_id, text=text, date=date, outlet=outlet, url=f"https://example.org/{art_id}")
