# lpm's store-heavy benchmark kernel (RV64GC, bare metal, M-mode): rewrites a buffer round-robin forever,
# four doubleword stores per 64-byte line, so every page of the buffer is written again every sweep.
#
# Assemble with --defsym AREA=<guest-physical base> --defsym AREA_BYTES=<size, a multiple of 64>.
# One iteration is 7 instructions, 4 of them stores; a sweep of 1 MiB is 16384 iterations (~115k
# instructions) and touches all 256 of its 4 KiB pages.

    .section .text.init, "ax"
    .globl _start
_start:
    li      s0, AREA                    # s0: buffer base
    li      a2, AREA_BYTES
    add     a2, a2, s0                  # a2: buffer end
    li      a0, 1                       # a0: value stored (a sequence number)
sweep:
    mv      a1, s0                      # a1: store pointer
loop:
    sd      a0, 0(a1)
    sd      a0, 8(a1)
    sd      a0, 16(a1)
    sd      a0, 24(a1)
    addi    a0, a0, 1
    addi    a1, a1, 64
    bltu    a1, a2, loop
    j       sweep
