"""HTML pages from Jinja templates, shared by the web UI and the static dossier (``narratrace report``)."""
