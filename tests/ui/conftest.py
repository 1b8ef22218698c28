"""Widget tests run on Qt's offscreen platform against real KB folders in tmp dirs."""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt creates it lazily in the qapp fixture).
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Mapping  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


MakeKb = Callable[[Mapping[str, str]], Path]

CARD = """---
id: card-not-received
title: 卡密未到账
aliases: [没到账, 没收到卡密]
trigger: kmwd
tier: 一线
---
# 卡密未到账

## 问题
客户付款后没有看到卡密。

## 话术
{用户昵称}您好，您的订单 {订单号} 正在查询，请稍等。我是客服{客服名}。

## 话术：补发后回访
您好，订单已补发，请查收。

## 解决步骤
1. 查询订单状态。
2. 手动发货。
"""

REFUND = """---
id: refund-request
title: 申请退款
aliases: [退钱, 不想要了]
trigger: tk
tier: 二线
---
# 申请退款

## 问题
客户要求退款。

## 话术
您好，退款申请已提交，预计 **1-3 个工作日** 原路退回。
"""


@pytest.fixture
def make_kb(tmp_path: Path) -> MakeKb:
    """Writes files (relative path -> text) into tmp_path/kb and returns the KB root."""
    root = tmp_path / "kb"
    root.mkdir(exist_ok=True)

    def make(files: Mapping[str, str]) -> Path:
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def small_kb(make_kb: MakeKb) -> Path:
    return make_kb({"到账发货/card-not-received.md": CARD, "售后/refund.md": REFUND})


_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Qt warnings fail the widget tests, except the offscreen platform's notes about what it cannot do."""
    for item in items:
        if _HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(r"^This plugin does not support"))
