"""What every stage shares: errors with positions, messages in the editor's language, the
project's folders, atomic file writes and the process pool. Imports nothing else of ours."""
