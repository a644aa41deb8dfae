def tool():
    return "src"
