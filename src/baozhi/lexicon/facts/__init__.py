"""Word lists for fact extraction (surnames, posts, meeting kinds ...); see each file's header."""
