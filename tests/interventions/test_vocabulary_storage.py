"""Need areas and key stages are stored one way everywhere: as the vocabulary's codes, in its order."""

import pytest

from send_toolkit.domain import vocabulary
from send_toolkit.interventions.models import Intervention, KeyStage, NeedArea, SubNeed
from send_toolkit.pages.models import KeyStagePage, NeedAreaPage

pytestmark = pytest.mark.django_db


def test_the_rows_interventions_are_tagged_with_are_the_vocabularys_codes_in_its_order():
    assert list(NeedArea.objects.values_list("value", flat=True)) == [t.value for t in vocabulary.NEED_AREAS]
    assert list(KeyStage.objects.values_list("value", flat=True)) == [t.value for t in vocabulary.KEY_STAGES]
    assert Intervention._meta.get_field("need_areas").related_model is NeedArea
    assert Intervention._meta.get_field("key_stages").related_model is KeyStage


@pytest.mark.parametrize(
    ("model", "field", "terms"),
    [
        (NeedArea, "value", vocabulary.NEED_AREAS),
        (SubNeed, "need_area", vocabulary.NEED_AREAS),
        (NeedAreaPage, "need_area", vocabulary.NEED_AREAS),
        (KeyStage, "value", vocabulary.KEY_STAGES),
        (KeyStagePage, "key_stage", vocabulary.KEY_STAGES),
    ],
)
def test_every_field_holding_a_need_area_or_key_stage_offers_exactly_the_vocabularys_codes(model, field, terms):
    assert list(model._meta.get_field(field).choices) == list(vocabulary.choices(terms))
