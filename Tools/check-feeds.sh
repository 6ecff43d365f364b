#!/usr/bin/env bash
# Feeds read by other iCalendar implementations: python's icalendar and vobject, and khal.
# Books, moves and cancels on a scratch database, writes the coach, consultant and location feeds,
# and has each reader parse every feed; the event counts must agree.
# Usage: Tools/check-feeds.sh [BINARY] (needs pip install icalendar vobject khal).
set -euo pipefail
zitdag=${1:-.build/release/zitdag}
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
export ZITDAG_DB="$folder/zitdag.sqlite" ZITDAG_NOW=2026-11-23T10:00:00
"$zitdag" sync --calendars Calendars > /dev/null
"$zitdag" consultant add K1
for j in 1 2 3; do "$zitdag" job-seeker add "J$j" --initials AB --language nl --consultant K1; done
"$zitdag" book --job-seeker J1 --consultant K1 --attendance preferred --series 3 --at "2026-11-24 09:00" --topic "CV in Word" > /dev/null
"$zitdag" book --job-seeker J2 --at "2026-11-24 10:00" > /dev/null
"$zitdag" book --job-seeker J3 --at "2026-11-26 13:00" > /dev/null
"$zitdag" move 4 --to "2026-12-01 10:00" > /dev/null
"$zitdag" cancel 5 > /dev/null
# A laptop lent to J1 ending on 15 December: an all-day event in the consultant's feed.
"$zitdag" device add L-001 --kind laptop --bought 2025-01-01 > /dev/null
"$zitdag" loan lend --device L-001 --job-seeker J1 --until 2026-12-15 > /dev/null
"$zitdag" feed coach C1 > "$folder/coach.ics"
"$zitdag" feed consultant K1 > "$folder/consultant.ics"
"$zitdag" feed location L1 > "$folder/location.ics"
# The Digipunt's coach: walk-in time as events of their own beside the half-days.
"$zitdag" feed coach C3 > "$folder/digipunt.ics"
mkdir -p "$folder/khal"
cat > "$folder/khal.conf" <<CONF
[calendars]
[[local]]
path = $folder/khal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Brussels
default_timezone = Europe/Brussels
CONF
for feed in coach consultant location digipunt; do
  file="$folder/$feed.ics"
  khal_count=$(khal -c "$folder/khal.conf" printics "$file" | awk 'NR == 1 {print $1}')
  python3 - "$file" "$khal_count" <<'PY'
import sys, icalendar, vobject
path, khal = sys.argv[1], int(sys.argv[2])
data = open(path, 'rb').read()
calendar = icalendar.Calendar.from_ical(data)
events = list(calendar.walk('VEVENT'))
card = vobject.readOne(data.decode())
assert len(events) == len(card.vevent_list) == khal, (len(events), len(card.vevent_list), khal)
assert calendar['METHOD'] == 'PUBLISH' and len(list(calendar.walk('VTIMEZONE'))) == 1
cancelled = sum(1 for e in events if e.get('STATUS') == 'CANCELLED')
walk_in = sum(1 for e in events if str(e.get('SUMMARY')).startswith('Vrije inloop'))
import datetime
all_day = [e for e in events if not isinstance(e.decoded('DTSTART'), datetime.datetime)]
if path.endswith('consultant.ics'):
    assert [str(e.decoded('DTSTART')) for e in all_day] == ['2026-12-15'], all_day
    assert str(card.vevent_list[[str(v.dtstart.value) for v in card.vevent_list].index('2026-12-15')].dtstart.value) == '2026-12-15'
else:
    assert not all_day, path
if path.endswith('digipunt.ics'):
    assert walk_in > 0, "no walk-in events in the Digipunt coach's feed"
print(f"{path.rsplit('/', 1)[1]}: {len(events)} events read alike by icalendar, vobject and khal ({cancelled} cancelled, {walk_in} walk-in, {len(all_day)} all-day)")
PY
done
