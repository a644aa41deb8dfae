from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.orm import Session

from catalog_import.batch import ImportBatch
from catalog_import.db import Product


def write_batch(session: Session, batch: ImportBatch) -> int:
    if len(batch):
        session.execute(insert(Product), batch.rows)
    return len(batch)
