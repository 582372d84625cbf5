#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The packing buffers of the calling thread, kept from one product to the next.
///
/// Allocating the packed panels afresh for every product made the allocator
/// map and unmap pages each time (page faults were a quarter of an MLP step);
/// each thread instead keeps one buffer, grown when a product needs more, and
/// freed when the thread ends (a POSIX thread-specific value with `free` as its
/// destructor). Only the thread that asked may use the buffer, and only until
/// it asks again.
enum PackingWorkspace {
    /// Bytes before the numbers: the capacity, padded to a cache line.
    private static let header = 64

    private static let key: pthread_key_t = {
        keepFreedMemory()
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { free($0) }
        precondition(status == 0, "pthread_key_create failed (\(status))")
        return key
    }()

    /// Fixes glibc's heap thresholds at the ceiling its own dynamic adjustment reaches
    /// (arrays below 32 MiB from the heap, freed memory kept up to 64 MiB), once, on
    /// the first packed product.
    ///
    /// Products return fresh arrays of up to a few megabytes (∂L/∂W of a wide layer
    /// is 1.6 MB). glibc raises its thresholds only after freeing a chunk it mapped,
    /// which not every process does in time: in an `nnhw-bench --mlp-step` spawned by
    /// Foundation's `Process` the heap top was trimmed by `brk` and faulted back in
    /// every step (110,000 page faults in a 0.6 s run, 37 % of the time in the kernel,
    /// the step 1.7× slower than from a shell). The results do not change.
    private static func keepFreedMemory() {
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

    /// The calling thread's buffer of at least `count` numbers, contents unspecified.
    ///
    /// `count` is bounded by the blocking sizes (at most about 2.3 MB, whatever
    /// the matrices), so failing to allocate it is running out of memory, as
    /// for any array, not something input can cause.
    static func buffer(count: Int) -> UnsafeMutablePointer<Double> {
        if let block = pthread_getspecific(key), block.load(as: Int.self) >= count {
            return (block + header).assumingMemoryBound(to: Double.self)
        }
        free(pthread_getspecific(key))
        let capacity = max(count, 1 << 12)
        guard let block = malloc(header + capacity * MemoryLayout<Double>.stride) else {
            preconditionFailure("Out of memory for \(capacity) packed numbers")
        }
        block.storeBytes(of: capacity, as: Int.self)
        pthread_setspecific(key, block)
        return (block + header).bindMemory(to: Double.self, capacity: capacity)
    }
}
