"""The department tree (企业 → 车间 → 班组) against a real database."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import OFFICE
from unionDesk.domain.ids import compose_resident_id
from unionDesk.services.departments import (
    add_department,
    delete_department,
    list_departments,
    rename_department,
    subtree_ids,
)
from unionDesk.services.errors import NotFound, ServiceError, ValidationFailed
from unionDesk.services.members import create_member, delete_member
from unionDesk.store.models import Member

TODAY = date(2026, 11, 21)


def paths_of(db) -> list[str]:
    return [node.path for node in list_departments(db, OFFICE)]


def add_member_to(db, make_draft, department_id: int, sequence: int = 123) -> int:
    number = compose_resident_id("110105", date(1990, 5, 17), sequence)
    draft = make_draft(
        id_number=number, sex=None, birth_date=None, card_number="", department_id=department_id
    )
    return create_member(db, OFFICE, draft, today=TODAY)


@pytest.fixture
def tree(db) -> dict[str, int]:
    plant = add_department(db, OFFICE, None, "测试机械厂")
    workshop = add_department(db, OFFICE, plant, "机加工车间")
    team = add_department(db, OFFICE, workshop, "车工一班")
    return {"plant": plant, "workshop": workshop, "team": team}


def test_add_top_level_department(db):
    plant = add_department(db, OFFICE, None, "测试机械厂")

    [node] = list_departments(db, OFFICE)
    assert (node.id, node.parent_id, node.name, node.depth) == (plant, None, "测试机械厂", 0)


def test_add_child_and_grandchild(db, tree):
    nodes = {node.id: node for node in list_departments(db, OFFICE)}

    assert nodes[tree["workshop"]].parent_id == tree["plant"]
    assert (nodes[tree["team"]].parent_id, nodes[tree["team"]].depth) == (tree["workshop"], 2)


def test_add_normalises_spaces_in_the_name(db):
    add_department(db, OFFICE, None, "  测试   机械厂 ")

    assert paths_of(db) == ["测试 机械厂"]


def test_fourth_level_is_refused(db, tree):
    with pytest.raises(ServiceError) as error:
        add_department(db, OFFICE, tree["team"], "第一小组")

    assert error.value.problem.field == "parent_id"
    assert len(list_departments(db, OFFICE)) == 3


def test_empty_name_is_refused(db):
    with pytest.raises(ValidationFailed) as error:
        add_department(db, OFFICE, None, "   ")

    assert [p.field for p in error.value.problems] == ["name"]


def test_duplicate_sibling_name_is_refused(db, tree):
    with pytest.raises(ValidationFailed) as error:
        add_department(db, OFFICE, tree["plant"], "机加工车间")

    assert "机加工车间" in error.value.problems[0].render()
    assert len(list_departments(db, OFFICE)) == 3


def test_duplicate_top_level_name_is_refused(db, tree):
    with pytest.raises(ValidationFailed):
        add_department(db, OFFICE, None, "测试机械厂")


def test_same_name_under_different_parents_is_allowed(db, tree):
    other = add_department(db, OFFICE, tree["plant"], "装配车间")

    add_department(db, OFFICE, other, "车工一班")

    assert paths_of(db).count("测试机械厂/装配车间/车工一班") == 1


def test_unknown_parent_is_refused(db):
    with pytest.raises(NotFound):
        add_department(db, OFFICE, 999, "机加工车间")


def test_rename(db, tree):
    rename_department(db, OFFICE, tree["workshop"], "精加工车间")

    assert "测试机械厂/精加工车间/车工一班" in paths_of(db)


def test_rename_to_a_sibling_name_is_refused(db, tree):
    other = add_department(db, OFFICE, tree["plant"], "装配车间")

    with pytest.raises(ValidationFailed):
        rename_department(db, OFFICE, other, "机加工车间")


def test_rename_to_its_own_name_is_allowed(db, tree):
    rename_department(db, OFFICE, tree["workshop"], "机加工车间")

    assert "测试机械厂/机加工车间" in paths_of(db)


def test_delete_is_refused_while_there_are_sub_departments(db, tree):
    with pytest.raises(ServiceError) as error:
        delete_department(db, OFFICE, tree["workshop"])

    assert "机加工车间" in error.value.problem.render()
    assert len(list_departments(db, OFFICE)) == 3


def test_delete_is_refused_while_members_belong_to_it(db, tree, make_draft):
    add_member_to(db, make_draft, tree["team"])

    with pytest.raises(ServiceError) as error:
        delete_department(db, OFFICE, tree["team"])

    assert "车工一班" in error.value.problem.render()
    assert len(list_departments(db, OFFICE)) == 3


def test_delete_of_an_empty_department(db, tree):
    delete_department(db, OFFICE, tree["team"])

    assert paths_of(db) == ["测试机械厂", "测试机械厂/机加工车间"]


def test_delete_is_allowed_when_only_deleted_members_refer_to_it(db, tree, make_draft):
    member_id = add_member_to(db, make_draft, tree["team"])
    delete_member(db, OFFICE, member_id, "重复录入")

    delete_department(db, OFFICE, tree["team"])

    assert tree["team"] not in {node.id for node in list_departments(db, OFFICE)}
    with db.read() as session:
        assert session.get_one(Member, member_id).department_id is None


def test_list_is_in_tree_order_with_paths(db, tree):
    assembly = add_department(db, OFFICE, tree["plant"], "装配车间")
    add_department(db, OFFICE, assembly, "总装一班")
    add_department(db, OFFICE, None, "第二分厂")

    nodes = list_departments(db, OFFICE)

    for index, node in enumerate(nodes):  # every parent comes before its children
        assert node.parent_id is None or node.parent_id in {n.id for n in nodes[:index]}
    assert set(paths_of(db)) == {
        "测试机械厂",
        "测试机械厂/机加工车间",
        "测试机械厂/机加工车间/车工一班",
        "测试机械厂/装配车间",
        "测试机械厂/装配车间/总装一班",
        "第二分厂",
    }


def test_children_follow_directly_after_their_parent(db, tree):
    add_department(db, OFFICE, tree["plant"], "装配车间")

    paths = paths_of(db)

    workshop = paths.index("测试机械厂/机加工车间")
    assert paths[workshop + 1] == "测试机械厂/机加工车间/车工一班"


def test_subtree_ids_include_every_level_below(db, tree):
    add_department(db, OFFICE, None, "第二分厂")

    assert subtree_ids(db, tree["plant"]) == sorted(tree.values())
