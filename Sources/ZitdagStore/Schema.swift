import GRDB

/// The database schema, as migrations from the first one on. A migration, once released, never
/// changes: later schema changes are new migrations.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE coach (id TEXT PRIMARY KEY);
                CREATE TABLE location (id TEXT PRIMARY KEY);
                CREATE TABLE session (
                    id TEXT PRIMARY KEY,
                    coach_id TEXT NOT NULL REFERENCES coach(id),
                    location_id TEXT NOT NULL REFERENCES location(id),
                    day INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    seats INTEGER NOT NULL CHECK (seats >= 1),
                    languages TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('calendar', 'manual')),
                    cancelled INTEGER NOT NULL DEFAULT 0,
                    CHECK (start < "end"));
                CREATE INDEX session_by_day ON session(day, start);
                CREATE INDEX session_by_coach ON session(coach_id, day);
                CREATE TABLE consultant (id TEXT PRIMARY KEY);
                CREATE TABLE busy (
                    id INTEGER PRIMARY KEY,
                    consultant_id TEXT NOT NULL REFERENCES consultant(id) ON DELETE CASCADE,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    source TEXT NOT NULL);
                CREATE INDEX busy_by_consultant ON busy(consultant_id, start);
                CREATE TABLE job_seeker (
                    id TEXT PRIMARY KEY,
                    initials TEXT NOT NULL,
                    language TEXT,
                    digital_level TEXT,
                    loan_from INTEGER,
                    loan_until INTEGER);
                CREATE TABLE request (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_seeker_id TEXT REFERENCES job_seeker(id) ON DELETE SET NULL,
                    consultant_id TEXT REFERENCES consultant(id),
                    attendance TEXT NOT NULL CHECK (attendance IN ('required', 'preferred', 'none')),
                    duration INTEGER NOT NULL CHECK (duration > 0),
                    appointments INTEGER NOT NULL CHECK (appointments >= 1),
                    gap_min INTEGER NOT NULL,
                    gap_max INTEGER NOT NULL,
                    release INTEGER NOT NULL,
                    due INTEGER,
                    priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
                    language TEXT,
                    topic TEXT,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'booked', 'cancelled', 'erased')),
                    created INTEGER NOT NULL);
                CREATE INDEX request_by_job_seeker ON request(job_seeker_id);
                CREATE INDEX request_by_consultant ON request(consultant_id);
                CREATE INDEX request_pending ON request(status, release) WHERE status = 'pending';
                CREATE TABLE appointment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
                    series_index INTEGER NOT NULL,
                    session_id TEXT NOT NULL REFERENCES session(id),
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    consultant_attends INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'attended', 'no_show')),
                    sequence INTEGER NOT NULL DEFAULT 0,
                    changed INTEGER NOT NULL,
                    CHECK (start < "end"));
                CREATE INDEX appointment_by_session ON appointment(session_id, status);
                CREATE INDEX appointment_by_request ON appointment(request_id);
                CREATE INDEX appointment_by_start ON appointment(start);
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail TEXT NOT NULL);
                CREATE TABLE booking_rule (
                    scope TEXT NOT NULL CHECK (scope IN ('default', 'location', 'coach')),
                    scope_id TEXT NOT NULL DEFAULT '',
                    minimum_notice_days INTEGER NOT NULL CHECK (minimum_notice_days >= 0),
                    horizon_weeks INTEGER NOT NULL CHECK (horizon_weeks >= 1),
                    buffer_minutes INTEGER NOT NULL CHECK (buffer_minutes >= 0),
                    PRIMARY KEY (scope, scope_id));
                CREATE TABLE erased (
                    month TEXT PRIMARY KEY,
                    job_seekers INTEGER NOT NULL,
                    appointments INTEGER NOT NULL);
                """)
        }
        migrator.registerMigration("v2: tokens, idempotency, job seekers' consultants") { db in
            try db.execute(sql: """
                ALTER TABLE job_seeker ADD COLUMN consultant_id TEXT REFERENCES consultant(id);
                CREATE TABLE api_token (
                    id TEXT PRIMARY KEY,
                    hash TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL CHECK (role IN ('consultant', 'coach', 'coordinator')),
                    subject TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    revoked INTEGER);
                CREATE TABLE feed_token (
                    id TEXT PRIMARY KEY,
                    hash TEXT NOT NULL UNIQUE,
                    audience TEXT NOT NULL CHECK (audience IN ('coach', 'consultant', 'location')),
                    subject TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    revoked INTEGER);
                CREATE TABLE idempotency (
                    scope TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
                    created INTEGER NOT NULL,
                    PRIMARY KEY (scope, key));
                """)
        }
        migrator.registerMigration("v3: cancelled sessions by day") { db in
            // Every booking asks for the day's cancelled half-days (for its reasons); there are few,
            // and without this the question read every session of the store.
            try db.execute(sql: "CREATE INDEX session_cancelled_by_day ON session(day) WHERE cancelled = 1")
        }
        migrator.registerMigration("v4: walk-in visits") { db in
            // Initials at most, never a job seeker's id: a walk-in is anonymous unless they say.
            try db.execute(sql: """
                CREATE TABLE walk_in (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id TEXT NOT NULL REFERENCES session(id),
                    arrived INTEGER NOT NULL,
                    initials TEXT,
                    topic TEXT,
                    called INTEGER,
                    finished INTEGER,
                    outcome TEXT CHECK (outcome IN ('helped', 'left', 'referred')));
                CREATE INDEX walk_in_by_session ON walk_in(session_id, arrived);
                -- The usual duration reads the latest helped visits: newest first, without a scan of all.
                CREATE INDEX walk_in_helped ON walk_in(finished) WHERE outcome = 'helped';
                """)
        }
        migrator.registerMigration("v5: what a freed place does") { db in
            try db.execute(sql: """
                ALTER TABLE booking_rule ADD COLUMN backfill TEXT NOT NULL DEFAULT 'off' CHECK (backfill IN ('off', 'book', 'offer'));
                ALTER TABLE booking_rule ADD COLUMN offer_hours INTEGER NOT NULL DEFAULT 24 CHECK (offer_hours BETWEEN 1 AND 336);
                """)
        }
        migrator.registerMigration("v6: freed places offered to consultants") { db in
            // The offered series is booked (so nothing else can take it) and the offer says until when
            // the consultant may accept it; declined or expired, its appointments are cancelled.
            try db.execute(sql: """
                CREATE TABLE backfill_offer (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
                    sessions TEXT NOT NULL,
                    appointments TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    expires INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')),
                    decided INTEGER);
                CREATE INDEX backfill_offer_open ON backfill_offer(expires) WHERE state = 'open';
                CREATE INDEX backfill_offer_by_request ON backfill_offer(request_id);
                """)
        }
        migrator.registerMigration("v7: capacity per channel") { db in
            // A session's reservations (walk-in time or seats, seats held back for urgent bookings),
            // as ``SessionTable/reservedText(_:)`` writes them; whether an appointment was booked
            // urgent (it may sit in held-back seats); the days before a session its held-back seats open.
            try db.execute(sql: """
                ALTER TABLE session ADD COLUMN reserved TEXT;
                ALTER TABLE appointment ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE booking_rule ADD COLUMN release_days INTEGER NOT NULL DEFAULT 2 CHECK (release_days BETWEEN 0 AND 365);
                """)
        }
        migrator.registerMigration("v8: a no-show ends the series") { db in
            try db.execute(sql: "ALTER TABLE booking_rule ADD COLUMN no_show_ends_series INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v9: waiting for an earlier place") { db in
            // A waiting request that, once booked, replaces the booking of request `replaces`.
            try db.execute(sql: "ALTER TABLE request ADD COLUMN replaces INTEGER REFERENCES request(id)")
        }
        migrator.registerMigration("v10: a consultant's job seekers") { db in
            // The web desk lists a consultant's own job seekers among a region's tens of thousands.
            try db.execute(sql: "CREATE INDEX job_seeker_by_consultant ON job_seeker(consultant_id)")
        }
        migrator.registerMigration("v11: the digital package") { db in
            // Intakes kept as their answers; devices and their loans (one open loan per device, in
            // the schema too); who cancelled an appointment and why; the default series per level.
            // A job seeker's loose loan dates become loans without a recorded device, and their
            // free-text level a level where it named one.
            try db.execute(sql: """
                CREATE TABLE intake (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_seeker_id TEXT REFERENCES job_seeker(id) ON DELETE SET NULL,
                    taken INTEGER NOT NULL,
                    location_id TEXT,
                    score INTEGER NOT NULL,
                    level TEXT NOT NULL CHECK (level IN ('starter', 'basic', 'advanced')),
                    created INTEGER NOT NULL);
                CREATE INDEX intake_by_job_seeker ON intake(job_seeker_id);
                CREATE INDEX intake_by_day ON intake(taken);
                CREATE TABLE intake_answer (
                    intake_id INTEGER NOT NULL REFERENCES intake(id) ON DELETE CASCADE,
                    question TEXT NOT NULL,
                    answer INTEGER NOT NULL,
                    PRIMARY KEY (intake_id, question));
                CREATE TABLE device (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('laptop', 'tablet', 'dongle', 'sim')),
                    state TEXT NOT NULL CHECK (state IN ('available', 'on_loan', 'in_repair', 'retired')),
                    bought INTEGER NOT NULL,
                    location_id TEXT);
                CREATE TABLE loan (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    device_id TEXT REFERENCES device(id),
                    job_seeker_id TEXT REFERENCES job_seeker(id) ON DELETE SET NULL,
                    start INTEGER NOT NULL,
                    until INTEGER NOT NULL,
                    returned INTEGER,
                    condition TEXT CHECK (condition IN ('good', 'damaged', 'lost')),
                    handover_appointment INTEGER REFERENCES appointment(id),
                    return_appointment INTEGER REFERENCES appointment(id),
                    CHECK (until >= start));
                CREATE UNIQUE INDEX loan_open_per_device ON loan(device_id) WHERE returned IS NULL AND device_id IS NOT NULL;
                CREATE INDEX loan_by_job_seeker ON loan(job_seeker_id);
                CREATE INDEX loan_open ON loan(until) WHERE returned IS NULL;
                CREATE TABLE loan_extension (
                    loan_id INTEGER NOT NULL REFERENCES loan(id) ON DELETE CASCADE,
                    day INTEGER NOT NULL,
                    old_until INTEGER NOT NULL,
                    new_until INTEGER NOT NULL);
                CREATE INDEX loan_extension_by_loan ON loan_extension(loan_id);
                ALTER TABLE appointment ADD COLUMN cancelled_by TEXT;
                ALTER TABLE appointment ADD COLUMN cancel_reason TEXT;
                CREATE TABLE series_default (
                    location_id TEXT NOT NULL DEFAULT '',
                    level TEXT NOT NULL CHECK (level IN ('starter', 'basic', 'advanced')),
                    appointments INTEGER NOT NULL,
                    duration INTEGER NOT NULL,
                    gap_min INTEGER NOT NULL,
                    gap_max INTEGER NOT NULL,
                    PRIMARY KEY (location_id, level));
                INSERT INTO audit (at, actor, action, subject, detail)
                    SELECT CAST(strftime('%s', 'now') AS INTEGER), 'upgrade v11', 'level not recognised', id, digital_level FROM job_seeker
                    WHERE digital_level IS NOT NULL AND lower(trim(digital_level)) NOT IN
                        ('starter', 'beginner', 'beginnend', 'basic', 'basis', 'basiskennis', 'advanced', 'gevorderd', 'gevorderde');
                INSERT INTO loan (device_id, job_seeker_id, start, until)
                    SELECT NULL, id, COALESCE(loan_from, loan_until - 182), COALESCE(loan_until, loan_from + 182)
                    FROM job_seeker WHERE loan_from IS NOT NULL OR loan_until IS NOT NULL;
                UPDATE job_seeker SET loan_from = NULL, loan_until = NULL,
                    digital_level = CASE lower(trim(digital_level))
                        WHEN 'starter' THEN 'starter' WHEN 'beginner' THEN 'starter' WHEN 'beginnend' THEN 'starter'
                        WHEN 'basic' THEN 'basic' WHEN 'basis' THEN 'basic' WHEN 'basiskennis' THEN 'basic'
                        WHEN 'advanced' THEN 'advanced' WHEN 'gevorderd' THEN 'advanced' WHEN 'gevorderde' THEN 'advanced'
                        ELSE NULL END;
                """)
        }
        return migrator
    }
}
