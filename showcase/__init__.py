"""The Asker velferdslab showcase generator: content/ + templates/ -> site/."""
