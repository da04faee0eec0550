"""Column mappings from flags and from YAML or JSON files."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeykit.events.importers import (
    ColumnMapping,
    MappingInvalid,
    read_events,
    read_mapping_file,
)
from tests.events.importers.helpers import column, write


def test_a_yaml_mapping_file_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mapping.yaml",
        "customer_id: Kundennr\nts: Wann\nevent: Was\nproperties: [Betrag]\n"
        "timezone: Europe/Berlin\ndelimiter: tab\ndecimal: ','\n",
    )

    mapping = read_mapping_file(path)

    assert mapping == ColumnMapping(
        customer_id="Kundennr",
        ts="Wann",
        event="Was",
        properties=("Betrag",),
        timezone="Europe/Berlin",
        delimiter="\t",
        decimal=",",
    )


def test_a_json_mapping_file_drives_an_import(tmp_path: Path) -> None:
    mapping = read_mapping_file(
        write(tmp_path, "m.json", '{"customer_id": "who", "event": "what"}')
    )
    events = write(tmp_path, "e.csv", "who,what,timestamp\nC1,view,2024-03-01 10:00\n")

    batch = read_events([events], mapping=mapping)

    assert column(batch, "customer_id") == ["C1"]


@pytest.mark.parametrize("name", ["m.yaml", "m.json"])
def test_an_unknown_key_suggests_the_closest(tmp_path: Path, name: str) -> None:
    text = "customer: Kunde\n" if name.endswith("yaml") else '{"customer": "Kunde"}'

    with pytest.raises(MappingInvalid) as caught:
        read_mapping_file(write(tmp_path, name, text))

    assert caught.value.code == "invalid_mapping"
    assert "unknown key 'customer'; did you mean 'customer_id'?" in caught.value.message


def test_a_misspelt_time_zone_suggests_the_real_one() -> None:
    with pytest.raises(MappingInvalid, match="did you mean 'Europe/Berlin'"):
        ColumnMapping(timezone="Europe/Berln")


@pytest.mark.parametrize(
    "values",
    [{"delimiter": ";;"}, {"decimal": "'"}, {"encoding": "klingon"}, {"timestamp_format": "dd.mm"}],
)
def test_impossible_values_are_refused(values: dict[str, str]) -> None:
    with pytest.raises(MappingInvalid):
        ColumnMapping(**values)  # type: ignore[arg-type]


def test_a_mapping_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(MappingInvalid, match="expected a mapping"):
        read_mapping_file(write(tmp_path, "m.yaml", "- customer_id\n"))
