"""Fast string matching shared by every layer: alternations and tries, the word index,
backward searches."""
