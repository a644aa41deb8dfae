import plugins.audio.mp3
from plugins.audio import mp3 as codec


def play(data):
    return plugins.audio.mp3.decode(data), codec.decode(data)
