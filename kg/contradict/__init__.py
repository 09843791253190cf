"""contradict"""

from kg.contradict.analyse import find_contradictions as find_contradictions
