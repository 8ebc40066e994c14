"""The provision map's front-end URLs, included by ``send_toolkit.urls`` under ``tools/provision-maps/``.

Every URL here belongs to the "provision map" channel (``channels.py`` reads this list), so a new screen
is in the register and the leak matrix the moment it is added.
"""

from __future__ import annotations

from django.urls import path

from send_toolkit.tools.provision_map.views import colleagues, exports, maps, pupil, rows

urlpatterns: list = [
    path("", maps.map_list, name="provision_maps"),
    path("<int:pk>/", maps.map_detail, name="provision_map"),
    path("<int:pk>/settings/", maps.map_settings, name="provision_map_settings"),
    path("<int:pk>/archive/", maps.map_archive, name="provision_map_archive"),
    path("<int:pk>/delete/", maps.map_delete, name="provision_map_delete"),
    path("<int:pk>/copy/", maps.map_copy, name="provision_map_copy"),
    path("<int:pk>/sharing/", colleagues.sharing, name="provision_map_sharing"),
    path("<int:pk>/rows/add/", rows.add_row, name="provision_map_add_row"),
    path("<int:pk>/rows/<int:row_id>/", rows.edit_row, name="provision_map_edit_row"),
    path("<int:pk>/rows/<int:row_id>/delete/", rows.delete_row, name="provision_map_delete_row"),
    path("<int:pk>/export/csv/", exports.map_csv, name="provision_map_csv"),
    path("<int:pk>/export/xlsx/", exports.map_xlsx, name="provision_map_xlsx"),
    path("<int:pk>/print/", exports.map_print, name="provision_map_print"),
    # One pupil's costed provision: worked out from the POST and handed back, never stored.
    path("<int:pk>/pupil/", pupil.pupil_provision, name="provision_map_pupil"),
]
