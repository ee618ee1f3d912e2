"""The spaCy pipeline built by `make spacy` (blank English + entity ruler) tags what people ask about."""
import pytest
import spacy

from actions.vocabulary import canonical
from helpers import ROOT

PIPELINE = ROOT / "spacy_pipeline" / "en_article_bot"


@pytest.fixture(scope="module")
def nlp():
    if not (PIPELINE / "meta.json").exists():
        pytest.fail("spaCy pipeline not built: run `make spacy` (make test does it)")
    return spacy.load(PIPELINE)


@pytest.mark.parametrize("text, expected", [
    ("does swimming help?", [("activity", "swimming")]),
    ("Does SWIMMING help", [("activity", "swimming")]),
    ("does swiming help", [("activity", "swimming")]),
    ("is running on a treadmill good", [("activity", "treadmill running")]),
    ("what about cycling?", [("activity", "cycling")]),
    ("can lifting weights help", [("activity", "weight training")]),
    ("what is HSP27", [("biomarker", "hsp27")]),
    ("what is heat shock protein 27", [("biomarker", "hsp27")]),
    ("heat chock protein-27?", [("biomarker", "hsp27")]),
    ("what are inflammation-promoting cytokines", [("biomarker", "cytokines")]),
    ("do antidepresants work", [("drug", "antidepressants")]),
    ("does gabapentin work", [("drug", "gabapentin")]),
    ("who wrote the study", [("topic", "authors")]),
    ("how many rats were there", [("topic", "sample_size")]),
    ("phantom limb pain after amputation", [("condition", "phantom limb pain"), ("condition", "phantom limb pain")]),
    ("should I stop my medication", []),  # not "meditation": typo matching stays narrow
    ("I was talking about it", []),
])
def test_entity_ruler_tags_with_canonical_ids(nlp, text, expected):
    assert [(e.label_, e.ent_id_) for e in nlp(text).ents] == expected


def test_pipeline_is_blank_english_plus_entity_ruler(nlp):
    assert nlp.lang == "en" and nlp.pipe_names == ["entity_ruler"]


@pytest.mark.parametrize("label, text, expected", [
    ("activity", "Swimming", "swimming"),
    ("activity", "swiming", "swimming"),
    ("activity", "treadmil", "treadmill running"),
    ("activity", "jogging", "running"),
    ("biomarker", "HSP-27", "hsp27"),
    ("activity", "knitting", None),
])
def test_canonical_maps_matched_text_back_to_the_pattern_id(label, text, expected):
    assert canonical(label, text) == expected
