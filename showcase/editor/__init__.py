"""Editing in the browser: Decap CMS at /admin/, configured from the content types'
declaration, with the build's verdict on the entry being edited beside it. Served by the live
preview (`build.py edit`); Decap's own files come straight from node_modules, never into site/."""
