"""Reading and validating content: strict YAML with line numbers, Markdown front matter,
the reader of each content type (`types/`), and the validated model as frozen dataclasses,
with the address of every item; also what content may put before readers (link addresses,
SVG, image sizes, invisible characters). Imports only `common`."""
