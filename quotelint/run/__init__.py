"""Running the checks: the linter, parallel runs, suppressions, fixes and the files to lint."""
