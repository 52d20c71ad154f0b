"""The demo people: an officer, a champion, an LSP member and a representative, each with one role and the same password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER, REPRESENTATIVE

DEMO_PASSWORD = "compact-demo"

# (username, first name, last name, role, what they do)
DEMO_USERS = [
    ("officer", "Sam", "Okafor", OFFICER, "Compact officer at Northbrook Borough Council"),
    ("champion", "Jo", "Adeyemi", CHAMPION, "Compact champion at Northbrook CVS"),
    ("lsp", "Margaret", "Hughes", LSP_MEMBER, "Member of the Northbrook Partnership Board (the LSP)"),
    ("representative", "Priya", "Shah", REPRESENTATIVE, "Holds the sector's seats on two health boards"),
]


def create_users():
    User = get_user_model()
    users = {}
    for username, first_name, last_name, role, _ in DEMO_USERS:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@northbrook.example.org",
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(Group.objects.get(name=role))
        users[username] = user
    return users
