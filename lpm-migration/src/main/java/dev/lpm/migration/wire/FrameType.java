package dev.lpm.migration.wire;

/**
 * The frames of a migration stream, with the largest payload each may carry: the receiver refuses a larger
 * length before it allocates anything (the stream is hostile).
 */
public enum FrameType {
    /** Source → target: who is coming (migration id, memory size, harts, the partition's profile). */
    HELLO(1, 128 << 10),
    /** Target → source: the target can take the partition; pre-copy may begin. */
    ACCEPT(2, 0),
    /** Either way: the step failed or was refused; payload is the reason in UTF-8. Ends the stream. */
    ERROR(3, 4096),
    /** Source → target: a batch of whole pages (count, indices, then the pages' bytes). */
    PAGES(4, Pages.MAX_PAGES_PER_FRAME * (4 + Pages.PAGE_SIZE) + 8),
    /** Source → target: runs of pages that are all zero (sent as ranges, never as 4 KiB each). */
    ZERO_PAGES(5, Pages.MAX_RANGES_PER_FRAME * 8 + 8),
    /** Source → target: the end of a pre-copy round; the target acknowledges it. */
    ROUND_END(6, 12),
    /** Target → source: every page of the round is in the target's memory. */
    ROUND_ACK(7, 4),
    /** Source → target: the paused machine's CPU and device state (the state codec's bytes). */
    STATE(8, 32 << 20),
    /** Source → target: the stream is complete (the final round and the state were sent). */
    COMPLETE(9, 16),
    /** Target → source: the partition is restored, paused, ready to run; it runs only after COMMIT. */
    READY(10, 0),
    /** Source → target: ownership passes to the target; from here the source never resumes on its own. */
    COMMIT(11, 0),
    /** Target → source: the partition runs on the target. */
    RUNNING(12, 0),
    /** Source → target: the migration is cancelled; the target discards what it received. */
    CANCEL(13, 4096);

    final int code;
    final int maxPayload;

    FrameType(int code, int maxPayload) {
        this.code = code;
        this.maxPayload = maxPayload;
    }

    public int maxPayload() {
        return maxPayload;
    }

    private static final FrameType[] BY_CODE = new FrameType[16];

    static {
        for (FrameType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    /** The type with this code, or null. */
    static FrameType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
