"""Redis flushed while requests are in flight, at about the moment a win is taken off the public site.

Round after round, with clients loading the public pages: the win is shown (and seen on the pages), then hidden
and Redis flushed in quick succession (flush first, hide first, or flushes all through the hide). No page
requested after the hide was committed (and answered before the win was shown again) may show the win: the
cache keys' versions are random, so no page cached before the flush or the hide can be found again.
"""

import threading
import time

from .harness import Load, Page, summary, wait_for

ROUNDS = 20
ORDERS = ("flush, then hide", "hide, then flush", "flushes all through the hide")


def test_no_page_requested_after_a_hide_shows_the_win_while_redis_is_flushed(make_world):
    world = make_world()
    site, hidden = world.site, world.seed["hidden_win"]
    pages = [
        Page("public home", "/"),
        Page("public wins", "/public/wins/"),
        Page("hidden win", f"/public/wins/{hidden['id']}/"),
        Page("register", "/public/register/"),
    ]
    watched = ["public home", "public wins", "hidden win"]
    flusher = world.redis.client()

    def shows_win(result):
        return "hidden" in result.marks or (result.page.label == "hidden win" and result.status == 200)

    def flush_until(stop):
        while not stop.is_set():
            flusher.flushall()
            time.sleep(0.002)

    def hide(order):
        if order == 0:
            flusher.flushall()
            world.control("show_win", win=hidden["id"], show=False)
        elif order == 1:
            world.control("show_win", win=hidden["id"], show=False)
            flusher.flushall()
        else:
            stop = threading.Event()
            flushing = threading.Thread(target=flush_until, args=(stop,))
            flushing.start()
            try:
                world.control("show_win", win=hidden["id"], show=False)
            finally:
                stop.set()
                flushing.join()

    # (hide committed, about to show the win again, order): a page requested after the first and answered
    # before the second must not show the win (one answered later may have been worked out after the next show).
    windows = []
    with Load(site, pages, threads=4, markers={"hidden": hidden["title"]}) as load:
        for number in range(ROUNDS):
            shown_at = time.monotonic()
            if number:
                world.control("show_win", win=hidden["id"], show=True)

            def seen_everywhere(shown_at=shown_at):
                recent = [r for r in load.results(shown_at) if r.page.label in watched and shows_win(r)]
                return {r.page.label for r in recent} == set(watched)

            wait_for(seen_everywhere, 30, f"the win shown on every public page (round {number})")
            hide(number % len(ORDERS))
            hidden_at = time.monotonic()
            load.wait_for_answers(hidden_at, watched, count=3)
            windows.append((hidden_at, time.monotonic(), ORDERS[number % len(ORDERS)]))
    flusher.close()

    results = load.results()
    report = summary(results)
    print(report)
    failed = [r for r in results if r.failed]
    assert not failed, f"{len(failed)} answers failed (5xx or no answer), e.g. {failed[:3]}\n{report}"
    checked, shown = 0, []
    for number, (since, until, order) in enumerate(windows):
        answers = [r for r in load.results(since, answered_by=until) if r.page.label in watched]
        checked += len(answers)
        shown += [
            f"round {number} ({order}): {r.page.label} requested {r.started - since:.3f} s after the hide"
            for r in answers
            if shows_win(r)
        ]
    assert checked >= ROUNDS * len(watched) * 3
    assert not shown, f"{len(shown)} pages requested after the hide showed the win:\n" + "\n".join(shown)
