CUSTOMER_COLUMNS = ["id", "email", "name", "address_city", "address_country", "tags"]

ORDER_COLUMNS = [
    "id",
    "status",
    "total_cents",
    "currency",
    "billing_city",
    "billing_country",
    "shipping_city",
    "shipping_country",
    "skus",
]
