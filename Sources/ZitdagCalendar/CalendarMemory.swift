import CLibical

/// libical keeps the time zones it loaded and a ring of small buffers for the life of the process.
public enum CalendarMemory {
    /// Frees libical's process-wide caches, so that a leak checker sees only real leaks.
    /// Call it only when no calendar work is going on or will follow.
    public static func releaseCaches() {
        icaltimezone_free_builtin_timezones()
        icalmemory_free_ring()
    }
}
