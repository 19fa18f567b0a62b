"""layout.joins: where jieba's word list is cached."""


def test_jiebas_cache_goes_to_the_users_cache_directory_not_a_shared_tmp_file(tmp_path, monkeypatch):
    # jieba's default /tmp/jieba.cache, written by another user, could not be replaced: a
    # traceback on stderr in every run (breaker); a per-user place instead
    import os
    import tempfile

    from baozhi.layout.joins import _cache_place

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert _cache_place() == (str(tmp_path / "cache" / "baozhi"), "jieba.cache")
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # no directory can be made there
    assert _cache_place() == (tempfile.gettempdir(), f"jieba.baozhi-{os.getuid()}.cache")
