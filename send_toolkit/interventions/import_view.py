"""Admin screen: upload a CSV file of interventions (checked in full before anything changes)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from send_toolkit.interventions.csv_columns import IMPORTED_COLUMNS
from send_toolkit.interventions.csv_import import MAX_ERRORS_SHOWN, TOO_MANY_ROWS, import_interventions, max_rows

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class InterventionImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"))
    dry_run = forms.BooleanField(required=False, label=gettext_lazy("Only check the file; change nothing"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "UTF-8 CSV with a header row, in the same columns as the directory's CSV export. "
            "At most %(rows)s interventions and 5 MB a file."
        ) % {"rows": f"{max_rows():,}"}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext("The file is larger than 5 MB. Split it into smaller files."))
        return upload


class InterventionImportView(WagtailAdminTemplateMixin, FormView):
    form_class = InterventionImportForm
    template_name = "send_toolkit/admin/intervention_import.html"
    page_title = gettext_lazy("Import interventions")
    header_icon = "upload"
    index_url_name = ""  # set by the viewset

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.has_perm("send_toolkit.add_intervention") and user.has_perm("send_toolkit.change_intervention")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": gettext("Interventions")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = IMPORTED_COLUMNS
        return context

    def form_valid(self, form):
        dry_run = form.cleaned_data["dry_run"]
        result = import_interventions(form.cleaned_data["file"].read(), dry_run=dry_run)
        for problem in result.problems:
            if problem.code == TOO_MANY_ROWS:  # about the file as a whole: shown beside the file field
                form.add_error("file", problem.message)
                return self.form_invalid(form)
        if not result.ok:
            # A file bad in every row of 10,000 would list tens of thousands: the first ones are enough to act on.
            shown = result.problems[:MAX_ERRORS_SHOWN]
            context = self.get_context_data(form=form, problems=shown, problem_count=len(result.problems))
            return self.render_to_response(context)
        if dry_run:
            messages.success(self.request, gettext("The file is valid. Nothing was changed."))
            return self.render_to_response(self.get_context_data(form=self.form_class()))
        messages.success(
            self.request,
            gettext("Imported %(created)s new and updated %(updated)s existing interventions.")
            % {"created": len(result.created), "updated": len(result.updated)},
        )
        return redirect(self.index_url_name)
