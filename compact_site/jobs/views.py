from django.shortcuts import render

from signatories.roles import OFFICER, role_required

from . import selectors


@role_required(OFFICER)
def job_list(request):
    return render(
        request,
        "compact_site/jobs/job_list.html",
        {"jobs": selectors.jobs_with_last_run(), "runs": selectors.recent_runs()},
    )
