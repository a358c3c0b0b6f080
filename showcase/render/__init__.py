"""Rendering the site: Jinja pages from the content model, Markdown, the results chart, content
and share images, feeds and sitemap, the static assets and the Pagefind search index."""
