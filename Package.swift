// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Code generation for NNCore's matrix kernel.
///
/// By default NNCore is compiled for the architecture's baseline (x86-64:
/// SSE2; arm64: NEON with fused multiply-add), so a binary runs on every
/// processor of its architecture and a package depending on NNCore builds
/// with no unsafe flags. On x86-64 the micro-kernel then multiplies and adds.
///
/// `NNHW_NATIVE=1 swift build -c release` compiles NNCore for the build
/// machine's own processor (`-target-cpu native`) and, on x86-64, defines
/// `NNHW_FMA`, so the micro-kernel's `addingProduct` becomes one fused
/// multiply-add (`vfmadd231pd` on AVX2 + FMA). Such a binary may stop with
/// SIGILL on an older processor, and the unsafe flag makes the package
/// unusable as a dependency while the variable is set: use it for a root
/// build on the machine that runs it. When the build machine's processor
/// has AVX-512F (its flags in /proc/cpuinfo), `NNHW_AVX512` is defined too and
/// the 12 × 16 SIMD8 kernel is the one products use; `NNHW_KERNEL=fused` keeps
/// the AVX2 kernel there. README's Performance section gives what each choice costs.
let kernelSettings: [SwiftSetting] = {
    guard Context.environment["NNHW_NATIVE"] == "1" else { return [] }
    #if arch(x86_64)
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? []
        let wide = flags.contains("avx512f") && Context.environment["NNHW_KERNEL"] != "fused"
        return [.define("NNHW_FMA"), .unsafeFlags(["-target-cpu", "native"])] + (wide ? [.define("NNHW_AVX512")] : [])
    #else
        return [.unsafeFlags(["-target-cpu", "native"])]
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
