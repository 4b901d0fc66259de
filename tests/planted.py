"""A record set with planted duplicates, invented for the DS tests.

- `festival` and `festival-feed`: the same story under two URLs, the second
  with tracking parameters (DS001 same body, DS002 same source);
- `festival-mirror`: a near copy, punctuation changed and a sentence added
  (DS003, naming the two others);
- `ferry` and `orchard`: stories of their own (no DS finding).
"""

from __future__ import annotations

import json
from pathlib import Path

FESTIVAL = """\
The lantern festival on the Vell river returned on Saturday after a four-year pause, and the organisers counted
more than twelve thousand visitors along the two bridges before the first boats were launched at dusk.
Volunteers from the rowing club spent the afternoon folding paper shades in the old grain hall, where the
council had set up long tables, glue pots and a stack of bamboo frames donated by a furniture workshop in
the next valley. Mira Toller, who chairs the festival committee, said the pause had been longer than anyone
wanted. "We lost the barge we used for the fireworks, and then we lost two summers to flooding," she said.
"This year the river was calm, the insurance came through and people simply turned up with their own
lanterns." The route ran from the weir to the ferry steps, a little under two kilometres, and the boats
drifted slowly enough that children could walk beside them on the towpath. Police closed the lower bridge
to cars for three hours; a spokesman said the evening passed without arrests. Traders on the market square
reported their busiest night since the spring fair, and the bakery on Quay Street sold out of its honey
buns by eight o'clock. The committee plans to keep the festival on the first Saturday of September and
hopes to bring back the fireworks barge next year, if a sponsor can be found for the repairs.
"""

# The same story, punctuation changed (quotes, dashes, commas) and one sentence added.
FESTIVAL_MIRROR = """\
The lantern festival on the Vell river returned on Saturday after a four-year pause; and the organisers counted
more than twelve thousand visitors along the two bridges before the first boats were launched at dusk!
Volunteers from the rowing club spent the afternoon folding paper shades in the old grain hall - where the
council had set up long tables, glue pots and a stack of bamboo frames donated by a furniture workshop in
the next valley. Mira Toller, who chairs the festival committee, said the pause had been longer than anyone
wanted: 'We lost the barge we used for the fireworks, and then we lost two summers to flooding,' she said.
'This year the river was calm, the insurance came through and people simply turned up with their own
lanterns.' The route ran from the weir to the ferry steps, a little under two kilometres, and the boats
drifted slowly enough that children could walk beside them on the towpath. Police closed the lower bridge
to cars for three hours; a spokesman said the evening passed without arrests. Traders on the market square
reported their busiest night since the spring fair, and the bakery on Quay Street sold out of its honey
buns by eight o'clock. The committee plans to keep the festival on the first Saturday of September and
hopes to bring back the fireworks barge next year, if a sponsor can be found for the repairs.
A photo gallery of the evening will be published on Monday.
"""

FERRY = """\
The cable ferry across the Dunmere estuary will stop running for six weeks from March while its winch house
is rebuilt, the harbour board said on Tuesday, sending foot passengers on a forty-minute detour by road.
The board's engineer, Paul Ostrander, said corrosion found during the winter inspection left no choice.
"The chains are sound, but the drum bearings are not, and we will not carry people on a maybe," he said.
A minibus will run every half hour between the two slipways, paid for by the board, and cyclists may load
their bikes on a trailer. Shopkeepers on the south bank said the closure falls in their quietest month,
which softens the blow, but asked for the work to finish before the Easter holidays. The ferry, which dates
from the nineteen-fifties, carries about four hundred people on a weekday and twice that on a sunny Sunday.
"""

ORCHARD = """\
A community orchard planted eleven years ago on a former car park in Hallowby gave its first full harvest
this autumn, and the residents' association that tends it has started pressing juice for the primary school.
The orchard holds forty-two trees of old local apple and pear varieties, several of them grafted from a
single surviving tree behind the chapel. Anna Brisk, the association's treasurer, said the yield surprised
even the most patient members. "For years we picked a bucket, then two buckets; this year we filled the
trailer twice," she said. The association borrowed a press from a farm on the ridge and spent two weekends
washing, milling and bottling. The juice is handed out free at the school gate, and the surplus is sold
at the Saturday market to pay for new stakes and netting against the deer.
"""


def records() -> list[dict]:
    return [
        {"id": "festival", "url": "https://news.example.com/2024/09/lantern-festival-returns",
         "title": "Lantern festival returns to the Vell", "text": FESTIVAL},
        {"id": "ferry", "url": "https://news.example.com/2024/02/dunmere-ferry-closure",
         "title": "Dunmere ferry to close for repairs", "text": FERRY},
        {"id": "festival-feed",
         "url": "http://www.news.example.com/2024/09/lantern-festival-returns/?utm_source=rss&utm_medium=feed",
         "title": "Lantern festival returns to the Vell", "text": FESTIVAL},
        {"id": "orchard", "url": "https://news.example.com/2024/10/hallowby-orchard-harvest",
         "title": "Car-park orchard gives first full harvest", "text": ORCHARD},
        {"id": "festival-mirror", "url": "https://mirror.example.net/stories/vell-lanterns",
         "title": "Lanterns back on the Vell", "text": FESTIVAL_MIRROR},
    ]


def write_jsonl(path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    return path
