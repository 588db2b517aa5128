"""Word lists the assistant reads English news with.

Kept apart from the rules so that they can grow without touching the logic.  They
name kinds of words (titles, organisation nouns, speech verbs), not the actors of
any particular conflict: those come from the workspace.
"""

from __future__ import annotations

import re

# Titles written before a name: "President Donald Trump", "Father Paolo".
TITLES = {
    "president", "vice", "father", "pope", "minister", "prime", "foreign", "defence", "defense", "interior",
    "general", "gen", "colonel", "col", "lt", "lieutenant", "major", "maj", "captain", "capt", "sergeant", "sgt",
    "commander", "brigadier", "admiral", "sheikh", "shaikh", "sheik", "dr", "mr", "mrs", "ms", "miss", "king",
    "queen", "prince", "princess", "emir", "imam", "bishop", "archbishop", "patriarch", "rev", "reverend",
    "brother", "sister", "ayatollah", "senator", "sen", "secretary", "ambassador", "envoy", "judge",
    "chancellor", "governor", "mayor", "professor", "prof", "mullah", "cardinal", "sultan", "crown",
    "spokesman", "spokeswoman",
}
# Multi-word title starts that only count with a following title word ("Prime Minister").
TITLE_LEADS = {"vice", "prime", "foreign", "defence", "defense", "interior", "crown"}

# Lower-case nouns that introduce a person: "British journalist John Cantlie".
PERSON_NOUNS = {
    "journalist", "spokesman", "spokeswoman", "spokesperson", "commander", "leader", "priest", "chief",
    "official", "minister", "envoy", "activist", "reporter", "photographer", "correspondent", "analyst",
    "resident", "president", "general", "colonel", "cleric", "lawyer", "doctor", "researcher", "director",
    "founder", "hostage", "monk", "nun", "pastor", "imam", "sheikh", "governor", "mayor", "ambassador",
    "diplomat", "negotiator", "officer", "soldier", "head", "writer", "blogger", "filmmaker", "humanitarian",
    "worker", "volunteer", "nurse", "surgeon", "cameraman", "editor", "businessman", "jesuit", "militant",
    "jihadist", "rebel", "defector", "prisoner", "detainee", "captive", "citizen", "national",
}
# After a name: "Mustafa Bali, head of the SDF media office".
APPOSITION_NOUNS = PERSON_NOUNS | {"a", "the", "an", "one"}

ARMED_WORDS = {
    "forces", "army", "brigade", "brigades", "battalion", "battalions", "front", "militia", "militias", "units",
    "guard", "guards", "corps", "regiment", "division", "mujahideen", "jihad", "hezbollah", "hizbollah",
    "taliban", "qaeda", "qaida", "shabaab", "shabab", "haram", "legion", "resistance", "peshmerga", "hashd", "mobilisation",
    "mobilization", "tahrir", "ahrar", "jabhat", "liwa", "jaish", "katibat", "squadron", "commandos",
}
ORG_WORDS = {
    "observatory", "ministry", "council", "party", "movement", "organisation", "organization", "agency",
    "committee", "coalition", "commission", "office", "union", "institute", "network", "company", "group",
    "association", "foundation", "centre", "center", "federation", "assembly", "parliament", "government",
    "court", "police", "bank", "fund", "crescent", "cross", "nations", "alliance", "administration",
    "authority", "department", "watch", "international", "programme", "program", "service", "services",
    "media", "press", "news", "times", "post", "channel", "radio", "television", "tv", "monitor", "red",
    "helmets", "defence", "defense", "command", "council", "directorate", "secretariat", "mission", "cabinet",
    "senate", "congress", "pentagon", "kremlin", "unicef", "unhcr", "who", "icrc", "msf", "house",
    "league", "tribunal", "bloc", "forum", "caucus", "secretariat", "republic", "kingdom", "emirate", "caliphate",
}
# Words after a name that say it is an armed group: "IS fighters", "Islamic State group".
ARMED_CUES = {
    "group", "fighters", "militants", "jihadists", "gunmen", "rebels", "troops", "militia", "terrorists",
    "insurgents", "cells", "extremists", "forces", "loyalists", "mercenaries", "commanders", "members",
}

# Actors that are states by their acronym.
STATE_ACRONYMS = {"US": "state", "USA": "state", "UK": "state", "CAR": "state", "EU": "organisation", "UN": "organisation",
                  "NATO": "organisation", "UAE": "state", "KSA": "state", "DRC": "state"}

# a body of the United Nations ("United Nations Refugee Agency", "U-N Children's Fund"): never a news agency
UN_PREFIX = r"(?:United\s+Nations|U\.N\.|UN|U-N)"
UN_NAME_RE = re.compile(rf"(?:the\s+)?{UN_PREFIX}\s", re.I)

NEWS_AGENCIES = {
    "reuters", "afp", "agence france-presse", "agence france presse", "associated press", "ap", "sana",
    "anadolu", "anadolu agency", "xinhua", "tass", "sputnik", "ria novosti", "interfax", "bbc", "al jazeera",
    "cnn", "irna", "fars", "tasnim", "dpa", "ansa", "efe", "kyodo", "yonhap", "upi", "bloomberg", "amaq",
    "hawar", "anha", "rudaw", "kurdistan 24", "syrian arab news agency", "al arabiya", "al-arabiya",
    "al-jazeera", "the new arab", "al-araby", "alaraby", "middle east eye", "the guardian", "new york times",
    "washington post", "wall street journal", "daily sabah", "trt", "ahram", "jordan times", "al-masdar",
    "enab baladi", "smart news", "step news", "orient news", "qasioun", "voa", "voice of america", "v-o-a",
    "voa news", "radio free europe", "radio liberty", "rfe/rl", "deutsche welle", "npr", "abc news", "cbs news",
    "nbc news", "sky news", "france 24", "euronews", "al-arabiya tv", "al jazeera tv",
}

# Sentence-initial words that are capitalised only for being first.
COMMON_CAPS = {
    "the", "a", "an", "this", "that", "these", "those", "there", "it", "its", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "my", "once", "also", "but", "and", "or", "so", "in", "on", "at",
    "for", "after", "before", "while", "when", "where", "if", "as", "since", "until", "meanwhile", "however",
    "according", "some", "many", "more", "most", "several", "other", "another", "both", "each", "all", "no",
    "not", "with", "without", "by", "from", "to", "of", "into", "during", "despite", "although", "though",
    "yet", "still", "then", "now", "here", "what", "who", "which", "why", "how", "heavy", "at", "about",
    "over", "under", "among", "between", "last", "next", "earlier", "later", "only", "even", "just",
    "about", "around", "nearly", "almost", "some", "few", "thousands", "hundreds", "dozens", "tens",
    "local", "security", "sources", "reports", "officials", "residents", "civilians", "witnesses", "tags",
    "topic", "get", "short", "url", "read", "share", "updated", "published", "date", "photo", "video",
    "pictures", "image", "images", "click", "follow", "breaking", "exclusive", "update", "live",
    "we", "there", "such", "any", "every", "mostly", "following", "whether", "because", "unless", "than",
    "do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "shall", "let", "please", "see", "said", "says",
    "puzzlingly", "separately", "elsewhere", "instead", "indeed", "moreover", "further", "furthermore",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "thirteen", "dozens", "scores", "millions",
    "i'm", "i've", "i'll", "i'd", "it's", "that's", "there's", "let's",  # capitalised contractions open no name
}

# Words that make a phrase before "said" a speaker ("a Britain-based war monitor said").
SPEAKER_NOUNS = {
    "ministry", "monitor", "observatory", "group", "official", "officials", "source", "sources", "spokesman",
    "spokeswoman", "spokesperson", "media", "agency", "army", "report", "statement", "residents", "activists",
    "witnesses", "police", "military", "government", "regime", "council", "committee", "commander", "commanders",
    "agencies", "organisation", "organization", "office", "command", "coalition", "forces", "militants",
    "rebels", "fighters", "opposition", "doctors", "medics", "hospital", "charity", "envoy", "diplomats",
    "diplomat", "minister", "leader", "leaders", "authorities", "embassy", "department", "pentagon", "kremlin",
    "rights", "watchdog", "union", "mission", "channel", "newspaper", "outlet", "network", "tv", "television",
    "state", "states", "country", "countries", "observers", "analysts", "experts", "people", "family", "relatives",
}

DEMONYMS = {
    "syrian", "iraqi", "kurdish", "turkish", "russian", "american", "british", "french", "german", "iranian",
    "israeli", "lebanese", "jordanian", "saudi", "egyptian", "libyan", "yemeni", "afghan", "pakistani",
    "indian", "chinese", "italian", "spanish", "european", "arab", "arabic", "western", "eastern", "northern",
    "southern", "islamic", "muslim", "christian", "sunni", "shia", "shiite", "alawite", "druze", "yazidi",
    "assyrian", "armenian", "palestinian", "qatari", "emirati", "kuwaiti", "bahraini", "omani", "tunisian",
    "algerian", "moroccan", "sudanese", "somali", "nigerian", "malian", "belgian", "dutch", "swedish",
    "danish", "norwegian", "australian", "canadian", "japanese", "korean", "ukrainian", "chechen", "uzbek",
    "tajik", "turkmen", "circassian", "bedouin", "jihadi", "jihadist", "kurd", "kurds", "arabs", "turks",
    "english", "international", "foreign", "western-backed", "iranian-backed", "russian-backed",
    # peoples and faiths (an ethnic or religious group is never an actor by itself)
    "serb", "serbs", "croat", "croats", "bosnian", "bosniak", "bosniaks", "albanian", "albanians", "moslem",
    "moslems", "muslims", "christians", "sunnis", "shias", "shiites", "hutu", "hutus", "tutsi", "tutsis",
    "pashtun", "pashtuns", "tajiks", "hazara", "hazaras", "baloch", "tamil", "tamils", "sinhalese", "tuareg",
    "tuaregs", "fulani", "hausa", "yoruba", "igbo", "dinka", "nuer", "oromo", "amhara", "tigrayan", "tigrayans",
    "rohingya", "uighur", "uyghur", "uighurs", "uyghurs", "chechens", "ossetian", "abkhaz", "berber", "berbers",
    "arab", "jewish", "jews", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists", "catholic", "catholics",
    "orthodox", "protestant", "protestants", "coptic", "copts", "maronite", "maronites", "zaghawa", "fur", "masalit",
}

MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}

# "US-backed", "Daesh-held": the name before the hyphen is mentioned, not acting.
MODIFIER_SUFFIXES = {"backed", "led", "held", "controlled", "run", "allied", "affiliated", "linked", "based",
                     "supported", "style", "occupied", "dominated", "friendly", "funded", "armed", "aligned",
                     "sponsored", "inspired", "claimed", "brokered", "mediated", "hosted", "imposed", "monitored",
                     "organised", "organized", "trained", "installed", "appointed", "designated", "listed"}

CONNECTORS = {"of", "for", "the", "de", "al", "el", "bin", "ibn", "von", "van", "du", "la", "le", "abu", "abdel", "abd"}

# Prepositions after which a capitalised name is a place.
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "around", "into", "across", "towards", "toward", "through",
                      "inside", "within", "from", "along", "to", "of", "on", "west", "east", "north", "south"}
PLACE_NOUNS = {"pocket", "area", "region", "province", "governorate", "town", "city", "village", "district",
               "camp", "enclave", "valley", "river", "countryside", "border", "desert", "field", "base", "countryside",
               "neighbourhood", "neighborhood", "suburb", "outskirts", "hamlet", "hamlets", "front", "frontline"}
DIRECTIONS = {"eastern", "western", "northern", "southern", "central", "north-eastern", "north-western",
              "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern",
              "rural", "east", "west", "north", "south"}

SPEECH_VERBS = {
    "said", "says", "say", "told", "tells", "added", "adds", "claimed", "claims", "stated", "states", "reported",
    "reports", "announced", "announces", "confirmed", "confirms", "denied", "denies", "warned", "warns",
    "insisted", "explained", "noted", "argued", "alleged", "declared", "tweeted", "wrote", "estimated",
    "revealed", "acknowledged", "admitted", "urged", "vowed", "pledged", "accused", "quoted", "citing",
}

# Words that make a sentence about something happening (stems, matched at word start).
EVENT_STEMS = (
    "attack", "offensive", "assault", "kill", "murder", "execut", "behead", "shell", "bomb", "strike", "airstrike",
    "air strike", "raid", "clash", "fight", "battle", "ambush", "captur", "seiz", "took", "take", "taken", "retak",
    "recaptur", "liberat", "withdr", "retreat", "evacuat", "flee", "fled", "displac", "corridor", "siege",
    "besieg", "surround", "advanc", "push", "launch", "renew", "resum", "halt", "paus", "suspend", "hold",
    "held", "holding", "detain", "arrest", "kidnap", "abduct", "hostage", "releas", "freed", "negotiat", "talks",
    "ceasefire", "truce", "surrender", "defeat", "control", "destroy", "damag", "wound", "injur", "dead",
    "death", "die", "casualt", "massacre", "explo", "blast", "deploy", "enter", "storm", "occup", "encircl",
    "protest", "demonstrat", "smuggl", "insurgen", "open", "clos", "collaps", "fell", "fall", "expel", "expell",
    "shot", "shoot", "fire", "trapped", "starv", "shortage", "hit", "target", "struck", "besieg", "sentenc",
    "disappear", "missing", "spotted", "seen", "escap", "defect", "join", "form", "establish", "announc",
    "proclaim", "declar", "agree", "sign", "reject", "accus", "deni", "vow", "threat", "warn", "expect",
    "demolish", "loot", "infiltrat", "retaliat", "vote", "counterattack", "counter-attack",
    "battl", "fought", "dismiss", "overran", "overrun", "torch", "burn", "hijack", "invad", "invasion", "riot",
    "mutin", "assassinat", "detonat", "intercept", "gunfire", "raped", "stabbed", "stabbing",
    "campaign", "patrol", "arriv", "toppl", "oust", "overthr",
    "offer", "propos", "pound", "reinforc", "cancel", "march", "repuls", "interven",
    "shut", "pull",
    # deeds an analyst codes that the words above miss: blowing up, gunning down, ransacking,
    # swapping prisoners, blockades, curfews and sanctions imposed, leaders resigning, sworn in or named,
    # troops sent or dispatched (triggers: only sending people), bases handed over, aircraft downed, rescues,
    # violations of a truce, borders crossed, parliaments dissolved, ties severed, land annexed, plots foiled,
    # decrees, bans and ultimatums issued, fighters recruited, verdicts, lynchings, rallies, crashes
    "blew", "blown", "blow up", "blows up", "blowing up", "gunned", "ransack", "swap", "exchang",
    "blockad", "curfew", "impos", "sanction", "resign", "stepped down", "step down", "steps down",
    "stepping down", "sworn", "inaugurat", "appoint", "sacked", "dispatch", "handed over", "hand over",
    "hands over", "handing over", "handover", "downed", "downing", "rescu", "violat", "operation",
    "reopen", "annex", "dissolv", "severed", "moved into", "move into", "moves into", "moving into",
    "crossed into", "cross into", "crosses into", "crossing into", "elected", "foil", "thwart", "decree", "banned",
    "banning", "recruit", "ultimatum", "convict", "acquit", "lynch", "rallied", "crash",
    "handed", "handing",  # (with their particle only: "handed the base over"; triggers._PHRASAL)
    "send", "sends", "sending", "sent",  # (whole words only: EVENT_WHOLE_WORDS)
)
# Event words that count only as whole words (or their plural): "sent" not "sentiment" or "sentinel".
EVENT_WHOLE_WORDS = frozenset({"send", "sends", "sending", "sent"})

# All-capital words that are not names.
ALLCAPS_NOT_NAMES = {"URL", "PDF", "HTML", "GMT", "UTC", "AM", "PM", "OK", "II", "III", "IV", "FAQ", "RSS", "PHOTO",
                     "VIDEO", "LIVE", "NEW", "UPDATE"}

# Verbs of title-case headlines ("Coalition Airstrikes Kill ..."): a run holding one is not a name.
HEADLINE_VERBS = {"kill", "kills", "killed", "shows", "show", "says", "said", "claims", "slams", "hits", "seizes",
                  "seized", "takes", "vows", "warns", "urges", "accuses", "reports", "launches", "launched",
                  "attacks", "attacked", "destroys", "destroyed", "captures", "captured", "frees", "freed",
                  "flee", "flees", "fleeing", "leaders", "mistakes", "lack", "led"}

# States by their usual English names (general knowledge, like the demonyms above): a state
# acting or speaking in a sentence ("Russia said", "Turkey has hosted") is a state actor; after
# "in", "near", ... it stays a place.
COUNTRIES = {
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin",
    "bhutan", "bolivia", "bosnia", "botswana", "brazil", "britain", "great britain", "brunei", "bulgaria",
    "burkina faso", "burundi", "burma", "cambodia", "cameroon", "canada", "cape verde", "chad", "chile", "china",
    "colombia", "comoros", "congo", "costa rica", "croatia", "cuba", "cyprus", "czechia", "czech republic",
    "denmark", "djibouti", "dominican republic", "ecuador", "egypt", "el salvador", "eritrea", "estonia",
    "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana",
    "greece", "guatemala", "guinea", "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia",
    "iran", "iraq", "ireland", "israel", "italy", "ivory coast", "jamaica", "japan", "jordan", "kazakhstan",
    "kenya", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya",
    "liechtenstein", "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta",
    "mauritania", "mauritius", "mexico", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique",
    "myanmar", "namibia", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north korea",
    "north macedonia", "norway", "oman", "pakistan", "palestine", "panama", "papua new guinea", "paraguay",
    "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "saudi arabia",
    "senegal", "serbia", "sierra leone", "singapore", "slovakia", "slovenia", "somalia", "south africa",
    "south korea", "south sudan", "soviet union", "spain", "sri lanka", "sudan", "sweden", "switzerland",
    "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tunisia", "turkey", "turkiye",
    "turkmenistan", "uganda", "ukraine", "united arab emirates", "united kingdom", "united states",
    "democratic republic of congo", "democratic republic of the congo", "republic of congo", "republic of the congo",
    "central african republic", "equatorial guinea", "guinea-bissau", "east timor", "timor-leste",
    "united states of america", "uruguay", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe",
}
# Capitals that stand for their states when they act ("Ankara says", "Moscow has warned"): general
# knowledge, like the countries above; after "in", "near", ... they stay places.
CAPITALS = {
    "washington", "moscow", "beijing", "london", "paris", "berlin", "ankara", "tehran", "damascus", "baghdad",
    "kabul", "islamabad", "new delhi", "riyadh", "cairo", "tripoli", "khartoum", "juba", "nairobi", "addis ababa",
    "kigali", "kinshasa", "kampala", "abuja", "bamako", "niamey", "ouagadougou", "ndjamena", "n'djamena",
    "mogadishu", "sanaa", "beirut", "amman", "jerusalem", "kiev", "kyiv", "tbilisi", "belgrade", "sarajevo",
    "zagreb", "pristina", "tokyo", "seoul", "pyongyang", "rome", "madrid", "brussels", "algiers", "rabat", "tunis",
    "doha", "abu dhabi", "muscat", "manila", "jakarta", "colombo", "kathmandu", "dhaka", "yangon", "naypyitaw",
    "bogota", "caracas", "havana", "mexico city", "ottawa", "canberra", "bujumbura", "asmara", "harare", "luanda",
}
# Verbs after a state's name that make it act: "Russia is a close ally", "Turkey has hosted".
STATE_VERBS = SPEECH_VERBS | {
    "is", "was", "has", "have", "had", "will", "would", "could", "began", "begins", "launched", "launches",
    "sent", "sends", "deployed", "deploys", "struck", "strikes", "hosted", "hosts", "backed", "backs",
    "supported", "supports", "accused", "called", "calls", "demanded", "demands", "agreed", "agrees", "signed",
    "signs", "rejected", "rejects", "imposed", "imposes", "recalled", "expelled", "closed", "opened", "seized",
    "captured", "attacked", "bombed", "shelled", "withdrew", "intervened", "entered", "invaded", "condemned",
}
# Names the press uses for one and the same actor, which no general rule (initials,
# brackets) can tie together: "ISIS" and "Daesh" are IS.  A known actor going by any of
# them is found by all of them; one report's mentions of several are one candidate.
SAME_ACTOR = (
    ("Islamic State", "Islamic State group", "IS", "ISIS", "ISIL", "Daesh", "Da'esh", "Daish",
     "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria", "Islamic State of Iraq and al-Sham",
     "Islamic State in Iraq and the Levant", "Islamic State in Iraq and Syria"),
    ("Syrian Democratic Forces", "SDF", "QSD"),
    ("People's Protection Units", "YPG"),
    ("Kurdistan Workers' Party", "PKK"),
    ("Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "HTS", "Tahrir al-Sham"),
    ("Nusra Front", "al-Nusra Front", "Jabhat al-Nusra", "Jabhat Fatah al-Sham"),
    ("Syrian Arab Army", "SAA"),
    ("Free Syrian Army", "FSA"),
    # the same names in the press's several spellings
    ("Taliban", "Taleban"),
    ("al-Shabab", "al-Shabaab", "Shabab", "Shabaab", "al-Shebab"),
    ("al-Qaida", "al-Qaeda", "al Qaeda", "al-Qa'ida", "Qaeda"),  # ("al Qaeda" is read as "Qaeda")
)

# -- Arabic ------------------------------------------------------------------------------
# The actors Arabic reports name most, by their Arabic names (and common spellings),
# with the English name and kind they go by: a workspace that knows the English name
# (or holds the Arabic one as an alias) gets its own actor.
ARABIC_ACTORS = {
    "تنظيم الدولة الإسلامية": ("Islamic State", "armed_group"), "الدولة الإسلامية": ("Islamic State", "armed_group"),
    "تنظيم الدولة": ("Islamic State", "armed_group"), "داعش": ("Islamic State", "armed_group"),
    "قوات سوريا الديمقراطية": ("Syrian Democratic Forces", "armed_group"), "قسد": ("Syrian Democratic Forces", "armed_group"),
    "وحدات حماية الشعب": ("People's Protection Units", "armed_group"),
    "حزب الاتحاد الديمقراطي": ("Democratic Union Party", "organisation"),
    "حزب العمال الكردستاني": ("Kurdistan Workers' Party", "armed_group"),
    "الجيش السوري الحر": ("Free Syrian Army", "armed_group"), "الجيش الحر": ("Free Syrian Army", "armed_group"),
    "الجيش العربي السوري": ("Syrian Arab Army", "armed_group"), "الجيش السوري": ("Syrian Arab Army", "armed_group"),
    "قوات النظام": ("Syrian Arab Army", "armed_group"), "قوات الأسد": ("Syrian Arab Army", "armed_group"),
    "جبهة النصرة": ("Jabhat al-Nusra", "armed_group"), "هيئة تحرير الشام": ("Hay'at Tahrir al-Sham", "armed_group"),
    "تنظيم القاعدة": ("al-Qaeda", "armed_group"), "القاعدة": ("al-Qaeda", "armed_group"),
    "حزب الله": ("Hezbollah", "armed_group"), "حركة حماس": ("Hamas", "armed_group"), "حماس": ("Hamas", "armed_group"),
    "حركة طالبان": ("Taliban", "armed_group"), "طالبان": ("Taliban", "armed_group"),
    "الحوثيين": ("Houthis", "armed_group"), "الحوثيون": ("Houthis", "armed_group"), "أنصار الله": ("Houthis", "armed_group"),
    "الحشد الشعبي": ("Popular Mobilization Forces", "armed_group"), "البيشمركة": ("Peshmerga", "armed_group"),
    "أحرار الشام": ("Ahrar al-Sham", "armed_group"), "جيش الإسلام": ("Jaysh al-Islam", "armed_group"),
    "الحرس الثوري": ("Islamic Revolutionary Guard Corps", "armed_group"),
    "التحالف الدولي": ("International coalition", "armed_group"), "قوات التحالف": ("International coalition", "armed_group"),
    "التحالف العربي": ("Saudi-led coalition", "armed_group"), "التحالف": ("International coalition", "armed_group"),
    "الجيش العراقي": ("Iraqi Army", "armed_group"), "الجيش التركي": ("Turkish Armed Forces", "armed_group"),
    "الجيش الإسرائيلي": ("Israel Defense Forces", "armed_group"), "الجيش اللبناني": ("Lebanese Army", "armed_group"),
    "الولايات المتحدة": ("United States", "state"), "واشنطن": ("United States", "state"), "أمريكا": ("United States", "state"),
    "روسيا": ("Russia", "state"), "موسكو": ("Russia", "state"), "تركيا": ("Turkey", "state"), "أنقرة": ("Turkey", "state"),
    "إيران": ("Iran", "state"), "طهران": ("Iran", "state"),
    "السعودية": ("Saudi Arabia", "state"), "المملكة العربية السعودية": ("Saudi Arabia", "state"),
    "إسرائيل": ("Israel", "state"), "العراق": ("Iraq", "state"),
    "الأردن": ("Jordan", "state"), "لبنان": ("Lebanon", "state"), "مصر": ("Egypt", "state"), "فرنسا": ("France", "state"),
    "بريطانيا": ("United Kingdom", "state"), "قطر": ("Qatar", "state"), "الإمارات": ("United Arab Emirates", "state"),
    "الحكومة السورية": ("Syrian government", "state"), "النظام السوري": ("Syrian government", "state"),
    "الأمم المتحدة": ("United Nations", "organisation"), "مجلس الأمن": ("UN Security Council", "organisation"),
    "حلف الناتو": ("NATO", "organisation"), "الناتو": ("NATO", "organisation"),
    "الجامعة العربية": ("Arab League", "organisation"), "الصليب الأحمر": ("ICRC", "organisation"),
    "المرصد السوري لحقوق الإنسان": ("Syrian Observatory for Human Rights", "source"),
    "المرصد السوري": ("Syrian Observatory for Human Rights", "source"),
    "وكالة الأنباء السورية": ("SANA", "source"), "سانا": ("SANA", "source"), "رويترز": ("Reuters", "source"),
    "فرانس برس": ("Agence France-Presse", "source"), "أ ف ب": ("Agence France-Presse", "source"),
    "الأناضول": ("Anadolu Agency", "source"), "د ب أ": ("dpa", "source"), "أسوشيتد برس": ("Associated Press", "source"),
    "الجزيرة": ("Al Jazeera", "source"), "العربية": ("Al Arabiya", "source"), "وكالة أعماق": ("Amaq", "source"),
}
# Nouns that speak in Arabic reports: "قال مصدر عسكري" (a military source said).
ARABIC_SPEAKER_NOUNS = (
    "مصدر", "مصادر", "مسؤول", "مسؤولون", "متحدث", "المتحدث", "ناطق", "الناطق", "وزير", "وزارة", "قائد", "شهود",
    "ناشطون", "ناشط", "مراسل", "بيان", "الرئيس", "رئيس", "محافظ", "مدير", "المرصد", "الجيش", "القيادة", "الحكومة",
    "سكان", "مصدر أمني", "مصدر محلي", "مصادر محلية", "مصادر طبية", "الشرطة", "التحالف", "المتحدثة",
    # people and bodies the press quotes unnamed: authorities, diplomats, activists, medics, a witness
    "السلطات", "سلطات", "دبلوماسي", "نشطاء", "ناشطين", "مسعف", "شاهد", "عمال إغاثة", "أطباء", "المعارضة",
    "مسؤولين", "مسؤولو",
)
# Words that tell something happening (verbs and their nouns).
ARABIC_EVENT_WORDS = (
    "قتل", "قتلت", "مقتل", "قتلى", "قتيل", "هجوم", "هجمات", "هاجم", "هاجمت", "استهدف", "استهدفت", "استهداف", "قصف",
    "قصفت", "غارة", "غارات", "سيطر", "سيطرت", "سيطرة", "انسحب", "انسحبت", "انسحاب", "اشتباكات", "اشتبك", "معارك",
    "معركة", "تفجير", "انفجار", "فجر", "فجرت", "اعتقل", "اعتقلت", "اعتقال", "اختطف", "اختطاف", "خطف", "أسر", "أعدم",
    "إعدام", "اعدام", "طرد", "حرر", "تحرير", "استعاد", "استعادت", "استعادة", "اقتحم", "اقتحمت", "اقتحام", "دخل",
    "دخلت", "ضربات", "ضربة", "إصابة", "اصابة", "جرح", "جرحى", "أصيب", "سقط", "تقدم", "تقدمت", "حاصر", "حصار", "هدنة",
    "اتفاق", "وقف إطلاق النار", "نزوح", "نزح", "فر", "فرار", "أطلق", "إطلاق", "شن", "شنت", "تدمير", "دمر", "أحرق",
    "إسقاط", "أسقط", "أسقطت", "تبنى", "تبنت", "أعلن مسؤوليته", "يطرد", "طردت", "عملية", "عمليات", "نفذ", "نفذت",
)
