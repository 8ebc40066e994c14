"""One page per need area, key stage and tier under a parent holds for moves and drafts too, not only the edit form."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.actions.move_page import MovePagePermissionError
from wagtail.test.utils import WagtailPageTestCase

from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import KeyStagePage, NeedAreaPage, ToolkitPage


def _stage(area: NeedAreaPage, key_stage: str) -> KeyStagePage:
    return KeyStagePage.objects.child_of(area).get(key_stage=key_stage)


class MoveThroughAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.admin = get_user_model().objects.create_superuser("mover", "mover@example.test", "pw")
        self.client.force_login(self.admin)
        toolkit = ToolkitPage.objects.get()
        self.from_area = NeedAreaPage.objects.child_of(toolkit).get(need_area="cognition_learning")
        self.to_area = NeedAreaPage.objects.child_of(toolkit).get(need_area="semh")
        self.moving = _stage(self.from_area, "ks2")
        # A different slug, so Wagtail's own slug check does not refuse the move before the toolkit's rule is asked.
        self.moving.slug = "ks2-cognition"
        self.moving.save()

    def _confirm_url(self, destination: BasePage) -> str:
        return reverse("wagtailadmin_pages:move_confirm", args=(self.moving.pk, destination.pk))

    def test_moving_into_a_parent_that_has_that_key_stage_is_refused_with_a_message(self):
        before = list(BasePage.objects.order_by("path").values_list("pk", "path", "url_path"))

        response = self.client.post(self._confirm_url(self.to_area), follow=True)

        self.assertRedirects(response, reverse("wagtailadmin_pages:move", args=(self.moving.pk,)))
        page_text = response.content.decode()
        assert "can’t move under “Social, Emotional and Mental Health”" in page_text
        assert "already covers Key Stage 2 there" in page_text
        assert list(BasePage.objects.order_by("path").values_list("pk", "path", "url_path")) == before
        assert KeyStagePage.objects.child_of(self.to_area).filter(key_stage="ks2").count() == 1

    def test_the_confirmation_screen_is_not_shown_for_a_clashing_parent(self):
        response = self.client.get(self._confirm_url(self.to_area))
        self.assertRedirects(response, reverse("wagtailadmin_pages:move", args=(self.moving.pk,)))

    def test_the_destination_chooser_does_not_offer_a_clashing_parent(self):
        permissions = self.moving.permissions_for_user(self.admin)
        assert not permissions.can_move_to(self.to_area)
        assert not self.moving.can_move_to(self.to_area)

    def test_moving_into_a_parent_without_that_key_stage_works(self):
        _stage(self.to_area, "ks2").delete()

        response = self.client.post(self._confirm_url(self.to_area))

        self.assertRedirects(response, reverse("wagtailadmin_explore", args=(self.to_area.pk,)))
        self.moving.refresh_from_db()
        assert self.moving.get_parent().pk == self.to_area.pk
        assert self.moving.url_path.startswith(self.to_area.url_path)
        assert not KeyStagePage.objects.child_of(self.from_area).filter(key_stage="ks2").exists()

    def test_reordering_among_its_own_siblings_is_still_allowed(self):
        assert self.moving.can_move_to(self.from_area)

    def test_a_move_in_code_with_a_user_is_refused_too(self):
        with pytest.raises(MovePagePermissionError):
            self.moving.move(self.to_area, pos="last-child", user=self.admin)
        self.moving.refresh_from_db()
        assert self.moving.get_parent().pk == self.from_area.pk


class ModelRuleTests(WagtailPageTestCase):
    def setUp(self):
        self.area = NeedAreaPage.objects.get(need_area="cognition_learning")

    def test_clean_refuses_a_second_key_stage_of_the_same_kind(self):
        page = _stage(self.area, "ks1")
        page.key_stage = "ks2"
        with pytest.raises(ValidationError) as refused:
            page.clean()
        assert "already covers Key Stage 2 here" in str(refused.value.message_dict["key_stage"])

    def test_clean_accepts_a_page_keeping_its_own_value(self):
        _stage(self.area, "ks2").clean()

    def test_a_published_duplicate_created_in_code_is_refused(self):
        with pytest.raises(ValidationError):
            self.area.add_child(instance=KeyStagePage(title="Another KS2", slug="another-ks2", key_stage="ks2"))
        assert KeyStagePage.objects.child_of(self.area).filter(key_stage="ks2").count() == 1

    def test_a_draft_duplicate_created_in_code_is_refused(self):
        draft = KeyStagePage(title="Draft KS2", slug="draft-ks2", key_stage="ks2", live=False)
        with pytest.raises(ValidationError):
            self.area.add_child(instance=draft)
        assert KeyStagePage.objects.child_of(self.area).filter(key_stage="ks2").count() == 1
