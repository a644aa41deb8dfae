from app.payments.gateway import Charge, PaymentError, PaymentGateway

__all__ = ["Charge", "PaymentError", "PaymentGateway"]
