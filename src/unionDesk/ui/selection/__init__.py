"""The 评选 pages: programs, candidates, review rounds, the reviewer screen, results, publicity."""
