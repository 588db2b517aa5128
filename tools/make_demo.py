"""Write resources/demo/demo.json: the demo workspace, authored here in Briefer's own words.

The facts are those of the SDF's campaign against the last Islamic State pocket in the
Euphrates valley (2013–2019); every sentence is ours.  UUIDs are derived from stable
keys (uuid5) so that the file is reproducible and re-importing it changes nothing.

    python tools/make_demo.py          # rewrite resources/demo/demo.json
"""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer.core.model import content_hash  # noqa: E402
from briefer.core.when import When  # noqa: E402

NS = uuid.UUID("6f1c1d2e-8a0b-4c55-9a54-0b7d1e2f3a4b")
CREATED = "2019-02-10T08:00:00"


def uid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NS, f"{kind}:{key}"))


# name, kind, description, aliases, member_of
ACTORS = [
    ("Syrian Democratic Forces", "armed_group",
     "Kurdish-led alliance of militias in north-east Syria; the coalition's main partner on the ground.",
     ["SDF", "QSD", "قسد"], None),
    ("People's Protection Units", "armed_group", "Kurdish militia at the core of the SDF.", ["YPG"],
     "Syrian Democratic Forces"),
    ("Islamic State", "armed_group", "Jihadist group that proclaimed a caliphate in 2014.",
     ["IS", "ISIS", "ISIL", "Daesh", "Islamic State group", "داعش"], None),
    ("Abu Bakr al-Baghdadi", "person", "Leader of Islamic State.", ["al-Baghdadi"], "Islamic State"),
    ("US-led coalition", "organisation", "The international coalition fighting Islamic State in Iraq and Syria.",
     ["Global Coalition", "CJTF-OIR", "Operation Inherent Resolve"], None),
    ("United States", "state", "", ["US", "USA", "Washington"], None),
    ("Donald Trump", "person", "President of the United States from 2017.", ["President Trump", "Trump"],
     "United States"),
    ("Mustafa Bali", "person", "Heads the SDF media office; often speaks for the SDF to the press.",
     ["Mustafa Bali (SDF)"], "Syrian Democratic Forces"),
    ("Sean Ryan", "person", "US Army colonel, spokesman of the coalition in 2019.", ["Col. Sean Ryan"],
     "US-led coalition"),
    ("Paolo Dall'Oglio", "person", "Italian Jesuit priest who lived in Syria for decades; missing since 2013.",
     ["Father Paolo", "Father Paolo Dall’Oglio"], None),
    ("John Cantlie", "person", "British journalist held by Islamic State.", ["Cantlie"], None),
    ("Civilians in the Hajin pocket", "other", "Residents and families of fighters trapped in the last enclave.",
     ["Baghouz civilians"], None),
]

# name, kind, reliability, url, notes
SOURCES = [
    ("Reuters", "news_agency", "B", "https://www.reuters.com", "International news agency."),
    ("Agence France-Presse", "news_agency", "B", "https://www.afp.com", "French news agency; also AFP."),
    ("Syrian Observatory for Human Rights", "ngo", "C", "https://www.syriahr.com",
     "UK-based monitor relying on a network of contacts inside Syria; claims are often hard to verify."),
    ("The New Arab", "outlet", "C", "https://www.newarab.com", "London-based outlet; relays agency reporting."),
    ("SDF media office", "official", "D", "", "A party to the fighting: statements are claims, not confirmation."),
    ("Coalition press desk", "official", "C", "https://www.inherentresolve.mil",
     "Statements of the US-led coalition; a party to the fighting."),
    ("Amaq", "social_media", "E", "", "Islamic State's own news channel; propaganda."),
]

# Documents are short analyst notes written for the demo (own words), so the source
# panel can show cited passages.
DOCUMENTS = [
    ("baghouz-pause", "The New Arab", "Assault on last IS enclave waits for civilians to leave",
     "2019-02-09", "Demo desk",
     "Baghouz, 9 February 2019 (demo summary)\n\n"
     "The Syrian Democratic Forces have put their push on the final Islamic State enclave near Baghouz on hold "
     "while civilians are still inside. According to the SDF, people are leaving every day through a safe "
     "corridor, and the final attack will come once the town is clear of them.\n\n"
     "An SDF spokesman, speaking to Reuters, ruled out any talks with the jihadists: they can fight or "
     "surrender, he said.\n\n"
     "The Syrian Observatory for Human Rights claimed this week that the Italian priest Paolo Dall'Oglio, "
     "missing since 2013 and widely thought dead, is alive and held inside the pocket. The claim could not "
     "be checked.\n\n"
     "In Washington, President Trump told coalition partners he expects the group's last territory to fall "
     "within about a week. US troops are due to leave Syria by April."),
    ("hajin-falls", "Agence France-Presse", "SDF take Hajin after three months of fighting",
     "2018-12-14", "Demo desk",
     "Hajin, 14 December 2018 (demo summary)\n\n"
     "Kurdish-led forces said they had taken the town of Hajin, the largest town left in the Islamic State "
     "pocket east of the Euphrates, after an offensive that began in September. Fighting continued in the "
     "villages further south towards Baghouz."),
]

# key, title, when, place, lat, lon, type, subtype, tags, fatalities, confidence, summary,
# actors [(name, role)], citations [(source, credibility, quote, document key or None)]
EVENTS = [
    ("dalloglio-missing", "Father Paolo Dall'Oglio goes missing in Raqqa", "2013-07~", "Raqqa", 35.95, 39.01,
     "Violence against civilians", "Abduction/forced disappearance", ["hostages"], None, "moderate",
     "The Jesuit priest was last seen in Raqqa, apparently on his way to meet militants; he has not been seen since.",
     [("Paolo Dall'Oglio", "affected"), ("Islamic State", "initiator")],
     [("Agence France-Presse", 2, "last seen in Raqqa in late July", None)]),
    ("dalloglio-killed", "Father Paolo reported killed by jihadists", "2013?", "Raqqa", 35.95, 39.01,
     "Violence against civilians", "Attack", ["hostages"], None, "low",
     "Reports over the years said the priest was killed in 2013; no body has been found and the claim is unconfirmed.",
     [("Paolo Dall'Oglio", "affected"), ("Islamic State", "initiator")],
     [("Agence France-Presse", 4, "believed to have been killed", None)]),
    ("caliphate", "Islamic State proclaims a caliphate", "2014-06-29", "Mosul", 36.34, 43.13,
     "Strategic developments", "Change to group/activity", ["caliphate"], None, "high",
     "The group announces a caliphate across the land it holds in Iraq and Syria.",
     [("Islamic State", "initiator"), ("Abu Bakr al-Baghdadi", "spokesperson")],
     [("Reuters", 1, "declared a caliphate", None), ("Amaq", 6, "the return of the caliphate", None)]),
    ("is-control", "Islamic State holds much of eastern Syria", "2014/..", "Euphrates valley", None, None,
     "Strategic developments", "Non-violent transfer of territory", ["territory"], None, "high",
     "From 2014 the group controls large parts of eastern Syria and western and northern Iraq.",
     [("Islamic State", "initiator")],
     [("The New Arab", 2, "held much of eastern Syria from 2014", None)]),
    ("coalition-forms", "US-led coalition against Islamic State takes shape", "2014-09", "", None, None,
     "Strategic developments", "Agreement", ["coalition"], None, "high",
     "Dozens of states join a US-led coalition to fight the group.",
     [("US-led coalition", "initiator"), ("United States", "initiator"), ("Islamic State", "target")],
     [("Reuters", 1, "a broad coalition", None)]),
    ("airstrikes", "Coalition air campaign over Syria", "2014-09-23/..", "Syria", None, None,
     "Explosions/Remote violence", "Air/drone strike", ["airstrikes"], None, "high",
     "Coalition aircraft strike Islamic State targets in Syria from late September 2014 onwards.",
     [("US-led coalition", "initiator"), ("Islamic State", "target")],
     [("Coalition press desk", 2, "strikes in Syria began", None), ("Reuters", 1, "first strikes on Syria", None)]),
    ("cantlie-videos", "John Cantlie appears in Islamic State videos", "2014-09", "", None, None,
     "Strategic developments", "Other", ["hostages", "propaganda"], None, "moderate",
     "The captive British journalist is shown presenting a series of propaganda videos.",
     [("John Cantlie", "affected"), ("Islamic State", "initiator")],
     [("Amaq", 6, "a series of lectures", None), ("Reuters", 2, "appeared in a video", None)]),
    ("sdf-founded", "Syrian Democratic Forces founded", "2015-10-10", "Hasakah", 36.50, 40.75,
     "Strategic developments", "Change to group/activity", ["sdf"], None, "high",
     "Kurdish and Arab militias form an alliance that becomes the coalition's ground partner.",
     [("Syrian Democratic Forces", "initiator"), ("People's Protection Units", "initiator")],
     [("Reuters", 1, "a new alliance", None)]),
    ("raqqa-falls", "SDF take Raqqa", "2017-10-17", "Raqqa", 35.95, 39.01,
     "Battles", "Non-state actor overtakes territory", ["raqqa", "offensive"], None, "high",
     "After a four-month battle the SDF declare the group's Syrian capital taken.",
     [("Syrian Democratic Forces", "initiator"), ("Islamic State", "target"), ("US-led coalition", "initiator")],
     [("Reuters", 1, "full control of Raqqa", None), ("SDF media office", 2, "liberated", None)]),
    ("hajin-offensive", "SDF open the offensive on the Hajin pocket", "2018-09-10", "Hajin", 34.69, 40.83,
     "Battles", "Armed clash", ["hajin", "offensive"], None, "high",
     "With coalition air support the SDF attack the last stretch of the Euphrates valley the group holds.",
     [("Syrian Democratic Forces", "initiator"), ("Islamic State", "target"), ("US-led coalition", "initiator")],
     [("Coalition press desk", 2, "final phase of operation", None), ("Agence France-Presse", 2, "an offensive that began in September", "hajin-falls")]),
    ("hajin-taken", "SDF capture Hajin", "2018-12-14", "Hajin", 34.69, 40.83,
     "Battles", "Non-state actor overtakes territory", ["hajin", "offensive"], None, "high",
     "The largest town left in the pocket falls; fighting moves south towards Baghouz.",
     [("Syrian Democratic Forces", "initiator"), ("Islamic State", "target")],
     [("Agence France-Presse", 2, "they had taken the town of Hajin", "hajin-falls")]),
    ("withdrawal-announced", "Trump announces US troops will leave Syria", "2018-12-19", "Washington",
     38.90, -77.04, "Strategic developments", "Change to group/activity", ["withdrawal"], None, "high",
     "The US president says the group is beaten and orders American troops home.",
     [("Donald Trump", "spokesperson"), ("United States", "initiator")],
     [("Reuters", 1, "we have won against ISIS", None)]),
    ("civilians-trapped", "Thousands of civilians trapped in the Hajin pocket", "2019-01/2019-02", "Baghouz",
     34.47, 40.94, "Violence against civilians", "Attack", ["civilians", "humanitarian"], None, "moderate",
     "Families, many of them relatives of fighters, are stuck in the last villages under shelling and short of food.",
     [("Civilians in the Hajin pocket", "affected"), ("Islamic State", "mentioned")],
     [("The New Arab", 3, "thousands of civilians", None), ("Syrian Observatory for Human Rights", 3, "shortages of food", None)]),
    ("corridors", "SDF open humanitarian corridors out of Baghouz", "2019-02-04/2019-02-09", "Baghouz",
     34.47, 40.94, "Strategic developments", "Other", ["civilians", "humanitarian", "baghouz"], None, "moderate",
     "Civilians leave the enclave every day through routes the SDF say they keep open.",
     [("Syrian Democratic Forces", "initiator"), ("Civilians in the Hajin pocket", "affected"),
      ("Mustafa Bali", "spokesperson")],
     [("The New Arab", 3, "people are leaving every day through a safe corridor", "baghouz-pause"),
      ("Reuters", 2, "safe corridor", None)]),
    ("pause", "SDF pause the offensive on Baghouz until civilians are out", "2019-02-09", "Baghouz",
     34.47, 40.94, "Strategic developments", "Other", ["baghouz", "offensive"], None, "high",
     "The final attack on the enclave waits for the evacuation of civilians; the SDF rule out talks.",
     [("Syrian Democratic Forces", "initiator"), ("Islamic State", "target"), ("Mustafa Bali", "spokesperson")],
     [("Reuters", 2, "fight or surrender", "baghouz-pause"), ("SDF media office", 3, "no negotiations", None)]),
    ("dalloglio-claim", "SOHR claims Father Paolo is held in the Hajin pocket", "2019-02-03/2019-02-09",
     "Hajin pocket", 34.55, 40.90, "Violence against civilians", "Abduction/forced disappearance",
     ["hostages"], None, "low",
     "The monitor says the missing priest is alive and held by the group as a bargaining chip; unconfirmed.",
     [("Paolo Dall'Oglio", "affected"), ("Islamic State", "initiator"), ("John Cantlie", "mentioned")],
     [("Syrian Observatory for Human Rights", 5, "is alive and held inside the pocket", "baghouz-pause")]),
    ("trump-week", "Trump expects Islamic State defeated within a week", "2019-02-06", "Washington",
     38.90, -77.04, "Strategic developments", "Other", ["withdrawal"], None, "moderate",
     "Addressing coalition partners, the president predicts the group's last territory will fall within a week.",
     [("Donald Trump", "spokesperson"), ("Islamic State", "mentioned"), ("US-led coalition", "mentioned")],
     [("The New Arab", 3, "within about a week", "baghouz-pause"), ("Reuters", 2, "100 percent", None)]),
    ("withdrawal-deadline", "US withdrawal from Syria due to be complete", "../2019-04", "Syria", None, None,
     "Strategic developments", "Change to group/activity", ["withdrawal"], None, "low",
     "The pull-out is planned to end by April; officials fear sleeper cells will exploit it.",
     [("United States", "initiator"), ("Islamic State", "mentioned")],
     [("The New Arab", 3, "due to leave Syria by April", "baghouz-pause")]),
    ("strikes-baghouz", "Coalition strikes on the Baghouz enclave", "2019-02~", "Baghouz", 34.47, 40.94,
     "Explosions/Remote violence", "Air/drone strike", ["airstrikes", "baghouz"], None, "moderate",
     "Air and artillery strikes hit fighters' positions around the village through the month.",
     [("US-led coalition", "initiator"), ("Islamic State", "target"), ("Sean Ryan", "spokesperson")],
     [("Coalition press desk", 3, "precision strikes", None),
      ("Syrian Observatory for Human Rights", 4, "civilians among the dead", None)]),
    ("assault-resumes", "SDF resume the assault on Baghouz", "2019-03-01", "Baghouz", 34.47, 40.94,
     "Battles", "Armed clash", ["baghouz", "offensive"], None, "high",
     "After weeks of evacuations the SDF restart the attack on the enclave.",
     [("Syrian Democratic Forces", "initiator"), ("Islamic State", "target"), ("Mustafa Bali", "spokesperson")],
     [("Reuters", 2, "the battle resumed", None)]),
    ("baghouz-falls", "SDF declare the end of Islamic State's territory at Baghouz", "2019-03-23", "Baghouz",
     34.47, 40.94, "Battles", "Non-state actor overtakes territory", ["baghouz", "territory"], None, "high",
     "The SDF announce the last pocket taken: the group no longer holds land in Syria.",
     [("Syrian Democratic Forces", "initiator"), ("Islamic State", "target"), ("US-led coalition", "initiator")],
     [("Reuters", 1, "total elimination", None), ("SDF media office", 2, "100 percent", None)]),
    ("sleeper-cells", "Fears of Islamic State sleeper cells after Baghouz", "2019", "Deir ez-Zor", 35.33, 40.14,
     "Strategic developments", "Other", ["insurgency"], None, "low",
     "Analysts and officials warn that fighters who slipped out among civilians could start a new insurgency.",
     [("Islamic State", "initiator"), ("Syrian Democratic Forces", "target")],
     [("The New Arab", 3, "sleeper cells", None)]),
    ("baghdadi-killed", "Abu Bakr al-Baghdadi killed in US raid", "2019-10-27", "Barisha, Idlib", 36.16, 36.63,
     "Battles", "Armed clash", ["leadership"], None, "high",
     "US special forces raid a compound in north-west Syria; the group's leader dies.",
     [("United States", "initiator"), ("Abu Bakr al-Baghdadi", "target"), ("Donald Trump", "spokesperson")],
     [("Reuters", 1, "killed in a raid", None)]),
]


def build() -> dict:
    actors = []
    for name, kind, description, aliases, member_of in ACTORS:
        actors.append({"uid": uid("actor", name), "name": name, "kind": kind, "description": description,
                       "aliases": aliases, "member_of": uid("actor", member_of) if member_of else None})
    sources = [{"uid": uid("source", n), "name": n, "kind": k, "reliability": r, "url": u, "notes": notes}
               for n, k, r, u, notes in SOURCES]
    documents = []
    for key, source, title, published, author, text in DOCUMENTS:
        documents.append({"uid": uid("document", key), "source": uid("source", source), "title": title,
                          "published": published, "author": author, "url": "", "text": text,
                          "content_hash": content_hash(text)})
    doc_text = {uid("document", d[0]): d[5] for d in DOCUMENTS}
    events = []
    for (key, title, when, place, lat, lon, etype, subtype, tags, fatalities, confidence, summary,
         roles, citations) in EVENTS:
        When.parse(when)  # fail early on a typo
        cites = []
        for i, (source, credibility, quote, doc) in enumerate(citations):
            doc_uid = uid("document", doc) if doc else None
            if doc_uid and quote not in doc_text[doc_uid]:
                raise SystemExit(f"{key}: quote {quote!r} is not in document {doc}")
            cites.append({"uid": uid("citation", f"{key}:{i}"), "source": uid("source", source),
                          "document": doc_uid, "credibility": credibility, "quote": quote})
        events.append({
            "uid": uid("event", key), "title": title, "when": when, "summary": summary, "place": place,
            "latitude": lat, "longitude": lon, "country": "Syria" if place not in ("Mosul", "Washington", "") else
            {"Mosul": "Iraq", "Washington": "United States"}.get(place, ""),
            "event_type": etype, "sub_event_type": subtype, "tags": tags, "fatalities": fatalities,
            "confidence": confidence, "notes": "", "external_id": "",
            "actors": [{"actor": uid("actor", a), "role": r} for a, r in roles],
            "citations": cites, "created": CREATED, "updated": CREATED,
        })
    return {"format": "briefer-workspace", "version": 1, "exported_by": "tools/make_demo.py",
            "workspace": "Demo: the last IS pocket (2019)", "actors": actors, "sources": sources,
            "documents": documents, "events": events}


if __name__ == "__main__":
    target = ROOT / "resources" / "demo" / "demo.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}")
