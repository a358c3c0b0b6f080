"""Writing and caching output: staging a new site and swapping it in atomically, the .gz/.br
copies, the web server's headers, the build manifest that lets an unchanged build stop at once,
and the releases on the web server (upload, switch, roll back). Knows files and bytes, not
pages."""
