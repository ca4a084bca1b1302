# @differential
# diff_csr_map: reads every CSR number 0x000-0xfff with `csrrs a0, csr, x0` in M, S
# and U mode and prints which ones exist (do not trap) for each mode.  Compared with
# QEMU.  Two groups are left out on purpose: the debug/trigger CSRs (0x7a0-0x7bf) and
# the HPM counters/events (mhpmevent3-31 0x323-0x33f, mhpmcounter3-31 0xb03-0xb1f,
# hpmcounter3-31 0xc03-0xc1f), which QEMU has but lpm need not.  mcounteren and
# scounteren are all ones here, so U/S may read the counters.
        .include "harness.S"
        TEST_NAME "diff_csr_map"
        .option norvc

main:
        mv s11, ra
        ALLOW_TRAPS
        li t0, -1
        csrw mcounteren, t0
        csrw scounteren, t0
        la s5, probe_code
        .irp mode, 3, 1, 0
        li s6, \mode
        call sweep
        .endr
        csrw mcounteren, zero
        csrw scounteren, zero
        FORBID_TRAPS
        mv ra, s11
        ret

# sweep(s6 = privilege): prints "<mode>:" and the readable CSR numbers
sweep:
        addi sp, sp, -16
        sd ra, 0(sp)
        li t0, 3
        bne s6, t0, 1f
        PRINT "M:"
        j 3f
1:      beqz s6, 2f
        PRINT "S:"
        j 3f
2:      PRINT "U:"
3:      li s2, 0                                # CSR number
        li s3, 0                                # printed on this line
4:      mv a0, s2
        call excluded
        bnez a0, 6f
        li t0, 0x00002573                       # csrrs a0, csr, x0
        slli t1, s2, 20
        or t0, t0, t1
        sw t0, 0(s5)
        fence.i
        TRAPS_CLEAR
        mv a0, s5
        mv a1, s6
        call h_call_lower
        ld t0, h_mcount
        bnez t0, 6f
        bnez s3, 5f
        PRINT "\n "
5:      PRINT " "
        mv a0, s2
        call put3
        addi s3, s3, 1
        andi s3, s3, 15
6:      addi s2, s2, 1
        li t0, 0x1000
        bne s2, t0, 4b
        PRINT_NL
        ld ra, 0(sp)
        addi sp, sp, 16
        ret

# excluded(a0 = csr) -> a0 = 1 for the groups described at the top
excluded:
        li t0, 0x7a0
        bltu a0, t0, 1f
        li t0, 0x7bf
        bleu a0, t0, 9f
1:      li t0, 0x323
        bltu a0, t0, 2f
        li t0, 0x33f
        bleu a0, t0, 9f
2:      li t0, 0xb03
        bltu a0, t0, 3f
        li t0, 0xb1f
        bleu a0, t0, 9f
3:      li t0, 0xc03
        bltu a0, t0, 4f
        li t0, 0xc1f
        bleu a0, t0, 9f
4:      li a0, 0
        ret
9:      li a0, 1
        ret

# put3(a0): three hex digits
put3:
        addi sp, sp, -32
        sd ra, 0(sp)
        sd s0, 8(sp)
        sd s1, 16(sp)
        mv s0, a0
        li s1, 8
1:      srl a0, s0, s1
        andi a0, a0, 15
        addi a0, a0, '0'
        li t0, '9'
        ble a0, t0, 2f
        addi a0, a0, ('a' - '9' - 1)
2:      call h_putc
        addi s1, s1, -4
        bgez s1, 1b
        ld ra, 0(sp)
        ld s0, 8(sp)
        ld s1, 16(sp)
        addi sp, sp, 32
        ret

        .data
        .balign 8
probe_code:                                     # run through h_call_lower in M, S or U
        .4byte 0x00000013                       # patched: csrrs a0, csr, x0
        H_RETURN
