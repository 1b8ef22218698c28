"""Synthetic knowledge bases for benchmarks: realistic-looking Chinese SOP entries from varied vocabulary."""

from __future__ import annotations

import random
from pathlib import Path

GOODS = ["卡密", "点卡", "Q币", "话费", "流量包", "游戏币", "点券", "钻石", "会员", "皮肤", "月卡", "礼包", "充值卡",
         "兑换码", "视频会员", "音乐会员", "网盘会员", "外卖红包", "加油卡", "京东卡", "代金券", "激活码", "账号", "装备"]
PROBLEMS = ["未到账", "到账延迟", "无效", "已被使用", "过期", "发错", "重复扣款", "重复充值", "充错账号", "支付失败",
            "退款", "退款进度", "退款被拒", "被盗", "冻结", "找回", "换绑", "实名认证", "风控拦截", "审核", "缺货",
            "降价补差", "开发票", "区服不对", "停服", "提现", "批量采购", "折扣叠加", "积分兑换", "使用教程"]
PLATFORMS = ["微信", "支付宝", "QQ", "王者荣耀", "和平精英", "原神", "腾讯视频", "爱奇艺", "网易云", "京东", "美团",
             "抖音", "快手", "B站", "Steam", "苹果", "安卓", "移动", "联通", "电信"]
PHRASES = ["客户反馈", "请先核实订单号", "在后台订单管理中查询", "如超过30分钟仍未处理请升级二线", "向客户致歉",
           "引导客户刷新页面", "联系供货商补货", "按流程提交工单", "告知客户预计处理时间", "截图保存凭证",
           "核对支付流水", "确认充值账号", "检查库存", "手动补发", "原路退回", "1-3个工作日到账", "注意保护客户隐私",
           "不要索要支付密码", "安抚客户情绪", "记录处理结果", "回访客户确认"]
SAY = ["您好", "非常抱歉给您带来不便", "我这边马上为您查询", "请您稍等", "已为您处理", "麻烦您提供一下订单号",
       "感谢您的耐心等待", "如有其他问题随时联系我们"]


def make_entry(n: int, rng: random.Random) -> tuple[str, str]:
    goods, problem, platform = rng.choice(GOODS), rng.choice(PROBLEMS), rng.choice(PLATFORMS)
    title = f"{platform}{goods}{problem}"
    aliases = {f"{goods}{problem}", f"{platform}{problem}", f"{goods}没{rng.choice(['到', '收到', '反应'])}",
               f"{rng.choice(PROBLEMS)}怎么办"}
    entry_id = f"e{n:06d}"
    body = "".join(rng.choice(PHRASES) + "，" for _ in range(rng.randint(4, 9)))
    say = "".join(rng.choice(SAY) + "，" for _ in range(rng.randint(3, 6)))
    steps = "\n".join(f"{i}. {rng.choice(PHRASES)}。" for i in range(1, rng.randint(3, 6)))
    text = (
        f"---\nid: {entry_id}\ntitle: {title}\naliases: [{', '.join(sorted(aliases))}]\n"
        f"tags: [{goods}, {problem}]\ntrigger: t{n}\n---\n# {title}\n\n## 问题\n客户说{goods}{problem}，{body}\n\n"
        f"## 话术\n{{用户昵称}}{say}关于{title}的问题{rng.choice(SAY)}。\n\n## 解决步骤\n{steps}\n"
    )
    return f"{rng.choice(PROBLEMS)}/{entry_id}.md", text


def write_kb(root: Path, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    for n in range(count):
        rel, text = make_entry(n, rng)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def queries(seed: int = 11, count: int = 200) -> list[str]:
    """A mixed set: keywords, customer sentences, pinyin, initials, typos, with order numbers."""
    rng = random.Random(seed)
    out = []
    fixed = ["kmwd", "kami meidaozhang", "tuikuan", "zfsb", "huafei", "卡蜜没到", "退款進度", "ＡＰＩ对接",
             "我付了钱怎么还没收到卡密啊？？订单号2024051812000135", "Q币充值", "chongfu koukuan"]
    out.extend(fixed)
    while len(out) < count:
        kind = rng.randrange(4)
        goods, problem, platform = rng.choice(GOODS), rng.choice(PROBLEMS), rng.choice(PLATFORMS)
        if kind == 0:
            out.append(f"{goods}{problem}")
        elif kind == 1:
            out.append(f"你好 我在{platform}买的{goods}{problem}了 怎么办 订单{rng.randint(10**11, 10**12)}")
        elif kind == 2:
            out.append(rng.choice(["kami", "tuikuan", "zhifu", "huiyuan", "chongzhi", "daozhang"]) + " "
                       + rng.choice(["guoqi", "shibai", "yanchi", "jindu", "wuxiao"]))
        else:
            out.append(rng.choice(["kmwd", "tkjd", "zfsb", "cfkk", "hycz", "dkgq", "t123", "t4567"]))
    return out
