"""The settings window: shows values, returns edited settings, refuses bad ones, greys locked keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from kbassist.settings import Settings
from kbassist.ui.i18n import Texts
from kbassist.ui.settings_dialog import SettingsDialog


def make(qtbot: QtBot, settings: Settings, **kw: object) -> SettingsDialog:
    dialog = SettingsDialog(settings, Texts("zh"), **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def test_shows_current_values(qtbot: QtBot) -> None:
    d = make(qtbot, Settings(hotkey="ctrl+shift+space", paste_mode="copy_only", agent_name="小王", language="en"))
    assert d.hotkey.keySequence().toString(QKeySequence.SequenceFormat.PortableText) == "Ctrl+Shift+Space"
    assert d.paste_mode.currentData() == "copy_only"
    assert d.agent_name.text() == "小王"
    assert d.language.currentData() == "en"


def test_edits_come_back_as_settings(qtbot: QtBot, tmp_path: Path) -> None:
    d = make(qtbot, Settings())
    d.hotkey.setKeySequence(QKeySequence("Ctrl+Alt+J"))
    d.kb_path.setText(str(tmp_path))
    d.paste_chord.setCurrentIndex(1)
    d.paste_html.setChecked(True)
    d.restore_delay_ms.setValue(800)
    d.agent_name.setText("  小李 ")
    d.language.setCurrentIndex(1)
    d.usage_retention_days.setValue(7)
    d.accept()
    result = d.result_settings()
    assert result == Settings(
        hotkey="ctrl+alt+j",
        kb_path=str(tmp_path),
        paste_chord="shift+insert",
        paste_html=True,
        restore_delay_ms=800,
        agent_name="小李",
        language="en",
        usage_retention_days=7,
    )


def test_hotkey_captured_from_key_presses(qtbot: QtBot) -> None:
    d = make(qtbot, Settings())
    d.hotkey.clear()
    qtbot.keyClick(d.hotkey, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier)
    assert d.edited().hotkey == "ctrl+f9"


def test_missing_kb_folder_and_bare_letter_hotkey_are_refused(qtbot: QtBot, tmp_path: Path) -> None:
    d = make(qtbot, Settings())
    d.kb_path.setText(str(tmp_path / "nope"))
    d.accept()
    assert d.result_settings() is None
    assert "kb_path" in d.error.text()
    d.kb_path.setText("")
    d.hotkey.setKeySequence(QKeySequence("K"))
    d.accept()
    assert d.result_settings() is None
    assert "hotkey" in d.error.text()


def test_locked_keys_are_greyed_with_reason_and_kept(qtbot: QtBot, tmp_path: Path) -> None:
    d = make(qtbot, Settings(kb_path=str(tmp_path)), locked={"kb_path": "由组长统一配置"})
    assert not d.kb_path.isEnabled()
    assert "由组长统一配置" in d.kb_path.toolTip()
    d.kb_path.setText("/elsewhere")
    d.accept()
    assert d.result_settings().kb_path == str(tmp_path)


def test_hotkey_error_is_shown(qtbot: QtBot) -> None:
    d = make(qtbot, Settings(), hotkey_error="taken: already grabbed")
    assert d.hotkey_status.isVisibleTo(d)
    assert "taken" in d.hotkey_status.text()
    assert not make(qtbot, Settings()).hotkey_status.isVisibleTo(d)


def test_usage_options(qtbot: QtBot) -> None:
    d = make(qtbot, Settings(usage_ranking=False, usage_logging=False))
    assert not d.usage_ranking.isChecked() and not d.usage_logging.isChecked()
    d.usage_ranking.setChecked(True)
    d.usage_masking.setChecked(False)
    d.accept()
    result = d.result_settings()
    assert result is not None
    assert (result.usage_ranking, result.usage_logging, result.usage_masking) == (True, False, False)


def test_locked_usage_ranking_is_kept(qtbot: QtBot) -> None:
    d = make(qtbot, Settings(usage_ranking=False), locked={"usage_ranking": "团队统一"})
    assert not d.usage_ranking.isEnabled()
    d.usage_ranking.setChecked(True)
    d.accept()
    assert d.result_settings().usage_ranking is False
