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
    /// The buffer's alignment in bytes: a cache line, so that the kernel's vector loads of
    /// a packed row (nr numbers, a multiple of 4) never straddle two lines, as they did at
    /// `malloc`'s 16 bytes.
    private static let cacheLine = 64

    /// Bytes before the numbers: the capacity, padded to a cache line.
    private static let header = 64

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { free($0) }
        precondition(status == 0, "pthread_key_create failed (\(status))")
        return key
    }()

    /// The calling thread's buffer of at least `count` numbers, contents unspecified.
    ///
    /// `count` is bounded by the blocking sizes (at most about 4.4 MB, whatever
    /// the matrices), so failing to allocate it is running out of memory, as
    /// for any array, not something input can cause.
    static func buffer(count: Int) -> UnsafeMutablePointer<Double> {
        if let block = pthread_getspecific(key), block.load(as: Int.self) >= count {
            return (block + header).assumingMemoryBound(to: Double.self)
        }
        free(pthread_getspecific(key))
        let capacity = max(count, 1 << 12)
        var allocated: UnsafeMutableRawPointer?
        guard posix_memalign(&allocated, cacheLine, header + capacity * MemoryLayout<Double>.stride) == 0,
            let block = allocated
        else {
            preconditionFailure("Out of memory for \(capacity) packed numbers")
        }
        block.storeBytes(of: capacity, as: Int.self)
        pthread_setspecific(key, block)
        return (block + header).bindMemory(to: Double.self, capacity: capacity)
    }
}
