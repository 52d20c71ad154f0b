from django.conf import settings

from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER, REPRESENTATIVE, roles_of


def service(request):
    roles = roles_of(request.user) if hasattr(request, "user") else frozenset()
    return {
        "service_name": settings.SERVICE_NAME,
        "is_officer": OFFICER in roles,
        "is_champion": CHAMPION in roles,
        "is_lsp_member": LSP_MEMBER in roles,
        "is_representative": REPRESENTATIVE in roles,
    }
