/// Belgian public holidays, on which no zitdag is held.
public enum BelgianHolidays {
    /// The ten legal holidays of `year`.
    public static func dates(in year: Int) -> [(date: LocalDate, name: String)] {
        let easter = easterSunday(year)
        func fixed(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }
        return [
            (fixed(1, 1), "Nieuwjaar"), (easter.adding(days: 1), "Paasmaandag"), (fixed(5, 1), "Dag van de Arbeid"),
            (easter.adding(days: 39), "O.L.H. Hemelvaart"), (easter.adding(days: 50), "Pinkstermaandag"),
            (fixed(7, 21), "Nationale feestdag"), (fixed(8, 15), "O.L.V. Hemelvaart"), (fixed(11, 1), "Allerheiligen"),
            (fixed(11, 11), "Wapenstilstand"), (fixed(12, 25), "Kerstmis"),
        ]
    }

    public static func contains(_ date: LocalDate) -> Bool {
        dates(in: date.components.year).contains { $0.date == date }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }
}
