from directory.people import load_people
from directory.render import phone_book, team_page

ROWS = [
    {"first": "Jonas", "last": "Zimmer", "team": "platform"},
    {"first": "Eva", "last": "de Vries", "team": "design"},
    {"first": "Åsa", "last": "Andersen", "team": "platform"},
    {"first": "Karl", "last": "Becker", "team": "design"},
    {"first": "Lena", "last": "van Dijk"},
    {"first": "Mia", "last": "Ortega", "team": "platform"},
]


def test_team_page_lists_unassigned_last():
    page = team_page(load_people(ROWS))
    assert page.splitlines()[0] == "## design"
    assert page.splitlines()[-2] == "## unassigned"


def test_phone_book_is_alphabetical_by_surname():
    assert phone_book(load_people(ROWS)) == [
        "Andersen, Åsa",
        "Becker, Karl",
        "de Vries, Eva",
        "Ortega, Mia",
        "van Dijk, Lena",
        "Zimmer, Jonas",
    ]
