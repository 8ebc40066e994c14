"""One pupil's costed provision: worked out from a map on request, handed back, and never stored (issue 10)."""

from __future__ import annotations

import csv
import io
import logging
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.cache.backends.locmem import LocMemCache

from send_toolkit.council.models import ToolkitSettings
from send_toolkit.practitioners.models import PractitionerStatus
from send_toolkit.tools.provision_map.models import ProvisionMapRow, ProvisionMapShare
from tests.tools.provision_map.world import (
    RIVERSIDE,
    a_map,
    client_for,
    library_row,
    person,
    rate_card,
    reading_group,
    teaching_assistant,
)

pytestmark = pytest.mark.django_db

MAPS = "/tools/provision-maps/"
SPEECH = "Word-finding practice with a TA"
PRECISION = "Precision teaching"


@pytest.fixture
def senco(site):
    return person("senco@hillside.sch.uk", first_name="Sam", last_name="Senco")


@pytest.fixture
def budget(site):
    settings = ToolkitSettings.for_site(site)
    settings.notional_sen_budget = Decimal("6000.00")
    settings.save()
    return settings.notional_sen_budget


@pytest.fixture
def worked_map(senco, budget):
    """The worked reading group (£213.75 a pupil, 57 contact hours) and a lunchtime club (£119.00 a pupil, 38)."""
    rate_card()
    provision_map = a_map(senco)
    reading = library_row(provision_map, reading_group(), position=1)
    club = ProvisionMapRow.objects.create(
        provision_map=provision_map,
        position=2,
        name="Lunchtime social club",
        need_area="semh",
        tier="getting_help",
        own_hourly_rate=Decimal("18.00"),
        groups=2,
        pupils_per_group=6,
        sessions_per_week=Decimal("2"),
        session_minutes=30,
        weeks=38,
        resource_cost=Decimal("60.00"),
    )
    provision_map.reading, provision_map.club = reading, club
    return provision_map


def url(provision_map) -> str:
    return f"{MAPS}{provision_map.pk}/pupil/"


def line(number: int, label: str, sessions="5", minutes="60", weeks="38", role="", rate="") -> dict[str, str]:
    prefix = f"one-to-one-{number}"
    return {
        f"{prefix}-label": label,
        f"{prefix}-sessions_per_week": sessions,
        f"{prefix}-session_minutes": minutes,
        f"{prefix}-weeks": weeks,
        f"{prefix}-staff_role": str(role),
        f"{prefix}-hourly_rate": rate,
    }


def worked_example(provision_map) -> dict:
    """Both rows, 1:1 word-finding practice with a TA (5 × 60 minutes, 38 weeks, £15.00 an hour: £2,850.00) and
    1:1 precision teaching at the setting's own £25.00 an hour (£4,750.00): £7,932.75 in all."""
    return {
        "rows": [str(provision_map.reading.pk), str(provision_map.club.pk)],
        "lines": "3",
        **line(0, SPEECH, role=teaching_assistant().pk),
        **line(1, PRECISION, rate="25.00"),
        **line(2, "", sessions="", minutes=""),  # an empty line, ignored
    }


def private(response) -> bool:
    return "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- The form ---------------------------------------------------------------------------------------------------


def test_the_form_lists_the_map_s_rows_and_three_empty_1_1_lines_and_asks_for_nobody_s_name(senco, worked_map):
    response = client_for(senco).get(url(worked_map))
    assert response.status_code == 200 and private(response)
    page = text_of(response)
    assert "Small-group reading: £213.75 for one pupil&#x27;s place, 57 contact hours" in page
    assert "Lunchtime social club: £119.00 for one pupil&#x27;s place, 38 contact hours" in page
    form = page[page.index('<form method="post"', page.index("<main")) :]
    names = set(re.findall(r'<(?:input|select|textarea|button)[^>]* name="([^"]+)"', form))
    fields = {name.split("-")[-1] for name in names if name.startswith("one-to-one-")}
    assert fields == {"label", "sessions_per_week", "session_minutes", "weeks", "staff_role", "hourly_rate"}
    assert {name for name in names if name.startswith("one-to-one-") and name.endswith("-label")} == {
        "one-to-one-0-label",
        "one-to-one-1-label",
        "one-to-one-2-label",
    }
    assert names - {name for name in names if name.startswith("one-to-one-")} == {
        "csrfmiddlewaretoken",
        "lines",
        "rows",
        "action",
    }
    assert 'method="post"' in page and 'autocomplete="off"' in page
    assert re.search("Never enter the pupil(&#x27;|')s name", page)


def test_the_map_links_to_it_and_a_colleague_who_may_read_the_map_may_use_it(senco, worked_map):
    assert f'href="{url(worked_map)}"' in client_for(senco).get(f"{MAPS}{worked_map.pk}/").content.decode()
    colleague = person("ta@hillside.sch.uk")
    ProvisionMapShare.objects.create(provision_map=worked_map, colleague=colleague, can_edit=False)
    response = client_for(colleague).post(url(worked_map), worked_example(worked_map))
    assert response.status_code == 200 and "£7,932.75" in response.content.decode()


# --- The worked example -----------------------------------------------------------------------------------------


def test_the_worked_example_crosses_6000_and_the_excess_is_what_element_3_would_need_to_evidence(senco, worked_map):
    response = client_for(senco).post(url(worked_map), worked_example(worked_map))
    assert response.status_code == 200 and private(response)
    page = text_of(response)
    lines = page[page.index("<tbody>") : page.index("</tbody>")]
    for name, how, cost, hours in [
        ("Small-group reading", "A place in a group", "£213.75", "57"),
        ("Lunchtime social club", "A place in a group", "£119.00", "38"),
        (SPEECH, "1:1", "£2,850.00", "190"),
        (PRECISION, "1:1", "£4,750.00", "190"),
    ]:
        expected = f'<th scope="row">{name}</th><td>{how}</td><td class="numeric">{cost}</td>'
        assert f'{expected}<td class="numeric">{hours}</td>' in lines
    total = page[page.index("<tfoot>") : page.index("</tfoot>")]
    assert "£7,932.75" in total and ">475<" in total  # 213.75 + 119 + 2,850 + 4,750; 57 + 38 + 190 + 190 hours
    assert "Notional SEN budget per pupil (Element 2)</dt><dd>£6,000.00" in page
    element_3 = page[page.index('id="element-3"') :]
    assert "Above the notional SEN budget" in element_3 and "£1,932.75" in element_3
    assert "what a request for top-up funding (Element 3) would need to evidence" in element_3
    assert "132.2%" in page  # 7,932.75 ÷ 6,000


def test_provision_within_the_notional_budget_says_what_is_left_and_needs_no_top_up(senco, worked_map):
    response = client_for(senco).post(url(worked_map), {"rows": [str(worked_map.reading.pk)], "lines": "3"})
    page = text_of(response)
    assert response.status_code == 200
    assert "Within the notional SEN budget</dt><dd>£5,786.25 left" in page
    assert 'id="element-3"' not in page and "top-up funding" not in page


def test_the_council_s_notional_budget_is_the_line_the_provision_is_set_against(senco, worked_map, site):
    settings = ToolkitSettings.for_site(site)
    settings.notional_sen_budget = Decimal("7000.00")
    settings.save()
    page = text_of(client_for(senco).post(url(worked_map), worked_example(worked_map)))
    assert "£7,000.00" in page and "£932.75" in page


def test_a_1_1_line_with_the_council_s_rate_uses_the_map_s_own_year(senco, worked_map):
    rate_card(year=2027, ta_rate="20.00")  # next year's rates do not reach a 2026-27 map
    data = {"lines": "1", **line(0, SPEECH, role=teaching_assistant().pk)}
    page = text_of(client_for(senco).post(url(worked_map), data))
    assert "£2,850.00" in page


def test_the_result_carries_the_choices_to_download_or_change_them_in_the_post_body(senco, worked_map):
    page = client_for(senco).post(url(worked_map), worked_example(worked_map)).content.decode()
    form = page[page.rindex("<form") :]
    assert 'method="post"' in form and f'action="{url(worked_map)}"' in form
    assert f'name="rows" value="{worked_map.reading.pk}"' in form
    assert f'name="one-to-one-0-label" value="{SPEECH}"' in form
    assert f'name="one-to-one-1-label" value="{PRECISION}"' in form
    assert 'name="one-to-one-2-label"' not in form  # the empty line is left out
    assert 'name="format" value="csv"' in form and 'name="action" value="change"' in form


# --- CSV --------------------------------------------------------------------------------------------------------


def test_the_pupil_s_provision_downloads_as_csv(senco, worked_map):
    data = {**worked_example(worked_map), **line(1, "=HYPERLINK(1)", rate="25.00"), "format": "csv"}
    response = client_for(senco).post(url(worked_map), data)
    assert response.status_code == 200 and private(response)
    assert response["Content-Disposition"] == (
        'attachment; filename="pupil-provision-2026-27-whole-school-provision.csv"'
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Provision", "How it is provided", "Cost for this pupil (£)", "Contact hours a year"]
    assert rows[1] == ["Small-group reading", "A place in a group", "213.75", "57.00"]
    assert rows[3] == [SPEECH, "1:1", "2850.00", "190.00"]
    assert rows[4] == ["'=HYPERLINK(1)", "1:1", "4750.00", "190.00"]
    assert rows[5] == ["Total", "", "7932.75", "475.00"]
    figures = {row[0]: row[1] for row in rows if len(row) == 2}
    assert figures["Notional SEN budget per pupil, Element 2 (£)"] == "6000.00"
    above = next(value for label, value in figures.items() if "Element 3" in label)
    assert above == "1932.75"
    assert figures["From the provision map"] == "Whole school provision"


# --- Bad input --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"one-to-one-0-session_minutes": "10000"}, "A session lasts between 1 and 480 minutes (8 hours)."),
        ({"one-to-one-0-session_minutes": "lots"}, "Enter a number, for example 3."),
        ({"one-to-one-0-sessions_per_week": "-2"}, "Enter between 0.1 and 25 sessions a week."),
        ({"one-to-one-0-sessions_per_week": "1e400"}, "Enter between 0.1 and 25 sessions a week."),
        ({"one-to-one-0-weeks": "53"}, "Enter between 1 and 52 weeks."),
        ({"one-to-one-0-weeks": ""}, "Enter between 1 and 52 weeks."),
        ({"one-to-one-0-hourly_rate": "-15"}, "Enter an hourly rate between £0.00 and £500.00."),
        ({"one-to-one-0-label": ""}, "Say what the 1:1 provision is"),
        ({"one-to-one-0-label": "x" * 121}, "Describe the provision in 120 characters or fewer."),
        ({"one-to-one-0-staff_role": ""}, "Choose who delivers it, or enter an hourly rate."),
        ({"one-to-one-0-staff_role": "999999"}, "Choose a staff role from the list."),
        ({"rows": ["999999"]}, "Choose provision from this map."),
    ],
)
def test_bad_figures_get_a_clear_message_and_never_a_500(senco, worked_map, changes, message):
    data = {**worked_example(worked_map), **changes}
    response = client_for(senco).post(url(worked_map), data)
    assert response.status_code == 400 and private(response)
    page = text_of(response)
    assert "There is a problem" in page and message.replace("'", "&#x27;") in page
    summary = page[page.index("error-summary") : page.index("</ul>", page.index("error-summary"))]
    assert SPEECH not in summary and "x" * 121 not in summary  # a message never repeats what was typed
    assert f'value="{PRECISION}"' in page  # what was typed stays in the form to put right


def test_nothing_chosen_asks_for_a_row_or_a_1_1_line(senco, worked_map):
    response = client_for(senco).post(url(worked_map), {"lines": "3", **line(0, "", sessions="", minutes="")})
    assert response.status_code == 400
    assert "Choose at least one provision from the map, or describe a 1:1 provision." in text_of(response)


def test_a_row_of_another_map_cannot_be_chosen(senco, worked_map):
    other = a_map(senco, name="Other map")
    row = library_row(other, reading_group(name="Other reading"))
    response = client_for(senco).post(url(worked_map), {"rows": [str(row.pk)], "lines": "3"})
    assert response.status_code == 400 and "Choose provision from this map." in text_of(response)


def test_adding_a_1_1_line_keeps_what_was_typed_and_shows_no_errors_yet(senco, worked_map):
    data = {**worked_example(worked_map), **line(1, PRECISION, minutes=""), "action": "add_line"}
    response = client_for(senco).post(url(worked_map), data)
    assert response.status_code == 200
    page = text_of(response)
    assert 'name="one-to-one-3-label"' in page and 'name="one-to-one-4-label"' not in page
    assert 'name="lines" value="4"' in page
    assert f'value="{SPEECH}"' in page and f'value="{PRECISION}"' in page
    assert re.search(rf'name="rows" value="{worked_map.reading.pk}"[^>]*checked', page)
    assert "There is a problem" not in page and "£7,932.75" not in page


def test_the_form_holds_at_most_twenty_lines(senco, worked_map):
    response = client_for(senco).post(url(worked_map), {"lines": "9999", "action": "add_line"})
    page = text_of(response)
    assert 'name="one-to-one-19-label"' in page and 'name="one-to-one-20-label"' not in page
    assert 'value="add_line"' not in page and "up to 20 lines" in page


def test_changing_the_provision_brings_the_form_back_filled_in(senco, worked_map):
    data = {**worked_example(worked_map), "action": "change"}
    page = text_of(client_for(senco).post(url(worked_map), data))
    assert "Work out the cost" in page and f'value="{SPEECH}"' in page
    assert re.search(rf'name="rows" value="{worked_map.club.pk}"[^>]*checked', page)


def test_figures_in_the_address_are_ignored(senco, worked_map):
    query = "?one-to-one-0-label=Speech&one-to-one-0-sessions_per_week=5&format=csv"
    response = client_for(senco).get(url(worked_map) + query)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert 'value="Speech"' not in response.content.decode()


# --- Nothing stored ---------------------------------------------------------------------------------------------


class RecordingCache(LocMemCache):
    """A real in-memory cache that also keeps what it was asked to store, for the test to read."""

    stored: list[str] = []

    def set(self, key, value, *args, **kwargs):
        RecordingCache.stored.append(f"{key}={value!r}")
        return super().set(key, value, *args, **kwargs)

    def add(self, key, value, *args, **kwargs):
        RecordingCache.stored.append(f"{key}={value!r}")
        return super().add(key, value, *args, **kwargs)


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models() if model._meta.managed}


def test_working_out_a_pupil_s_provision_writes_nothing_to_the_database_logs_or_caches(
    senco, worked_map, caplog, settings
):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": f"{__name__}.RecordingCache", "LOCATION": "pupil-provision"},
    }
    RecordingCache.stored = []
    client = client_for(senco)
    client.get(url(worked_map))  # the session is settled before counting
    before = row_counts()
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    results = [
        client.get(url(worked_map)),
        client.post(url(worked_map), worked_example(worked_map)),
        client.post(url(worked_map), {**worked_example(worked_map), "format": "csv"}),
        client.post(url(worked_map), {**worked_example(worked_map), "action": "add_line"}),
        client.post(url(worked_map), {**worked_example(worked_map), **line(1, PRECISION, minutes="10000")}),
    ]
    assert [response.status_code for response in results] == [200, 200, 200, 200, 400]
    assert all(private(response) for response in results)
    assert row_counts() == before
    secrets = (SPEECH, PRECISION, "7,932.75", "7932.75", "1,932.75", "1932.75", "2,850.00", "2850.00", "4750")
    logged = [record.getMessage() + repr(record.args) + repr(record.__dict__) for record in caplog.records]
    assert [text for text in logged if any(secret in text for secret in secrets)] == []
    assert [text for text in RecordingCache.stored if any(secret in text for secret in secrets)] == []


def test_django_s_error_reports_leave_out_every_posted_value(senco, worked_map):
    response = client_for(senco).post(url(worked_map), worked_example(worked_map))
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"


# --- Who may use it ---------------------------------------------------------------------------------------------


def test_another_setting_s_practitioner_gets_a_404(senco, worked_map):
    stranger = person("senco@riverside.sch.uk", organisation=RIVERSIDE)
    client = client_for(stranger)
    assert client.get(url(worked_map)).status_code == 404
    response = client.post(url(worked_map), worked_example(worked_map))
    assert response.status_code == 404 and "Lunchtime social club" not in response.content.decode()


def test_a_visitor_who_is_not_logged_in_is_sent_to_log_in(worked_map):
    response = client_for(None).post(url(worked_map), worked_example(worked_map))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert private(response)


def test_a_pending_account_is_refused(worked_map):
    pending = person("new@hillside.sch.uk", status=PractitionerStatus.PENDING)
    response = client_for(pending).get(url(worked_map))
    assert response.status_code == 403 and private(response)
    assert "Lunchtime social club" not in response.content.decode()
