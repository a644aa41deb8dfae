from api.auth import current_user_id
from api.tokens import issue_token


def main() -> None:
    token = issue_token(42)
    print("logged in as", current_user_id(token))


if __name__ == "__main__":
    main()
