"""Household search finds people by name, street, number and postcode, accents or not."""

from sqlalchemy import text

from renodesk.storage.search import find_household_ids, fold


def test_folding_removes_accents_and_special_letters() -> None:
    assert fold("Gülşen Yılmaz") == "gulsen yilmaz"
    assert fold("Łukasz Wiśniewski") == "lukasz wisniewski"
    assert fold("Nguyễn Văn An") == "nguyen van an"


def test_search_by_name_address_and_postcode(workspace) -> None:
    ws = workspace
    project = ws.create("project", {"name": "Bloemenbuurt", "code": "BB-1"}).row_id
    homes = {}
    for number, (street, name) in enumerate([("Tulpstraat", "Gülşen Yılmaz"),
                                             ("Irisstraat", "Łukasz Wiśniewski"),
                                             ("Tulpstraat", "Nguyễn Văn An")], start=10):
        dwelling = ws.create("dwelling", {"project_id": project, "street": street,
                                          "number": number, "addition": "A",
                                          "postcode": f"35{number} AB", "city": "Utrecht"}).row_id
        homes[name] = ws.create("household", {"dwelling_id": dwelling, "name": name}).row_id
    with ws.engine.connect() as conn:
        assert find_household_ids(conn, "yilmaz") == [homes["Gülşen Yılmaz"]]
        assert find_household_ids(conn, "Wiśniew") == [homes["Łukasz Wiśniewski"]]
        assert set(find_household_ids(conn, "tulpstraat")) == {homes["Gülşen Yılmaz"],
                                                              homes["Nguyễn Văn An"]}
        assert find_household_ids(conn, "tulp 12") == [homes["Nguyễn Văn An"]]
        assert find_household_ids(conn, "3511ab") == [homes["Łukasz Wiśniewski"]]
        assert find_household_ids(conn, "3511 AB") == [homes["Łukasz Wiśniewski"]]
        assert find_household_ids(conn, "10A") == [homes["Gülşen Yılmaz"]]
        assert find_household_ids(conn, "") == []
        assert find_household_ids(conn, 'x" OR 1') == []
    # the index follows renames and moves
    dwelling_id = ws.get("household", homes["Nguyễn Văn An"])["dwelling_id"]
    ws.update("dwelling", dwelling_id, {"street": "Rozenlaan"})
    ws.update("household", homes["Gülşen Yılmaz"], {"name": "Zoë Çelik"})
    with ws.engine.connect() as conn:
        assert find_household_ids(conn, "rozen") == [homes["Nguyễn Văn An"]]
        assert find_household_ids(conn, "zoe celik") == [homes["Gülşen Yılmaz"]]
        assert find_household_ids(conn, "yilmaz") == []
    ws.delete("household", homes["Gülşen Yılmaz"])
    with ws.engine.connect() as conn:
        count = conn.execute(text("select count(*) from household_search")).scalar()
    assert count == 2
