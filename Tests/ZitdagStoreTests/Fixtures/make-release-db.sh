#!/usr/bin/env bash
# Makes release-v10.sqlite: a booking database as the release before the digital package (commit
# 53907f6, schema v10) wrote it, for the test that upgrades it in place. Kept as it was made; run
# again only with that release's binary: `bash make-release-db.sh path/to/zitdag`.
set -euo pipefail
Z=${1:?the release binary}
here=$(cd "$(dirname "$0")" && pwd)
db="$here/release-v10.sqlite"
rm -f "$db"
export ZITDAG_LANG=en ZITDAG_DB="$db"
calendars="$here/../../../Calendars"
at() { ZITDAG_NOW="$1" "$Z" "${@:2}" --as fixture >/dev/null; }
at 2026-11-02T08:00:00 sync --from 2026-11-02 --to 2026-12-31 --calendars "$calendars"
at 2026-11-02T08:00:00 consultant add K1
at 2026-11-02T08:00:00 consultant add K2
at 2026-11-02T08:00:00 job-seeker add J1 --initials A.B. --level starter --loan-from 2026-11-02 --loan-until 2027-05-01 --consultant K1
at 2026-11-02T08:00:00 job-seeker add J2 --initials C.D. --level basic --consultant K1
at 2026-11-02T08:00:00 job-seeker add J3 --initials E.F. --loan-from 2026-10-01 --loan-until 2027-03-31 --consultant K2
at 2026-11-02T08:00:00 job-seeker add J4 --initials G.H. --consultant K2
at 2026-11-02T08:05:00 book --job-seeker J1 --consultant K1 --series 3 --gap 7..14 --topic e-mail --at "2026-11-03 09:00"
at 2026-11-02T08:06:00 book --job-seeker J2 --consultant K1 --attendance preferred --at "2026-11-04 13:30"
at 2026-11-02T08:07:00 book --job-seeker J3 --consultant K2 --at "2026-11-05 13:00"
at 2026-11-02T08:08:00 book --job-seeker J4 --consultant K2 --at "2026-11-06 09:00"
at 2026-11-03T11:00:00 attended 1
at 2026-11-04T16:00:00 no-show 4
at 2026-11-04T16:05:00 cancel 5
at 2026-11-04T16:10:00 request add --job-seeker J3 --consultant K2 --from 2026-11-16
at 2026-11-10T09:10:00 walk-in arrive --session C1-2026-11-10-0900 --initials X.Y.
