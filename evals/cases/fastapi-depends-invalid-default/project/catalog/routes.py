from fastapi import APIRouter, Depends, HTTPException

from catalog.repos import ProductRepo

router = APIRouter(prefix="/products")


def get_repo() -> ProductRepo:
    return ProductRepo()


@router.get("/search")
def search(q: str, repo: ProductRepo = Depends(get_repo)) -> list[dict]:
    return [{"sku": p.sku, "title": p.title} for p in repo.search(q)]


@router.get("/{sku}")
def product(sku: str, repo: ProductRepo = ProductRepo()) -> dict:
    item = repo.get(sku)
    if item is None:
        raise HTTPException(404, "unknown sku")
    return {"sku": item.sku, "title": item.title, "price_cents": item.price_cents}
