from myapp.core.logic import decide
import myapp.core.logic as logic


def run():
    return decide(1) and logic.decide(2)
