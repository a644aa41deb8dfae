from __future__ import annotations

from fastapi import FastAPI

from billing.pricing import entry_plan, plan_table

app = FastAPI(title="billing")


@app.get("/plans")
def list_plans() -> list[dict]:
    return plan_table()


@app.get("/banner")
def banner() -> dict:
    plan = entry_plan()
    return {"text": f"Teams from ${plan.monthly}/month", "plan": plan.code}
