def tool():
    return "root"
