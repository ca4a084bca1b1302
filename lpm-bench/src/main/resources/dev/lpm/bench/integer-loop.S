# lpm's integer benchmark kernel (RV64GC, bare metal, position independent).
#
# Each iteration advances a xorshift64 generator, multiplies, picks one of 256 doublewords of a 2 KiB
# table, does a load-modify-store on it plus a byte load, and takes a data-dependent branch: integer ALU,
# multiply, loads, stores and branches, written the way a compiler emits RV64GC (about half of the
# instructions assemble to 16-bit RVC forms).
#
# Assemble with --defsym ITERATIONS=n. After n iterations the program reads minstret, prints
#   sum <checksum> instret <minstret>
# in hex on the virt board's NS16550A at 0x1000_0000 and powers off through the SiFive test device at
# 0x10_0000 (0x5555: exit code 0). lpm's JMH benchmark passes a count it never reaches, and may run the code
# at any virtual address (every address is pc-relative).

    .section .text.init, "ax"
    .globl _start
_start:
    lla     s0, table                   # s0: table base
    li      s1, 0x9E3779B97F4A7C15      # s1: xorshift64 state (never zero)
    li      a0, 0                       # a0: checksum
    li      a1, ITERATIONS              # a1: iterations left
    li      a2, 0xFF51AFD7ED558CCD      # a2: multiplier
    li      a4, 0                       # a4: odd values seen
loop:
    slli    a3, s1, 13                  # xorshift64: x ^= x << 13; x ^= x >> 7; x ^= x << 17
    xor     s1, s1, a3
    srli    a3, s1, 7
    xor     s1, s1, a3
    slli    a3, s1, 17
    xor     s1, s1, a3
    andi    a5, s1, 0x7F8               # doubleword index into the table
    add     a5, a5, s0
    ld      a3, 0(a5)
    mul     t0, s1, a2
    add     a3, a3, t0
    srli    t1, a3, 29
    xor     a3, a3, t1
    sd      a3, 0(a5)
    lbu     t2, 3(a5)
    add     a0, a0, t2
    andi    t1, a3, 1
    beqz    t1, 1f                      # taken about half of the time
    addi    a4, a4, 1
    xor     a0, a0, a3
1:  add     a0, a0, a3
    addi    a1, a1, -1
    bnez    a1, loop

    csrr    s2, minstret                # instructions retired so far (exact on lpm; host ticks on QEMU TCG)
    mv      s3, a0
    lla     a0, msg_sum
    call    puts
    mv      a0, s3
    call    print_hex
    lla     a0, msg_instret
    call    puts
    mv      a0, s2
    call    print_hex
    lla     a0, msg_newline
    call    puts
    li      t0, 0x100000                # SiFive test device: 0x5555 = pass, powers off
    li      t1, 0x5555
    sw      t1, 0(t0)
2:  j       2b

# puts(a0 = NUL-terminated string); clobbers t0, t1
puts:
    li      t0, 0x10000000
3:  lbu     t1, 0(a0)
    beqz    t1, 4f
    sb      t1, 0(t0)
    addi    a0, a0, 1
    j       3b
4:  ret

# print_hex(a0): 16 lowercase hex digits; clobbers t0-t3
print_hex:
    li      t0, 0x10000000
    li      t1, 60
5:  srl     t2, a0, t1
    andi    t2, t2, 15
    li      t3, 10
    blt     t2, t3, 6f
    addi    t2, t2, 'a' - '0' - 10
6:  addi    t2, t2, '0'
    sb      t2, 0(t0)
    addi    t1, t1, -4
    bgez    t1, 5b
    ret

    .section .rodata
msg_sum:     .asciz "sum "
msg_instret: .asciz " instret "
msg_newline: .asciz "\n"

    .data
    .balign 4096                        # not in a page holding code: QEMU's TCG would treat every store to
table:                                  # it as self-modifying code and retranslate
    .space  2048
