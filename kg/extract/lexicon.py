"""lexicon: the words the rules look for — speech and belief cues, vague attributions, hedges,
negations, meta-text and normative formulas, titles and roles. General English, never article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from kg.lexicon import entries


def trie_regex(words: Iterable[str], space: str = r"\s+") -> str:
    """One regular expression matching any of ``words`` (longest first), built as a character trie so that
    matching costs the same whatever the number of words. A space in a word matches ``space``.

    >>> re.fullmatch(trie_regex(["said", "says", "said that"]), "said  that") is not None
    True
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return "(?:" + emit(trie) + ")"


def _alt(words: Iterable[str]) -> str:
    return trie_regex(words)


# Verbs that introduce what someone says or believes ("X said that ...", "..., X warned").
SPEECH_VERBS = list(entries("speech-verbs"))

# Participles that hand the sentence's subject a statement: "X struck a similar note, telling delegates that".
PARTICIPLE_CUES = re.compile(
    r",\s+(?:(?:and|while)\s+)?(?P<cue>saying|telling(?:\s+\w+){0,3}?(?=\s+that\b|,)|adding|arguing|warning|insisting|noting|"
    r"stressing|claiming|calling|describing|accusing|asserting|declaring|explaining|suggesting|emphasi[sz]ing|"
    r"acknowledging|maintaining|predicting|urging|alleging)(?=\s|,)"
)

# Cues that report speech only when a complement follows at once ("responded that", "found that", "noted:"),
# since they also describe actions ("responded with sanctions", "found ways").
WEAK_CUES = {
    "responded",
    "replied",
    "countered",
    "observed",
    "observes",
    "found",
    "finds",
    "showed",
    "shows",
    "recalled",
    "recalls",
    "reported",
    "reports",
    "revealed",
    "reveals",
    "indicated",
    "indicates",
    "signaled",
    "signalled",
    "signals",
    "concluded",
    "concludes",
    "confirmed",
    "confirms",
    "acknowledged",
    "acknowledges",
    "proposed",
    "proposes",
    "outlined",
    "expressed",
    "expresses",
    "mentioned",
    "mentions",
    "hinted",
    "hints",
    "threatened",
    "threatens",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "agreed",
    "agrees",
    "questioned",
    "questions",
    "described",
    "describes",
    "called",
    "calls",
    "cited",
    "cites",
    "welcomed",
    "welcomes",
    "praised",
    "praises",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "condemned",
    "condemns",
    "wants",
    "wanted",
    "hopes",
    "hoped",
    "expects",
    "expected",
    "fears",
    "feared",
    "demanded",
    "demands",
    "announced",
    "announces",
    "added",
    "adds",
    "recorded",
    "records",
    "counted",
    "counts",
    "tracked",
    "tracks",
    "detected",
    "detects",
    "registered",
    "documented",
    "logged",
    "projects",
    "project",
}

SPEECH_PHRASES = [
    "made a statement",
    "made a definitive statement",
    "issued a statement",
    "expressed the view",
    "expressed the hope",
    "expressed concern",
    "expressed concerns",
    "pointed out",
    "went on to say",
    "went on to describe",
    "called for",
    "calls for",
    "made clear",
    "made it clear",
    "spoke of",
    "has made a statement",
    "expressed the belief",
    "took the view",
    "voiced concern",
    "voiced concerns",
    "raised concerns",
    "raised the alarm",
    "sounded the alarm",
    "laid out",
    "set out",
    "quoted as saying",
    "was quoted as saying",
    "were quoted as saying",
    "told reporters",
    "told journalists",
    "told a news conference",
    "told a press conference",
    "wrote on X",
    "wrote on Telegram",
    "sceptical that",
    "skeptical that",
    "confident that",
    "convinced that",
    "concerned that",
    "worried that",
    "adamant that",
    "optimistic that",
    "pessimistic that",
    "doubtful that",
    "hopeful that",
    "posted on X",
    "posted on Telegram",
    "said in a statement",
]

# Cues whose content is an object complement: "X sees Y as Z", "X called Y's claim nonsense".
AS_CUES = {
    "sees",
    "saw",
    "see",
    "views",
    "viewed",
    "view",
    "regards",
    "regarded",
    "regard",
    "considers",
    "considered",
    "perceives",
    "perceived",
    "perceive",
    "interprets",
    "interpreted",
    "describes",
    "described",
    "describe",
    "labeled",
    "labelled",
    "labels",
    "branded",
    "brands",
    "characterized",
    "characterised",
    "characterize",
    "characterizes",
    "cited",
    "cites",
    "treats",
    "treated",
    "portrayed",
    "portrays",
    "called",
    "calls",
    "call",
    "dismissed",
    "rejected",
    "depicted",
}

CUE_RE = re.compile(
    r"\b"
    + _alt(SPEECH_PHRASES + SPEECH_VERBS + ["characterized", "characterised", "characterize", "characterizes"])
    + r"\b"
)

# Words that may sit between a subject and its cue: "Putin has also repeatedly said".
BETWEEN_SUBJECT_AND_CUE = re.compile(
    r"^(?:\s*,?\s*(?:also|has|have|had|was|were|is|are|will|would|again|repeatedly|publicly|privately|previously|"
    r"recently|earlier|later|then|now|further|once|already|often|frequently|reportedly|himself|herself|itself|"
    r"themselves|first|never|not|clearly|explicitly|openly|today|yesterday|tonight|last\s+\w+|since|long|"
    r"however|meanwhile|in\s+turn|for\s+(?:its|his|her|their)\s+part|too|instead|"
    r"widely|privately|bluntly|separately|later\s+on|on\s+\w+day|at\s+the\s+weekend|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"in\s+a\s+(?:statement|speech|post|interview|briefing|letter|tweet)|"
    r"on\s+(?:x|twitter|telegram|social\s+media)|"
    r"(?:in|during)\s+(?:an?\s+)?(?:interview|speech|press\s+conference|briefing)(?:\s+\w+){0,6}?)\s*,?)*\s*$",
    re.IGNORECASE,
)

# Unnamed groups that claim things ("analysts argue", "Western leaders have labeled").
GROUP_NOUNS = """analysts experts observers officials critics diplomats sources commentators scholars researchers
economists historians insiders pundits leaders politicians lawmakers legislators policymakers skeptics sceptics
supporters opponents residents witnesses activists campaigners specialists strategists academics
investigators authorities governments nations countries allies partners generals commanders
intelligence agencies spokespeople representatives negotiators ministers states capitals mps meps
conservatives liberals progressives socialists nationalists populists""".split()
GROUP_NOUNS.append("member states")
COLLECTIVES = [
    "the West",
    "the international community",
    "the Global South",
    "Western countries",
    "Western nations",
    "Western governments",
    "Western powers",
    "Western capitals",
]
GROUP_ADJECTIVES = """western eastern european american western-backed senior top independent military security
political defense defence foreign intelligence government administration industry regional local
international global many some several most other certain unnamed anonymous leading prominent
key influential concerned""".split()
GROUP_RE = re.compile(
    r"\b(?:(?:the|some|many|several|most|other|certain|a\s+number\s+of|a\s+few)\s+)?"
    r"(?:" + _alt(GROUP_ADJECTIVES) + r"\s+){0,3}" + _alt(GROUP_NOUNS) + r"\b",
    re.IGNORECASE,
)
GROUP_QUALIFIER_NOUNS = {
    "agency",
    "authorities",
    "government",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
    "military",
    "forces",
    "troops",
    "media",
    "embassy",
    "administration",
    "parliament",
    "foreign ministry",
    "defence ministry",
    "defense ministry",
}
"""An institution named by its state or organisation ("Russia's defence ministry"): the state speaks."""
GROUP_PEOPLE_NOUNS = {
    "staff",
    "officers",
    "spokespeople",
    "scientists",
    "executives",
    "bankers",
    "traders",
    "mps",
    "meps",
    "senators",
    "deputies",
    "members",
    "conservatives",
    "liberals",
    "progressives",
    "socialists",
    "greens",
    "nationalists",
    "populists",
    "makers",
    "manufacturers",
    "producers",
    "officials",
    "leaders",
    "diplomats",
    "sources",
    "lawmakers",
    "politicians",
    "generals",
    "commanders",
    "analysts",
    "experts",
    "ministers",
    "negotiators",
    "representatives",
    "investigators",
    "researchers",
    "economists",
    "observers",
    "critics",
    "activists",
}
"""People of a state or organisation ("Finnish officials", "Two NATO diplomats"): an unnamed group."""

# Impersonal or vague formulas: the article asserts, but on unnamed authority.
VAGUE_RE = re.compile(
    r"\b(?:it\s+is\s+(?:known|said|believed|thought|reported|claimed|alleged|rumou?red|understood|widely\s+\w+)"
    r"|(?:reportedly|allegedly|purportedly|supposedly|rumou?redly)"
    r"|(?<!['’]s\s)(?<!['’]\s)\b(?:unverified\s+|unconfirmed\s+)?(?:allegations?|claims?|rumou?rs?)\s+that"
    r"|reports?\s+(?:say|said|suggest|suggested|indicate|indicated)"
    r"|(?:recent|new|latest|several|some|many|opinion)?\s*(?:polls?|surveys?|studies|research|reports|data|figures)"
    r"\s+(?:show|shows|showed|reveal|reveals|revealed|suggest|suggests|suggested|indicate|indicates|indicated|"
    r"find|finds|found)"
    r"|according\s+to\s+(?:reports|sources|media\s+reports|some|many|experts|analysts|observers|officials)"
    r"|sources\s+(?:say|said|claim|claimed)|it\s+(?:can|could|may)\s+be\s+(?:said|argued)"
    r"|some\s+(?:say|argue|believe|claim|suggest)|many\s+(?:say|argue|believe|claim))\b",
    re.IGNORECASE,
)

HEDGE_RE = re.compile(
    r"\b(?:(?-i:may)(?!\s+\d)|might|could|possibly|perhaps|probably|likely|unlikely|potentially|presumably|apparently|"
    r"appears?\s+to|seems?\s+to|suggests?|is\s+thought\s+to|is\s+believed\s+to|it\s+is\s+possible|"
    r"it\s+(?:is|was)\s+unclear|uncertain)\b",
    re.IGNORECASE,
)
CONDITIONAL_RE = re.compile(
    r"\b(?:if|unless|in\s+the\s+event\s+(?:of|that)|in\s+case\s+(?:of|that)|provided\s+that|"
    r"on\s+condition\s+that|should\s+\w+\s+(?:win|lose|fail|succeed|attack|invade))\b",
    re.IGNORECASE,
)
PREDICTIVE_RE = re.compile(
    r"\b(?:will|would|shall|won't|wouldn't|'ll|is\s+going\s+to|are\s+going\s+to|"
    r"(?:is|are)\s+(?:expected|set|poised|due)\s+to|plans?\s+to|intends?\s+to)\b",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(
    r"\b(?:not|no|never|neither|nor|none|nobody|nothing|cannot|can't|won't|wouldn't|don't|doesn't|didn't|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|without|rules?\s+out|ruled\s+out|refused?\s+to|"
    r"declined\s+to)\b(?!\s+only\b)",
    re.IGNORECASE,
)

# Sentences that assert nothing checkable.
META_RE = re.compile(
    r"\b(?:this|the\s+present|our)\s+(?:article|post|piece|essay|analysis|report|paper|blog|page|study|"
    r"chapter|section|series|column|op-ed|commentary|brief|note|newsletter)\s+(?:examines|explores|discusses|looks|will|aims|seeks|considers|analy[sz]es|"
    r"investigates|offers|provides|argues|reviews|focuses|outlines|presents|describes|assesses|asks|explains|"
    r"shows|traces|maps|evaluates|takes\s+stock|sets\s+out|summari[sz]es|proposes|recommends)"
    r"|\b(?:parts?|portions?|sections?)\s+of\s+this\s+(?:article|post|piece|text|page)"
    r"|\b(?:in|throughout)\s+this\s+(?:article|post|piece|essay|analysis|report|column|op-ed|commentary|"
    r"brief|paper|newsletter)\b"
    r"|\bI\s+(?:will|shall|'ll|want\s+to|intend\s+to)\s+(?:argue|explain|show|explore|examine|discuss|"
    r"look\s+at|suggest)\b"
    r"|\bwe\s+(?:will|shall|'ll)\s+(?:explore|examine|discuss|look|consider|see|analy[sz]e)"
    r"|\blet(?:'s|\s+us)\s+(?:explore|examine|look|consider|take)"
    r"|\b(?:many|some|people|analysts|observers)\s+are\s+(?:asking|wondering)\b"
    r"|\bthe\s+question\s+(?:on\s+everyone'?s?\s+mind|remains|is\s+whether|now\s+is|arises)"
    r"|\b(?:has\s+been|is)\s+(?:presented|shown|listed|summari[sz]ed|detailed)\s+(?:below|above)"
    r"|\b(?:see|shown\s+in)\s+(?:the\s+)?(?:table|figure|chart|graph)\s+(?:below|above)"
    r"|\b(?:a|the)\s+table\s+(?:below|above|detailing|showing|summari[sz]ing)"
    r"|^(?:understanding|examining|studying|analy[sz]ing|exploring|considering|reviewing|looking\s+at)\b"
    r".{0,120}\b(?:offers?|provides?|sheds?\s+light|enrich(?:es)?|helps?|gives?|reveals?|allows?|"
    r"is\s+(?:key|crucial|essential|vital|important))\b"
    r"|\bwritten\s+(?:using|with)\s+(?:the\s+help\s+of\s+)?(?:ai|artificial\s+intelligence)"
    r"|\b(?:some|critics|others|many|skeptics|sceptics|people|opponents)\s+(?:will|would|might|may)\s+"
    r"(?:say|argue|object|claim|reply|respond)\b"
    r"|\blet(?:'s|\s+us)\s+be\s+(?:honest|clear|frank|realistic)\b"
    r"|\bis\s+an\s+open\s+question\b|\bremains\s+to\s+be\s+seen\b|\btime\s+will\s+tell\b"
    r"|\b(?:are|is)\s+(?:posted|published|available)\s+(?:at|on|online|in\s+full)\b"
    r"|^here\s+(?:is|are)\b"
    r"|\bviews\s+expressed\s+(?:here\s+)?are\s+(?:his|her|their|the\s+author'?s?)\s+own\b",
    re.IGNORECASE,
)
NORMATIVE_RE = re.compile(
    r"\b(?:must|should|ought\s+to|needs?\s+to|have\s+to|has\s+to)\b"
    r"|\bit\s+is\s+(?:essential|crucial|important|vital|critical|necessary|imperative|key|indeed\s+\w+)\s+(?:to|that)\b"
    r"|\b(?:is|are)\s+(?:essential|crucial|critical|vital|imperative|key)\s+(?:for\s+\w+ing|to\s+\w+)\b"
    r"|\bcan\s+only\s+(?:watch|wait|hope|pray)\b"
    r"|\b(?:deserves?|deserved)\s+(?:an?\s+|better|credit|more|the\s+)"
    r"|\bit\s+is\s+(?:high\s+)?time\s+(?:for\s+[^.]{1,60}\s+)?to\b"
    r"|\bit'?s\s+(?:essential|crucial|important|vital|necessary)\s+to\b",
    re.IGNORECASE,
)
IMPERATIVE_RE = re.compile(
    r"^(?:consider|read|click|see|note|remember|imagine|let|make\s+sure|keep\s+in\s+mind|subscribe|"
    r"follow\s+us|share\s+this|sign\s+up|join\s+us|watch|listen|contact|download|visit|check\s+out|don't|do\s+not)\b",
    re.IGNORECASE,
)
RECOMMENDATION_RE = re.compile(
    r"^(?:create|ensure|leverage|foster|provide|promote|establish|build|develop|strengthen|encourage|invest|avoid|"
    r"maintain|increase|reduce|improve|adopt|implement|engage|expand|enhance|prioriti[sz]e|focus|seek|use|"
    r"make|keep|set|allow|enable|facilitate|pursue|address|recogni[sz]e|identify|explore|define|commit|open|"
    r"restore|resume|stop|continue|support|protect|defend|reform|review|monitor|equip|train|urge|demand|take)\s+"
    r"(?!(?:for|of|was|is|has|had|were|are|will|would|to)\b)",
    re.IGNORECASE,
)
"""A list item that recommends ("Create platforms where ...", "Ensure that ..."), not a statement."""

APPOSITIVE = (
    r",\s+(?:an?|the|who|whose|which|including|such\s+as|among\s+them|[A-Z][\w'’\-]*['’]s"
    r"|speaking(?=\s)|in\s+(?:its|his|her|their)(?=\s)"
    r"|(?:(?:former|deputy|senior|acting|chief|research|executive|managing|general|co-)\s*)?"
    r"(?:director|head|chief|spokesman|spokeswoman|spokesperson|minister|secretary|president|leader|member|"
    r"founder|chairman|chairwoman|chair|professor|analyst|researcher|fellow|editor|author|expert|ambassador|"
    r"commander|adviser|advisor|official|economist|partner|manager|coordinator|envoy|representative|"
    r"governor|mayor|lawmaker|senator|deputy|strategist|scholar|lecturer|correspondent)"
    r"(?:\s+[a-z][\w\-]*){0,2}\s+(?:of|at|for|with|to))\s[^;“”\"]{1,200}?,"
)
"""An appositive between a speaker and the cue: ", an analyst at X,", ", director of the Y,", ", who ...,"."""

# Finite verbs (a rough check used on short sentences and list items, which are often fragments).
AUXILIARY_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|can|could|(?-i:may)(?!\s+\d)|might|shall|"
    r"should|must|"
    r"do|does|did|won't|can't|isn't|aren't|wasn't|weren't|hasn't|haven't|didn't|doesn't)\b",
    re.IGNORECASE,
)
PAST_RE = re.compile(r"\b[a-z]{3,}ed\b")
COMMON_FINITE = set(
    """remains seeks marks shows means includes requires reflects leads allows brings continues faces plays
    holds aims plans needs seems appears depends underlines underscores highlights illustrates demonstrates
    emphasizes signals solidifies complicates diminishes heightens poses threatens affects exemplifies comes
    saw set led began became took made gave grew fell rose won lost met sent held left kept paid spent built
    told said says stands lies runs sits goes gets makes takes gives keeps puts wants knows thinks sees
    views argues claims warns insists denies believes suggests""".split()
)

# Titles that precede names ("President Joe Biden", "Gen. Valery Gerasimov").
TITLE_WORDS = """president vice-president prime minister chancellor premier king queen prince emperor sultan emir
sheikh ayatollah secretary secretary-general general gen. lt. col. colonel major admiral adm. commander
captain marshal ambassador envoy senator sen. representative rep. governor gov. mayor minister spokesman
spokeswoman spokesperson chairman chairwoman chair chief head director leader deputy foreign defence defense
interior finance economy justice state national security adviser advisor advisers official diplomat mr. mrs.
ms. dr. prof. professor judge justice pope patriarch cardinal bishop rabbi imam lawmaker mp congressman
congresswoman commissioner president-elect founder ceo analyst researcher fellow editor correspondent
reporter columnist""".split()

ROLE_HEADS = {
    "president",
    "prime",
    "chancellor",
    "premier",
    "king",
    "queen",
    "secretary",
    "secretary-general",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chief",
    "head",
    "director",
    "leader",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "governor",
    "mayor",
    "senator",
    "adviser",
    "advisor",
    "commissioner",
    "emir",
    "sultan",
    "ayatollah",
    "pope",
}

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}

# Rebuttal cues: "called Biden's claim complete nonsense", "denied", "dismissed ... as a myth".
REBUTTAL_RE = re.compile(
    r"\b(?:called|calls|described|describes|labeled|labelled|branded|termed|dismissed|dismisses|rejected|rejects|"
    r"denied|denies|refuted|refutes|disputed|disputes|contradicted|contradicts|ridiculed|mocked)\b"
    r"(?P<object>[^.;]{0,160}?)"
    r"\b(?:claims?|statements?|remarks?|allegations?|assertions?|accusations?|comments?|words|warnings?|"
    r"suggestions?|reports?|charges?|theory|narrative)\b",
    re.IGNORECASE,
)
REBUTTAL_WORDS_RE = re.compile(
    r"\b(?:nonsense|rubbish|absurd|ridiculous|baseless|groundless|false|untrue|lies?|lying|fake|fabricat\w+|"
    r"a\s+myth|myths|propaganda|disinformation|misinformation|hysteria|fantas(?:y|ies)|unfounded|"
    r"no\s+(?:valid\s+)?basis|not\s+true|wrong|misleading|provocation)\b",
    re.IGNORECASE,
)
