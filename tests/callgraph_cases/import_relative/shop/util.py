def money(cents):
    return cents / 100
