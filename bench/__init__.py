"""The benchmark: a generated corpus built by us and by Hugo, Pelican and MkDocs (`make bench`)."""
