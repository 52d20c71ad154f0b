"""After `make restore` (``manage.py restore --noinput FILE``) the very next request shows the restored data, not
a page the cache kept from the data the restore replaced.

A restore changes every row without a signal, so no cache version is invalidated: only ``cache.clear()`` at the
end of the restore (compact_site.records.backups) keeps the public register from showing the name the
organisation had just before.
"""

import re

from .harness import PYTHON, run

NEW_NAME = "Harbourside Community Larder"
PAGES = ("/public/register/", "/open-data/register.csv")


def test_the_next_request_after_a_restore_shows_the_restored_data(make_world, tmp_path):
    world = make_world()
    site, old_name = world.site, world.seed["organisation"]["name"]
    for path in PAGES:
        assert old_name in site.get(path).body

    made = run([PYTHON, "manage.py", "backup", "--directory", str(tmp_path / "backups")], env=world.env)
    backup = re.search(r"Backed up to (\S+)", made.stdout).group(1)

    world.control("rename_organisation", organisation=world.seed["organisation"]["id"], name=NEW_NAME)
    for path in PAGES:
        for _ in range(2):  # the second from the cache
            page = site.get(path)
            assert page.status == 200 and NEW_NAME in page.body and old_name not in page.body, path
    assert world.redis.keys("*cache_page*"), "the public pages should be in Redis before the restore"

    run([PYTHON, "manage.py", "restore", "--noinput", backup], env=world.env)

    for path in PAGES:
        page = site.get(path)
        assert page.status == 200, path
        assert old_name in page.body and NEW_NAME not in page.body, f"{path} still shows the data the restore replaced"
