from shipping.carriers.base import CarrierClient
from shipping.carriers.dhl import DhlClient
from shipping.carriers.gls import GlsClient
from shipping.carriers.ups import UpsClient

__all__ = ["CarrierClient", "DhlClient", "GlsClient", "UpsClient"]
