import pytest

from narratrace.config import Settings, load_settings
from narratrace.errors import NarratraceError


def test_defaults_then_file_then_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for var in ("NARRATRACE_CONFIG", "NARRATRACE_DB", "NARRATRACE_BATCH_SIZE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert load_settings() == Settings()
    (tmp_path / "narratrace.toml").write_text('db = "from-file.db"\nbatch_size = 8\n')
    assert load_settings().db == "from-file.db" and load_settings().batch_size == 8
    monkeypatch.setenv("NARRATRACE_DB", "from-env.db")
    assert load_settings().db == "from-env.db" and load_settings().batch_size == 8


def test_bad_settings_name_the_file(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text('colour = "red"\n')
    monkeypatch.setenv("NARRATRACE_CONFIG", str(cfg))
    with pytest.raises(NarratraceError, match="unknown setting"):
        load_settings()
    cfg.write_text('batch_size = "many"\n')
    with pytest.raises(NarratraceError, match="batch_size"):
        load_settings()
