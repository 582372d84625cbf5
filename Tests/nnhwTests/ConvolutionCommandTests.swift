import Foundation
import Testing

@testable import nnhw

/// One run of conv-size, conv or pool compared with a golden file.
struct ConvolutionRun: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var testDescription: String { "nnhw " + arguments.joined(separator: " ") }

    static let all: [ConvolutionRun] = [
        ("conv-size-acceptance-a", ["conv-size", "--input", "36x36", "--kernel", "3"]),
        (
            "conv-size-acceptance-b",
            ["conv-size", "--input", "36x36x3", "--kernel", "3", "--padding", "3", "--stride", "2", "--filters", "2"]
        ),
        ("conv-size-same", ["conv-size", "--input", "36x36x3", "--kernel", "3", "--stride", "2", "--padding", "same"]),
        (
            "conv-size-transposed",
            [
                "conv-size", "--input", "3x3x4", "--kernel", "3", "--stride", "2", "--padding", "1", "--transposed",
                "--output-padding", "1", "--filters", "2",
            ]
        ),
        ("conv-size-pool-ceil", ["conv-size", "--input", "5x5x2", "--kernel", "2", "--pool", "max", "--ceil-mode"]),
        ("conv-acceptance-c", ["conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "1 0; 0 -1"]),
        (
            "conv-flip-padding",
            [
                "conv", "--input", "[[6,0,1],[3,4,1],[1,7,0]]", "--kernel", "1 0; 0 -1", "--flip", "--padding", "1",
                "--stride", "2",
            ]
        ),
        ("conv-channels", ["conv", "--input", "[[[1,2],[3,4]],[[0,1],[1,0]]]", "--kernel", "[[[1]],[[-1]]]"]),
        ("pool-max", ["pool", "--input", "1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4", "--size", "2", "--mode", "max"]),
        ("pool-avg", ["pool", "--input", "1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4", "--size", "2", "--mode", "avg"]),
        ("conv-size-padding-only", ["conv-size", "--input", "15x15x8", "--padding", "2"]),
        (
            "conv-backward",
            ["conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "1 0; 0 -1", "--grad-output", "1 2; 3 4"]
        ),
        (
            "conv-backward-flip-stride",
            [
                "conv", "--input", "[[[1,2,0],[0,1,3],[2,1,1]],[[0,1,1],[2,0,1],[1,1,0]]]", "--kernel",
                "[[[1,-1],[0,2]],[[2,0],[1,-1]]]", "--flip", "--stride", "2", "--padding", "1", "--grad-output",
                "1 -1; 2 0.5",
            ]
        ),
        (
            "conv-filters-backward",
            [
                "conv", "--input", "[[[1,2,0],[0,1,3],[2,1,1]],[[0,1,1],[2,0,1],[1,1,0]]]", "--kernel",
                "[[[[1,0],[0,1]],[[0,1],[1,0]]],[[[1,1],[0,0]],[[0,0],[1,-1]]],[[[2,0],[0,0]],[[0,0],[0,-1]]]]",
                "--bias", "1 -1 0.5", "--stride", "2", "--padding", "1", "--grad-output",
                "[[[1,0],[0,2]],[[1,1],[0,1]],[[0,-1],[2,0]]]",
            ]
        ),
        (
            "pool-max-backward-tie",
            [
                "pool", "--input", "1 3 2 4; 5 6 1 2; 7 2 9 9; 1 8 3 4", "--size", "2", "--mode", "max",
                "--grad-output", "1 2; 3 4",
            ]
        ),
        (
            "pool-avg-backward-overlap",
            [
                "pool", "--input", "6 0 1; 3 4 1; 1 7 0", "--size", "2", "--stride", "1", "--mode", "avg",
                "--grad-output", "1 2; 3 4",
            ]
        ),
    ].flatMap { name, arguments in
        [
            ConvolutionRun(name: name + ".txt", arguments: arguments),
            ConvolutionRun(name: name + ".json", arguments: arguments + ["--format", "json"]),
        ]
    }
}

@Suite("conv-size, conv and pool end to end")
struct ConvolutionCommandTests {
    @Test("text and JSON match the golden files", arguments: ConvolutionRun.all)
    func snapshot(_ run: ConvolutionRun) throws {
        let result = try CommandRunner.run(run.arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: run.name)
    }

    @Test("issue 4 A: 36 × 36, 3 × 3, P 0, S 1 → 34 × 34 (by hand: 36 − 3 + 1)")
    func acceptanceA() throws {
        let object = try CommandRunner.json(["conv-size", "--input", "36x36", "--kernel", "3"])
        #expect(object["output"] as? [Int] == [34, 34, 1])
    }

    @Test("issue 4 B: 36 × 36 × 3, 3 × 3, P 3, S 2, 2 filters → 20 × 20 × 2, not exact (⌊39/2⌋ + 1, by hand)")
    func acceptanceB() throws {
        let arguments = ["conv-size", "--input", "36x36x3", "--kernel", "3", "--padding", "3", "--stride", "2"]
        let object = try CommandRunner.json(arguments + ["--filters", "2"])
        #expect(object["output"] as? [Int] == [20, 20, 2])
        #expect(object["exact"] as? Bool == false)
        #expect(object["params"] as? Int == 56)
        let text = try CommandRunner.run(arguments + ["--filters", "2"]).output
        #expect(text.contains("the last 1 column of the padded input is"))
    }

    @Test("issue 4 C: conv of the 3 × 3 input with [[1, 0], [0, −1]] → [[2, −1], [−4, 4]] (by hand, numpy)")
    func acceptanceC() throws {
        let object = try CommandRunner.json(["conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "[[1,0],[0,-1]]"])
        #expect(object["output"] as? [[Double]] == [[2, -1], [-4, 4]])
    }

    @Test("issue 18 C: conv backward, δ = [[1, 2], [3, 4]]: ∂L/∂K = [[31, 18], [42, 27]], ∂L/∂X by hand")
    func backwardAcceptanceC() throws {
        // By hand (see NNCoreTests/ConvolutionGradientTests): ∂L/∂K[m, n] = Σᵢⱼ δᵢⱼ X[i + m, j + n],
        // ∂L/∂X[r, s] = Σ δᵢⱼ K[r − i, s − j], ∂L/∂b = 1 + 2 + 3 + 4.
        let object = try CommandRunner.json([
            "conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "1 0; 0 -1", "--grad-output", "1 2; 3 4",
        ])
        #expect(object["grad_kernel"] as? [[Double]] == [[31, 18], [42, 27]])
        #expect(object["grad_input"] as? [[Double]] == [[1, 2, 0], [3, 3, -2], [0, -3, -4]])
        #expect(object["grad_bias"] as? Double == 10)
        let text = try CommandRunner.run([
            "conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "1 0; 0 -1", "--grad-output", "1 2; 3 4",
        ]).output
        #expect(text.contains("∂L/∂K₁,₁ = 1 · 6 + 2 · 0 + 3 · 3 + 4 · 4 = 31"))
        #expect(text.contains("∂L/∂x₂,₂ = 1 · (−1) + 2 · 0 + 3 · 0 + 4 · 1 = 3"))
    }

    @Test("flipped, strided, padded two-channel conv backward: ∂L/∂K and ∂L/∂X by hand")
    func backwardFlippedStrided() throws {
        // X̃ = X padded by 1 (5 × 5 per channel), w = rot180(K), S = 2, output 2 × 2, δ = [[1, −1], [2, 0.5]].
        // ∂L/∂w_c[m, n] = Σᵢⱼ δᵢⱼ X̃_c[2i + m, 2j + n]; ∂L/∂K_c = rot180(∂L/∂w_c). Channel 1, by hand:
        //   X̃₁ rows: [0 0 0 0 0], [0 1 2 0 0], [0 0 1 3 0], [0 2 1 1 0], [0 0 0 0 0]
        //   ∂L/∂w₁[0,0] = 1·X̃(0,0) − 1·X̃(0,2) + 2·X̃(2,0) + 0.5·X̃(2,2) = 0 − 0 + 0 + 0.5 = 0.5
        //   ∂L/∂w₁[0,1] = 1·X̃(0,1) − 1·X̃(0,3) + 2·X̃(2,1) + 0.5·X̃(2,3) = 0 − 0 + 0 + 1.5 = 1.5
        //   ∂L/∂w₁[1,0] = 1·X̃(1,0) − 1·X̃(1,2) + 2·X̃(3,0) + 0.5·X̃(3,2) = 0 − 2 + 0 + 0.5 = −1.5
        //   ∂L/∂w₁[1,1] = 1·X̃(1,1) − 1·X̃(1,3) + 2·X̃(3,1) + 0.5·X̃(3,3) = 1 − 0 + 4 + 0.5 = 5.5
        //   so ∂L/∂K₁ = rot180([[0.5, 1.5], [−1.5, 5.5]]) = [[5.5, −1.5], [1.5, 0.5]].
        // ∂L/∂X₁: x(0,0) sits at X̃(1,1), met by window (0,0) at (m, n) = (1, 1): δ₀₀·w₁[1,1] = 1·K₁[0,0] = 1;
        //   x(0,1) at X̃(1,2): window (0,1) at (1, 0): −1·w₁[1,0] = −1·K₁[0,1] = 1.
        let object = try CommandRunner.json([
            "conv", "--input", "[[[1,2,0],[0,1,3],[2,1,1]],[[0,1,1],[2,0,1],[1,1,0]]]", "--kernel",
            "[[[1,-1],[0,2]],[[2,0],[1,-1]]]", "--flip", "--stride", "2", "--padding", "1", "--grad-output",
            "1 -1; 2 0.5",
        ])
        let kernel = try #require(object["grad_kernel"] as? [[[Double]]])
        #expect(kernel[0] == [[5.5, -1.5], [1.5, 0.5]])
        let input = try #require(object["grad_input"] as? [[[Double]]])
        #expect(input[0][0][0] == 1)
        #expect(input[0][0][1] == 1)
        #expect(object["grad_bias"] as? Double == 2.5)
    }

    @Test("max-pool backward routes each δᵢⱼ to its window's maximum and names a tie; avg shares δᵢⱼ / 4")
    func poolBackward() throws {
        let max = try CommandRunner.json([
            "pool", "--input", "1 3 2 4; 5 6 1 2; 7 2 9 9; 1 8 3 4", "--size", "2", "--mode", "max",
            "--grad-output", "1 2; 3 4",
        ])
        #expect(max["grad_input"] as? [[Double]] == [[0, 0, 0, 2], [0, 1, 0, 0], [0, 0, 4, 0], [0, 3, 0, 0]])
        let text = try CommandRunner.run([
            "pool", "--input", "1 3 2 4; 5 6 1 2; 7 2 9 9; 1 8 3 4", "--size", "2", "--mode", "max",
            "--grad-output", "1 2; 3 4",
        ]).output
        #expect(text.contains("has its maximum 9 more than once; δ₂,₂ goes to the\n     first, x₃,₃."))
        // Windows of 2 × 2 at stride 1 over 3 × 3: the centre is in all four, (1 + 2 + 3 + 4) / 4 = 2.5.
        let average = try CommandRunner.json([
            "pool", "--input", "6 0 1; 3 4 1; 1 7 0", "--size", "2", "--stride", "1", "--mode", "avg",
            "--grad-output", "1 2; 3 4",
        ])
        #expect(average["grad_input"] as? [[Double]] == [[0.25, 0.75, 0.5], [1, 2.5, 1.5], [0.75, 1.75, 1]])
    }

    @Test("issue 18 D4: a padding question without a kernel: 15 × 15 × 8 padded by 2 is 19 × 19 × 8 (15 + 2 · 2)")
    func paddingOnly() throws {
        let object = try CommandRunner.json(["conv-size", "--input", "15x15x8", "--padding", "2"])
        #expect(object["padded"] as? [Int] == [19, 19, 8])
        #expect(object["padding"] as? [[Int]] == [[2, 2], [2, 2]])
        // Rows by 2 (15 + 4), columns by 1 (15 + 2); channels first keeps C in front.
        let rectangular = try CommandRunner.json([
            "conv-size", "--input", "8x15x15", "--padding", "2x1", "--channels-first",
        ])
        #expect(rectangular["padded"] as? [Int] == [8, 19, 17])
    }

    @Test("--input may name a file")
    func inputFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-conv-input-\(getpid()).txt")
        try "6 0 1\n3 4 1\n1 7 0\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let object = try CommandRunner.json(["conv", "--input", file.path, "--kernel", "1 0; 0 -1"])
        #expect(object["output"] as? [[Double]] == [[2, -1], [-4, 4]])
    }

    static let badCases: [([String], String, Int32)] = [
        (
            ["conv-size", "--input", "15x15x8"],
            "nnhw: --kernel: missing; give the kernel size, e.g. --kernel 3 (or --padding P alone for the padded "
                + "shape)\nUsage: \(convSizeUsage)\n", 64
        ),
        (
            ["conv-size", "--input", "15x15x8", "--padding", "same"],
            "nnhw: --padding: same, valid and full depend on the kernel; give --kernel, or a number P or PxQ for the "
                + "padded shape\nUsage: \(convSizeUsage)\n", 64
        ),
        (
            ["conv-size", "--input", "15x15x8", "--padding", "1", "--filters", "4"],
            "nnhw: --filters: describes a layer, which needs --kernel; without it conv-size gives the padded shape of "
                + "--padding P or PxQ\nUsage: \(convSizeUsage)\n", 64
        ),
        (
            ["conv", "--input", "1 2; 3 4", "--kernel", "1", "--grad-output", "1 2 3; 4 5 6"],
            "nnhw: --grad-output: ∂L/∂Y is 2 × 3, but the output Y is 2 × 2; give one value per output entry\n", 65
        ),
        (
            ["pool", "--input", "[[[1,2],[3,4]],[[4,3],[2,1]]]", "--size", "2", "--mode", "max", "--grad-output", "1"],
            "nnhw: --grad-output: ∂L/∂Y is 1 × 1, but the output Y is 2 × 1 × 1; give one value per output entry\n",
            65
        ),
        (
            ["conv-size", "--input", "4x4", "--kernel", "5"],
            "nnhw: --kernel: the window spans 5 along the rows, more than the 4 of the padded input\n", 65
        ),
        (
            ["conv-size", "--input", "36x36", "--kernel", "3", "--stride", "0"],
            "nnhw: --stride: the stride along the rows must be at least 1, got 0\n", 65
        ),
        (
            ["conv-size", "--input", "-36x36", "--kernel", "3"],
            "nnhw: --input: the input size along the rows must be at least 1, got -36\n", 65
        ),
        (
            ["conv-size", "--input", "36x36x3", "--kernel", "3", "--filters", "9223372036854775807"],
            "nnhw: --input: the parameter or multiply-add count exceeds 2⁵³, the largest count printed exactly\n", 65
        ),
        (
            ["conv-size", "--input", "1099511627776x4", "--kernel", "3"],
            "nnhw: --input: the sizes along the rows are too large to compute with (above 2^40)\n", 65
        ),
        (["conv", "--input", "1 2; 3", "--kernel", "1"], "nnhw: --input: row 2 has 1 entry, but row 1 has 2\n", 65),
        (
            ["conv", "--input", "1 2; 3 4", "--kernel", "1 1 1"],
            "nnhw: --kernel: the window spans 3 along the columns, more than the 2 of the padded input\n", 65
        ),
        (
            ["conv", "--input", "missing-file.txt", "--kernel", "1"],
            "nnhw: --input: row 1, column 1: \"missing-file.txt\" is not a finite number\n", 65
        ),
        (
            ["pool", "--input", "1 2; 3 4", "--size", "3", "--mode", "max"],
            "nnhw: --size: the window spans 3 along the rows, more than the 2 of the padded input\n", 65
        ),
        (
            ["pool", "--input", "1 2; 3 4", "--size", "1", "--mode", "min"],
            "nnhw: --mode: expected max or avg, got \"min\"\nUsage: \(poolUsage)\n", 64
        ),
    ]

    @Test("bad input: one line on stderr, nothing on stdout, the documented exit status", arguments: badCases)
    func badInput(_ arguments: [String], _ expected: String, _ status: Int32) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.output == "")
        #expect(result.error == expected)
        #expect(result.status == status)
    }

    @Test(
        "issue 11: conv-size's JSON has the padding per side, [[top, bottom], [left, right]]",
        arguments: [
            // By hand: ⌈36/2⌉ = 18, P = (18 − 1)·2 + 3 − 36 = 1, ⌊1/2⌋ = 0 on top and 1 below.
            (["--input", "36x36x3", "--kernel", "3", "--stride", "2", "--padding", "same"], [[0, 1], [0, 1]]),
            // Rows: ⌈5/2⌉ = 3, P = 2·2 + 3 − 5 = 2 → 1 and 1; columns: ⌈6/2⌉ = 3, P = 2·2 + 3 − 6 = 1 → 0 and 1.
            (["--input", "5x6", "--kernel", "3", "--stride", "2", "--padding", "same"], [[1, 1], [0, 1]]),
            (["--input", "36x36x3", "--kernel", "3", "--padding", "3"], [[3, 3], [3, 3]]),
            // "full" pads k_eff − 1 = 2(3 − 1) + 1 − 1 = 4 rows, k − 1 = 4 columns on each side.
            (["--input", "9x9", "--kernel", "3x5", "--dilation", "2x1", "--padding", "full"], [[4, 4], [4, 4]]),
        ] as [([String], [[Int]])])
    func paddingPerSide(_ arguments: [String], _ padding: [[Int]]) throws {
        #expect(try CommandRunner.json(["conv-size"] + arguments)["padding"] as? [[Int]] == padding)
    }

    @Test("issue 11: conv-size's preamble sets n_out, k_eff, ⌊·⌋ and C × H × W as math, options as code")
    func sizeFormulasTypeset() throws {
        let arguments = ["conv-size", "--input", "36x36x3", "--kernel", "3", "--stride", "2", "--padding", "same"]
        let latex = try CommandRunner.run(arguments + ["--format", "latex"]).output
        #expect(
            latex.contains(
                "$n_{\\text{out}} = \\left\\lfloor (n + 2P - k_{\\text{eff}}) / S \\right\\rfloor + 1$ with "
                    + "$k_{\\text{eff}} = d (k - 1) + 1$"))
        #expect(latex.contains("``same'' follows TensorFlow: $n_{\\text{out}} = \\left\\lceil n / S \\right\\rceil$"))
        #expect(latex.contains("(\\texttt{-{}-{}channels-{}first} for $C \\times H \\times W$)"))
        #expect(latex.contains("stride $S = 2$, dilation $d = 1$; padding ``same''."))
        #expect(!latex.contains("n\\_out") && !latex.contains("\""))
        let markdown = try CommandRunner.run(arguments + ["--format", "markdown"]).output
        #expect(markdown.contains("(`--channels-first` for $C \\times H \\times W$)"))
        let transposed = try CommandRunner.run([
            "conv-size", "--input", "3x3x4", "--kernel", "3", "--stride", "2", "--transposed", "--format", "latex",
        ])
        #expect(transposed.output.contains("$o = S (n - 1) + k_{\\text{eff}} - 2P + a$"))
    }

    @Test("issue 11: conv --padding sets the padded input as X with a tilde, and --flip as code")
    func paddedInputTypeset() throws {
        let arguments = ["conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "1 0; 0 -1", "--flip", "--padding", "1"]
        let latex = try CommandRunner.run(arguments + ["--format", "latex"]).output
        #expect(latex.contains("\\tilde{X} &= \\begin{bmatrix} 0 & 0 & 0 & 0 & 0 \\\\ 0 & 6 & 0 & 1 & 0"))
        #expect(latex.contains("True convolution (\\texttt{-{}-{}flip}): the kernel is rotated by"))
        #expect(latex.contains("[$w[m, n] = K[k_{h} + 1 - m, k_{w} + 1 - n]$]"))
        #expect(!latex.contains("?"))
        #expect(latex.unicodeScalars.allSatisfy { $0.isASCII })
        let text = try CommandRunner.run(arguments).output
        #expect(text.contains("X\u{0303} = "))
    }
}

/// The usage line of pool, as its declaration gives it.
private let convSizeUsage = Registry.subcommand(named: "conv-size")?.usage ?? "no conv-size subcommand"
private let poolUsage = Registry.subcommand(named: "pool")?.usage ?? "no pool subcommand"
