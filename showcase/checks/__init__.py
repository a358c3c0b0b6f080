"""The checks that gate a build: the personal-data scan and its deny-list, internal links and
anchors, and the suppression of small counts in results. They read content; they write nothing
to the site."""
