extension MatrixProduct {
    /// The register-blocked micro-kernels a product can run on. Each computes the
    /// same product on every processor; the one this build was compiled for
    /// (``native``) is the fast one.
    public enum Kernel: String, Sendable, Hashable, CaseIterable {
        /// A 6 × 8 tile in two 6 × 4 halves of `SIMD4<Double>`, multiply then add:
        /// the architecture's baseline (x86-64 SSE2).
        case portable
        /// A 6 × 8 tile in twelve `SIMD4<Double>` fused multiply-adds: AVX2 + FMA, arm64.
        case fused
        /// A 12 × 16 tile in twenty-four `SIMD8<Double>` fused multiply-adds: AVX-512.
        case wide

        /// The kernel this build was compiled for: wide with `NNHW_AVX512`
        /// (Package.swift, `NNHW_NATIVE=1` on a processor with AVX-512F), fused with
        /// `NNHW_FMA` or on arm64, portable otherwise.
        public static var native: Kernel {
            #if NNHW_AVX512
                .wide
            #elseif NNHW_FMA || arch(arm64)
                .fused
            #else
                .portable
            #endif
        }

        /// Whether this build compiled the instructions the kernel is written for
        /// (fused multiply-add; for wide, 512-bit vectors too). A kernel that is not
        /// still computes the same product, only slowly.
        public var isCompiledNatively: Bool {
            switch self {
            case .portable: true
            case .fused: Kernel.native != .portable
            case .wide: Kernel.native == .wide
            }
        }

        /// The tile, its vectors and its operations, in words: "12 × 16 tile, SIMD8, fused multiply-add".
        public var summary: String {
            "\(tileRows) × \(tileColumns) tile, " + (self == .wide ? "SIMD8" : "SIMD4") + ", "
                + (self == .portable ? "multiply then add" : "fused multiply-add")
        }

        /// Rows of the kernel's tile (mr).
        public var tileRows: Int { kernelType.rows }

        /// Columns of the kernel's tile (nr).
        public var tileColumns: Int { kernelType.columns }

        private var kernelType: any MicroKernel.Type {
            switch self {
            case .portable: PortableKernel.self
            case .fused: FusedKernel.self
            case .wide: WideKernel.self
            }
        }
    }
}
