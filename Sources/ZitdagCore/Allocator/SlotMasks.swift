/// For one request and one session time: the start cells where its job seeker is free, and those
/// where its consultant is free too, as bit masks (bit `k`: the appointment starts at cell `k`).
///
/// Both depend on the time alone, not on the session, so a search works them out once per
/// session time and tells at a glance that a whole run of sessions alike is of no use.
struct SlotMasks {
    var seeker: UInt64
    /// A subset of `seeker`; every start cell when the consultant need not or cannot come.
    var consultant: UInt64

    /// A memo entry: the masks of one session time (start and length).
    struct Entry {
        var key: Int
        var masks: SlotMasks
    }

    /// Start cells where a slot of one of `kinds` could be (bit 0 with the consultant, bit 1
    /// without), seats aside.
    func starts(kinds: Int) -> UInt64 {
        (kinds & 1 != 0 ? consultant : 0) | (kinds & 2 != 0 ? seeker : 0)
    }
}

extension PlacementSearch.Run {
    /// The masks for session `s`, worked out once per session time and length.
    mutating func masks(_ s: Int) -> SlotMasks {
        let sessionCells = model.sessionCells[s]
        let key = model.sessionStart[s] << 8 | min(sessionCells, 255)
        if lastMasks.key == key { return lastMasks.masks }
        let found: SlotMasks
        if !knowsMasks {
            timesSeen += 1
            guard timesSeen > 4 else {
                lastMasks = (key, workOutMasks(s))
                return lastMasks.masks
            }
            knowsMasks = true
            // The memo may be an earlier search's (see ``PlacementSearch/Run/best(for:in:)``): cleared, not made anew.
            knownMasks.removeAll(keepingCapacity: true)
            knownMasks.append(contentsOf: repeatElement(SlotMasks.Entry(key: -1, masks: SlotMasks(seeker: 0, consultant: 0)), count: 128))
        }
        // Session times are seconds (and a length): mixed, so that times a week apart spread out.
        let slot = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 57)
        if knownMasks[slot].key == key {
            found = knownMasks[slot].masks
        } else {
            found = workOutMasks(s)
            knownMasks[slot] = SlotMasks.Entry(key: key, masks: found)
        }
        lastMasks = (key, found)
        return found
    }

    private mutating func workOutMasks(_ s: Int) -> SlotMasks {
        // Starts past midnight would fall on another date than the session's: see ``Model/firstDayStarts``.
        let free = min(model.sessionCells[s] - cells + 1, model.firstDayStarts[s])
        let valid: UInt64 = free <= 0 ? 0 : free >= 64 ? ~0 : (UInt64(1) << UInt64(free)) - 1
        let origin = model.sessionStart[s]
        var masks = SlotMasks(seeker: valid, consultant: valid)
        if !search.relaxation.contains(.jobSeeker) {
            masks.seeker = schedule.seekerFreeStarts(seeker, valid, origin: origin, duration: duration)
        }
        if consultant >= 0 && !search.relaxation.contains(.consultant) && allKinds & 1 != 0 {
            masks.consultant = schedule.consultantFreeStarts(consultant, valid, origin: origin, duration: duration)
        }
        masks.consultant &= masks.seeker
        return masks
    }
}

extension SlotMasks {
    /// The start cells (of `grid` seconds from `origin`) at which an appointment of `duration`
    /// would overlap `busy`.
    static func starts(overlapping busy: Span, origin: Int, grid: Int, duration: Int) -> UInt64 {
        // Cell c overlaps when origin + c·grid < busy.end and origin + c·grid + duration > busy.start.
        let after = busy.start.seconds - duration - origin
        let before = busy.end.seconds - origin
        let low = max(0, (after >= 0 ? after / grid : -((grid - 1 - after) / grid)) + 1)
        let high = min(63, (before > 0 ? (before + grid - 1) / grid : -(-before / grid)) - 1)
        guard low <= high else { return 0 }
        let upTo: UInt64 = high == 63 ? ~0 : (UInt64(1) << UInt64(high + 1)) - 1
        return upTo & ~((UInt64(1) << UInt64(low)) - 1)
    }
}
