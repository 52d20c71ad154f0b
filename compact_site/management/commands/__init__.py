"""The site's ``manage.py`` commands: ``demo_data`` loads the Northbrook demo; ``backup`` and ``restore``
copy the database out and put it back."""
