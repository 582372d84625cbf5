import Testing

@testable import NNCore

@Suite("GradientChain: G times the local derivatives, with skip paths and residual blocks")
struct GradientChainTests {
    @Test("a plain chain: 0.01 · 0.005 · 0.1 = 0.000005 (by hand)")
    func plain() {
        let chain = GradientChain(upstream: 0.01, factors: [0.005, 0.1])
        #expect(abs(chain.gradient - 0.000005) <= 1e-18)
        #expect(abs(chain.gain - 0.0005) <= 1e-18)
        #expect(chain.blockGains == [0.005, 0.1])
    }

    @Test("a skip path around the chain adds 1 to the product: 0.01 · (0.0005 + 1) = 0.010005")
    func skip() {
        let chain = GradientChain(upstream: 0.01, factors: [0.005, 0.1], skipsWholeChain: true)
        #expect(abs(chain.gradient - 0.010005) <= 1e-15)
    }

    @Test("blocks of two 0.5s each pass on 1 + 0.25: 0.5 · 1.25³ = 0.9765625 (exact in binary)")
    func residual() {
        let chain = GradientChain(upstream: 0.5, factors: Array(repeating: 0.5, count: 6), blockSize: 2)
        #expect(chain.blocks == [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])
        #expect(chain.blockGains == [1.25, 1.25, 1.25])
        #expect(chain.gradient == 0.9765625)
    }

    @Test("an empty chain passes G on unchanged")
    func empty() {
        #expect(GradientChain(upstream: 3, factors: []).gradient == 3)
    }

    @Test("the Frobenius norm: ‖(16, 12, −4)‖ = √416, and no overflow for 1e200 entries")
    func norm() {
        #expect(Matrix(rows: 1, columns: 3, elements: [16, 12, -4]).frobeniusNorm == 416.0.squareRoot())
        #expect(abs(Matrix(rows: 1, columns: 2, elements: [3e200, 4e200]).frobeniusNorm - 5e200) <= 1e185)
        #expect(abs(Matrix(rows: 1, columns: 2, elements: [3e-200, 4e-200]).frobeniusNorm - 5e-200) <= 1e-215)
        #expect(Matrix(rows: 1, columns: 2, elements: [0, 0]).frobeniusNorm == 0)
    }
}
