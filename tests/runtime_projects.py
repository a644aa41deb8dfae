"""Small real projects for the runtime-evidence tests, and their failing runs' real output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# A helper three calls away from the crash returns None for a country it does not know.
SHOP = {
    "shop/__init__.py": "",
    "shop/rates.py": (
        "import os\n\nRATES = {'DE': 0.19, 'FR': 0.2}\n\n\n"
        "def lookup(country):\n"
        "    if country in RATES:\n"
        "        return RATES[country]\n"
        "    return None\n\n\n"
        "def rate_for(country):\n"
        "    region = os.environ.get('SHOP_REGION', 'eu')\n"
        "    return lookup(country)\n"
    ),
    "shop/billing.py": (
        "from shop.rates import rate_for\n\n\n"
        "def tax_rate(country):\n"
        "    return rate_for(country)\n\n\n"
        "def describe(amount):\n"
        "    return f'{amount:.2f}'\n\n\n"
        "def total(amount, country):\n"
        "    rate = tax_rate(country)\n"
        "    describe(amount)\n"
        "    return amount + amount * rate.real\n"
    ),
    "tests/__init__.py": "",
    "tests/test_billing.py": (
        "from shop.billing import total\n\n\n"
        "def test_de():\n    assert total(100, 'DE') == 119\n\n\n"
        "def test_fr():\n    assert total(100, 'FR') == 120\n\n\n"
        "def test_at():\n    assert total(100, 'AT') == 120\n"
    ),
    "crash.py": "from shop.billing import total\n\nprint(total(100, 'DE'))\nprint(total(100, 'AT'))\n",
}

# A wrong discount only big orders take: the line that runs in the failing test alone.
DISCOUNT = {
    "cart/__init__.py": "",
    "cart/pricing.py": (
        "def label(amount):\n"
        "    return 'EUR ' + str(amount)\n\n\n"
        "def discount(amount):\n"
        "    if amount > 100:\n"
        "        return amount * 0.8\n"
        "    return amount\n\n\n"
        "def checkout(amount):\n"
        "    label(amount)\n"
        "    return discount(amount)\n"
    ),
    "tests/__init__.py": "",
    "tests/test_cart.py": (
        "from cart.pricing import checkout\n\n\n"
        "def test_small():\n    assert checkout(50) == 50\n\n\n"
        "def test_medium():\n    assert checkout(100) == 100\n\n\n"
        "def test_big():\n    assert checkout(200) == 180\n"
    ),
}

# A token reader returns the token as text; the caller expects bytes.
SECRET = {
    "vault/__init__.py": "",
    "vault/store.py": (
        "def read_token():\n"
        "    return 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'\n\n\n"
        "def header():\n"
        "    token = read_token()\n"
        "    return b'token ' + token.decode()\n"
    ),
    "tests/__init__.py": "",
    "tests/test_store.py": (
        "from vault.store import header\n\n\ndef test_header():\n    assert header()\n"
    ),
}

# A price is wrong; the failing tests compare or raise, and the failure report then calls
# `__repr__` and `__str__`, which no test's own code runs.
REPORTED = {
    "shop/__init__.py": "",
    "shop/money.py": (
        "class Money:\n"
        "    def __init__(self, cents):\n"
        "        self.cents = cents\n\n"
        "    def __eq__(self, other):\n"
        "        return self.cents == other.cents\n\n"
        "    def __repr__(self):\n"
        "        return 'Money(%d)' % self.cents\n\n\n"
        "class PriceError(Exception):\n"
        "    def __init__(self, sku):\n"
        "        self.sku = sku\n\n"
        "    def __str__(self):\n"
        "        return 'no price for ' + self.sku\n\n\n"
        "def price(sku):\n"
        "    if sku == 'c':\n"
        "        raise PriceError(sku)\n"
        "    return Money(250 if sku == 'b' else 100)\n"
    ),
    "tests/__init__.py": "",
    "tests/test_money.py": (
        "import unittest\n\nfrom shop.money import Money, price\n\n\n"
        "def test_a():\n    assert price('a') == Money(100)\n\n\n"
        "def test_b():\n    assert price('b') == Money(200)\n\n\n"
        "def test_c():\n    assert price('c')\n\n\n"
        "class TestMoney(unittest.TestCase):\n"
        "    def test_b(self):\n        self.assertEqual(price('b'), Money(200))\n"
    ),
}


# Repository code that pytest runs outside a test's setup, call and teardown: report hooks.
PHASES = {
    "shop/__init__.py": "",
    "shop/audit.py": (
        "def opened():\n    return 'open'\n\n\n"
        "def closed():\n    return 'closed'\n\n\n"
        "def reported(outcome):\n    return outcome\n\n\n"
        "def summary():\n    return 'summary'\n"
    ),
    "conftest.py": (
        "import pytest\n\nfrom shop import audit\n\n\n"
        "@pytest.fixture\ndef ledger():\n    audit.opened()\n    yield 'ledger'\n"
        "    audit.closed()\n\n\n"
        "def pytest_runtest_logreport(report):\n    audit.reported(report.outcome)\n\n\n"
        "def pytest_terminal_summary(terminalreporter):\n    audit.summary()\n"
    ),
    "tests/__init__.py": "",
    "tests/test_shop.py": (
        "from shop.audit import opened\n\n\n"
        "def test_ok(ledger):\n    assert opened() == 'open'\n\n\n"
        "def test_bad(ledger):\n    assert ledger == 'books'\n"
    ),
}

# A generator and a coroutine: their yields and awaits are not returns.
SUSPENDS = {
    "shop/__init__.py": "",
    "shop/stream.py": (
        "import asyncio\n\n\n"
        "def numbers():\n    yield 1\n    yield 2\n\n\n"
        "async def fetch():\n    await asyncio.sleep(0)\n    await asyncio.sleep(0)\n"
        "    return 7\n"
    ),
    "tests/__init__.py": "",
    "tests/test_stream.py": (
        "import asyncio\n\nfrom shop.stream import fetch, numbers\n\n\n"
        "def test_total():\n    assert sum(numbers()) + asyncio.run(fetch()) == 11\n"
    ),
}


def make(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def failing_output(root: Path, *args: str) -> str:
    """The real output of the failing command (a trace is made by running its project)."""
    proc = subprocess.run(
        [sys.executable, *args], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode != 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr
