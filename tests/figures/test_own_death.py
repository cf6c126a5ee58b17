"""The gunman's own death among the dead the people layer counts (issue 12: the GVA gold counts a gunman who killed
himself): "turned his gun on himself" is a suicide like "turned the gun on himself", and a list of the dead that
holds him as a pronoun ("him and his two sons") counts him.

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an article.
"""

from __future__ import annotations

import pytest

from tests.figures.test_counting_rules import _headline


@pytest.mark.parametrize("sentences, killed", [
    # his death told in the sentence that names him beside his victims, with "his gun" / "a gun"
    (["Ten-year-old Mia Ross died Saturday after she and her aunt were shot outside a skating rink.",
      "Detectives believe Dale Ross, 44, fired on the pair from his pickup before he turned his gun on himself."], 2),
    (["Nora Bell, 61, was found shot to death in her home on Elm Street.",
      "Deputies said her son, Wade Bell, 35, shot her and then turned a gun on himself."], 2),
    # a list of the dead that holds him: the people listed, not the numeral among them
    (["Tom Reed barricaded the farmhouse door, and by dawn the sheriff's office had found him and his two sons dead."],
     3),
    (["Police said the standoff ended in a shooting that left her and her three children dead."], 4),
    # guards: such a list with no death is no count; "turned his gun on" someone else is no suicide
    (["The shooting left him and his two friends shaken, police said."], None),
    (["Officers said the clerk turned his gun on the robber and fired twice."], None),
])
def test_the_gunman_among_the_dead(sentences, killed):
    assert _headline(*sentences)["killed"] == killed


def test_his_own_words_make_him_the_one_who_died():
    from analysis.figures.victims import read_people
    from tests.figures.test_figures import sentences_frame

    victims, _ = read_people(sentences_frame("a", ["Investigators said Carl Webb turned his weapon on himself after "
                                                   "a standoff with deputies."]))
    row = victims[victims["name"] == "Carl Webb"].iloc[0]
    assert (row["outcome"], row["role"]) == ("killed", "shooter")
