import ZitdagCore

/// The example problem of the format description, as text, to mutate in tests.
enum Example {
    static let problem = """
        {
          "format": "zitdag-problem/1",
          "timezone": "Europe/Brussels",
          "grid_minutes": 15,
          "weights": {"scheduled": 10000, "wait_day": 10, "co_attendance": 50, "same_coach": 100},
          "sessions": [
            {"id": "S1", "coach": "C1", "location": "L1", "start": "2026-11-24T09:00:00", "end": "2026-11-24T12:30:00", "seats": 1, "languages": ["nl", "en"]},
            {"id": "S2", "coach": "C1", "location": "L1", "start": "2026-12-01T09:00:00", "end": "2026-12-01T12:30:00"},
            {"id": "S3", "coach": "C2", "location": "L2", "start": "2026-12-08T13:00:00", "end": "2026-12-08T16:30:00", "seats": 2, "languages": ["ar"]}
          ],
          "consultants": [
            {"id": "K1", "busy": [{"start": "2026-11-24T10:00:00", "end": "2026-11-24T11:00:00"}]}
          ],
          "requests": [
            {"id": "R1", "job_seeker": "J1", "consultant": "K1", "attendance": "required", "duration_minutes": 60,
             "appointments": 2, "min_gap_days": 7, "max_gap_days": 14, "release": "2026-11-23", "due": "2026-12-11",
             "priority": 3, "language": "nl",
             "unavailable": [{"start": "2026-11-26T13:00:00", "end": "2026-11-26T17:00:00"}]},
            {"id": "R2", "job_seeker": "J2", "duration_minutes": 90, "release": "2026-11-23", "language": "ar"}
          ]
        }
        """

    static func decoded() throws -> Problem {
        try ProblemFile.decode(Array(problem.utf8))
    }

    /// The example with `old` replaced by `new` (which must occur).
    static func replacing(_ old: String, with new: String) -> String {
        precondition(problem.contains(old), "example does not contain \(old)")
        return problem.replacingOccurrences(of: old, with: new)
    }
}

import Foundation
