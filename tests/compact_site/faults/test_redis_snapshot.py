"""Redis restored from an older snapshot: a role taken away after the snapshot stays taken away.

The snapshot (an RDB file, as a Redis with persistence writes) holds the person's session and pages cached while
they were an officer; the role is taken away in the database afterwards; Redis is stopped and started again
from that snapshot. The signed-in user and their roles are read from the database on each request
(compact_site.accounts.backends), so whatever Redis holds, the next officer-only page is refused.
"""

import shutil
import time

from signatories.roles import OFFICER


def test_a_role_taken_away_is_refused_after_redis_comes_back_from_an_older_snapshot(make_world, tmp_path):
    world = make_world(persistent_redis=True)
    site, seed, redis = world.site, world.seed, world.redis
    demoted = site.sign_in(seed["demoted"], seed["password"])
    for path in ("/wins/waiting/", "/", "/wins/"):
        assert site.get(path, cookie=demoted).status == 200, path
    for path in ("/", "/public/wins/", "/public/register/"):
        for _ in range(2):
            assert site.get(path).status == 200

    sessions, pages = redis.keys("*sessions*"), redis.keys("*cache_page*")
    assert sessions and pages, "the session and the public pages should be in Redis"
    client = redis.client()
    client.save()
    client.close()
    snapshot = tmp_path / "before-the-role-was-taken-away.rdb"
    shutil.copy2(redis.rdb, snapshot)
    time.sleep(0.01)

    world.control("set_role", username=seed["demoted"], role=OFFICER, held=False)
    taken_away = time.time()
    assert snapshot.stat().st_mtime < taken_away

    redis.kill()
    shutil.copy2(snapshot, redis.rdb)
    redis.start()
    assert set(sessions) <= set(redis.keys("*sessions*")), "Redis did not come back from the snapshot"
    assert set(pages) <= set(redis.keys("*cache_page*"))

    refused = site.get("/wins/waiting/", cookie=demoted)
    assert refused.status == 403, f"an officer-only page answered {refused.status} to a former officer"
    # Still signed in (the session from the snapshot is theirs), with the role they still hold.
    assert site.get("/wins/", cookie=demoted).status == 200
