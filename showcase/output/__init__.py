"""Writing and caching output: staging a new site and swapping it in atomically, the .gz/.br
copies, the web server's headers, and the build manifest that lets an unchanged build stop at
once. Knows files and bytes, not pages."""
