"""Browser tests: the built site in Debian Chromium, axe-core and the Nu HTML Checker."""
