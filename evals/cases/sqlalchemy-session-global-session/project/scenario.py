"""Support's reproduction: the dashboard polls balances, then finance uploads a statement."""

from fastapi.testclient import TestClient

from ledger.main import create_app

client = TestClient(create_app())
print("balances:", client.get("/balances").json(), flush=True)
rows = [
    {"date": "2024-06-03", "account": "4000", "amount": "129.90", "memo": "order A-1001"},
    {"date": "2024-06-03", "account": "6100", "amount": "-6.90", "memo": "shipping"},
]
print(client.post("/statements", json=rows).json())
