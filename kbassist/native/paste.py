"""Pasting a script into the agent's chat window: clipboard, focus, keys and restore as a QTimer state machine."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from kbassist.native.base import KeySender, PasteMode, PasteOutcome, WindowRef, WindowSystem
from kbassist.native.clipboard import ClipboardKeeper, ClipboardSnapshot

log = logging.getLogger("kbassist.native")

MSG_PASTED = "已粘贴"
MSG_SENT = "已粘贴并发送"
MSG_COPIED = "已复制"
MSG_MANUAL = "已复制，请手动粘贴"


class _State(Enum):
    ACTIVATING = "activating"  # waiting for the target window to become active
    RELEASING = "releasing"  # waiting for the user to let go of the hotkey's modifiers
    SENDING = "sending"  # paste chord sent, Return still to come (paste-and-send)
    RESTORING = "restoring"  # keys sent, waiting restore_delay_ms before putting the old clipboard back
    FINISHING = "finishing"  # outcome decided, emitted on the next event-loop turn


@dataclass
class _Job:
    text: str
    target: WindowRef | None
    mode: PasteMode
    chord: str
    state: _State = _State.ACTIVATING
    keys_sent: bool = False
    outcome: PasteOutcome | None = None
    message: str = ""


class Paster(QObject):
    """One paste at a time; `paste` returns at once, `finished(outcome, message)` follows.

    The GUI thread never sleeps here: on X11 the clipboard is served by this process's event loop, so a
    blocking wait after Ctrl+V would deadlock against the target asking us for the text.
    """

    finished = Signal(object, str)

    POLL_MS = 10
    # Between the paste chord and Return: the target must fetch the clipboard before Return sends the message.
    SEND_DELAY_MS = 120
    MODIFIER_TIMEOUT_MS = 3000

    def __init__(
        self,
        windows: WindowSystem,
        keys: KeySender,
        *,
        restore_clipboard: bool = True,
        restore_delay_ms: int = 300,
        activate_timeout_ms: int = 800,
        clipboard: ClipboardKeeper | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._windows = windows
        self._keys = keys
        self._clipboard = clipboard if clipboard is not None else ClipboardKeeper()
        self.restore_clipboard = restore_clipboard
        self.restore_delay_ms = restore_delay_ms
        self.activate_timeout_ms = activate_timeout_ms
        self._job: _Job | None = None
        # The agent's clipboard from before our text replaced it; survives a FOCUS_LOST (our text stays
        # for a manual paste) so the next paste still restores the agent's content, not our own text.
        self._original: ClipboardSnapshot | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self._clock = QElapsedTimer()
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._on_delay)
        self._delay_action: Callable[[], None] | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def paste(
        self,
        text: str,
        html: str | None,
        target: WindowRef | None,
        mode: PasteMode | str = PasteMode.PASTE,
        chord: str = "ctrl+v",
    ) -> None:
        mode = PasteMode(mode)
        if self._job is not None:
            self._supersede()
        original = self._original_clipboard()
        self._clipboard.set_text(text, html or None)
        job = _Job(text, target, mode, chord)
        self._job = job
        if mode is PasteMode.COPY_ONLY:
            # The agent asked for the script on the clipboard: there is nothing to restore.
            self._original = None
            self._conclude(PasteOutcome.COPIED, MSG_COPIED)
            return
        self._original = original
        try:
            if target is None or not self._windows.exists(target):
                self._conclude(PasteOutcome.FOCUS_LOST, MSG_MANUAL)
                return
            if not self._windows.is_active(target):
                self._windows.request_activate(target)
        except Exception as exc:  # a backend error must not escape into the UI
            log.warning("paste failed: %s", exc, exc_info=True)
            self._fail(exc)
            return
        job.state = _State.ACTIVATING
        self._clock.start()
        self._poll.start()
        # First check on the next event-loop turn, not inside this call: the overlay's hide must reach the
        # window system before any key is sent, or the keys could land in the overlay.
        self._after(0, self._on_poll)

    def _original_clipboard(self) -> ClipboardSnapshot:
        """The clipboard to restore later: the pending original while our previous text is still there."""
        if self._original is not None and self._clipboard.holds_ours():
            return self._original
        return self._clipboard.snapshot()

    def _supersede(self) -> None:
        """A new paste while one is running: finish the old one now; its original clipboard carries over."""
        job = self._job
        assert job is not None
        self._poll.stop()
        self._delay.stop()
        self._delay_action = None
        if job.outcome is not None:
            outcome, message = job.outcome, job.message
        elif job.keys_sent:
            outcome, message = PasteOutcome.PASTED, MSG_PASTED
        else:
            outcome, message = PasteOutcome.FAILED, "被新的粘贴取代 (superseded by a new paste)"
        self._job = None
        self.finished.emit(outcome, message)

    def _on_poll(self) -> None:
        job = self._job
        if job is None or job.target is None:
            self._poll.stop()
            return
        try:
            if job.state is _State.ACTIVATING:
                if self._windows.is_active(job.target):
                    job.state = _State.RELEASING
                    self._clock.start()
                elif self._clock.elapsed() > self.activate_timeout_ms or not self._windows.exists(job.target):
                    log.info("target window not activated within %d ms", self.activate_timeout_ms)
                    self._conclude(PasteOutcome.FOCUS_LOST, MSG_MANUAL)
                    return
                else:
                    return
            if job.state is _State.RELEASING:
                # Sending Ctrl+V while the user still holds the hotkey's Alt would type Ctrl+Alt+V.
                if self._keys.modifiers_down():
                    if self._clock.elapsed() > self.MODIFIER_TIMEOUT_MS:
                        self._conclude(PasteOutcome.FOCUS_LOST, MSG_MANUAL)
                    return
                self._poll.stop()
                self._send(job)
        except Exception as exc:  # a backend error must not leave the paster stuck
            log.warning("paste failed: %s", exc, exc_info=True)
            self._fail(exc)

    def _send(self, job: _Job) -> None:
        assert job.target is not None
        if not self._windows.is_active(job.target):
            # The agent clicked elsewhere in the meantime: keys would land in the wrong window.
            self._conclude(PasteOutcome.FOCUS_LOST, MSG_MANUAL)
            return
        self._keys.send_chord(job.chord)
        job.keys_sent = True
        if job.mode is PasteMode.PASTE_AND_SEND:
            job.state = _State.SENDING
            self._after(self.SEND_DELAY_MS, self._send_return)
        else:
            self._pasted(MSG_PASTED)

    def _send_return(self) -> None:
        job = self._job
        if job is None:
            return
        try:
            self._keys.send_chord("return")
        except Exception as exc:
            log.warning("sending Return failed: %s", exc)
            self._fail(exc)
            return
        self._pasted(MSG_SENT)

    def _pasted(self, message: str) -> None:
        job = self._job
        assert job is not None
        original = self._original
        if not self.restore_clipboard or original is None:
            self._original = None
            self._conclude(PasteOutcome.PASTED, message)
            return
        job.state = _State.RESTORING
        job.outcome, job.message = PasteOutcome.PASTED, message

        def restore() -> None:
            self._clipboard.restore_if_ours(original)
            self._original = None
            self._emit_current()

        # The target reads the clipboard asynchronously after Ctrl+V; restoring too early pastes the old content.
        self._after(self.restore_delay_ms, restore)

    def _fail(self, exc: Exception) -> None:
        """Keys could not be sent: give the agent's clipboard back at once, it is theirs."""
        self._poll.stop()
        if self._original is not None:
            self._clipboard.restore_if_ours(self._original)
            self._original = None
        self._conclude(PasteOutcome.FAILED, f"粘贴失败 (paste failed): {exc}")

    def _conclude(self, outcome: PasteOutcome, message: str) -> None:
        """Decide the outcome now, emit it on the next event-loop turn so paste() always returns first."""
        job = self._job
        assert job is not None
        self._poll.stop()
        job.state = _State.FINISHING
        job.outcome, job.message = outcome, message
        self._after(0, self._emit_current)

    def _emit_current(self) -> None:
        job = self._job
        if job is None or job.outcome is None:
            return
        self._job = None
        log.debug("paste %s: %s", job.outcome.value, job.message)
        self.finished.emit(job.outcome, job.message)

    def _after(self, ms: int, action: Callable[[], None]) -> None:
        self._delay_action = action
        self._delay.start(max(0, ms))

    def _on_delay(self) -> None:
        action, self._delay_action = self._delay_action, None
        if action is not None:
            action()
