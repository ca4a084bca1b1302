# zifencei: self-modifying code made visible with fence.i (32-bit and compressed
# instructions, code written with sd/sw/sh, a jump into freshly written code).
        .include "harness.S"
        TEST_NAME "zifencei"

main:
        mv s11, ra
        la s0, codebuf
        TEST 1                                  # write "li a0, 11; ret" and run it
        li t0, 0x00b00513                       # addi a0, x0, 11
        sw t0, 0(s0)
        li t0, 0x00008067                       # jalr x0, 0(ra)
        sw t0, 4(s0)
        fence.i
        li a0, 0
        jalr ra, 0(s0)
        CHECK a0, 11
        TEST 2                                  # patch the immediate, run again
        li t0, 0x02a00513                       # addi a0, x0, 42
        sw t0, 0(s0)
        fence.i
        jalr ra, 0(s0)
        CHECK a0, 42
        TEST 3                                  # compressed code written with sh
        li t0, 0x4515                           # c.li a0, 5
        sh t0, 0(s0)
        li t0, 0x0505                           # c.addi a0, 1
        sh t0, 2(s0)
        li t0, 0x8082                           # c.jr ra (ret)
        sh t0, 4(s0)
        fence.i
        li a0, 0
        jalr ra, 0(s0)
        CHECK a0, 6
        TEST 4                                  # one sd writing two instructions
        li t0, 0x00008067ff600513               # addi a0, x0, -10 ; ret
        sd t0, 0(s0)
        fence.i
        jalr ra, 0(s0)
        CHECK a0, -10
        TEST 5                                  # modify code that already ran in this loop
        li s1, 0
        li s2, 3
        li t1, 0x00150513                       # addi a0, a0, 1
        li t2, 0x00008067
1:      sw t1, 0(s0)
        sw t2, 4(s0)
        fence.i
        li a0, 100
        jalr ra, 0(s0)
        add s1, s1, a0
        li t3, 0x00100000                       # next round: immediate + 1
        add t1, t1, t3
        addi s2, s2, -1
        bnez s2, 1b
        CHECK s1, 306                           # 101 + 102 + 103
        mv ra, s11
        ret

        .data
        .balign 64
codebuf:
        .space 64
