import NNCore
import Testing

@testable import NNHomework

@Suite("NumberText: the one reader of numbers a user writes")
struct NumberTextTests {
    @Test(
        "decimal notation is read, with an ASCII or Unicode minus",
        arguments: [
            ("3", 3.0), ("-0.5", -0.5), ("+2", 2), ("−1.5", -1.5), (".5", 0.5), ("5.", 5), ("1e-3", 0.001),
            ("2.5E+4", 25_000), ("0", 0),
        ])
    func decimal(_ text: String, value: Double) {
        #expect(NumberText.decimal(text) == value)
    }

    /// Issue 13: hexadecimal floats were read by one validator and refused by another.
    @Test(
        "hexadecimal, nan, infinity, empty and malformed text are refused",
        arguments: [
            "0x1p3", "0x10", "nan", "inf", "infinity", "-inf", "", ".", "e3", "1e", "1e+", "1 2", "1..2", "--1",
            "1e999",
        ])
    func refused(_ text: String) {
        #expect(NumberText.decimal(text) == nil)
    }

    @Test("whole numbers, with a Unicode minus; fractions are not whole")
    func whole() {
        #expect(NumberText.whole("12") == 12)
        #expect(NumberText.whole("−3") == -3)
        #expect(NumberText.whole("+4") == 4)
        #expect(NumberText.whole("2.5") == nil)
        #expect(NumberText.whole("0x10") == nil)
    }

    @Test("a matrix, a compact architecture and a duration refuse a hexadecimal number alike")
    func everyReaderRefusesHexadecimal() throws {
        #expect(throws: InputError.self) { try TensorText.channels(parsing: "0x10 1; 2 3", place: "--input") }
        #expect(throws: InputError.self) { try TimeQuantity(parsing: "0x10min", at: "--epoch-time") }
        #expect(throws: InputError.self) { try FormulaCheckProblem(formula: "x", point: "x=0x10") }
        #expect(try OptionType.number(.positive).read("1e2", for: "--price") == .number(100))
        #expect(throws: InputError.self) { try OptionType.number(.positive).read("0x1p3", for: "--price") }
    }
}

@Suite("OptionType: reading and checking one option value, worded in one place")
struct OptionTypeTests {
    private func message(_ type: OptionType, _ text: String, for option: String = "--x") -> String? {
        do {
            _ = try type.read(text, for: option)
            return nil
        } catch {
            #expect(error.kind == .usage)
            return error.description
        }
    }

    @Test("values of every type")
    func values() throws {
        #expect(try OptionType.whole(0...17).read("4", for: "--precision") == .whole(4))
        #expect(try OptionType.seed.read("18446744073709551615", for: "--seed") == .seed(UInt64.max))
        #expect(try OptionType.number(.nonNegative).read("0", for: "--atol") == .number(0))
        #expect(try OptionType.number(.openUnitInterval).read("0.05", for: "--good-fraction") == .number(0.05))
        #expect(try OptionType.sizes(1...2).read("3x5", for: "--kernel") == .sizes([3, 5]))
        #expect(try OptionType.padding.read("same", for: "--padding") == .padding(height: .same, width: .same))
        #expect(try OptionType.choice(["max", "avg"]).read("avg", for: "--mode") == .text("avg"))
        #expect(try OptionType.file.read("-", for: "--net") == .text("-"))
        #expect(try OptionType.flag.read("", for: "--flip") == .flag)
    }

    @Test("malformed values name the option and what was expected")
    func messages() {
        #expect(
            message(.whole(0...17), "18", for: "--precision")
                == #"--precision: expected a whole number from 0 to 17, got "18""#)
        #expect(
            message(.whole(1...Int.max), "0", for: "--sample")
                == #"--sample: expected a whole number of at least 1, got "0""#)
        #expect(
            message(.seed, "-3", for: "--seed")
                == #"--seed: expected a whole number from 0 to 18446744073709551615, got "-3""#)
        #expect(message(.number(.positive), "lots", for: "--dollars") == #"--dollars: expected a number, got "lots""#)
        #expect(message(.number(.positive), "0", for: "--eps") == "--eps: must be positive, got 0")
        #expect(message(.number(.nonNegative), "-1", for: "--atol") == "--atol: must be 0 or more, got -1")
        #expect(message(.number(.openUnitInterval), "1.5") == "--x: must be strictly between 0 and 1, got 1.5")
        #expect(
            message(.choice(["max", "avg"]), "mx", for: "--mode")
                == #"--mode: expected max or avg, got "mx" (did you mean max?)"#)
        #expect(message(.choice(["red", "green", "blue"]), "z") == #"--x: expected red, green or blue, got "z""#)
    }
}

@Suite("Problems decoded from typed option values")
struct OptionDecodingTests {
    @Test("conv-size: a pooling window's stride defaults to the window, defaults fill the rest")
    func poolingStride() throws {
        let problem = try ConvolutionSizeProblem(
            OptionValues(["--input": [.sizes([28, 28, 16])], "--kernel": [.sizes([2])], "--pool": [.text("max")]]))
        #expect(problem.height.stride == 2)
        #expect(problem.width.kernelSize == 2)
        #expect(problem.inputChannels == 16)
        #expect(problem.layer == .pooling(.max, ceilMode: false))
    }

    @Test("conv-size: options that contradict each other are usage errors at the option")
    func contradictions() {
        #expect(throws: InputError(.usage, at: "--filters", "does not apply to a pooling layer (--pool)")) {
            try ConvolutionSizeProblem(
                OptionValues([
                    "--input": [.sizes([4, 4])], "--kernel": [.sizes([2])], "--pool": [.text("avg")],
                    "--filters": [.sizes([3])],
                ]))
        }
        #expect(throws: InputError(.usage, at: "--kernel", "missing; give the kernel size, e.g. --kernel 3")) {
            try ConvolutionSizeProblem(OptionValues(["--input": [.sizes([4, 4])]]))
        }
    }

    @Test("a file is read only when the problem asks for it, through the reader given")
    func fileReadOnDemand() throws {
        let values = OptionValues(
            ["--input": [.file("m.txt")], "--kernel": [.document("1", source: "--kernel")], "--size": [.sizes([1])]],
            readFile: { path throws(InputError) in
                guard path == "m.txt" else { throw InputError(.unreadable, at: path, "no such file") }
                return "1 2; 3 4"
            })
        guard case .convolution(let input, let filters, _, _) = try FeatureMapProblem(convolution: values) else {
            Issue.record("not a convolution")
            return
        }
        #expect(input.first?.elements == [1, 2, 3, 4])
        #expect(filters.first?.kernel.first?.elements == [1])
    }

    @Test("--net and --example: exactly one, and the example by name")
    func networkSource() throws {
        let problem = try NetworkProblem(OptionValues(["--example": [.text("relu-3-layer")]]))
        #expect(problem.network.layers.count == 3)
        #expect(throws: InputError(.usage, at: "--net", "missing; give --net FILE (or --example NAME)")) {
            try NetworkProblem(OptionValues())
        }
    }
}
