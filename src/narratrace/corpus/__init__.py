"""Analyses across articles: reuse, recurrence, timelines, outcomes."""
