// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Code generation for NNCore's matrix kernel, chosen for the build host.
///
/// On Linux x86-64 hosts whose processor has AVX2 and FMA (and the rest of the
/// Haswell feature set), NNCore is compiled for Haswell (`-target-cpu haswell`)
/// with `NNHW_FMA` defined, so the micro-kernel's `addingProduct` becomes
/// `vfmadd231pd`. Everywhere else, and whenever `NNHW_PORTABLE=1` is set, NNCore
/// is compiled for the default target with the multiply-then-add kernel
/// (arm64 always has fused multiply-add). unsafeFlags are allowed in a root
/// package only: a package depending on NNCore gets the portable build.
let kernelSettings: [SwiftSetting] = {
    #if os(Linux) && arch(x86_64)
        if ProcessInfo.processInfo.environment["NNHW_PORTABLE"] == "1" { return [] }
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return [] }
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        let haswell: Set = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt"]
        guard haswell.isSubset(of: flags) else { return [] }
        return [.define("NNHW_FMA"), .unsafeFlags(["-target-cpu", "haswell"])]
    #else
        return []
    #endif
}()

let package = Package(
    name: "nnhw",
    products: [
        .executable(name: "nnhw", targets: ["nnhw"]),
        .library(name: "NNCore", targets: ["NNCore"]),
        .library(name: "NNHomework", targets: ["NNHomework"]),
    ],
    targets: [
        .target(name: "NNCore", swiftSettings: kernelSettings),
        .executableTarget(name: "nnhw-bench", dependencies: ["NNCore"]),
        .target(name: "NNHomework", dependencies: ["NNCore"]),
        .executableTarget(name: "nnhw", dependencies: ["NNHomework"]),
        .testTarget(name: "NNCoreTests", dependencies: ["NNCore"]),
        .testTarget(name: "NNHomeworkTests", dependencies: ["NNHomework", "NNCore"]),
        .testTarget(
            name: "nnhwTests",
            dependencies: ["nnhw"],
            exclude: ["Snapshots", "Fixtures"]
        ),
    ]
)
