/// The architecture examples shipped with nnhw, for `nnhw params --arch`, built
/// into the binary so that `nnhw examples --show NAME` prints them without any
/// file. Each is the same text as `Examples/architectures/NAME.json` (a test keeps them identical).
public enum BuiltInArchitecture {
    /// Every built-in architecture, in the order `nnhw examples` lists them.
    public static let all: [BuiltInExample] = [
        BuiltInExample(
            name: "lenet",
            summary: "LeNet-5: two 5x5 convolutions, average pooling, dense 120, 84, 10 (nnhw params)",
            json: """
                {
                  "description": "LeNet-5 as usually built: 32×32×1 input, 5×5 convolutions, 2×2 average pooling, dense 120, 84, 10.",
                  "input": [32, 32, 1],
                  "layers": [
                    {"type": "conv", "filters": 6, "kernel": 5},
                    {"type": "avgpool", "kernel": 2},
                    {"type": "conv", "filters": 16, "kernel": 5},
                    {"type": "avgpool", "kernel": 2},
                    {"type": "flatten"},
                    {"type": "dense", "units": 120},
                    {"type": "dense", "units": 84},
                    {"type": "dense", "units": 10}
                  ]
                }
                """ + "\n"),
        BuiltInExample(
            name: "vgg16",
            summary: "VGG-16 on 224x224x3 images, 138 million parameters (nnhw params)",
            json: """
                {
                  "description": "VGG-16 (configuration D of Simonyan & Zisserman) on 224×224×3 images; ReLU and dropout carry no parameters and are left out.",
                  "input": [224, 224, 3],
                  "layers": [
                    {"type": "conv", "filters": 64, "kernel": 3, "padding": "same"},
                    {"type": "conv", "filters": 64, "kernel": 3, "padding": "same"},
                    {"type": "maxpool", "kernel": 2},
                    {"type": "conv", "filters": 128, "kernel": 3, "padding": "same"},
                    {"type": "conv", "filters": 128, "kernel": 3, "padding": "same"},
                    {"type": "maxpool", "kernel": 2},
                    {"type": "conv", "filters": 256, "kernel": 3, "padding": "same"},
                    {"type": "conv", "filters": 256, "kernel": 3, "padding": "same"},
                    {"type": "conv", "filters": 256, "kernel": 3, "padding": "same"},
                    {"type": "maxpool", "kernel": 2},
                    {"type": "conv", "filters": 512, "kernel": 3, "padding": "same"},
                    {"type": "conv", "filters": 512, "kernel": 3, "padding": "same"},
                    {"type": "conv", "filters": 512, "kernel": 3, "padding": "same"},
                    {"type": "maxpool", "kernel": 2},
                    {"type": "conv", "filters": 512, "kernel": 3, "padding": "same"},
                    {"type": "conv", "filters": 512, "kernel": 3, "padding": "same"},
                    {"type": "conv", "filters": 512, "kernel": 3, "padding": "same"},
                    {"type": "maxpool", "kernel": 2},
                    {"type": "flatten"},
                    {"type": "dense", "units": 4096},
                    {"type": "dense", "units": 4096},
                    {"type": "dense", "units": 1000}
                  ]
                }
                """ + "\n"),
    ]

    /// The architecture called `name`, if there is one.
    public static func named(_ name: String) -> BuiltInExample? {
        all.first { $0.name == name }
    }
}
