/// Short forms for people: `Tue 2026-12-08`, `09:00`, `Tue 2026-12-08 09:00`.
extension LocalDate {
    public var weekdayName: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday - 1] }

    public var withWeekday: String { "\(weekdayName) \(self)" }
}

extension LocalDateTime {
    public var hourMinute: String { "\(pad(hour, 2)):\(pad(minute, 2))" }

    public var withWeekday: String { "\(date.withWeekday) \(hourMinute)" }
}
