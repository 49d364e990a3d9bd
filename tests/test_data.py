"""load_dataset validation, the data dictionary, and reproducibility of illustrative data."""

import json
import re
import shutil

import pandas as pd
import pytest

from helpers import data as data_mod
from helpers import illustrative
from helpers.data import list_datasets, load_dataset, schema

ROOT = data_mod.DATA_DIR.parent
README = (data_mod.DATA_DIR / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list_datasets())
def test_every_dataset_loads_and_is_documented(name):
    df = load_dataset(name)
    assert len(df) > 0
    spec = schema(name)
    assert list(df.columns) == list(spec["columns"])
    # data dictionary: a section for the file that names every column
    m = re.search(rf"^## `?{re.escape(name)}\.csv`?\s*$(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert m, f"data/README.md has no '## {name}.csv' section"
    section = m.group(1)
    for col in spec["columns"]:
        assert f"`{col}`" in section, f"data/README.md section {name}.csv does not document `{col}`"
    for word in ("Provenance", "Licence"):
        assert word in section, f"data/README.md section {name}.csv lacks '{word}'"
    if spec.get("illustrative"):
        assert "illustrative" in section.lower() and "seed" in section.lower()


def test_every_csv_has_a_schema():
    csvs = {p.stem for p in data_mod.DATA_DIR.glob("*.csv")}
    assert csvs == set(list_datasets())


def test_csv_files_are_small():
    for p in data_mod.DATA_DIR.glob("*.csv"):
        assert p.stat().st_size < 1_000_000, p.name


def test_load_returns_a_copy():
    a = load_dataset("glossary")
    a.loc[0, "term"] = "changed"
    assert load_dataset("glossary").loc[0, "term"] != "changed"


def test_unknown_name_lists_available():
    with pytest.raises(
        ValueError,
        match=r"unknown data set 'referencs'\. Did you mean 'references'\?"
        r" Available data sets: .*glossary.*references",
    ):
        load_dataset("referencs")


# ---- validation errors, on a temporary copy of the data folder --------------------------------
@pytest.fixture
def tmp_data(tmp_path, monkeypatch):
    d = tmp_path / "data"
    shutil.copytree(data_mod.DATA_DIR, d)
    monkeypatch.setattr(data_mod, "DATA_DIR", d)
    data_mod._load.cache_clear()
    yield d
    data_mod._load.cache_clear()


def _write(d, text):
    (d / "references.csv").write_text(text, encoding="utf-8")


HEADER = "key,authors,year,title,journal,doi,pmid\n"
GOOD = 'abc2000,"A B",2000,T,J,10.1000/x,123\n'


@pytest.mark.parametrize(
    "body, match",
    [
        (
            "key,authors,year,title,journal,doi\n" + 'abc2000,"A B",2000,T,J,10.1/x\n',
            r"references\.csv: missing column\(s\) \['pmid'\]",
        ),
        (HEADER.strip() + ",extra\n" + GOOD.strip() + ",1\n", r"unexpected column\(s\) \['extra'\]"),
        (
            HEADER + 'abc2000,"A B",20x0,T,J,10.1000/x,1\n',
            r"column 'year' should be int but has '20x0' in row\(s\) 1",
        ),
        (
            HEADER + GOOD + 'def2000,"A B",1800,T,J,10.1000/y,1\n',
            r"column 'year' has value 1800 in row\(s\) 2 outside the allowed range \[1900, 2100\]",
        ),
        (HEADER + "abc2000,,2000,T,J,10.1000/x,1\n", r"column 'authors' has missing values in row\(s\) 1"),
        (HEADER + GOOD + GOOD, r"column 'key' must be unique but 'abc2000' repeats"),
        (
            HEADER + 'Bad Key,"A B",2000,T,J,10.1000/x,1\n',
            r"column 'key' has 'Bad Key' .* does not match the pattern",
        ),
        (HEADER + 'abc2000,"A B",2000.5,T,J,10.1000/x,1\n', r"column 'year' should hold whole numbers"),
        (HEADER, r"references\.csv: the file has no rows"),
    ],
)
def test_validation_errors_name_file_column_problem(tmp_data, body, match):
    _write(tmp_data, body)
    with pytest.raises(ValueError, match=match):
        load_dataset("references")


def test_category_bool_and_float_checks(tmp_data, monkeypatch, tmp_path):
    sdir = tmp_path / "schemas"
    sdir.mkdir()
    (sdir / "demo.json").write_text(
        json.dumps(
            {
                "title": "demo",
                "illustrative": True,
                "columns": {
                    "sex": {"dtype": "category", "allowed": ["female", "male"]},
                    "flag": {"dtype": "bool"},
                    "igf1_ng_ml": {"dtype": "float", "min": 0, "max": 2000, "unit": "ng/mL"},
                },
            }
        )
    )
    monkeypatch.setattr(data_mod, "SCHEMA_DIR", sdir)
    (tmp_data / "demo.csv").write_text("sex,flag,igf1_ng_ml\nfemale,true,150.5\nmale,False,80\n")
    df = load_dataset("demo")
    assert list(df["sex"].cat.categories) == ["female", "male"]
    assert df["flag"].tolist() == [True, False]
    assert df["igf1_ng_ml"].dtype == float
    for body, match in [
        (
            "sex,flag,igf1_ng_ml\nother,true,1\n",
            r"'sex' has 'other' in row\(s\) 1; allowed values are \['female', 'male'\]",
        ),
        ("sex,flag,igf1_ng_ml\nmale,yes,1\n", r"'flag' should be true/false but has 'yes'"),
        ("sex,flag,igf1_ng_ml\nmale,true,-3\n", r"'igf1_ng_ml' has value -3.0 .* \[0, 2000\] ng/mL"),
    ]:
        (tmp_data / "demo.csv").write_text(body)
        data_mod._load.cache_clear()
        with pytest.raises(ValueError, match=match):
            load_dataset("demo")


def test_declared_file_missing(tmp_data):
    (tmp_data / "glossary.csv").unlink()
    with pytest.raises(ValueError, match=r"data set 'glossary' is declared but its file .* is missing"):
        load_dataset("glossary")


# ---- illustrative data sets -------------------------------------------------------------------
ILLUSTRATIVE = sorted(illustrative.generators())


@pytest.mark.parametrize("name", ILLUSTRATIVE)
def test_illustrative_data_regenerates_byte_identically(name):
    assert schema(name).get("illustrative") is True
    path = data_mod.DATA_DIR / f"{name}.csv"
    assert path.read_bytes() == illustrative.csv_text(name).encode("utf-8"), (
        f"{name}.csv differs from its generator: run `make data` and commit the result"
    )


def test_every_illustrative_schema_has_a_generator():
    flagged = {n for n in list_datasets() if schema(n).get("illustrative")}
    assert flagged == set(ILLUSTRATIVE)


def test_frame_dtypes_match_schema():
    for name in list_datasets():
        df = load_dataset(name)
        for col, c in schema(name)["columns"].items():
            if c["dtype"] == "float":
                assert pd.api.types.is_float_dtype(df[col]), (name, col)
            elif c["dtype"] == "int":
                assert pd.api.types.is_integer_dtype(df[col]), (name, col)


# ---- the file itself: ragged rows, empty, encoding, binary; multi-column keys; no stale cache ----
@pytest.mark.parametrize(
    "payload, match",
    [
        # too many fields (an unquoted comma inside a value)
        (
            (HEADER + GOOD + "def2000,A, B,2001,T,J,10.1000/y,1\n").encode(),
            r"references\.csv: line 3 has 8 field\(s\) but the header has 7 \(too many",
        ),
        # too few fields
        ((HEADER + 'def2000,"A B",2001,T\n').encode(), r"references\.csv: line 2 has 4 field\(s\) .*too few"),
        (b"", r"references\.csv: the file is empty"),
        (b"\n\n  \n", r"references\.csv: the file is empty"),
        (
            (HEADER + 'm\xfcller2000,"M\xfcller",2000,T,J,10.1000/x,1\n').encode("latin-1"),
            r"references\.csv: not valid UTF-8 text \(byte b'\\xfc' at line 2\); save the file as UTF-8",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", r"references\.csv: this is a binary file"),
        (
            (HEADER + 'abc2000,"A B,2000,T,J,10.1000/x,1\n').encode(),
            r"references\.csv: not a well-formed CSV file near line 2 \(unexpected end of data",
        ),
        (
            b"key,key,year,title,journal,doi,pmid\n" + GOOD.encode(),
            r"header repeats column name\(s\) \['key'\]",
        ),
    ],
    ids=[
        "too-many-fields",
        "too-few-fields",
        "empty",
        "blank-lines-only",
        "latin-1",
        "binary-xlsx",
        "unclosed-quote",
        "repeated-header",
    ],
)
def test_unreadable_files_name_the_file_and_the_problem(tmp_data, payload, match):
    (tmp_data / "references.csv").write_bytes(payload)
    with pytest.raises(ValueError, match=match):
        load_dataset("references")


def test_utf8_bom_and_crlf_and_trailing_blank_lines_are_accepted(tmp_data):
    text = (HEADER + GOOD).replace("\n", "\r\n") + "\r\n\r\n"
    (tmp_data / "references.csv").write_bytes(b"\xef\xbb\xbf" + text.encode())
    df = load_dataset("references")
    assert df["key"].tolist() == ["abc2000"] and df["pmid"].tolist() == [123]


def test_multi_column_unique_key_catches_duplicate_rows(tmp_data):
    assert schema("fasting_refeeding")["unique_keys"] == [["participant_id", "diet", "day"]]
    path = tmp_data / "fasting_refeeding.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[3]]), encoding="utf-8")  # data row 3 again at the end
    n = len(lines) - 1
    with pytest.raises(
        ValueError,
        match=rf"fasting_refeeding\.csv: rows must be unique by \(participant_id, diet, day\) but "
        rf"participant_id='P01', diet='normal', day=2 appears in row\(s\) 3, {n + 1}",
    ):
        load_dataset("fasting_refeeding")
    # the same participant and day on another diet is not a duplicate
    assert len(load_dataset_from(lines)) == n


def load_dataset_from(lines):
    return data_mod.validate(
        data_mod.read_csv_strings("".join(lines).encode(), "x.csv"), schema("fasting_refeeding"), "x.csv"
    )


def test_schema_key_must_name_known_columns(tmp_path, monkeypatch):
    sdir = tmp_path / "schemas"
    sdir.mkdir()
    (sdir / "demo.json").write_text(
        json.dumps({"title": "d", "unique_keys": [["a", "nope"]], "columns": {"a": {"dtype": "int"}}})
    )
    monkeypatch.setattr(data_mod, "SCHEMA_DIR", sdir)
    with pytest.raises(ValueError, match=r"demo\.json: unique key \['a', 'nope'\] names unknown column"):
        schema("demo")


def test_an_edited_file_is_read_again(tmp_data):
    _write(tmp_data, HEADER + GOOD)
    assert load_dataset("references")["year"].tolist() == [2000]
    _write(tmp_data, HEADER + GOOD.replace("2000,T", "2001,T"))
    assert load_dataset("references")["year"].tolist() == [2001]
    _write(tmp_data, HEADER + GOOD + 'x,"A B",20x0,T,J,10.1000/y,1\n')
    with pytest.raises(ValueError, match="should be int but has '20x0'"):
        load_dataset("references")
