"""One reader per content type: each module reads and validates the files of one type and
returns its part of the model. `schema.load_content` calls them in order."""
