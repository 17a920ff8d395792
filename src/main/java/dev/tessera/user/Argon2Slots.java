package dev.tessera.user;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * Runs at most {@code limit} Argon2id computations at once, in arrival order, and lends them their 1 KiB memory
 * blocks from one pool that keeps the blocks between computations.
 *
 * <p>Why: Bouncy Castle's generator otherwise allocates its whole memory (19,456 blocks for the default m=19 MiB)
 * afresh for every hash, and those blocks live as long as the hash runs. With the recommended 2-core flags
 * (a heap of at most 512 MiB, the serial collector) and the 8 request threads, up to 8 hashes held 8 × 19 MiB of young
 * objects at once, more than the young generation: every collection copied live blocks and promoted them, and
 * the old generation filled with them (docs/performance.md, "Where a sign-in's CPU goes"). Argon2id is
 * CPU- and memory-bound, so more hashes at once than half the processors only add memory and cache misses, never
 * throughput ({@link #limitFor}); the bound keeps the live hash memory at {@code limit} × m and the pool makes it the
 * same blocks each time.
 *
 * <p>Security is unchanged: the parameters come from the stored hash as before, Bouncy Castle zeroes every
 * block ({@code Block.clear()}) before it returns to the pool, and a login for an unknown user waits for a
 * slot exactly like one for a known user (both verify one hash).
 */
final class Argon2Slots {
    /** Blocks the generator takes beside the memory for one segment fill (its FillBlock: R, Z, address, input). */
    private static final int SCRATCH_BLOCKS = 4;

    private final Semaphore permits;
    private final Argon2BytesGenerator.BlockPool pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /**
     * @param limit     most computations at once
     * @param memoryKib m of today's settings: the pool keeps {@code limit} hashes' worth of blocks (a stored hash
     *                  with a larger m takes the rest fresh, as before)
     * @param lanes     p of today's settings
     */
    Argon2Slots(int limit, int memoryKib, int lanes) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.permits = new Semaphore(limit, true);
        this.pool = new Argon2BytesGenerator.FixedBlockPool(
                limit * (Argon2BytesGenerator.getBlockCount(memoryKib, lanes) + SCRATCH_BLOCKS * lanes));
    }

    /** Slots for the processors the JVM may use (container limits included): {@link #limitFor}. */
    static Argon2Slots forThisMachine(int memoryKib, int lanes) {
        return new Argon2Slots(limitFor(Runtime.getRuntime().availableProcessors()), memoryKib, lanes);
    }

    /**
     * One hash per two processors, at least one. Each hash walks its own m of memory (19 MiB by default), so two at
     * once on two cores evict each other's blocks from the caches while the request threads' other work shares the
     * same cores: measured on 2 cores, one slot gave 17.8-23.7 sign-ins per server CPU-second against 14.9-15.1 with
     * two, and no fewer per second (docs/performance.md, "A sign-in profiled again, after two minutes of warm-up").
     */
    static int limitFor(int processors) {
        return Math.max(1, processors / 2);
    }

    /** The pool to give the generator's parameters; use it only inside {@link #run}. */
    Argon2BytesGenerator.BlockPool pool() {
        return pool;
    }

    /** Runs the computation once a slot is free (waiting without giving up, as the request would anyway). */
    <T> T run(Supplier<T> computation) {
        permits.acquireUninterruptibly();
        try {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return computation.get();
        } finally {
            inFlight.decrementAndGet();
            permits.release();
        }
    }

    /** The most computations that ran at once so far: what the bound promises, observable. */
    int peakInFlight() {
        return peak.get();
    }
}
