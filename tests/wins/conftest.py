import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a fresh folder for each test, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = "https://compact.example.org"
    return settings.MEDIA_ROOT
