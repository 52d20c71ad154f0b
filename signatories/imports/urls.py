from django.urls import path

from . import views

urlpatterns = [
    path("register/import/", views.import_start, name="import_start"),
    path("register/import/<slug:kind>/", views.import_upload, name="import_upload"),
    path("register/import/<slug:kind>/template.<slug:file_format>", views.import_template, name="import_template"),
    path("register/imports/<uuid:public_id>/", views.import_preview, name="import_preview"),
    path("register/imports/<uuid:public_id>/columns/", views.import_columns, name="import_columns"),
    path("register/imports/<uuid:public_id>/confirm/", views.import_confirm, name="import_confirm"),
    path("register/export/<slug:kind>.<slug:file_format>", views.export, name="export"),
]
