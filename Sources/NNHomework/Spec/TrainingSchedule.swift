import NNCore

/// `--epochs E [--epoch-time T]`: how long each run of a search trains.
public struct TrainingSchedule: Sendable, Hashable {
    /// E, the epochs each run trains.
    public var epochs: Int
    /// T, the time one epoch takes, in the unit given, if given.
    public var epochTime: TimeQuantity?

    /// E epochs per run, each taking `epochTime`.
    public init(epochs: Int, epochTime: TimeQuantity?) {
        self.epochs = epochs
        self.epochTime = epochTime
    }

    /// The schedule given by `--epochs` and `--epoch-time`, or nil when neither is.
    ///
    /// - Throws: a usage error for a bad count or duration, or `--epoch-time` without `--epochs`.
    public init?(_ options: OptionValues) throws(InputError) {
        let epochTime = try options.text("--epoch-time").map { text throws(InputError) in
            try TimeQuantity(parsing: text, at: "--epoch-time")
        }
        guard let epochs = options.whole("--epochs") else {
            if epochTime != nil {
                throw InputError(at: "--epoch-time", .requires("--epochs", because: "how many epochs each run trains"))
            }
            return nil
        }
        self.init(epochs: epochs, epochTime: epochTime)
    }
}
