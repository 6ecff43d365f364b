nonisolated(unsafe) public var probeNodes = 0
nonisolated(unsafe) public var probeSeeker = 0
nonisolated(unsafe) public var probeConsultant = 0
nonisolated(unsafe) public var probeBody = 0
nonisolated(unsafe) public var probeSearches = 0
nonisolated(unsafe) public var probeTimes: [String: Duration] = [:]
