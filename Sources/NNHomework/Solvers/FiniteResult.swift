/// `value`, or an invalid-data error at `place` when it overflowed to ∞ or,
/// from inputs that are all positive, underflowed to 0: a budget's results
/// are refused rather than printed as ∞ or 0.
func finite(_ value: Double, _ what: String, at place: String) throws(InputError) -> Double {
    guard value.isFinite else { throw InputError(at: place, .overflows(what)) }
    guard value > 0 else { throw InputError(at: place, .underflows(what)) }
    return value
}
