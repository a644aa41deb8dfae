def decide(x):
    return x > 0
