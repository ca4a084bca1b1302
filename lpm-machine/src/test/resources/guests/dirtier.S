# dirtier: a bare-metal guest that keeps rewriting memory and checks that no write is lost.
# Hart 0 walks REGION_PAGES pages: each page must still hold the previous generation's counter before it
# gets the next; a mismatch prints "BAD" and powers off with code 1. The counter lives in s2 (and at
# COUNTER for the host to read); every 1024 generations it prints "HB <16 hex digits>\n" on the UART.
# Other harts park in WFI.
# Assembled with ".equ SWEEP, 1" in front it is the sweeper instead: 32 MiB, one page after another with a
# pause of DELAY loop turns between pages, so the pages it dirties per second depend on how much host time
# it gets (a migration can only converge by throttling it), and a heartbeat every generation.
.equ UART, 0x10000000
.equ TEST, 0x100000
.equ COUNTER, 0x80100000
.equ REGION, 0x80200000
.ifdef SWEEP
.equ REGION_PAGES, 8192
.equ DELAY, 300
.equ HEARTBEAT_MASK, 0
.else
.equ REGION_PAGES, 512
.equ HEARTBEAT_MASK, 1023
.endif

.macro PUTC reg
99: lbu t5, 5(a0)
    andi t5, t5, 0x20
    beqz t5, 99b
    sb \reg, 0(a0)
.endm

.text
.globl _start
_start:
    csrr t0, mhartid
    bnez t0, park
    li s0, REGION
    li s3, COUNTER
    li a0, UART
    li s2, 0
generation:
    mv t0, s0
    li t1, REGION_PAGES
    addi s4, s2, 1
    li t3, 4096
1:  ld t2, 0(t0)
    bne t2, s2, bad
    sd s4, 0(t0)
    add t0, t0, t3
.ifdef SWEEP
    li t4, DELAY
3:  addi t4, t4, -1
    bnez t4, 3b
.endif
    addi t1, t1, -1
    bnez t1, 1b
    mv s2, s4
    sd s2, 0(s3)
    andi t0, s2, HEARTBEAT_MASK
    bnez t0, generation
    li a1, 'H'
    PUTC a1
    li a1, 'B'
    PUTC a1
    li a1, ' '
    PUTC a1
    li a2, 60
2:  srl a3, s2, a2
    andi a3, a3, 15
    la a4, hexdigits
    add a4, a4, a3
    lbu a1, 0(a4)
    PUTC a1
    addi a2, a2, -4
    bgez a2, 2b
    li a1, '\n'
    PUTC a1
    j generation
bad:
    li a1, 'B'
    PUTC a1
    li a1, 'A'
    PUTC a1
    li a1, 'D'
    PUTC a1
    li a1, '\n'
    PUTC a1
    li t0, TEST
    li t1, 0x13333
    sw t1, 0(t0)
park:
    wfi
    j park

.data
hexdigits: .ascii "0123456789abcdef"
