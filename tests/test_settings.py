"""Settings: validation per key, unparsable files, team layer with locks, atomic save and round trip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kbassist import settings as s
from kbassist.settings import Settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings, warnings = s.load(tmp_path / "settings.toml")
    assert settings == Settings()
    assert warnings == []


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.toml"
    original = Settings(
        hotkey="ctrl+shift+space",
        kb_path="/srv/kb 知识库",
        paste_mode="paste_and_send",
        paste_chord="shift+insert",
        paste_html=True,
        restore_clipboard=False,
        restore_delay_ms=500,
        agent_name="小王",
        language="en",
        autostart=True,
        usage_logging=False,
        usage_masking=False,
        usage_retention_days=30,
    )
    s.save(original, path)
    loaded, warnings = s.load(path)
    assert warnings == []
    assert loaded == original


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('hotkey = "ctrl+alt+"', "hotkey"),
        ('hotkey = "Ctrl+Alt+K"', "hotkey"),
        ('hotkey = "ctrl+ctrl"', "hotkey"),
        ('paste_mode = "type"', "paste_mode"),
        ('paste_chord = "ctrl+shift+v"', "paste_chord"),
        ("paste_html = 1", "paste_html"),
        ('restore_delay_ms = "300"', "restore_delay_ms"),
        ("restore_delay_ms = -5", "restore_delay_ms"),
        ("restore_delay_ms = true", "restore_delay_ms"),
        ('language = "fr"', "language"),
        ("agent_name = 5", "agent_name"),
        ("usage_retention_days = 0", "usage_retention_days"),
    ],
)
def test_bad_value_falls_back_for_that_key_only(tmp_path: Path, line: str, key: str) -> None:
    prefix = 'agent_name = "小李"\n' if key != "agent_name" else ""
    path = write(tmp_path / "settings.toml", f"{prefix}{line}\n")
    settings, warnings = s.load(path)
    assert getattr(settings, key) == getattr(Settings(), key)
    assert any(key in w and str(path) in w for w in warnings), warnings
    if key != "agent_name":
        assert settings.agent_name == "小李"  # the rest of the file still counts


def test_unknown_keys_are_reported_and_kept_on_save(tmp_path: Path) -> None:
    path = write(tmp_path / "settings.toml", 'agent_name = "A"\nfuture_option = [1, 2]\n')
    settings, warnings = s.load(path)
    assert any("future_option" in w for w in warnings)
    s.save(s.replace(settings, agent_name="B"), path)
    again, _ = s.load(path)
    assert again.agent_name == "B"
    assert again.extra == {"future_option": [1, 2]}


def test_unparsable_file_gives_defaults_and_is_kept_until_save(tmp_path: Path) -> None:
    broken = 'hotkey = "ctrl+alt+k\nagent_name = [\n'
    path = write(tmp_path / "settings.toml", broken)
    settings, warnings = s.load(path)
    assert settings == Settings()
    assert len(warnings) == 1 and str(path) in warnings[0] and "TOML" in warnings[0]
    assert path.read_text(encoding="utf-8") == broken  # loading never rewrites it
    s.save(Settings(agent_name="新"), path)
    assert (tmp_path / "settings.toml.bak").read_text(encoding="utf-8") == broken
    assert s.load(path)[0].agent_name == "新"


def test_not_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes('agent_name = "王"\n'.encode("gbk"))
    settings, warnings = s.load(path)
    assert settings == Settings() and "UTF-8" in warnings[0]


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.toml"
    s.save(Settings(agent_name="旧"), path)

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        s.save(Settings(agent_name="新"), path)
    monkeypatch.undo()
    assert s.load(path)[0].agent_name == "旧"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]  # no temp file left behind


def test_team_layer_locks_keys(tmp_path: Path) -> None:
    team = write(
        tmp_path / "kbassist.toml",
        'kb_path = "//server/kb"\nhotkey = "f8"\nlocked = ["kb_path", "nope"]\nlock_reason = "由组长统一配置"\n',
    )
    user = write(tmp_path / "user" / "settings.toml", 'kb_path = "/home/me/kb"\nhotkey = "f9"\n')
    settings, warnings, locked = s.load_layers([team, user])
    assert settings.kb_path == "//server/kb"  # locked: the user file cannot change it
    assert settings.hotkey == "f9"  # not locked: the user file wins over the team default
    assert locked == {"kb_path": "由组长统一配置"}
    assert any("nope" in w for w in warnings)
    assert any("kb_path" in w and "locked" in w for w in warnings)


def test_team_file_lookup(tmp_path: Path) -> None:
    assert s.team_file(None, env={}) is None
    assert s.team_file(tmp_path) is None
    write(tmp_path / "kbassist.toml", "")
    assert s.team_file(tmp_path) == tmp_path / "kbassist.toml"


def test_team_file_from_source_comes_from_the_environment(tmp_path: Path) -> None:
    named = tmp_path / "team.toml"
    assert s.team_file(None, env={"KBASSIST_TEAM_FILE": str(named)}) == named
    assert s.team_file(None, env={"KBASSIST_TEAM_FILE": "  "}) is None
    # The frozen app looks only next to its exe: an agent's environment variable cannot swap the file that locks keys.
    assert s.team_file(tmp_path, env={"KBASSIST_TEAM_FILE": str(named)}) is None


@pytest.mark.parametrize("chord", ["ctrl+alt+k", "f8", "ctrl+shift+space", "alt+1", "super+f12"])
def test_valid_chords(chord: str) -> None:
    assert s.valid_chord(chord)


@pytest.mark.parametrize("chord", ["", "ctrl", "ctrl+", "Ctrl+K", "ctrl+alt+k ", "k+ctrl", "ctrl+ctrl+k"])
def test_invalid_chords(chord: str) -> None:
    assert not s.valid_chord(chord)


def test_validate_lists_every_bad_value() -> None:
    bad = Settings(paste_mode="x", language="de")
    problems = s.validate(bad)
    assert len(problems) == 2 and problems[0].startswith("paste_mode")


def test_locked_keys_are_not_written_to_the_user_file(tmp_path: Path) -> None:
    team = write(tmp_path / "kbassist.toml", 'kb_path = "//server/kb"\nlocked = ["kb_path"]\n')
    user = tmp_path / "user" / "settings.toml"
    settings, _, locked = s.load_layers([team, user])
    s.save(s.replace(settings, agent_name="小王"), user, exclude=locked)
    text = user.read_text(encoding="utf-8")
    assert "kb_path" not in text and "小王" in text
    again, warnings, _ = s.load_layers([team, user])
    assert again.kb_path == "//server/kb" and again.agent_name == "小王" and warnings == []


def test_usage_ranking_setting(tmp_path: Path) -> None:
    assert Settings().usage_ranking is True
    path = tmp_path / "settings.toml"
    path.write_text("usage_ranking = false\n", encoding="utf-8")
    loaded, warnings = s.load(path)
    assert loaded.usage_ranking is False and warnings == []
    s.save(s.replace(loaded, usage_ranking=True), path)
    assert s.load(path)[0].usage_ranking is True
    path.write_text('usage_ranking = "yes"\n', encoding="utf-8")
    loaded, warnings = s.load(path)
    assert loaded.usage_ranking is True and "usage_ranking" in warnings[0]
