import httpx


def dhl_ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "products": [
                {
                    "productName": "Paket",
                    "totalPrice": {"value": 6.49, "currency": "EUR"},
                    "deliveryDays": 2,
                }
            ]
        },
    )


def gls_ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, json={"service_level": "BusinessParcel", "price_cents": 589, "eta_days": 3}
    )


def ups_ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "RateResponse": {
                "RatedShipment": {
                    "Service": {"Description": "UPS Standard"},
                    "TotalCharges": {"MonetaryValue": "7.95", "CurrencyCode": "EUR"},
                    "GuaranteedDelivery": {"BusinessDaysInTransit": "1"},
                }
            }
        },
    )


def unavailable(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503, json={"error": "maintenance"})


def transport(handler) -> httpx.MockTransport:
    return httpx.MockTransport(handler)
