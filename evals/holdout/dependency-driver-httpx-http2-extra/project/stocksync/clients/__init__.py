from stocksync.clients.warehouse import WarehouseClient

__all__ = ["WarehouseClient"]
