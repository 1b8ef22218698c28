"""The settings window: edits a copy of Settings; locked (team) values are shown greyed with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kbassist import settings as settings_mod
from kbassist.native.chords import chord_from_qkeysequence, chord_to_qkeysequence, parse_chord, validate_hotkey
from kbassist.settings import PASTE_CHORDS, PASTE_MODES, Settings
from kbassist.ui.i18n import LANGUAGE_NAMES, Texts
from kbassist.ui.tray import app_icon


def chord_to_qt(chord: str) -> str:
    """"ctrl+alt+k" -> "Ctrl+Alt+K" for QKeySequence; "" when the stored chord is not one."""
    try:
        return chord_to_qkeysequence(chord)
    except ValueError:
        return ""


class SettingsDialog(QDialog):
    """Edits settings. `result_settings()` gives the edited copy after accept()."""

    def __init__(
        self,
        current: Settings,
        texts: Texts,
        locked: dict[str, str] | None = None,
        hotkey_error: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.texts = texts
        self.locked = dict(locked or {})
        self._original = current
        self._result: Settings | None = None
        t = texts
        self.setObjectName("kbassist-settings")
        self.setWindowTitle(t("settings_title"))
        self.setWindowIcon(app_icon())

        self.hotkey = QKeySequenceEdit(self)
        self.hotkey.setObjectName("hotkey")
        self.hotkey.setMaximumSequenceLength(1)
        self.hotkey.setKeySequence(QKeySequence.fromString(chord_to_qt(current.hotkey), QKeySequence.SequenceFormat.PortableText))
        self.hotkey_status = QLabel(self)
        self.hotkey_status.setObjectName("hotkey-status")
        self.hotkey_status.setStyleSheet("color:#c92a2a")
        self.hotkey_status.setWordWrap(True)
        self.set_hotkey_error(hotkey_error)

        self.kb_path = QLineEdit(current.kb_path, self)
        self.kb_path.setObjectName("kb_path")
        self.kb_path.setPlaceholderText(t("s_kb_default"))
        browse = QPushButton(t("s_browse"), self)
        browse.clicked.connect(self._browse)
        kb_row = QHBoxLayout()
        kb_row.addWidget(self.kb_path, 1)
        kb_row.addWidget(browse)
        self._browse_button = browse

        self.paste_mode = QComboBox(self)
        for mode in PASTE_MODES:
            self.paste_mode.addItem(t(f"s_mode_{mode}"), mode)
        self.paste_mode.setCurrentIndex(PASTE_MODES.index(current.paste_mode))
        self.paste_chord = QComboBox(self)
        for chord in PASTE_CHORDS:
            self.paste_chord.addItem(chord_to_qt(chord), chord)
        self.paste_chord.setCurrentIndex(PASTE_CHORDS.index(current.paste_chord))
        self.paste_html = QCheckBox(t("s_paste_html"), self)
        self.paste_html.setChecked(current.paste_html)
        self.restore_clipboard = QCheckBox(t("s_restore_clipboard"), self)
        self.restore_clipboard.setChecked(current.restore_clipboard)
        self.restore_delay_ms = QSpinBox(self)
        self.restore_delay_ms.setRange(0, 10_000)
        self.restore_delay_ms.setSingleStep(50)
        self.restore_delay_ms.setValue(current.restore_delay_ms)
        self.agent_name = QLineEdit(current.agent_name, self)
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGE_NAMES).index(current.language))
        self.autostart = QCheckBox(t("s_autostart"), self)
        self.autostart.setChecked(current.autostart)
        self.usage_logging = QCheckBox(t("s_usage_logging"), self)
        self.usage_logging.setChecked(current.usage_logging)
        self.usage_masking = QCheckBox(t("s_usage_masking"), self)
        self.usage_masking.setChecked(current.usage_masking)
        self.usage_retention_days = QSpinBox(self)
        self.usage_retention_days.setRange(1, 3650)
        self.usage_retention_days.setValue(current.usage_retention_days)
        self.usage_ranking = QCheckBox(t("s_usage_ranking"), self)
        self.usage_ranking.setChecked(current.usage_ranking)

        self.widgets: dict[str, QWidget] = {
            "hotkey": self.hotkey,
            "kb_path": self.kb_path,
            "paste_mode": self.paste_mode,
            "paste_chord": self.paste_chord,
            "paste_html": self.paste_html,
            "restore_clipboard": self.restore_clipboard,
            "restore_delay_ms": self.restore_delay_ms,
            "agent_name": self.agent_name,
            "language": self.language,
            "autostart": self.autostart,
            "usage_logging": self.usage_logging,
            "usage_masking": self.usage_masking,
            "usage_retention_days": self.usage_retention_days,
            "usage_ranking": self.usage_ranking,
        }
        for name, widget in self.widgets.items():
            widget.setObjectName(name)

        form = QFormLayout()
        hotkey_box = QVBoxLayout()
        hotkey_box.addWidget(self.hotkey)
        hotkey_box.addWidget(self.hotkey_status)
        form.addRow(t("s_hotkey"), hotkey_box)
        form.addRow(t("s_kb_path"), kb_row)
        form.addRow(t("s_paste_mode"), self.paste_mode)
        form.addRow(t("s_paste_chord"), self.paste_chord)
        form.addRow("", self.paste_html)
        form.addRow("", self.restore_clipboard)
        form.addRow(t("s_restore_delay_ms"), self.restore_delay_ms)
        form.addRow(t("s_agent_name"), self.agent_name)
        form.addRow(t("s_language"), self.language)
        form.addRow("", self.autostart)
        form.addRow("", self.usage_logging)
        form.addRow("", self.usage_masking)
        form.addRow(t("s_usage_retention_days"), self.usage_retention_days)
        form.addRow("", self.usage_ranking)

        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color:#c92a2a")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        for key, reason in self.locked.items():
            widget = self.widgets.get(key)
            if widget is not None:
                widget.setEnabled(False)
                widget.setToolTip(t("s_locked", reason=reason))
                if key == "kb_path":
                    self._browse_button.setEnabled(False)

    def set_hotkey_error(self, reason: str | None) -> None:
        self.hotkey_status.setText(self.texts("s_hotkey_error", reason=reason) if reason else "")
        self.hotkey_status.setVisible(bool(reason))

    def _browse(self) -> None:
        start = self.kb_path.text() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.texts("s_kb_path"), start)
        if folder:
            self.kb_path.setText(folder)

    def edited(self) -> Settings:
        """The settings as currently shown in the dialog (locked keys keep their value)."""
        seq = self.hotkey.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        chord = chord_from_qkeysequence(seq) if seq else self._original.hotkey
        new = settings_mod.replace(
            self._original,
            hotkey=chord,
            kb_path=self.kb_path.text().strip(),
            paste_mode=self.paste_mode.currentData(),
            paste_chord=self.paste_chord.currentData(),
            paste_html=self.paste_html.isChecked(),
            restore_clipboard=self.restore_clipboard.isChecked(),
            restore_delay_ms=self.restore_delay_ms.value(),
            agent_name=self.agent_name.text().strip(),
            language=self.language.currentData(),
            autostart=self.autostart.isChecked(),
            usage_logging=self.usage_logging.isChecked(),
            usage_masking=self.usage_masking.isChecked(),
            usage_retention_days=self.usage_retention_days.value(),
            usage_ranking=self.usage_ranking.isChecked(),
        )
        for key in self.locked:
            setattr(new, key, getattr(self._original, key))
        return new

    def accept(self) -> None:
        try:
            new = self.edited()
            if "hotkey" not in self.locked:
                validate_hotkey(parse_chord(new.hotkey))
        except ValueError as exc:  # chord_from_qkeysequence: a key we cannot grab
            self._show_error([f"hotkey: {self.texts('s_hotkey_unsupported')} ({exc})"])
            return
        problems = settings_mod.validate(new)
        if new.kb_path and not Path(new.kb_path).expanduser().is_dir():
            problems.append(f"kb_path = {new.kb_path!r}: 文件夹不存在 (folder not found)")
        if problems:
            self._show_error(problems)
            return
        self._result = new
        super().accept()

    def _show_error(self, problems: list[str]) -> None:
        self.error.setText(self.texts("s_invalid") + "\n" + "\n".join(problems))
        self.error.show()

    def result_settings(self) -> Settings | None:
        return self._result

