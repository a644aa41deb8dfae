def rate():
    return 0.2
