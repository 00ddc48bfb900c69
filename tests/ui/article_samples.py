"""Articles for the UI tests, written out by the tests themselves (no shared files)."""

from __future__ import annotations

_PEOPLE = ("Maria Lopez", "David Chen", "Amara Okafor", "Jonas Berg", "Priya Natarajan")
_PLACES = ("Springfield", "Riverton", "Lakeside", "Northgate", "Eastbrook")
_TOPICS = ("the new bridge", "the school budget", "the water plan", "the bus network")


def short_article(title: str = "Council Approves River Bridge") -> str:
    return (
        f"{title}\n\n"
        "The city council of Springfield approved the new river bridge on Monday after "
        "a long debate.\n\n"
        "Mayor Maria Lopez said the bridge would cut commuting times for thousands of "
        "residents in Riverton and Lakeside.\n\n"
        "Critics, led by councillor David Chen, argued that the cost of 40 million dollars "
        "was too high for a town of this size.\n\n"
        "Construction is expected to begin in March and to last about two years, "
        "according to the city engineer.\n\n"
        "Maria Lopez thanked the residents who came to the meeting and promised regular "
        "updates on the work.\n"
    )


def long_article(paragraphs: int = 160, title: str = "A Long Season of Local Politics") -> str:
    """Enough text that analysing it takes a noticeable moment."""
    parts = [title]
    for i in range(paragraphs):
        person = _PEOPLE[i % len(_PEOPLE)]
        place = _PLACES[(i // 2) % len(_PLACES)]
        topic = _TOPICS[(i // 3) % len(_TOPICS)]
        parts.append(
            f"On day {i + 1} of the session, {person} travelled to {place} to discuss "
            f"{topic} with residents. The meeting lasted {i % 5 + 1} hours and ended "
            f"without a vote. Officials in {place} said they would publish a report on "
            f"{topic} before the end of the month."
        )
    return "\n\n".join(parts) + "\n"


def quoted_article(title: str = "Council Votes On Harbour Plan", closing: str = "") -> str:
    """An article with a clearly supportive, a clearly critical and a neutral statement."""
    text = (
        f"{title}\n\n"
        "The city council of Portsmouth voted on Tuesday to rebuild the old harbour wall.\n\n"
        "Mayor Helen Carter welcomed the decision, saying the new wall would protect "
        "hundreds of homes in Portsmouth from flooding.\n\n"
        "Opposition leader Tom Reeves blasted the plan as a reckless waste of public money "
        "that would ruin the Portsmouth waterfront.\n\n"
        '"This is the worst deal the council has signed in a decade," Reeves said.\n\n'
        "The harbour master said the work would begin in spring and take eighteen months.\n"
    )
    return text + (f"\n{closing}\n" if closing else "")


def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` of ``needle`` in ``text``, overlapping ones included."""
    spans, start = [], text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans
