"""G6: the crisis classifier's features are chosen with whole development sets held out."""
import numpy as np

from benchmarks import crisis_model_selection as selection
from contact_center.crisis_classifier import NONE, Features


def test_each_development_set_is_held_out_whole_in_both_languages():
    sets = selection.development_sets()
    assert "dev10" in sets and "dev" in sets
    for name, paths in sets.items():
        assert {p.stem for p in paths} <= {f"{name}_en", f"{name}_es"}


def test_the_first_choice_is_the_one_in_use():
    assert next(iter(selection.CHOICES.values())) == (Features(), False)


def test_the_rule_picks_the_lowest_threshold_within_the_near_miss_target():
    rows = {
        "label": ["danger", "self_harm", NONE, NONE, "danger", NONE],
        "lang": ["en", "en", "en", "en", "es", "es"],
        "score": [0.9, 0.4, 0.3, 0.1, 0.5, 0.2],
        "other_scores": np.array([0.05, 0.6]),
    }
    patterns = np.array([False, False, False, False, False, False])
    result = selection.summary(rows, patterns, np.array([False, False]))
    pick = result["picked"]
    assert pick["threshold"] > 0.3  # at 0.3 the English near miss scored 0.3 would alarm
    assert pick["en"]["near_miss_alarms"] == 0.0
    assert pick["en"]["recall"] == (1.0 if pick["threshold"] <= 0.4 else 0.5)
    assert pick["others"] == (0.5 if pick["threshold"] <= 0.6 else 0.0)
