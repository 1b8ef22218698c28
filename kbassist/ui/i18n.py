"""The user-visible strings of the UI in Chinese (default) and English: a small table instead of .qm files."""

from __future__ import annotations

from typing import Any

_TABLE: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "search": ("搜索", "Search"),
    "search_with_hotkey": ("搜索 ({hotkey})", "Search ({hotkey})"),
    "reindex": ("重新索引", "Rebuild index"),
    "problems": ("知识库问题 ({n})", "KB problems ({n})"),
    "open_kb": ("打开知识库文件夹", "Open KB folder"),
    "settings": ("设置", "Settings"),
    "about": ("关于", "About"),
    "quit": ("退出", "Quit"),
    "tooltip": ("kbassist\n知识库：{kb}\n条目：{n}\n索引：{state}", "kbassist\nKB: {kb}\nEntries: {n}\nIndex: {state}"),
    "state_loading": ("正在建立索引…", "indexing…"),
    "state_ready": ("就绪", "ready"),
    "state_failed": ("失败：{error}", "failed: {error}"),
    "state_unreachable": ("知识库暂时无法访问，正在使用上次的索引", "KB unreachable, using the last index"),
    "kb_unreachable": (
        "知识库暂时无法访问，正在使用上次的索引（{kb}）。恢复后会自动更新。",
        "The knowledge base is unreachable; searching the last index ({kb}). It updates by itself once it is back.",
    ),
    # Window titles other than the overlay's avoid the word "kbassist": tests find the overlay by that name.
    "no_tray_title": ("知识库助手已在后台运行", "KB assistant is running in the background"),
    "no_tray_body": (
        "没有找到系统托盘。按 {hotkey} 或运行 “kbassist show” 打开搜索。",
        "No system tray was found. Press {hotkey} or run “kbassist show” to search.",
    ),
    "hotkey_taken_title": ("快捷键不可用", "Hotkey unavailable"),
    "hotkey_taken_body": (
        "{hotkey} 无法注册（{reason}）。请在“设置”中换一个快捷键；仍可从托盘菜单搜索。",
        "{hotkey} could not be registered ({reason}). Choose another one in Settings; Search in the tray menu still works.",
    ),
    "copied_manual": ("已复制，请手动粘贴", "Copied, please paste manually"),
    "paste_failed": ("粘贴失败：{message}", "Paste failed: {message}"),
    "search_placeholder": ("输入问题、拼音或首字母…", "Type a question, pinyin or initials…"),
    "hint_empty": (
        "输入关键词搜索知识库。↑/↓ 选择，Tab 切换话术，Enter 粘贴，Shift+Enter 仅复制，Esc 关闭。",
        "Type to search. ↑/↓ select, Tab switches script, Enter pastes, Shift+Enter copies, Esc closes.",
    ),
    "no_results": (
        "没有找到“{query}”。试试：拼音（如 kami）、首字母（如 kmwd）、更短的关键词。",
        "Nothing found for “{query}”. Try pinyin (e.g. kami), initials (e.g. kmwd) or a shorter keyword.",
    ),
    "index_loading": ("正在建立索引，请稍候…", "Building the index, please wait…"),
    "index_error": ("知识库无法使用：{error}\n请在“设置”中选择知识库文件夹。", "The knowledge base cannot be used: {error}\nChoose the KB folder in Settings."),
    # Also for keys the team file locks: "invalid" would blame the agent for IT's choice.
    "settings_warnings": ("设置文件中有些项未生效：\n{warnings}", "Some settings were not applied:\n{warnings}"),
    "open_kb_button": ("打开知识库文件夹", "Open KB folder"),
    "no_pasteable": ("此条目没有可粘贴的话术或步骤", "This entry has no script or steps to paste"),
    "tier_2": ("二线", "Tier 2"),
    "form_title": ("填写占位符（Enter 粘贴，Esc 返回）", "Fill in the placeholders (Enter pastes, Esc goes back)"),
    "form_empty": ("有空白字段（红色）。再按一次 Enter 仍然粘贴。", "Some fields are empty (red). Press Enter again to paste anyway."),
    "footer": ("Enter 粘贴 · Shift+Enter 仅复制 · Tab 切换话术 · Alt+1…9 粘贴第 N 条 · Ctrl+E 编辑条目 · Esc 关闭", "Enter paste · Shift+Enter copy · Tab next script · Alt+1…9 paste row N · Ctrl+E edit entry · Esc close"),
    "problems_title": ("知识库问题", "KB problems"),
    "problems_none": ("没有发现问题。", "No problems found."),
    "problems_hint": ("双击打开文件。", "Double-click to open the file."),
    "about_title": ("关于知识库助手", "About KB assistant"),
    "about_body": (
        "kbassist {version}\n\n知识库：{kb}\n索引目录：{index}\n日志目录：{logs}\n设置文件：{settings}",
        "kbassist {version}\n\nKB: {kb}\nIndex: {index}\nLogs: {logs}\nSettings file: {settings}",
    ),
    "settings_title": ("知识库助手设置", "KB assistant settings"),
    "s_hotkey": ("快捷键", "Hotkey"),
    "s_kb_path": ("知识库文件夹", "KB folder"),
    "s_kb_default": ("（内置示例知识库）", "(bundled sample KB)"),
    "s_browse": ("浏览…", "Browse…"),
    "s_paste_mode": ("Enter 的动作", "Enter does"),
    "s_mode_paste": ("粘贴", "paste"),
    "s_mode_paste_and_send": ("粘贴并发送", "paste and send"),
    "s_mode_copy_only": ("仅复制", "copy only"),
    "s_paste_chord": ("粘贴按键", "Paste keys"),
    "s_paste_html": ("粘贴带格式文本 (HTML)", "Paste formatted text (HTML)"),
    "s_restore_clipboard": ("粘贴后恢复剪贴板", "Restore the clipboard after pasting"),
    "s_restore_delay_ms": ("恢复延迟 (毫秒)", "Restore delay (ms)"),
    "s_agent_name": ("客服名 {客服名}", "Agent name {客服名}"),
    "s_language": ("界面语言", "Language"),
    "s_autostart": ("开机自动启动", "Start at login"),
    "s_usage_logging": ("记录使用情况（仅本机）", "Record usage (this computer only)"),
    "s_usage_masking": ("记录时隐藏订单号等数字", "Mask order numbers in the usage log"),
    "s_usage_retention_days": ("使用记录保留天数", "Keep usage records (days)"),
    "s_usage_ranking": ("按使用记录调整排序（短查询）", "Rank results by my usage (short queries)"),
    "usage_unavailable": (
        "使用记录不可用，已停止记录（搜索和粘贴不受影响）：{error}",
        "The usage log cannot be used and is off (search and paste still work): {error}",
    ),
    "tab_problems": ("问题", "Problems"),
    "tab_gaps": ("未命中", "Missed"),
    "gaps_hint": (
        "最近没有结果或未粘贴就关闭的搜索（最新在前）。选中一条，点“新建条目”。",
        "Recent searches with no result or closed without pasting (newest first). Select one and click New entry.",
    ),
    "gaps_none": ("没有未命中的搜索（或未开启使用记录）。", "No missed searches (or usage logging is off)."),
    "gaps_row": ("{query}  ×{count}  {kind}  {when}", "{query}  ×{count}  {kind}  {when}"),
    "gaps_no_result": ("无结果", "no result"),
    "gaps_dismissed": ("未粘贴", "not pasted"),
    "gaps_new_entry": ("新建条目", "New entry"),
    "gaps_new_failed": ("无法新建条目：{error}", "Cannot create the entry: {error}"),
    "s_locked": ("已锁定：{reason}", "Locked: {reason}"),
    "s_hotkey_error": ("当前快捷键不可用：{reason}", "The current hotkey is unavailable: {reason}"),
    "s_invalid": ("设置无效", "Invalid settings"),
    "s_hotkey_unsupported": ("无法识别此快捷键", "This key combination is not supported"),
}

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


class Texts:
    """Looks up UI strings for one language; pass it to the widgets that show text."""

    def __init__(self, language: str = "zh") -> None:
        self.language = language if language in ("zh", "en") else "zh"

    def __call__(self, key: str, **values: Any) -> str:
        zh, en = _TABLE[key]
        text = en if self.language == "en" else zh
        return text.format(**values) if values else text


def keys() -> list[str]:
    return list(_TABLE)
