// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nnhw",
    products: [
        .executable(name: "nnhw", targets: ["nnhw"]),
        .library(name: "NNCore", targets: ["NNCore"]),
        .library(name: "NNHomework", targets: ["NNHomework"]),
    ],
    targets: [
        .target(name: "NNKernel"),
        .target(name: "NNCore", dependencies: ["NNKernel"]),
        .executableTarget(name: "nnhw-bench", dependencies: ["NNCore"]),
        .target(name: "NNHomework", dependencies: ["NNCore"]),
        .executableTarget(name: "nnhw", dependencies: ["NNHomework"]),
        .testTarget(name: "NNCoreTests", dependencies: ["NNCore"]),
        .testTarget(name: "NNHomeworkTests", dependencies: ["NNHomework", "NNCore"]),
        .testTarget(
            name: "nnhwTests",
            dependencies: ["nnhw"],
            exclude: ["Snapshots"]
        ),
    ]
)
