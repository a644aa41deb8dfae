import store
from store import Cart


def buy():
    cart = Cart()
    cart.add("x")
    return store.checkout(cart)
