/// The architecture spec `nnhw new params` writes: a small convolutional
/// network that `nnhw params --arch` accepts as it is, and what each key holds.
public enum ArchitectureTemplate {
    /// The spec.
    public static let spec = JSONValue.object([
        JSONMember("description", .string("A small convolutional network on 28x28 grey images.")),
        JSONMember("input", .array([.number(28), .number(28), .number(1)])),
        JSONMember(
            "layers",
            .array([
                .object([
                    JSONMember("type", .string("conv")), JSONMember("filters", .number(8)),
                    JSONMember("kernel", .number(3)),
                ]),
                .object([JSONMember("type", .string("maxpool")), JSONMember("kernel", .number(2))]),
                .object([JSONMember("type", .string("flatten"))]),
                .object([JSONMember("type", .string("dense")), JSONMember("units", .number(10))]),
            ])),
    ])

    /// What each key holds, one line each.
    public static let comments = [
        "# A spec that runs as it is: save it, replace the layers with your network's, count its parameters.",
        "# \"input\": [height, width, channels] of one sample (or [features] for a dense network).",
        "# \"layers\": in order; \"type\" is one of \(LayerDecoder.types.joined(separator: ", ")).",
        "#   conv: \"filters\", \"kernel\" (and \"stride\", \"padding\"); maxpool/avgpool: \"kernel\"; dense: \"units\".",
        "# The examples in Examples/architectures (lenet.json, vgg16.json) show more.",
    ]
}
