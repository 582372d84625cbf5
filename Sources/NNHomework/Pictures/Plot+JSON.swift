extension Plot {
    /// `{"title", "x": {"label", "range", "ticks"}, "y": …, "series": [{"name", "style", "level"?,
    /// "segments": [[[x, y], …], …], "markers": [{"kind", "x", "y"}]}]}`, every number at full precision.
    public var json: JSONValue {
        func axis(_ axis: Axis) -> JSONValue {
            .object([
                JSONMember("label", .string(axis.label)),
                JSONMember("range", .array([.number(axis.lower), .number(axis.upper)])),
                JSONMember("ticks", .array(axis.ticks.map(JSONValue.number))),
            ])
        }
        let series: [JSONValue] = self.series.map { series in
            var members: [JSONMember] = [JSONMember("name", series.name.map(JSONValue.string) ?? .null)]
            switch series.style {
            case .curve: members.append(JSONMember("style", .string("curve")))
            case .contour(let level):
                members.append(JSONMember("style", .string("contour")))
                members.append(JSONMember("level", .number(level)))
            case .iterates: members.append(JSONMember("style", .string("iterates")))
            }
            members.append(
                JSONMember(
                    "segments",
                    .array(
                        series.segments.map { segment in
                            .array(segment.map { .array([.number($0.x), .number($0.y)]) })
                        })))
            members.append(
                JSONMember(
                    "markers",
                    .array(
                        series.markers.map { marker in
                            .object([
                                JSONMember("kind", .string(marker.kind.rawValue)),
                                JSONMember("x", .number(marker.point.x)), JSONMember("y", .number(marker.point.y)),
                            ])
                        })))
            return .object(members)
        }
        return .object([
            JSONMember("title", .string(title)), JSONMember("x", axis(x)), JSONMember("y", axis(y)),
            JSONMember("series", .array(series)),
        ])
    }
}
