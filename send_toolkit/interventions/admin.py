"""Admin for the intervention library: interventions (with CSV import), staff roles and rates, the staff rate
card of each school year, cost bands, sub-needs. Registered by ``send_toolkit/wagtail_hooks.py`` in the
"SEND toolkit" menu group."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.urls import URLPattern, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import CopyView, CreateView, IndexView, SnippetViewSet

from send_toolkit.domain.provision_map import SchoolYear, SchoolYearError
from send_toolkit.interventions.import_view import InterventionImportView
from send_toolkit.interventions.models import CostBand, Intervention, StaffRole, SubNeed
from send_toolkit.interventions.panels import CostingPanel
from send_toolkit.interventions.rate_cards import (
    RateCard,
    card_after,
    card_from_current_rates,
    newest_card,
    this_school_year,
)


class InterventionIndexView(IndexView):
    """The intervention list, with an "Import CSV" button for those who may add interventions."""

    @cached_property
    def header_buttons(self) -> list:
        buttons = super().header_buttons
        if self.request.user.has_perm("send_toolkit.add_intervention"):
            url = reverse("wagtailsnippets_send_toolkit_intervention:import")
            buttons.append(HeaderButton(_("Import CSV"), url=url, icon_name="upload"))
        return buttons


class InterventionViewSet(SnippetViewSet):
    model = Intervention
    index_view_class = InterventionIndexView
    icon = "list-ul"
    menu_label = _("Interventions")
    list_display = ["name", "tier", "delivery", "audience", "last_reviewed"]
    list_filter = ["need_areas", "key_stages", "tier", "audience"]
    ordering = ["name"]
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("description")],
            heading=_("What it is"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("need_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sub_needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("key_stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tier"),
            ],
            heading=_("Who it is for"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("delivery"),
                FieldPanel("group_size"),
                FieldPanel("session_minutes"),
                FieldPanel("sessions_per_week"),
                FieldPanel("weeks"),
                FieldPanel("staff_role"),
                FieldPanel("staff_count"),
            ],
            heading=_("Delivery and time"),
        ),
        MultiFieldPanel(
            [FieldPanel("training_required"), FieldPanel("training_cost"), FieldPanel("resource_cost")],
            heading=_("Training and resources"),
        ),
        CostingPanel(heading=_("Costs, worked out from the council's rates")),
        MultiFieldPanel(
            [
                FieldPanel("evidence_strength"),
                FieldPanel("evidence_source"),
                FieldPanel("provider"),
                FieldPanel("provider_url"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Evidence and provider"),
        ),
        MultiFieldPanel([FieldPanel("for_parents"), FieldPanel("at_home")], heading=_("For parents and carers")),
        FieldPanel("audience"),
    ]

    def get_queryset(self, request):
        return Intervention.objects.select_related("staff_role")

    def get_urlpatterns(self) -> list[URLPattern]:
        import_view = InterventionImportView.as_view(index_url_name=self.get_url_name("list"))
        return super().get_urlpatterns() + [path("import/", import_view, name="import")]


class StaffRoleViewSet(SnippetViewSet):
    model = StaffRole
    icon = "user"
    menu_label = _("Staff roles and rates")
    list_display = ["name", "hourly_rate"]
    ordering = ["name"]


# --- Staff rate cards, one per school year ------------------------------------------------------------------------


class SchoolYearField(forms.Field):
    """A school year typed as 2026-27 (or 2026/27, 2026-2027), kept as the year it starts in (2026)."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "size": 9})

    def prepare_value(self, value: object) -> object:
        return str(SchoolYear(value)) if isinstance(value, int) else value

    def to_python(self, value: object) -> int | None:
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return SchoolYear.parse(text).start
        except SchoolYearError as error:
            raise ValidationError(str(error), code="invalid") from error


class RateCardForm(WagtailAdminModelForm):
    school_year_start = SchoolYearField(
        label=_("School year"),
        help_text=_("For example 2026-27. Provision maps for this year are costed at these rates."),
        error_messages={"required": _("Enter the school year, for example 2026-27.")},
    )

    def clean_school_year_start(self) -> int:
        start = self.cleaned_data["school_year_start"]
        if RateCard.objects.filter(school_year_start=start).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                gettext("There is already a staff rate card for %(year)s: change the rates on that card instead.")
                % {"year": SchoolYear(start)},
                code="unique",
            )
        return start


class OneRatePerRoleFormSet(BaseChildFormSet):
    """A card's rates. A staff role listed twice is refused with a message naming it, on the row that repeats it
    (the database would refuse the second rate with a server error)."""

    def validate_unique(self) -> None:
        seen: set[int] = set()
        repeated: list[str] = []
        for form in self.forms:
            if not form.is_valid() or self._should_delete_form(form):
                continue
            role = form.cleaned_data.get("staff_role")
            if role is None:
                continue
            if role.pk in seen:
                form.add_error("staff_role", gettext("%(role)s already has a rate on this card.") % {"role": role.name})
                repeated.append(role.name)
            seen.add(role.pk)
        if repeated:
            raise ValidationError(
                gettext("Give each staff role one rate: %(roles)s is listed more than once.")
                % {"roles": ", ".join(dict.fromkeys(repeated))}
            )
        super().validate_unique()


class RatesPanel(InlinePanel):
    """The card's rates, checked by ``OneRatePerRoleFormSet`` (as Wagtail's own comments panel sets its formset)."""

    def get_form_options(self) -> dict:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = OneRatePerRoleFormSet
        return options


class RateCardIndexView(IndexView):
    """The cards, newest year first; each one's "Copy" starts the next year's card from its rates."""

    def get_list_more_buttons(self, instance: RateCard) -> list:
        buttons = super().get_list_more_buttons(instance)
        copy_url = self.get_copy_url(instance)
        for button in buttons:
            if copy_url and getattr(button, "url", None) == copy_url:
                button.label = gettext("Copy to next year")
        return buttons


class RateCardCreateView(CreateView):
    """A new card starts from the newest card's rates, for the year after it; before there is any card, from
    each staff role's current rate. ``?start=current`` and ``?start=empty`` choose the other starts."""

    def get_initial_form_instance(self) -> RateCard | None:
        if self.request.method != "GET":
            return super().get_initial_form_instance()
        newest = newest_card()
        year = newest.school_year.next() if newest is not None else this_school_year()
        start = self.request.GET.get("start", "")
        add_url = self.get_add_url()
        if start == "empty":
            return RateCard(school_year_start=year.start)
        if start == "current" or newest is None:
            messages.info(
                self.request,
                gettext(
                    "The rates below are each staff role's current hourly rate. Change any that differ for %(year)s."
                )
                % {"year": year},
                buttons=[messages.button(f"{add_url}?start=empty", gettext("Start with no rates"))],
            )
            return card_from_current_rates(year)
        messages.info(
            self.request,
            gettext("The rates below are copied from %(source)s's card. Change any that are different for %(year)s.")
            % {"source": newest.school_year, "year": year},
            buttons=[
                messages.button(f"{add_url}?start=current", gettext("Start from the staff roles' current rates")),
                messages.button(f"{add_url}?start=empty", gettext("Start with no rates")),
            ],
        )
        return card_after(newest)


class RateCardCopyView(CopyView):
    """ "Copy to next year": a new card for the year after this one, with its weeks, notes and rates."""

    page_title = _("Copy to next year")

    def get_initial_form_instance(self) -> RateCard:
        source = self.get_object()
        following = card_after(source)
        messages.info(
            self.request,
            gettext("The rates below are copied from %(source)s's card. Change any that are different for %(year)s.")
            % {"source": source.school_year, "year": following.school_year},
        )
        return following


class RateCardViewSet(SnippetViewSet):
    model = RateCard
    icon = "table"
    menu_label = _("Staff rate cards")
    index_view_class = RateCardIndexView
    add_view_class = RateCardCreateView
    copy_view_class = RateCardCopyView
    list_display = ["school_year", "school_weeks", "notes"]
    ordering = ["-school_year_start"]
    edit_handler = ObjectList(
        [
            FieldPanel("school_year_start"),
            FieldPanel("school_weeks"),
            FieldPanel("notes"),
            RatesPanel(
                "rates",
                panels=[FieldPanel("staff_role"), FieldPanel("hourly_rate")],
                heading=_("Hourly rates"),
                label=_("Rate"),
                help_text=_("One rate per staff role. A role left off the card is costed at its current rate."),
            ),
        ],
        base_form_class=RateCardForm,
    )


class CostBandViewSet(SnippetViewSet):
    model = CostBand
    icon = "tag"
    menu_label = _("Cost bands")
    list_display = ["label", "max_per_pupil", "description"]


class SubNeedViewSet(SnippetViewSet):
    model = SubNeed
    icon = "tag"
    menu_label = _("Sub-needs")
    list_display = ["name", "need_area"]
    list_filter = ["need_area"]
