def test_create_and_list_by_tag(client):
    for i in range(3):
        resp = client.post(
            "/bookmarks",
            json={"url": f"https://example.org/post/{i}", "title": f"Post {i}", "tag": "python"},
        )
        assert resp.status_code == 201
    client.post("/bookmarks", json={"url": "https://example.org/misc", "title": "Misc"})

    resp = client.get("/bookmarks", params={"tag": "python"})

    assert resp.status_code == 200
    assert [b["title"] for b in resp.json()] == ["Post 2", "Post 1", "Post 0"]
