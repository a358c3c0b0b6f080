"""The commands around the build: the command line, the live preview, `new` (scaffolding) and
the terminal reporter. The only layer that talks to a person; everything below returns values
or raises."""
