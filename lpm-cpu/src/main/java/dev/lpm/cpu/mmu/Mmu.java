package dev.lpm.cpu.mmu;

import dev.lpm.cpu.Cause;
import dev.lpm.cpu.Csr;
import dev.lpm.cpu.Hart;
import dev.lpm.cpu.Privilege;
import dev.lpm.cpu.Trap;
import dev.lpm.memory.BusError;
import dev.lpm.memory.DirtyBitmap;
import dev.lpm.memory.PhysicalBus;
import dev.lpm.memory.Ram;

import java.util.Arrays;

/**
 * Address translation and memory access for one hart: Sv39/Sv48 page walks with hardware A/D updates (as
 * QEMU does), PMP, and structure-of-arrays TLBs for fetch, load and store.
 *
 * <p>A TLB tag is the virtual page OR'd with the effective access mode (privilege, SUM, MXR) in bits 4-6;
 * the lookup compares it with {@code (va & ~(0xFFF & ~(size - 1))) | mode}, so a misaligned access or a
 * mode change misses without any extra test. Entries hold {@code hostOffset - va}, so a hit costs one
 * compare and one add. Only RAM pages whose PMP decision covers the whole page are cached; MMIO always
 * takes the slow path.
 *
 * <p>Dirty tracking costs the fast path nothing: a store entry is installed only after the page is marked
 * in the dirty bitmap, and a harvest makes the hart drop all store entries (see {@link DirtyBitmap}).
 */
public final class Mmu implements DirtyBitmap.StoreCache {
    public static final int FETCH = 0;
    public static final int LOAD = 1;
    public static final int STORE = 2;

    private static final int TLB_SIZE = 1024;
    private static final int TLB_MASK = TLB_SIZE - 1;
    private static final long PAGE_MASK = 0xFFFL;
    private static final long ALIGN_2 = ~PAGE_MASK | 1;
    private static final long ALIGN_4 = ~PAGE_MASK | 3;
    private static final long ALIGN_8 = ~PAGE_MASK | 7;
    private static final long INVALID = -1L;

    // PTE bits (privileged spec 4.3.1)
    private static final long PTE_V = 1;
    private static final long PTE_R = 2;
    private static final long PTE_W = 4;
    private static final long PTE_X = 8;
    private static final long PTE_U = 16;
    private static final long PTE_A = 64;
    private static final long PTE_D = 128;
    private static final long PPN_MASK = (1L << 44) - 1;

    private final Hart hart;
    private final PhysicalBus bus;
    private final Ram ram;

    private final long[] loadTag = new long[TLB_SIZE];
    private final long[] loadAddend = new long[TLB_SIZE];
    private final long[] storeTag = new long[TLB_SIZE];
    private final long[] storeAddend = new long[TLB_SIZE];
    private final long[] fetchTag = new long[TLB_SIZE];
    private final long[] fetchAddend = new long[TLB_SIZE];
    /** True when some cached 4 KiB entry came from a superpage, so sfence.vma of one address flushes all. */
    private boolean superpageCached;

    /** Effective data-access mode folded into load/store tags. */
    private long dataTag;
    private int dataPriv;
    private long fetchModeTag;

    /** The page the interpreter is fetching from: its virtual page and the host offset minus that page. */
    public long fetchPage = INVALID;
    public long fetchPageAddend;

    // store-permission drop handshake with the dirty-bitmap harvester (any thread)
    private volatile int dropRequests;
    private volatile int dropsDone;
    private volatile boolean executing;
    private volatile Thread owner;

    public Mmu(Hart hart, PhysicalBus bus) {
        this.hart = hart;
        this.bus = bus;
        this.ram = bus.ram();
        ram.dirtyBitmap().register(this);
        flushAll();
        privilegeChanged();
    }

    public Ram ram() {
        return ram;
    }

    // ---- invalidation ----

    public void flushAll() {
        Arrays.fill(loadTag, INVALID);
        Arrays.fill(storeTag, INVALID);
        Arrays.fill(fetchTag, INVALID);
        superpageCached = false;
        fetchPage = INVALID;
    }

    /** SFENCE.VMA with an address: drops that page (everything when superpages are cached). */
    public void flushPage(long va) {
        if (superpageCached) {
            flushAll();
            return;
        }
        int i = (int) (va >>> 12) & TLB_MASK;
        loadTag[i] = INVALID;
        storeTag[i] = INVALID;
        fetchTag[i] = INVALID;
        fetchPage = INVALID;
    }

    /** Recomputes the effective access modes after a privilege or mstatus change. */
    public void privilegeChanged() {
        long mstatus = hart.csr.mstatus;
        int priv = hart.priv;
        int eff = priv == Privilege.M && (mstatus & Csr.MSTATUS_MPRV) != 0 ? hart.csr.mpp() : priv;
        dataPriv = eff;
        dataTag = modeTag(eff, (mstatus & Csr.MSTATUS_SUM) != 0) | ((mstatus & Csr.MSTATUS_MXR) != 0 ? 0x40 : 0);
        fetchModeTag = modeTag(priv, false);
        fetchPage = INVALID;
    }

    private static long modeTag(int priv, boolean sum) {
        return switch (priv) {
            case Privilege.U -> 0;
            case Privilege.S -> sum ? 0x20 : 0x10;
            default -> 0x30;
        };
    }

    // ---- fast paths ----

    public long loadLong(long va) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (loadTag[i] == ((va & ALIGN_8) | dataTag)) {
            return ram.getLong(loadAddend[i] + va);
        }
        return loadSlow(va, 3);
    }

    public long loadInt(long va) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (loadTag[i] == ((va & ALIGN_4) | dataTag)) {
            return ram.getIntSigned(loadAddend[i] + va);
        }
        return (int) loadSlow(va, 2);
    }

    public long loadIntUnsigned(long va) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (loadTag[i] == ((va & ALIGN_4) | dataTag)) {
            return ram.getIntUnsigned(loadAddend[i] + va);
        }
        return loadSlow(va, 2);
    }

    public long loadShort(long va) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (loadTag[i] == ((va & ALIGN_2) | dataTag)) {
            return ram.getShortSigned(loadAddend[i] + va);
        }
        return (short) loadSlow(va, 1);
    }

    public long loadShortUnsigned(long va) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (loadTag[i] == ((va & ALIGN_2) | dataTag)) {
            return ram.getShortUnsigned(loadAddend[i] + va);
        }
        return loadSlow(va, 1);
    }

    public long loadByte(long va) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (loadTag[i] == ((va & ~PAGE_MASK) | dataTag)) {
            return ram.getByteSigned(loadAddend[i] + va);
        }
        return (byte) loadSlow(va, 0);
    }

    public long loadByteUnsigned(long va) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (loadTag[i] == ((va & ~PAGE_MASK) | dataTag)) {
            return ram.getByteUnsigned(loadAddend[i] + va);
        }
        return loadSlow(va, 0);
    }

    public void storeLong(long va, long value) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (storeTag[i] == ((va & ALIGN_8) | dataTag)) {
            ram.putLongPreMarked(storeAddend[i] + va, value);
            return;
        }
        storeSlow(va, value, 3);
    }

    public void storeInt(long va, long value) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (storeTag[i] == ((va & ALIGN_4) | dataTag)) {
            ram.putIntPreMarked(storeAddend[i] + va, (int) value);
            return;
        }
        storeSlow(va, value, 2);
    }

    public void storeShort(long va, long value) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (storeTag[i] == ((va & ALIGN_2) | dataTag)) {
            ram.putPreMarked(storeAddend[i] + va, value, 1);
            return;
        }
        storeSlow(va, value, 1);
    }

    public void storeByte(long va, long value) {
        int i = (int) (va >>> 12) & TLB_MASK;
        if (storeTag[i] == ((va & ~PAGE_MASK) | dataTag)) {
            ram.putPreMarked(storeAddend[i] + va, value, 0);
            return;
        }
        storeSlow(va, value, 0);
    }

    // ---- slow paths ----

    /** Loads {@code 1 << sizeLog2} bytes, zero-extended, filling the TLB when the page is cacheable RAM. */
    public long loadSlow(long va, int sizeLog2) {
        int size = 1 << sizeLog2;
        if ((va & PAGE_MASK) + size > 4096) {
            return loadAcrossPages(va, size);
        }
        long pa = translate(va, LOAD, size);
        long offset = ram.offsetOf(pa, size);
        if (offset >= 0) {
            install(loadTag, loadAddend, va, dataTag, pa, offset, LOAD, dataPriv);
            return ram.getUnsigned(offset, sizeLog2);
        }
        try {
            return bus.load(pa, sizeLog2);
        } catch (BusError e) {
            throw new Trap(Cause.LOAD_ACCESS_FAULT, va);
        }
    }

    public void storeSlow(long va, long value, int sizeLog2) {
        int size = 1 << sizeLog2;
        if ((va & PAGE_MASK) + size > 4096) {
            storeAcrossPages(va, value, size);
            return;
        }
        long pa = translate(va, STORE, size);
        long offset = ram.offsetOf(pa, size);
        if (offset >= 0) {
            ram.putMarking(offset, value, sizeLog2); // marks the page before the entry can exist
            // a page holding translated code is written through this slow path only, so every write is seen
            if (!ram.isWatched(offset >>> 12)) {
                install(storeTag, storeAddend, va, dataTag, pa, offset, STORE, dataPriv);
            }
            return;
        }
        try {
            bus.store(pa, value, sizeLog2);
        } catch (BusError e) {
            throw new Trap(Cause.STORE_ACCESS_FAULT, va);
        }
    }

    /**
     * A misaligned access spanning two pages (QEMU performs these rather than trapping): both pages are
     * translated before any byte moves, and a fault in the second page, a page fault or an access fault,
     * reports that page's first address, the "portion that faulted" (privileged spec 3.1.16).
     */
    private long loadAcrossPages(long va, int size) {
        long second = (va | PAGE_MASK) + 1;
        int first = (int) (second - va);
        long pa1 = translate(va, LOAD, first);
        long pa2 = translate(second, LOAD, size - first);
        long value = 0;
        for (int b = size - 1; b >= 0; b--) {
            long pa = b < first ? pa1 + b : pa2 + (b - first);
            try {
                value = value << 8 | bus.load(pa, 0);
            } catch (BusError e) {
                throw new Trap(Cause.LOAD_ACCESS_FAULT, b < first ? va : second);
            }
        }
        return value;
    }

    private void storeAcrossPages(long va, long value, int size) {
        long second = (va | PAGE_MASK) + 1;
        int first = (int) (second - va);
        long pa1 = translate(va, STORE, first);
        long pa2 = translate(second, STORE, size - first);
        for (int b = 0; b < size; b++) {
            long pa = b < first ? pa1 + b : pa2 + (b - first);
            try {
                bus.store(pa, value >>> (8 * b), 0);
            } catch (BusError e) {
                // as QEMU: the bytes before the bad part are written, and xtval is where the bad part starts
                throw new Trap(Cause.STORE_ACCESS_FAULT, b < first ? va : second);
            }
        }
    }

    private void install(long[] tags, long[] addends, long va, long modeTag, long pa, long offset, int access,
                         int priv) {
        long pagePa = pa & ~PAGE_MASK;
        if (!hart.csr.pmp.allows(pagePa, 4096, permission(access), priv)) {
            return; // PMP decides differently within this page: never cache it
        }
        int i = (int) (va >>> 12) & TLB_MASK;
        tags[i] = (va & ~PAGE_MASK) | modeTag;
        addends[i] = (offset - (pa & PAGE_MASK)) - (va & ~PAGE_MASK);
    }

    // ---- instruction fetch ----

    /**
     * Fetches the instruction at {@code pc} when it is not on the cached fetch page, or straddles its end,
     * and makes pc's page the fetch page. Returns the 32-bit instruction or the RVC halfword.
     */
    public int fetchSlow(long pc) {
        long pa = translate(pc, FETCH, 2);
        long offset = ram.offsetOf(pa, 2);
        if (offset < 0) {
            throw new Trap(Cause.INSTRUCTION_ACCESS_FAULT, pc);
        }
        int i = (int) (pc >>> 12) & TLB_MASK;
        long addend = (offset - (pa & PAGE_MASK)) - (pc & ~PAGE_MASK);
        if (hart.csr.pmp.allows(pa & ~PAGE_MASK, 4096, Pmp.X, hart.priv)) {
            fetchTag[i] = (pc & ~PAGE_MASK) | fetchModeTag;
            fetchAddend[i] = addend;
            fetchPage = pc & ~PAGE_MASK;
            fetchPageAddend = addend;
        } else {
            fetchPage = INVALID;
        }
        int low = (int) ram.getShortUnsigned(offset);
        if ((low & 3) != 3) {
            return low;
        }
        if ((pc & PAGE_MASK) != 0xFFE) {
            return (int) ram.getIntUnsigned(offset);
        }
        long next = pc + 2;
        long pa2 = translate(next, FETCH, 2);
        long offset2 = ram.offsetOf(pa2, 2);
        if (offset2 < 0) {
            throw new Trap(Cause.INSTRUCTION_ACCESS_FAULT, next);
        }
        fetchPage = INVALID; // the next fetch must come back here to cross pages again
        return low | (int) ram.getShortUnsigned(offset2) << 16;
    }

    /** Refills the fetch page from the fetch TLB; true when pc's page was cached there. */
    public boolean refillFetchPage(long pc) {
        int i = (int) (pc >>> 12) & TLB_MASK;
        if (fetchTag[i] == ((pc & ~PAGE_MASK) | fetchModeTag)) {
            fetchPage = pc & ~PAGE_MASK;
            fetchPageAddend = fetchAddend[i];
            return true;
        }
        return false;
    }

    // ---- atomics ----

    /** RAM offset for an LR: naturally aligned, readable. */
    public long lrOffset(long va, int sizeLog2) {
        if ((va & ((1L << sizeLog2) - 1)) != 0) {
            throw new Trap(Cause.LOAD_ADDRESS_MISALIGNED, va);
        }
        long pa = translate(va, LOAD, 1 << sizeLog2);
        long offset = ram.offsetOf(pa, 1L << sizeLog2);
        if (offset < 0) {
            throw new Trap(Cause.LOAD_ACCESS_FAULT, va);
        }
        return offset;
    }

    /**
     * RAM offset for an SC or AMO: naturally aligned and writable. Page and PMP faults are store/AMO faults;
     * a misaligned address and an address outside RAM raise the <em>load</em> misaligned and access faults,
     * as QEMU 7.2 does (its atomics check alignment and do the read first), where the spec asks for the
     * store/AMO causes. lpm follows QEMU so that guests behave the same on both.
     */
    public long amoOffset(long va, int sizeLog2) {
        if ((va & ((1L << sizeLog2) - 1)) != 0) {
            throw new Trap(Cause.LOAD_ADDRESS_MISALIGNED, va);
        }
        long pa = translate(va, STORE, 1 << sizeLog2);
        long offset = ram.offsetOf(pa, 1L << sizeLog2);
        if (offset < 0) {
            throw new Trap(Cause.LOAD_ACCESS_FAULT, va);
        }
        return offset;
    }

    // ---- translation ----

    private static int permission(int access) {
        return switch (access) {
            case FETCH -> Pmp.X;
            case LOAD -> Pmp.R;
            default -> Pmp.W;
        };
    }

    private static Trap pageFault(int access, long va) {
        return new Trap(switch (access) {
            case FETCH -> Cause.INSTRUCTION_PAGE_FAULT;
            case LOAD -> Cause.LOAD_PAGE_FAULT;
            default -> Cause.STORE_PAGE_FAULT;
        }, va);
    }

    private static Trap accessFault(int access, long va) {
        return new Trap(switch (access) {
            case FETCH -> Cause.INSTRUCTION_ACCESS_FAULT;
            case LOAD -> Cause.LOAD_ACCESS_FAULT;
            default -> Cause.STORE_ACCESS_FAULT;
        }, va);
    }

    /** Virtual to physical for an access of {@code size} bytes, with page-table and PMP checks. */
    public long translate(long va, int access, int size) {
        int priv = access == FETCH ? hart.priv : dataPriv;
        long satp = hart.csr.satp;
        long pa = priv == Privilege.M || satp >>> 60 == 0 ? va : walk(va, access, priv, satp);
        if (!hart.csr.pmp.allows(pa, size, permission(access), priv)) {
            throw accessFault(access, va);
        }
        return pa;
    }

    private long walk(long va, int access, int priv, long satp) {
        int levels = satp >>> 60 == 8 ? 3 : 4;
        int vaBits = 12 + 9 * levels;
        long upper = va >> (vaBits - 1);
        if (upper != 0 && upper != -1) {
            throw pageFault(access, va); // not sign-extended from the top VA bit
        }
        long mstatus = hart.csr.mstatus;
        while (true) { // restarts when another hart changes a PTE under the A/D update
            long table = (satp & PPN_MASK) << 12;
            for (int level = levels - 1; level >= 0; level--) {
                long pteAddress = table + ((va >>> (12 + 9 * level)) & 511) * 8;
                long pteOffset = ram.offsetOf(pteAddress, 8);
                if (pteOffset < 0 || !hart.csr.pmp.allows(pteAddress, 8, Pmp.R, Privilege.S)) {
                    throw accessFault(access, va);
                }
                long pte = ram.getVolatile(pteOffset, 3);
                if ((pte & PTE_V) == 0 || ((pte & PTE_R) == 0 && (pte & PTE_W) != 0) || (pte >>> 54) != 0) {
                    throw pageFault(access, va);
                }
                long ppn = (pte >>> 10) & PPN_MASK;
                if ((pte & (PTE_R | PTE_X)) == 0) {
                    if (level == 0) {
                        throw pageFault(access, va);
                    }
                    table = ppn << 12;
                    continue;
                }
                if (!leafAllows(pte, access, priv, mstatus)) {
                    throw pageFault(access, va);
                }
                long levelMask = (1L << (9 * level)) - 1;
                if ((ppn & levelMask) != 0) {
                    throw pageFault(access, va); // misaligned superpage
                }
                long needed = PTE_A | (access == STORE ? PTE_D : 0);
                if ((pte & needed) != needed && !ram.compareAndSet(pteOffset, pte, pte | needed, 3)) {
                    break; // the PTE changed under us: walk again
                }
                if (level > 0) {
                    superpageCached = true;
                }
                long offsetMask = (1L << (12 + 9 * level)) - 1;
                return (ppn << 12 & ~offsetMask) | (va & offsetMask);
            }
        }
    }

    private static boolean leafAllows(long pte, int access, int priv, long mstatus) {
        if ((pte & PTE_U) != 0) {
            if (priv == Privilege.S && (access == FETCH || (mstatus & Csr.MSTATUS_SUM) == 0)) {
                return false;
            }
        } else if (priv == Privilege.U) {
            return false;
        }
        return switch (access) {
            case FETCH -> (pte & PTE_X) != 0;
            case LOAD -> (pte & PTE_R) != 0 || ((mstatus & Csr.MSTATUS_MXR) != 0 && (pte & PTE_X) != 0);
            default -> (pte & PTE_W) != 0;
        };
    }

    // ---- dirty-log handshake ----

    /** The Mmu of the hart the current thread runs, if it runs one. */
    private static final ThreadLocal<Mmu> CURRENT = new ThreadLocal<>();

    /** Called by the hart's thread when it starts running guest code. */
    public void enterExecution() {
        owner = Thread.currentThread();
        CURRENT.set(this);
        executing = true;
        serviceDropRequest();
    }

    /** Called by the hart's thread when it stops running guest code (pause, WFI). */
    public void leaveExecution() {
        serviceDropRequest();
        executing = false;
    }

    /** At trace boundaries: honours a pending request to drop store permissions. */
    public void serviceDropRequest() {
        int requested = dropRequests;
        if (requested != dropsDone) {
            Arrays.fill(storeTag, INVALID);
            dropsDone = requested;
        }
    }

    /**
     * Makes this hart drop its store permissions and waits until it has (Dekker-style with
     * {@link #enterExecution}: the request is published before {@code executing} is read, and the hart
     * publishes {@code executing} before it reads the request, so one of the two always sees the other).
     */
    @Override
    public void dropStorePermissions() {
        int ticket;
        synchronized (this) {
            ticket = ++dropRequests;
        }
        if (Thread.currentThread() == owner) {
            serviceDropRequest();
            return;
        }
        // A hart asking (it is translating a page, between two instructions) answers requests addressed to it
        // while it waits: two harts asking each other at once would otherwise wait for each other forever.
        Mmu self = CURRENT.get();
        while (executing && dropsDone - ticket < 0) {
            if (self != null) {
                self.serviceDropRequest();
            }
            Thread.onSpinWait();
        }
    }
}
