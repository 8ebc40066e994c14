"""A link to another toolkit page, checked against the reader's access when rendered."""

from wagtail import blocks

from send_toolkit.access.visibility import can_view_page


class ToolkitLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    label = blocks.CharBlock(max_length=200, required=False, help_text="Defaults to the page title.")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "link"
        label = "Link to a toolkit page"
        template = "send_toolkit/blocks/toolkit_link.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        page = value.get("page")
        # A private page's title must never reach someone who may not open it.
        context["visible_page"] = page.specific if page and can_view_page(request, page) else None
        return context
