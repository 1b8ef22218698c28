"""Helpers for the index/search/engine tests: write small SOP files to a KB folder."""

from __future__ import annotations

from pathlib import Path


def entry_text(entry_id: str, title: str, *, aliases: str = "", trigger: str = "", body: str = "") -> str:
    lines = ["---", f"id: {entry_id}", f"title: {title}"]
    if aliases:
        lines.append(f"aliases: [{aliases}]")
    if trigger:
        lines.append(f"trigger: {trigger}")
    lines += ["---", f"# {title}", "", "## 问题", body or f"客户询问{title}。", "", "## 话术",
              f"您好，关于{title}，我来帮您处理。", "", "## 解决步骤", "1. 查询订单。", ""]
    return "\n".join(lines)


def write_entry(root: Path, rel: str, entry_id: str, title: str, **kwargs: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(entry_text(entry_id, title, **kwargs), encoding="utf-8")
    return path


def small_kb(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    write_entry(root, "到账/card-not-received.md", "card-not-received", "卡密未到账",
                aliases="没到账, 没收到卡密", trigger="kmwd", body="客户付款后没看到卡密。")
    write_entry(root, "退款/refund-policy.md", "refund-policy", "退款政策",
                aliases="能退款吗, refund", trigger="tkzc", body="客户想退款。")
    write_entry(root, "账号/password-reset.md", "password-reset", "密码找回",
                aliases="忘记密码, forgot password", trigger="mmzh", body="客户忘了登录密码。")
    return root
