/// Every subcommand, in the order `nnhw --help` lists them: the one list that
/// dispatch, help, completions and the tests walking every subcommand read.
enum Registry {
    /// The subcommands.
    static let subcommands: [Subcommand] = [
        ForwardCommand.subcommand, BackwardCommand.subcommand, GradcheckCommand.subcommand, JacobianCommand.subcommand,
        HessianCommand.subcommand, LossCommand.subcommand, ActivationCommand.subcommand, SoftmaxCommand.subcommand,
        ConvSizeCommand.subcommand, ConvCommand.subcommand, PoolCommand.subcommand, BatchNormCommand.subcommand,
        LayerNormCommand.subcommand, ParamsCommand.subcommand, ChainCommand.subcommand, ShapesCommand.subcommand,
        OptimizeCommand.subcommand, TrainCommand.subcommand, AverageCommand.subcommand,
        PerceptronCommand.subcommand,
        HyperparameterCountCommand.subcommand, TrainCostCommand.subcommand, InferenceCostCommand.subcommand,
        PlotCommand.subcommand, DiagramCommand.subcommand, NewCommand.subcommand, GenerateCommand.subcommand,
        NotationCommand.subcommand,
        ExamplesCommand.subcommand, CompletionsCommand.subcommand,
    ]

    /// The subcommand called `name`, if there is one.
    static func subcommand(named name: String) -> Subcommand? {
        subcommands.first { $0.name == name }
    }

    /// The subcommands that take every rendering option (`--format`, `--precision`, …).
    static var rendering: [Subcommand] {
        subcommands.filter { subcommand in
            Rendering.options.allSatisfy { option in subcommand.options.contains { $0.name == option.name } }
        }
    }
}
