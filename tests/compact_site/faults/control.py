"""Changes made to the shared database while gunicorn serves it, as an officer would make them through the
service's own functions (so their cache invalidation runs, against the same Redis as gunicorn's):
``python -m tests.compact_site.faults.control``, with the same environment as the gunicorn.

One JSON command a line on stdin, one JSON answer a line on stdout, written only once the change is committed.
Anything else the process prints goes to stderr.
"""

import json
import os
import sys
import traceback


def show_win(*, win, show):
    from django.contrib.auth import get_user_model

    from wins import services
    from wins.models import Win

    officer = get_user_model().objects.get(username="faults-officer")
    services.show_on_public_site(win=Win.objects.get(pk=win), by=officer, show=show)


def set_role(*, username, role, held):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.get(username=username)
    group = Group.objects.get(name=role)
    if held:
        user.groups.add(group)
    else:
        user.groups.remove(group)


def rename_organisation(*, organisation, name):
    from signatories.models import Organisation

    row = Organisation.objects.get(pk=organisation)
    row.name = name
    row.save()


def ping():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


COMMANDS = {"show_win": show_win, "set_role": set_role, "rename_organisation": rename_organisation, "ping": ping}


def main():
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    sys.stdout = sys.stderr  # nothing but answers on the answers' channel
    import django

    django.setup()
    ping()
    answers.write(json.dumps({"ok": True, "ready": True}) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        command = json.loads(line)
        try:
            COMMANDS[command.pop("op")](**command)
            answer = {"ok": True}
        except Exception:  # reported to the test, which fails with it
            answer = {"ok": False, "error": traceback.format_exc()}
        answers.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    main()
