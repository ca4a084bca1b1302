/*
 * memstress: lpm's memory-dirtying guest workload for the migration tests, the demo and the benchmarks.
 * `lpm image build` compiles it (riscv64-linux-gnu-gcc -O2 -static) into the image as /bin/memstress.
 *
 *   memstress W R [page|full]   W MiB working set dirtied at R MiB/s (R=0: idle, R=max: flat out)
 *   memstress cpu N             N million rounds of an integer mix loop, timed
 *
 * Every 10 ms it dirties R/100 MiB worth of pages, walking the working set cyclically. "page" writes one
 * 8-byte word per 4 KiB page (R MiB/s = R*256 pages/s), "full" rewrites whole pages. Each page's content
 * is a function of (page, generation), so before rewriting a page it checks that the page still holds the
 * previous generation; mismatches are counted in bad= (a migration that loses a write shows up there).
 * A 16 MiB frozen region, filled once from a fixed seed, is checksummed every 20th heartbeat: the value is
 * the same in every run, before and after a migration.
 *
 * stdout, line-buffered:
 *   LPM_HB n=<counter> bad=<k> dirtied_mib=<total>     every 100 ms; n starts at 1, +1 per heartbeat
 *   LPM_SUM n=<counter> frozen=<16 hex digits>         every 2 s, after that heartbeat
 *   LPM_CPU rounds=<N>M checksum=<hex> guest_ms=<ms>   `memstress cpu N`
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define PAGE 4096
#define WORDS (PAGE / 8)
#define PAGES_PER_MIB 256
#define TICK_NS 10000000ULL      /* dirtying period: 10 ms */
#define HB_NS 100000000ULL       /* heartbeat period: 100 ms */
#define SUM_EVERY 20             /* LPM_SUM every 20th heartbeat (2 s) */
#define FROZEN_MIB 16
#define FROZEN_SEED 0x6c706d2d66726f7aULL /* "lpm-froz" */
#define MAX_CHUNK 256            /* pages dirtied between clock reads at R=max */
#define REPORT_BAD 10            /* mismatches described on stderr, the rest only counted */

static uint64_t mono_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000ULL + (uint64_t) t.tv_nsec;
}

static void sleep_until(uint64_t deadline) {
    uint64_t now = mono_ns();
    if (deadline <= now) {
        return;
    }
    uint64_t d = deadline - now;
    struct timespec t = {(time_t) (d / 1000000000ULL), (long) (d % 1000000000ULL)};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

/* splitmix64's finaliser: a good 64-bit mix. */
static uint64_t mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* xorshift64: never yields 0 from a non-zero state, so the data is non-zero (no zero pages to skip). */
static uint64_t xorshift(uint64_t *s) {
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* The first word of a page in a generation: non-zero, different for every (page, gen). */
static uint64_t stamp(uint64_t page, uint64_t gen) {
    uint64_t v = mix(page * 0x9e3779b97f4a7c15ULL ^ mix(gen + 1));
    return v ? v : 1;
}

static void *alloc(size_t bytes, const char *what) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        fprintf(stderr, "memstress: cannot allocate %zu MiB for the %s: %s\n", bytes >> 20, what, strerror(errno));
        exit(1);
    }
    return p;
}

/* Whole page: the stamp, then a xorshift stream seeded by it. */
static void fill_page(uint64_t *p, uint64_t page, uint64_t gen) {
    uint64_t s = stamp(page, gen);
    p[0] = s;
    for (int w = 1; w < WORDS; w++) {
        p[w] = xorshift(&s);
    }
}

/* Words of a whole page that differ from fill_page(page, gen)'s. */
static int check_page(const uint64_t *p, uint64_t page, uint64_t gen, uint64_t *first_got, uint64_t *first_want) {
    uint64_t s = stamp(page, gen);
    int bad = 0;
    for (int w = 0; w < WORDS; w++) {
        uint64_t want = w == 0 ? s : xorshift(&s);
        if (p[w] != want && bad++ == 0) {
            *first_got = p[w];
            *first_want = want;
        }
    }
    return bad;
}

static uint64_t *set;            /* the working set */
static uint64_t set_pages;
static int full_mode;
static uint64_t cursor, pass;    /* pages before cursor are at generation pass+1, the others at pass */
static uint64_t bad, dirtied_pages;

static void dirty(uint64_t pages) {
    for (uint64_t i = 0; i < pages; i++) {
        uint64_t *p = set + cursor * WORDS;
        uint64_t got = p[0], want = stamp(cursor, pass);
        int wrong = full_mode ? check_page(p, cursor, pass, &got, &want) : got != want;
        if (wrong) {
            if (bad < REPORT_BAD) {
                fprintf(stderr, "memstress: page %" PRIu64 " generation %" PRIu64 " holds %016" PRIx64
                        ", expected %016" PRIx64 "\n", cursor, pass, got, want);
            }
            bad++;
        }
        if (full_mode) {
            fill_page(p, cursor, pass + 1);
        } else {
            p[0] = stamp(cursor, pass + 1);
        }
        dirtied_pages++;
        if (++cursor == set_pages) {
            cursor = 0;
            pass++;
        }
    }
}

/* FNV-1a over the region's 64-bit words. */
static uint64_t checksum(const uint64_t *p, size_t words) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < words; i++) {
        h = (h ^ p[i]) * 0x100000001b3ULL;
    }
    return h;
}

static int usage(void) {
    fprintf(stderr, "usage: memstress MEM_MIB RATE_MIB_PER_S|max [page|full]\n"
                    "       memstress cpu MILLION_ROUNDS\n");
    return 2;
}

static int cpu_task(const char *arg) {
    char *end;
    unsigned long long millions = strtoull(arg, &end, 10);
    if (*arg == '\0' || *end != '\0' || millions == 0) {
        fprintf(stderr, "memstress: cpu needs a positive number of million rounds, not '%s'\n", arg);
        return usage();
    }
    uint64_t t0 = mono_ns(), x = 0x123456789abcdefULL;
    for (uint64_t i = 0; i < millions * 1000000ULL; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        x ^= x >> 29;
    }
    printf("LPM_CPU rounds=%lluM checksum=%016" PRIx64 " guest_ms=%" PRIu64 "\n", millions, x,
           (uint64_t) ((mono_ns() - t0) / 1000000ULL));
    return 0;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 3 && strcmp(argv[1], "cpu") == 0) {
        return cpu_task(argv[2]);
    }
    if (argc < 3 || argc > 4) {
        return usage();
    }
    char *end;
    unsigned long mib = strtoul(argv[1], &end, 10);
    if (*argv[1] == '\0' || *end != '\0' || mib == 0 || mib > (1UL << 20)) {
        fprintf(stderr, "memstress: the working set is a positive number of MiB, not '%s'\n", argv[1]);
        return usage();
    }
    int max = strcmp(argv[2], "max") == 0;
    double rate = 0;
    if (!max) {
        rate = strtod(argv[2], &end);
        if (*argv[2] == '\0' || *end != '\0' || !(rate >= 0 && rate <= 1e6)) {
            fprintf(stderr, "memstress: the rate is MiB/s (0 or more) or max, not '%s'\n", argv[2]);
            return usage();
        }
    }
    const char *mode = argc == 4 ? argv[3] : "page";
    if (strcmp(mode, "page") != 0 && strcmp(mode, "full") != 0) {
        fprintf(stderr, "memstress: the mode is page or full, not '%s'\n", mode);
        return usage();
    }
    full_mode = strcmp(mode, "full") == 0;

    set_pages = (uint64_t) mib * PAGES_PER_MIB;
    set = alloc(set_pages * PAGE, "working set");
    for (uint64_t i = 0; i < set_pages; i++) {
        fill_page(set + i * WORDS, i, 0);
    }
    size_t frozen_words = (size_t) FROZEN_MIB << 17;
    uint64_t *frozen = alloc(frozen_words * 8, "frozen region");
    uint64_t s = FROZEN_SEED;
    for (size_t i = 0; i < frozen_words; i++) {
        frozen[i] = xorshift(&s);
    }
    printf("LPM_MEMSTRESS mem_mib=%lu rate=%s mode=%s frozen_mib=%d\n", mib, argv[2], mode, FROZEN_MIB);

    double per_tick = rate * PAGES_PER_MIB * (TICK_NS / 1e9), due = 0;
    uint64_t n = 0, now = mono_ns(), next_tick = now + TICK_NS, next_hb = now + HB_NS;
    for (;;) {
        if (max) {
            dirty(MAX_CHUNK);
        } else if (per_tick > 0 && now >= next_tick) {
            due += per_tick;
            uint64_t pages = (uint64_t) due;
            due -= (double) pages;
            dirty(pages);
            next_tick += TICK_NS;
            if (next_tick <= now) { /* fell behind (a pause, a slow guest): no catch-up burst */
                next_tick = now + TICK_NS;
            }
        }
        now = mono_ns();
        if (now >= next_hb) {
            n++;
            printf("LPM_HB n=%" PRIu64 " bad=%" PRIu64 " dirtied_mib=%" PRIu64 "\n", n, bad,
                   dirtied_pages / PAGES_PER_MIB);
            if (n % SUM_EVERY == 0) {
                printf("LPM_SUM n=%" PRIu64 " frozen=%016" PRIx64 "\n", n, checksum(frozen, frozen_words));
            }
            next_hb += HB_NS;
            now = mono_ns();
            if (next_hb <= now) {
                next_hb = now + HB_NS;
            }
        }
        if (!max) {
            sleep_until(per_tick > 0 && next_tick < next_hb ? next_tick : next_hb);
            now = mono_ns();
        }
    }
}
