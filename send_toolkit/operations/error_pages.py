"""The site's error handlers: the toolkit's 404 page in the council's layout, and a 500 that knows a
database outage when it sees one.

Set them in the project's root URLconf::

    handler404 = "send_toolkit.operations.error_pages.page_not_found"
    handler500 = "send_toolkit.operations.error_pages.server_error"

The pages are the templates ``404.html``, ``500.html`` and ``503.html`` the toolkit ships; a council's own
templates of the same names (in ``TEMPLATES["DIRS"]``, or an app listed above ``send_toolkit``) win
(docs/how-to/run-the-toolkit-in-production.md).
"""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from send_toolkit.front_end.layout import render
from send_toolkit.front_end.security_headers import with_standalone_page_policy
from send_toolkit.operations.outages import is_database_outage, service_unavailable

NOT_FOUND_TEMPLATE = "404.html"
SERVER_ERROR_TEMPLATE = "500.html"


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The toolkit's 404 page, in the council's base template (``SEND_TOOLKIT_BASE_TEMPLATE``).

    It shows nothing of the exception (a message might name what was not found) and lists no pages.
    """
    return render(request, NOT_FOUND_TEMPLATE, status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, or the 503 page when what went wrong is that the database can't be reached.

    Django calls this while it handles the exception, so ``sys.exc_info()`` is that exception. Like
    Django's own handler, it renders without a request context: nothing may touch the database.
    """
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable()
    return with_standalone_page_policy(HttpResponse(loader.get_template(SERVER_ERROR_TEMPLATE).render(), status=500))
