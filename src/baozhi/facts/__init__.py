"""Fact extraction from article texts: persons and their titles (职务), reporters, the event
date, documents and meetings (chairs, attendees, observers, documents reviewed), with offsets.

Public API::

    from baozhi.facts import extract_article, merge_page
    facts = extract_article(text, page_date=None, headline="")   # one article
    page = merge_page([facts, ...])                              # page-level union

Conventions: ``../shared/corpus/facts/README.md`` (documented in ``docs/facts.md``).
"""
from .extract import extract_article, merge_page

__all__ = ["extract_article", "merge_page"]
