#if canImport(Glibc)
    import Glibc
#endif

/// Fixes glibc's heap thresholds at the ceiling its own dynamic adjustment
/// reaches (arrays below 32 MiB from the heap, freed memory kept up to 64 MiB),
/// so that a measurement does not depend on how the process was started.
///
/// Products return fresh arrays of up to a few megabytes (∂L/∂W of a wide layer
/// is 1.6 MB). glibc raises its thresholds only after freeing a chunk it mapped,
/// which not every process does in time: in an `nnhw-bench --mlp-step` spawned by
/// Foundation's `Process` the heap top was trimmed and faulted back in every step
/// (110,000 page faults in a 0.6 s run, the step 1.7× slower than from a shell).
/// The benchmark sets this for itself; NNCore changes no process-wide setting.
func fixHeapThresholds() {
    #if canImport(Glibc)
        // <malloc.h> is not in the Glibc module: mallopt by name (null handle: RTLD_DEFAULT),
        // with M_TRIM_THRESHOLD = −1 and M_MMAP_THRESHOLD = −3 from that header.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 64 << 20)
    #endif
}
