"""The admin screens: export a toolkit (a download), and import one (an upload, a parent page, a dry run).

Only superusers and those given the matching permission (``models.ToolkitExchange``) may use them: an
archive holds restricted content, and an import creates pages, snippets and groups across the site. The
importer must also be allowed to add pages under the parent they choose.
"""

from __future__ import annotations

import datetime
import tempfile

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser

from send_toolkit.contrib.exchange.archive_reader import configured_limits
from send_toolkit.contrib.exchange.exporting import export_toolkit
from send_toolkit.contrib.exchange.importing import import_archive
from send_toolkit.contrib.exchange.models import EXPORT_PERMISSION, IMPORT_PERMISSION
from send_toolkit.contrib.exchange.planning import Action
from send_toolkit.contrib.exchange.problems import ArchiveInvalid
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import ToolkitPage

MAX_PROBLEMS_SHOWN = 200


def may_export(user) -> bool:
    return user.is_superuser or user.has_perm(EXPORT_PERMISSION)


def may_import(user) -> bool:
    return user.is_superuser or user.has_perm(IMPORT_PERMISSION)


class _ExchangeView(WagtailAdminTemplateMixin):
    header_icon = "resubmit"
    allowed = staticmethod(lambda user: False)
    index_url_name = ""  # set by the viewset

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": gettext("Toolkit exchange")},
            {"url": "", "label": self.get_page_title()},
        ]


class ExchangeIndexView(_ExchangeView, TemplateView):
    page_title = gettext_lazy("Toolkit exchange")
    template_name = "send_toolkit_exchange/index.html"
    allowed = staticmethod(lambda user: may_export(user) or may_import(user))
    export_url_name = import_url_name = ""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["export_url"] = reverse(self.export_url_name) if may_export(user) else ""
        context["import_url"] = reverse(self.import_url_name) if may_import(user) else ""
        return context


class ExportForm(forms.Form):
    toolkit = forms.ModelChoiceField(
        queryset=ToolkitPage.objects.order_by("path"), label=gettext_lazy("Toolkit"), empty_label=None
    )


class ExportView(_ExchangeView, FormView):
    page_title = gettext_lazy("Export a toolkit")
    form_class = ExportForm
    template_name = "send_toolkit_exchange/export.html"
    allowed = staticmethod(may_export)

    def form_valid(self, form):
        toolkit = form.cleaned_data["toolkit"]
        archive = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
        export_toolkit(toolkit, archive)
        archive.seek(0)
        filename = f"{slugify(toolkit.slug)}-{datetime.date.today().isoformat()}.zip"
        response = FileResponse(archive, as_attachment=True, filename=filename, content_type="application/zip")
        # The archive holds restricted content: never kept by a browser's or anyone else's cache.
        patch_cache_control(response, private=True, no_store=True)
        return response


class ImportForm(forms.Form):
    archive = forms.FileField(label=gettext_lazy("Archive (.zip)"))
    parent = forms.ModelChoiceField(
        queryset=BasePage.objects.all(),
        label=gettext_lazy("Import under this page"),
        widget=AdminPageChooser(can_choose_root=False),
        help_text=gettext_lazy("The toolkit home becomes a child of this page, usually your site’s home page."),
    )
    slug = forms.SlugField(
        required=False,
        label=gettext_lazy("Web address of the toolkit (slug)"),
        help_text=gettext_lazy("Leave empty to keep the archive’s. Give the same one each time you import it again."),
    )
    dry_run = forms.BooleanField(
        required=False, initial=True, label=gettext_lazy("Dry run: list what would be created and what clashes")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["archive"].help_text = gettext(
            "Exported from another site with “Export a toolkit” or send_toolkit_export. At most %(size)s MB."
        ) % {"size": f"{configured_limits().archive_size // (1024 * 1024):,}"}

    def clean_archive(self):
        upload = self.cleaned_data["archive"]
        if upload.size > configured_limits().archive_size:
            raise forms.ValidationError(gettext("The archive is larger than this site takes."))
        return upload

    def clean_parent(self):
        parent = self.cleaned_data["parent"].specific
        if self.user is not None and not parent.permissions_for_user(self.user).can_add_subpage():
            raise forms.ValidationError(gettext("You may not add pages under “%(title)s”.") % {"title": parent.title})
        return parent


class ImportView(_ExchangeView, FormView):
    page_title = gettext_lazy("Import a toolkit")
    form_class = ImportForm
    template_name = "send_toolkit_exchange/import.html"
    allowed = staticmethod(may_import)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        upload = form.cleaned_data["archive"]
        try:
            result = import_archive(
                upload,
                upload.name,
                form.cleaned_data["parent"],
                toolkit_slug=form.cleaned_data["slug"],
                dry_run=form.cleaned_data["dry_run"],
                user=self.request.user,
            )
        except ArchiveInvalid as invalid:
            context = self.get_context_data(
                form=form, problems=invalid.problems[:MAX_PROBLEMS_SHOWN], problem_count=len(invalid.problems)
            )
            return self.render_to_response(context, status=400)
        if result.dry_run:
            return self.render_to_response(self.get_context_data(form=form, plan=result.plan))
        messages.success(
            self.request,
            gettext("Imported “%(title)s”. Check its pages and your council’s settings before you tell anyone.")
            % {"title": result.toolkit.title},
        )
        return redirect("wagtailadmin_explore", result.toolkit.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = kwargs.get("plan")
        if plan is not None:
            context["plan_sections"] = [
                {
                    "name": section.replace("_", " "),
                    "counts": [(action.label, counts[action]) for action in Action if counts[action]],
                    "entries": [
                        entry
                        for entry in plan.entries
                        if entry.section == section and entry.action is not Action.EXISTS
                    ],
                }
                for section, counts in plan.counts().items()
                if counts
            ]
            context["clashes"] = plan.clashes
        return context
