from .cart import Cart
from .pay import checkout
