/// The shape of one sample's values between two layers of a ``LayerStack``:
/// C maps of H × W, as PyTorch writes it (C × H × W). A vector of n values is
/// n maps of 1 × 1, so that batch norm normalizes each of its entries over the
/// batch, as `BatchNorm1d` does, and each map of an image over the batch and the
/// map's positions, as `BatchNorm2d` does.
///
/// A sample is stored as one row of a batch matrix, map after map, each map row
/// after row (PyTorch's flattening order).
public struct SampleShape: Sendable, Hashable, CustomStringConvertible {
    /// C, the number of maps (channels), or n for a vector.
    public var channels: Int
    /// H, the rows of each map (1 for a vector).
    public var height: Int
    /// W, the columns of each map (1 for a vector).
    public var width: Int
    /// Whether the values are maps (an image) rather than a vector; a flatten makes a vector of them.
    public var isImage: Bool

    /// C maps of H × W.
    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
        self.isImage = true
    }

    /// A vector of n values.
    public static func vector(_ count: Int) -> SampleShape {
        var shape = SampleShape(channels: count, height: 1, width: 1)
        shape.isImage = false
        return shape
    }

    /// C · H · W, the number of values of one sample.
    public var count: Int { channels * height * width }

    /// H · W, the values of one map.
    public var mapSize: Int { height * width }

    /// "2×5×5" for maps, "8" for a vector.
    public var description: String {
        isImage ? "\(channels)×\(height)×\(width)" : "\(channels)"
    }

    /// The maps of sample `sample` of a batch (one sample per row), each H × W.
    public func maps(of batch: Matrix, sample: Int) -> [Matrix] {
        let row = batch.row(sample)
        return (0..<channels).map { channel in
            let start = channel * mapSize
            return Matrix(rows: height, columns: width, elements: Array(row[start..<start + mapSize]))
        }
    }

    /// A batch matrix from the maps of each sample, the inverse of ``maps(of:sample:)``.
    public static func batch(_ samples: [[Matrix]]) -> Matrix {
        Matrix(samples.map { maps in maps.flatMap(\.elements) })
    }
}
