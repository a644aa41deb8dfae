from media.storage.base import Storage, StoredObject
from media.storage.local import LocalStorage
from media.storage.memory import MemoryStorage

__all__ = ["LocalStorage", "MemoryStorage", "Storage", "StoredObject"]
