def decode(data):
    return data
