from ingest.feed import import_feed

FEEDS = {
    "acme.csv": "SKU;Qty;Price\nA-1;4;2.50\nA-2;1;9.99\n",
    "bolt.csv": "article;amount;unit price\nB-7;10;0.35\n",
}


def main() -> None:
    for path, text in FEEDS.items():
        print(path, import_feed(path, text), "rows")


if __name__ == "__main__":
    main()
