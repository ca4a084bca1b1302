# harness.S: shared bare-metal harness for lpm ISA test programs.
#
# Include it first in every program:      .include "harness.S"
# then name the program:                   TEST_NAME "rv64i"
# and define `main` (called in M-mode; returning from it, or PASS, reports success).
#
# Assembled with plain GNU as (no C preprocessor): use .equ/.macro, never #define.
# See README.md in this directory for the full conventions.  Summary:
#
#   Registers:  gp (x3) = current test number (set by TEST n, reported on failure and
#               used as the exit code).  t5/t6 (x30/x31) are scratch for every harness
#               macro: never keep values in them across a macro.  sp = harness stack
#               (16 KiB, identity mapped).  Everything else is yours.
#   Output:     success prints exactly "PASS <name>\n" and exits 0 through the test
#               device; failure prints "FAIL <name> test <n>: ..." plus diagnostics and
#               exits with code n (1..0xffff).
#   Traps:      M-mode handler (mtvec) and S-mode handler (stvec) record every trap in
#               h_m* / h_s* (and h_tlog).  Exceptions are only expected while
#               ALLOW_TRAPS is in force; otherwise any exception is a FAIL with full
#               diagnostics (cause, epc, tval, status, privilege).  They resume
#               at the next instruction (2 or 4 bytes later), or at saved ra for
#               instruction-fetch faults (cause 0, 1, 12).  Interrupts are always
#               recorded; the handler clears the interrupt's enable bit in mie/sie so
#               it does not fire again.
#   Modes:      ENTER_S / ENTER_U (from M), ENTER_U_FROM_S (from S), ENTER_M (from
#               any mode, via a harness ecall), h_call_lower (run code at any VA).

        .option norelax

# ---------------------------------------------------------------- constants
        .equ UART_BASE,        0x10000000
        .equ TEST_DEVICE,      0x00100000
        .equ CLINT_BASE,       0x02000000
        .equ CLINT_MSIP,       0x02000000
        .equ CLINT_MTIMECMP,   0x02004000
        .equ CLINT_MTIME,      0x0200bff8

        .equ H_MAGIC,          0x4c504d          # t5 value marking a harness ecall

        .equ MSTATUS_SIE,      (1 << 1)
        .equ MSTATUS_MIE,      (1 << 3)
        .equ MSTATUS_SPIE,     (1 << 5)
        .equ MSTATUS_UBE,      (1 << 6)
        .equ MSTATUS_MPIE,     (1 << 7)
        .equ MSTATUS_SPP,      (1 << 8)
        .equ MSTATUS_MPP,      (3 << 11)
        .equ MSTATUS_MPP_S,    (1 << 11)
        .equ MSTATUS_MPP_M,    (3 << 11)
        .equ MSTATUS_FS,       (3 << 13)
        .equ MSTATUS_XS,       (3 << 15)
        .equ MSTATUS_MPRV,     (1 << 17)
        .equ MSTATUS_SUM,      (1 << 18)
        .equ MSTATUS_MXR,      (1 << 19)
        .equ MSTATUS_TVM,      (1 << 20)
        .equ MSTATUS_TW,       (1 << 21)
        .equ MSTATUS_TSR,      (1 << 22)
        .equ MSTATUS_UXL,      (3 << 32)
        .equ MSTATUS_SXL,      (3 << 34)
        .equ MSTATUS_SD,       (1 << 63)
        .equ SSTATUS_SIE,      MSTATUS_SIE
        .equ SSTATUS_SPIE,     MSTATUS_SPIE
        .equ SSTATUS_SPP,      MSTATUS_SPP
        .equ SSTATUS_SUM,      MSTATUS_SUM
        .equ SSTATUS_MXR,      MSTATUS_MXR

        .equ CAUSE_MISALIGNED_FETCH,    0
        .equ CAUSE_FETCH_ACCESS,        1
        .equ CAUSE_ILLEGAL_INSTRUCTION, 2
        .equ CAUSE_BREAKPOINT,          3
        .equ CAUSE_MISALIGNED_LOAD,     4
        .equ CAUSE_LOAD_ACCESS,         5
        .equ CAUSE_MISALIGNED_STORE,    6
        .equ CAUSE_STORE_ACCESS,        7
        .equ CAUSE_USER_ECALL,          8
        .equ CAUSE_SUPERVISOR_ECALL,    9
        .equ CAUSE_MACHINE_ECALL,       11
        .equ CAUSE_FETCH_PAGE_FAULT,    12
        .equ CAUSE_LOAD_PAGE_FAULT,     13
        .equ CAUSE_STORE_PAGE_FAULT,    15

        .equ IRQ_S_SOFT,   1
        .equ IRQ_M_SOFT,   3
        .equ IRQ_S_TIMER,  5
        .equ IRQ_M_TIMER,  7
        .equ IRQ_S_EXT,    9
        .equ IRQ_M_EXT,    11
        .equ MIP_SSIP,     (1 << IRQ_S_SOFT)
        .equ MIP_MSIP,     (1 << IRQ_M_SOFT)
        .equ MIP_STIP,     (1 << IRQ_S_TIMER)
        .equ MIP_MTIP,     (1 << IRQ_M_TIMER)
        .equ MIP_SEIP,     (1 << IRQ_S_EXT)
        .equ MIP_MEIP,     (1 << IRQ_M_EXT)
        .equ CAUSE_INTR,   (1 << 63)             # interrupt bit of mcause/scause
        .equ H_TLOG_S,     (1 << 62)             # h_tlog marker: trap taken in S

        .equ PTE_V, (1 << 0)
        .equ PTE_R, (1 << 1)
        .equ PTE_W, (1 << 2)
        .equ PTE_X, (1 << 3)
        .equ PTE_U, (1 << 4)
        .equ PTE_G, (1 << 5)
        .equ PTE_A, (1 << 6)
        .equ PTE_D, (1 << 7)
        .equ SATP_MODE_BARE, 0
        .equ SATP_MODE_SV39, 8
        .equ SATP_MODE_SV48, 9
        .equ PAGE_4K,   0                        # leaf levels for h_map
        .equ PAGE_2M,   1
        .equ PAGE_1G,   2
        .equ PAGE_512G, 3

        .equ PRV_U, 0
        .equ PRV_S, 1
        .equ PRV_M, 3

# ---------------------------------------------------------------- macros

# TEST_NAME "name": the name printed in PASS/FAIL lines (once per program).
.macro TEST_NAME name
        .pushsection .rodata
        .globl h_test_name
h_test_name: .asciz "\name"
        .popsection
.endm

# TEST n: start test number n (kept in gp; reported on failure, used as exit code).
.macro TEST n
        li gp, \n
.endm

.macro H_STR label, str
        .pushsection .rodata
\label: .asciz "\str"
        .popsection
.endm

# CHECK reg, value: fail unless reg == value (value: any `li` constant).
.macro CHECK reg, val
        li t6, \val
        beq \reg, t6, .Lck_ok\@
        mv a0, \reg
        mv a1, t6
        la a2, .Lck_name\@
        j h_fail_cmp
        H_STR .Lck_name\@, "\reg"
.Lck_ok\@:
.endm

# CHECK_REG reg, reg2: fail unless the two registers are equal (reg2 is "expected").
.macro CHECK_REG reg, reg2
        beq \reg, \reg2, .Lck_ok\@
        mv t6, \reg2
        mv a0, \reg
        mv a1, t6
        la a2, .Lck_name\@
        j h_fail_cmp
        H_STR .Lck_name\@, "\reg"
.Lck_ok\@:
.endm

# CHECK_ADDR reg, symbol: fail unless reg == address of symbol.
.macro CHECK_ADDR reg, sym
        la t6, \sym
        beq \reg, t6, .Lck_ok\@
        mv a0, \reg
        mv a1, t6
        la a2, .Lck_name\@
        j h_fail_cmp
        H_STR .Lck_name\@, "\reg"
.Lck_ok\@:
.endm

# CHECK_MEM symbol, value: fail unless the 64-bit word at symbol == value.
.macro CHECK_MEM sym, val
        ld t6, \sym
        li t5, \val
        beq t5, t6, .Lck_ok\@
        mv a0, t6
        mv a1, t5
        la a2, .Lck_name\@
        j h_fail_cmp
        H_STR .Lck_name\@, "\sym"
.Lck_ok\@:
.endm

# CHECK_MEM_REG symbol, reg: fail unless the 64-bit word at symbol == reg.
.macro CHECK_MEM_REG sym, reg
        ld t6, \sym
        beq \reg, t6, .Lck_ok\@
        mv a0, t6
        mv a1, \reg
        la a2, .Lck_name\@
        j h_fail_cmp
        H_STR .Lck_name\@, "\sym"
.Lck_ok\@:
.endm

# CHECK_MEM_ADDR symbol, label: fail unless the word at symbol == address of label.
.macro CHECK_MEM_ADDR sym, label
        ld t6, \sym
        la t5, \label
        beq t5, t6, .Lck_ok\@
        mv a0, t6
        mv a1, t5
        la a2, .Lck_name\@
        j h_fail_cmp
        H_STR .Lck_name\@, "\sym"
.Lck_ok\@:
.endm

# FAIL_MSG "text": unconditional failure with a message.
.macro FAIL_MSG str
        la a0, .Lfm\@
        j h_fail_msg
        H_STR .Lfm\@, "\str"
.endm

.macro PASS
        j h_pass
.endm

# Typical ALU test shapes (operands in a1/a2, result in a0).
.macro TEST_RR n, inst, result, v1, v2
        TEST \n
        li a1, \v1
        li a2, \v2
        \inst a0, a1, a2
        CHECK a0, \result
.endm
.macro TEST_RI n, inst, result, v1, imm
        TEST \n
        li a1, \v1
        \inst a0, a1, \imm
        CHECK a0, \result
.endm
.macro TEST_R n, inst, result, v1
        TEST \n
        li a1, \v1
        \inst a0, a1
        CHECK a0, \result
.endm

# ---- trap expectations
# ALLOW_TRAPS: exceptions become expected (recorded and skipped); clears both records.
.macro ALLOW_TRAPS
        li t6, 1
        sd t6, h_trap_ok, t5
        sd zero, h_mcount, t5
        sd zero, h_scount, t5
        sd zero, h_tcount, t5
.endm
# FORBID_TRAPS: any exception is a failure again (the default).
.macro FORBID_TRAPS
        sd zero, h_trap_ok, t5
.endm
# TRAPS_CLEAR: zero the trap counters (records and logs keep their old contents).
.macro TRAPS_CLEAR
        sd zero, h_mcount, t5
        sd zero, h_scount, t5
        sd zero, h_tcount, t5
.endm
# EXPECT_MTRAP cause: exactly one trap went to M since the last clear, with mcause ==
# cause (for interrupts pass CAUSE_INTR | irq) and none to S.  Clears h_mcount and
# h_tcount.
# h_mepc / h_mtval / h_mstatus still hold that trap's values afterwards.
.macro EXPECT_MTRAP cause
        H_EXPECT_TRAP h_mcount, h_scount, h_mcause, \cause, h_s_mcount, h_s_scount, h_s_mcause
.endm
.macro EXPECT_STRAP cause
        H_EXPECT_TRAP h_scount, h_mcount, h_scause, \cause, h_s_scount, h_s_mcount, h_s_scause
.endm
# EXPECT_NO_TRAP: no trap at all since the last clear.
.macro EXPECT_NO_TRAP
        ld t6, h_mcount
        beqz t6, .Lnt1\@
        mv a0, t6
        li a1, 0
        la a2, h_s_mcount
        j h_fail_cmp
.Lnt1\@:
        ld t6, h_scount
        beqz t6, .Lnt2\@
        mv a0, t6
        li a1, 0
        la a2, h_s_scount
        j h_fail_cmp
.Lnt2\@:
.endm
.macro H_EXPECT_TRAP count, other, causevar, cause, s_count, s_other, s_cause
        ld t6, \count
        li t5, 1
        beq t6, t5, .Lxt1\@
        mv a0, t6
        mv a1, t5
        la a2, \s_count
        j h_fail_cmp
.Lxt1\@:
        ld t6, \other
        beqz t6, .Lxt2\@
        mv a0, t6
        li a1, 0
        la a2, \s_other
        j h_fail_cmp
.Lxt2\@:
        ld t6, \causevar
        li t5, \cause
        beq t6, t5, .Lxt3\@
        mv a0, t6
        mv a1, t5
        la a2, \s_cause
        j h_fail_cmp
.Lxt3\@:
        sd zero, \count, t5
        sd zero, h_tcount, t5
.endm
# CHECK_MTVAL value / CHECK_MEPC label, etc.: convenience checks on the last record.
.macro CHECK_MTVAL val
        CHECK_MEM h_mtval, \val
.endm
.macro CHECK_MTVAL_REG reg
        CHECK_MEM_REG h_mtval, \reg
.endm
.macro CHECK_MEPC label
        CHECK_MEM_ADDR h_mepc, \label
.endm
.macro CHECK_STVAL val
        CHECK_MEM h_stval, \val
.endm
.macro CHECK_STVAL_REG reg
        CHECK_MEM_REG h_stval, \reg
.endm
.macro CHECK_SEPC label
        CHECK_MEM_ADDR h_sepc, \label
.endm

# ---- privilege changes (clobber t6; ENTER_M also t5)
# ENTER_S / ENTER_U: from M-mode, continue with the next instruction in S / U mode
# (mret: MIE takes MPIE's value, MPIE becomes 1; QEMU 7.2 leaves MPRV alone).
.macro ENTER_S
        la t6, .Lent\@
        csrw mepc, t6
        li t6, MSTATUS_MPP
        csrc mstatus, t6
        li t6, MSTATUS_MPP_S
        csrs mstatus, t6
        mret
.Lent\@:
.endm
.macro ENTER_U
        la t6, .Lent\@
        csrw mepc, t6
        li t6, MSTATUS_MPP
        csrc mstatus, t6
        mret
.Lent\@:
.endm
# ENTER_U_FROM_S: from S-mode, continue in U-mode (sret).
.macro ENTER_U_FROM_S
        la t6, .Lent\@
        csrw sepc, t6
        li t6, SSTATUS_SPP
        csrc sstatus, t6
        sret
.Lent\@:
.endm
# ENTER_M: from any mode, continue with the next instruction in M-mode (ecall with
# t5 = H_MAGIC, t6 = continuation; continues with mstatus.MPRV = 0 and MIE = 0;
# MPIE = 0 and MPP = U afterwards).  Must run at an
# identity-mapped address (the continuation runs untranslated).  Does not count as a
# trap.  Breaks if medeleg delegates ecall-from-S (bit 9).
.macro ENTER_M
        li t5, H_MAGIC
        la t6, .Lent\@
        ecall
.Lent\@:
.endm
# H_RETURN: return from code started by h_call_lower (any mode, any VA).
.macro H_RETURN
        li t5, H_MAGIC
        li t6, 0
        ecall
.endm

# ---- printing (M-mode, or S with the UART mapped); preserve all registers but t5/t6
.macro PRINT str
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        la a0, .Lps\@
        call h_puts
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
        H_STR .Lps\@, "\str"
.endm
.macro PRINT_NL
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        li a0, 10
        call h_putc
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
.endm
# PRINT_HEX reg: "0x" and 16 hex digits (reg must not be sp).
.macro PRINT_HEX reg
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        mv a0, \reg
        call h_puthex
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
.endm
.macro PRINT_DEC reg
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        mv a0, \reg
        call h_putdec
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
.endm
# DUMP "label", reg: prints "label=0x0123456789abcdef\n".
.macro DUMP label, reg
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        mv a0, \reg
        la t6, .Ldl\@
        call h_dump
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
        H_STR .Ldl\@, "\label"
.endm
# DUMP_CSR "label", csr
.macro DUMP_CSR label, csr
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        csrr a0, \csr
        la t6, .Ldl\@
        call h_dump
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
        H_STR .Ldl\@, "\label"
.endm
# DUMP_MTRAP "label": prints "label: mcause=.. mepc=.. mtval=..\n" for the last M trap
# (epc printed relative to _start so output is layout-independent: "mepc=+0x...")
.macro DUMP_MTRAP label
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        la a0, .Ldl\@
        call h_dump_mtrap
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
        H_STR .Ldl\@, "\label"
.endm
.macro DUMP_STRAP label
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        la a0, .Ldl\@
        call h_dump_strap
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
        H_STR .Ldl\@, "\label"
.endm

.macro H_SAVE_REGS base
        .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        sd x\n, (\n*8)(\base)
        .endr
.endm
.macro H_RESTORE_REGS base
        .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        ld x\n, (\n*8)(\base)
        .endr
.endm

# ================================================================ entry
        .section .text.init, "ax", @progbits
        .globl _start
_start:
        csrr t0, mhartid
        bnez t0, h_park
        la sp, h_stack_top
        la t0, h_boot_a0
        sd a0, 0(t0)
        sd a1, 8(t0)
        la t0, h_mtrap
        csrw mtvec, t0
        la t0, h_strap
        csrw stvec, t0
        la t0, h_mframe
        csrw mscratch, t0
        la t0, h_sframe
        csrw sscratch, t0
        # PMP entry 15: NAPOT over the whole address space, RWX, so S/U can access
        # everything.  Entries 0..14 are free for tests (they take priority).
        li t0, -1
        csrw pmpaddr15, t0
        li t0, (0x1f << 56)
        csrw pmpcfg2, t0
        # FPU on (mstatus.FS = Initial) for floating-point programs.  fcsr is left at
        # its reset value 0 (writing it would make FS Dirty).
        li t0, (1 << 13)
        csrs mstatus, t0
        li gp, 0
        li tp, 0
        .irp n, 5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        li x\n, 0
        .endr
        call main
        j h_pass

h_park:
        wfi
        j h_park

# ================================================================ M-mode trap handler
        .text
        .align 6
        .globl h_mtrap
h_mtrap:
        csrrw sp, mscratch, sp
        H_SAVE_REGS sp
        csrr t0, mscratch
        sd t0, 16(sp)
        csrw mscratch, sp
        la t0, h_in_mtrap
        ld t1, 0(t0)
        bnez t1, h_mtrap_nested
        li t1, 1
        sd t1, 0(t0)
        csrr s0, mcause
        csrr s1, mepc
        csrr s2, mtval
        csrr s3, mstatus
        mv s4, sp
        bltz s0, .Lm_record
        # harness ecall?  (ecall from U/S/M with t5 == H_MAGIC)
        li t0, CAUSE_USER_ECALL
        beq s0, t0, .Lm_ecall
        li t0, CAUSE_SUPERVISOR_ECALL
        beq s0, t0, .Lm_ecall
        li t0, CAUSE_MACHINE_ECALL
        beq s0, t0, .Lm_ecall
        j .Lm_record
.Lm_ecall:
        ld t0, (30*8)(sp)
        li t1, H_MAGIC
        bne t0, t1, .Lm_record
        ld t0, (31*8)(sp)
        bnez t0, 1f
        la t0, h_lower_return
1:      csrw mepc, t0
        li t0, MSTATUS_MPP
        csrs mstatus, t0
        li t0, (MSTATUS_MPRV | MSTATUS_MPIE)    # continue with MPRV = 0, MIE = 0
        csrc mstatus, t0
        j .Lm_done
.Lm_record:
        la t0, h_mcount
        ld t1, 0(t0)
        addi t1, t1, 1
        sd t1, 0(t0)
        sd s0, 8(t0)            # h_mcause
        sd s1, 16(t0)           # h_mepc
        sd s2, 24(t0)           # h_mtval
        sd s3, 32(t0)           # h_mstatus
        addi t2, t1, -1
        andi t2, t2, 15
        slli t2, t2, 3
        add t2, t2, t0
        sd s0, 48(t2)           # h_mlog[(count-1) % 16]
        mv a0, s0
        call h_tlog_add
        ld t0, h_mtrap_hook
        beqz t0, 2f
        mv a0, s0
        mv a1, s4
        jalr t0
        bnez a0, .Lm_done
2:      bltz s0, .Lm_irq
        ld t0, h_trap_ok
        beqz t0, h_mtrap_unexpected
        beqz s0, .Lm_fetch
        li t0, CAUSE_FETCH_ACCESS
        beq s0, t0, .Lm_fetch
        li t0, CAUSE_FETCH_PAGE_FAULT
        beq s0, t0, .Lm_fetch
        # skip the faulting instruction: read its low halfword (through MPRV with
        # SUM|MXR when the trap came from S/U, so translated code works too)
        csrr t2, mstatus
        srli t0, s3, 11
        andi t0, t0, 3
        li t1, 3
        beq t0, t1, 3f
        li t0, (MSTATUS_MPRV | MSTATUS_MXR | MSTATUS_SUM)
        csrs mstatus, t0
3:      lhu t0, 0(s1)
        csrw mstatus, t2
        andi t0, t0, 3
        li t1, 3
        li t3, 2
        bne t0, t1, 4f
        li t3, 4
4:      add t0, s1, t3
        csrw mepc, t0
        j .Lm_done
.Lm_fetch:
        ld t0, 8(sp)            # resume at saved ra
        csrw mepc, t0
        j .Lm_done
.Lm_irq:
        slli t0, s0, 1
        srli t0, t0, 1
        li t1, 1
        sll t1, t1, t0
        csrc mie, t1
.Lm_done:
        la t0, h_in_mtrap
        sd zero, 0(t0)
        H_RESTORE_REGS sp
        ld sp, 16(sp)
        mret

h_mtrap_nested:
        li t0, MSTATUS_MPRV
        csrc mstatus, t0
        la sp, h_stack_top
        la a0, h_s_nested
        call h_fail_head
        call h_print_mcsrs
        li a0, 0
        j h_fail_exit

h_mtrap_unexpected:
        li t0, MSTATUS_MPRV
        csrc mstatus, t0
        la a0, h_s_unexp_m
        call h_fail_head
        call h_print_mcsrs
        li a0, 0
        j h_fail_exit

# prints "  mcause=.. mepc=.. mtval=.. mstatus=.. (from priv N)\n" from live CSRs
h_print_mcsrs:
        addi sp, sp, -16
        sd ra, 0(sp)
        PRINT "  mcause="
        csrr a0, mcause
        call h_puthex
        PRINT " mepc="
        csrr a0, mepc
        call h_puthex
        PRINT " mtval="
        csrr a0, mtval
        call h_puthex
        PRINT " mstatus="
        csrr a0, mstatus
        call h_puthex
        PRINT " (from priv "
        csrr a0, mstatus
        srli a0, a0, 11
        andi a0, a0, 3
        call h_putdec
        PRINT ")\n"
        ld ra, 0(sp)
        addi sp, sp, 16
        ret

# ================================================================ S-mode trap handler
        .align 6
        .globl h_strap
h_strap:
        csrrw sp, sscratch, sp
        H_SAVE_REGS sp
        csrr t0, sscratch
        sd t0, 16(sp)
        csrw sscratch, sp
        la t0, h_in_strap
        ld t1, 0(t0)
        bnez t1, .Ls_fatal_nested
        li t1, 1
        sd t1, 0(t0)
        csrr s0, scause
        csrr s1, sepc
        csrr s2, stval
        csrr s3, sstatus
        mv s4, sp
        bltz s0, .Ls_record
        li t0, CAUSE_USER_ECALL
        bne s0, t0, .Ls_record
        ld t0, (30*8)(sp)
        li t1, H_MAGIC
        bne t0, t1, .Ls_record
        # harness ecall from U delegated to S: forward it to M with the same t5/t6
        la t0, h_in_strap
        sd zero, 0(t0)
        H_RESTORE_REGS sp
        ld sp, 16(sp)
        ecall
.Ls_record:
        la t0, h_scount
        ld t1, 0(t0)
        addi t1, t1, 1
        sd t1, 0(t0)
        sd s0, 8(t0)            # h_scause
        sd s1, 16(t0)           # h_sepc
        sd s2, 24(t0)           # h_stval
        sd s3, 32(t0)           # h_sstatus
        addi t2, t1, -1
        andi t2, t2, 15
        slli t2, t2, 3
        add t2, t2, t0
        sd s0, 48(t2)           # h_slog
        li a0, H_TLOG_S
        xor a0, a0, s0
        call h_tlog_add
        ld t0, h_strap_hook
        beqz t0, 2f
        mv a0, s0
        mv a1, s4
        jalr t0
        bnez a0, .Ls_done
2:      bltz s0, .Ls_irq
        ld t0, h_trap_ok
        beqz t0, .Ls_fatal
        beqz s0, .Ls_fetch
        li t0, CAUSE_FETCH_ACCESS
        beq s0, t0, .Ls_fetch
        li t0, CAUSE_FETCH_PAGE_FAULT
        beq s0, t0, .Ls_fetch
        csrr t2, sstatus
        li t0, (SSTATUS_SUM | SSTATUS_MXR)
        csrs sstatus, t0
        lhu t0, 0(s1)
        csrw sstatus, t2
        andi t0, t0, 3
        li t1, 3
        li t3, 2
        bne t0, t1, 4f
        li t3, 4
4:      add t0, s1, t3
        csrw sepc, t0
        j .Ls_done
.Ls_fetch:
        ld t0, 8(sp)
        csrw sepc, t0
        j .Ls_done
.Ls_irq:
        slli t0, s0, 1
        srli t0, t0, 1
        li t1, 1
        sll t1, t1, t0
        csrc sie, t1
.Ls_done:
        la t0, h_in_strap
        sd zero, 0(t0)
        H_RESTORE_REGS sp
        ld sp, 16(sp)
        sret
.Ls_fatal_nested:
        la t0, h_s_nested_s
        j 1f
.Ls_fatal:
        la t0, h_s_unexp_s
1:      la t1, h_sfatal_msg
        sd t0, 0(t1)
        csrr t0, scause
        sd t0, 8(t1)
        csrr t0, sepc
        sd t0, 16(t1)
        csrr t0, stval
        sd t0, 24(t1)
        csrr t0, sstatus
        sd t0, 32(t1)
        li t5, H_MAGIC
        la t6, h_sfatal_m
        ecall
h_sfatal_m:                     # continues in M-mode
        la sp, h_stack_top
        ld a0, h_sfatal_msg
        call h_fail_head
        la s0, h_sfatal_msg
        PRINT "  scause="
        ld a0, 8(s0)
        call h_puthex
        PRINT " sepc="
        ld a0, 16(s0)
        call h_puthex
        PRINT " stval="
        ld a0, 24(s0)
        call h_puthex
        PRINT " sstatus="
        ld a0, 32(s0)
        call h_puthex
        PRINT "\n"
        li a0, 0
        j h_fail_exit

# h_tlog_add(a0 = entry): append to the combined trap log (clobbers t0-t2)
h_tlog_add:
        la t0, h_tcount
        ld t1, 0(t0)
        addi t1, t1, 1
        sd t1, 0(t0)
        addi t1, t1, -1
        andi t1, t1, 15
        slli t1, t1, 3
        add t1, t1, t0
        sd a0, 8(t1)
        ret

# ================================================================ lower-privilege calls
# h_call_lower(a0 = entry pc (virtual if translated), a1 = PRV_S or PRV_U,
#              a2..a7 passed through): runs the code at a0 in that mode (mret with
# MPIE/MIE as currently set) until it executes H_RETURN, then returns here in M-mode
# with a0..a7/t0..t4 as the lower code left them.  Callee-saved registers, gp, tp, ra
# and sp are restored.  Returns with MPRV = 0 and MIE = 0.
        .globl h_call_lower
h_call_lower:
        addi sp, sp, -128
        sd ra, 0(sp)
        sd gp, 8(sp)
        sd tp, 16(sp)
        sd s0, 24(sp)
        sd s1, 32(sp)
        sd s2, 40(sp)
        sd s3, 48(sp)
        sd s4, 56(sp)
        sd s5, 64(sp)
        sd s6, 72(sp)
        sd s7, 80(sp)
        sd s8, 88(sp)
        sd s9, 96(sp)
        sd s10, 104(sp)
        sd s11, 112(sp)
        la t0, h_lower_sp
        sd sp, 0(t0)
        csrw mepc, a0
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        slli t0, a1, 11
        csrs mstatus, t0
        mret
h_lower_return:
        ld sp, h_lower_sp
        ld ra, 0(sp)
        ld gp, 8(sp)
        ld tp, 16(sp)
        ld s0, 24(sp)
        ld s1, 32(sp)
        ld s2, 40(sp)
        ld s3, 48(sp)
        ld s4, 56(sp)
        ld s5, 64(sp)
        ld s6, 72(sp)
        ld s7, 80(sp)
        ld s8, 88(sp)
        ld s9, 96(sp)
        ld s10, 104(sp)
        ld s11, 112(sp)
        addi sp, sp, 128
        ret

# ================================================================ pass / fail / exit
        .globl h_pass
h_pass:
        ENTER_M
        la sp, h_stack_top
        la a0, h_s_pass
        call h_puts
        la a0, h_test_name
        call h_puts
        li a0, 10
        call h_putc
        li a0, 0
        j h_exit

# h_fail_cmp(a0 = got, a1 = expected, a2 = what (string)), from any mode
        .globl h_fail_cmp
h_fail_cmp:
        ENTER_M
        la sp, h_stack_top
        mv s0, a0
        mv s1, a1
        mv s2, a2
        la a0, h_s_cmp
        call h_fail_head
        mv a0, s2
        call h_puts
        PRINT " got "
        mv a0, s0
        call h_puthex
        PRINT " expected "
        mv a0, s1
        call h_puthex
        PRINT_NL
        li a0, 1
        j h_fail_exit

# h_fail_msg(a0 = message), from any mode
        .globl h_fail_msg
h_fail_msg:
        ENTER_M
        la sp, h_stack_top
        mv s0, a0
        la a0, h_s_msg
        call h_fail_head
        mv a0, s0
        call h_puts
        PRINT_NL
        li a0, 1
        j h_fail_exit

# "FAIL <name> test <gp>: " + a0 string
h_fail_head:
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        la a0, h_s_fail
        call h_puts
        la a0, h_test_name
        call h_puts
        PRINT " test "
        mv a0, gp
        call h_putdec
        PRINT ": "
        ld a0, 8(sp)
        call h_puts
        ld ra, 0(sp)
        addi sp, sp, 16
        ret

# prints the trap records (if a0 != 0) and exits with gp (1 if gp is 0)
h_fail_exit:
        beqz a0, 1f
        PRINT "  last M-trap: count="
        ld a0, h_mcount
        call h_putdec
        PRINT " mcause="
        ld a0, h_mcause
        call h_puthex
        PRINT " mepc="
        ld a0, h_mepc
        call h_puthex
        PRINT " mtval="
        ld a0, h_mtval
        call h_puthex
        PRINT "\n  last S-trap: count="
        ld a0, h_scount
        call h_putdec
        PRINT " scause="
        ld a0, h_scause
        call h_puthex
        PRINT " sepc="
        ld a0, h_sepc
        call h_puthex
        PRINT " stval="
        ld a0, h_stval
        call h_puthex
        PRINT_NL
1:      li t0, 0xffff
        and a0, gp, t0
        bnez a0, h_exit
        li a0, 1
        # fall through
# h_exit(a0 = code): powers off through the SiFive test device (M-mode or identity map)
        .globl h_exit
h_exit:
        li t0, TEST_DEVICE
        li t1, 0x5555
        beqz a0, 1f
        slli t1, a0, 16
        li t2, 0x3333
        or t1, t1, t2
1:      sw t1, 0(t0)
2:      wfi
        j 2b

# ================================================================ console
# all preserve every register except t5/t6
        .globl h_putc
h_putc:
        li t6, UART_BASE
1:      lbu t5, 5(t6)
        andi t5, t5, 0x20
        beqz t5, 1b
        sb a0, 0(t6)
        ret

        .globl h_puts
h_puts:
        addi sp, sp, -32
        sd ra, 0(sp)
        sd a0, 8(sp)
        sd a1, 16(sp)
        mv a1, a0
1:      lbu a0, 0(a1)
        beqz a0, 2f
        call h_putc
        addi a1, a1, 1
        j 1b
2:      ld ra, 0(sp)
        ld a0, 8(sp)
        ld a1, 16(sp)
        addi sp, sp, 32
        ret

# "0x" + 16 lower-case hex digits
        .globl h_puthex
h_puthex:
        addi sp, sp, -32
        sd ra, 0(sp)
        sd a0, 8(sp)
        sd a1, 16(sp)
        sd a2, 24(sp)
        mv a1, a0
        li a0, '0'
        call h_putc
        li a0, 'x'
        call h_putc
        li a2, 60
1:      srl a0, a1, a2
        andi a0, a0, 15
        addi a0, a0, '0'
        li t5, '9'
        ble a0, t5, 2f
        addi a0, a0, ('a' - '9' - 1)
2:      call h_putc
        addi a2, a2, -4
        bgez a2, 1b
        ld ra, 0(sp)
        ld a0, 8(sp)
        ld a1, 16(sp)
        ld a2, 24(sp)
        addi sp, sp, 32
        ret

# unsigned decimal (no M extension: repeated subtraction of powers of ten)
        .globl h_putdec
h_putdec:
        addi sp, sp, -48
        sd ra, 0(sp)
        sd a0, 8(sp)
        sd a1, 16(sp)
        sd a2, 24(sp)
        sd a3, 32(sp)
        mv a1, a0
        la a2, h_pow10
        li a3, 0                # nonzero once a digit was printed
1:      ld t5, 0(a2)
        li a0, '0'
2:      bltu a1, t5, 3f
        sub a1, a1, t5
        addi a0, a0, 1
        j 2b
3:      li t6, 1
        beq t5, t6, 4f          # always print the last digit
        li t6, '0'
        bne a0, t6, 4f
        beqz a3, 5f
4:      li a3, 1
        call h_putc             # clobbers t5/t6
        ld t5, 0(a2)
        li t6, 1
        beq t5, t6, 6f
5:      addi a2, a2, 8
        j 1b
6:      ld ra, 0(sp)
        ld a0, 8(sp)
        ld a1, 16(sp)
        ld a2, 24(sp)
        ld a3, 32(sp)
        addi sp, sp, 48
        ret

# h_dump(a0 = value, t6 = label): "label=0x...\n"
h_dump:
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        mv a0, t6
        call h_puts
        li a0, '='
        call h_putc
        ld a0, 8(sp)
        call h_puthex
        li a0, 10
        call h_putc
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
        ret

# h_dump_mtrap(a0 = label): "label: mcause=0x.. mepc=+0x.. mtval=0x..\n"
# (mepc relative to _start; mtval printed raw)
h_dump_mtrap:
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        call h_puts
        PRINT ": mcause="
        ld a0, h_mcause
        call h_puthex
        PRINT " mepc=+"
        ld a0, h_mepc
        la t5, _start
        sub a0, a0, t5
        call h_puthex
        PRINT " mtval="
        ld a0, h_mtval
        call h_puthex
        PRINT_NL
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
        ret
h_dump_strap:
        addi sp, sp, -16
        sd ra, 0(sp)
        sd a0, 8(sp)
        call h_puts
        PRINT ": scause="
        ld a0, h_scause
        call h_puthex
        PRINT " sepc=+"
        ld a0, h_sepc
        la t5, _start
        sub a0, a0, t5
        call h_puthex
        PRINT " stval="
        ld a0, h_stval
        call h_puthex
        PRINT_NL
        ld ra, 0(sp)
        ld a0, 8(sp)
        addi sp, sp, 16
        ret

# ================================================================ page tables
# h_pt_alloc() -> a0 = a zeroed, 4 KiB-aligned page from the harness pool (64 pages).
# Preserves all registers but a0, t5, t6.
        .globl h_pt_alloc
h_pt_alloc:
        la t5, h_pt_next
        ld a0, 0(t5)
        bnez a0, 1f
        la a0, h_pt_pool
1:      li t6, 4096
        add t6, a0, t6
        sd t6, 0(t5)
        la t5, h_pt_pool_end
        bgtu t6, t5, 3f
        mv t5, a0
2:      sd zero, 0(t5)
        addi t5, t5, 8
        bne t5, t6, 2b
        ret
3:      la a0, h_s_oom
        j h_fail_msg

# h_pt_reset(): forget every page handed out by h_pt_alloc.
        .globl h_pt_reset
h_pt_reset:
        sd zero, h_pt_next, t5
        ret

# h_map(a0 = root table, a1 = va, a2 = pa, a3 = leaf PTE flags (V|R|W|X|U|G|A|D),
#       a4 = leaf level (PAGE_4K/2M/1G/512G), a5 = levels (3 = Sv39, 4 = Sv48))
# -> a0 = address of the leaf PTE.  Allocates missing intermediate tables (V only).
# Overwrites an existing leaf at the way.  Standard calling convention.
        .globl h_map
h_map:
        addi sp, sp, -64
        sd ra, 0(sp)
        sd s0, 8(sp)
        sd s1, 16(sp)
        sd s2, 24(sp)
        sd s3, 32(sp)
        sd s4, 40(sp)
        sd s5, 48(sp)
        mv s0, a0
        addi s1, a5, -1
        mv s2, a1
        mv s3, a2
        mv s4, a3
        mv s5, a4
1:      slli t0, s1, 3          # t0 = 12 + 9 * level (no M extension needed)
        add t0, t0, s1
        addi t0, t0, 12
        srl t1, s2, t0
        andi t1, t1, 511
        slli t1, t1, 3
        add t2, s0, t1          # t2 = PTE address at this level
        beq s1, s5, 3f
        ld t3, 0(t2)
        andi t4, t3, PTE_V
        beqz t4, 2f
        srli t3, t3, 10         # descend
        slli s0, t3, 12
        addi s1, s1, -1
        j 1b
2:      call h_pt_alloc         # preserves t2
        srli t3, a0, 12
        slli t3, t3, 10
        ori t3, t3, PTE_V
        sd t3, 0(t2)
        mv s0, a0
        addi s1, s1, -1
        j 1b
3:      srli t3, s3, 12
        slli t3, t3, 10
        or t3, t3, s4
        sd t3, 0(t2)
        mv a0, t2
        ld ra, 0(sp)
        ld s0, 8(sp)
        ld s1, 16(sp)
        ld s2, 24(sp)
        ld s3, 32(sp)
        ld s4, 40(sp)
        ld s5, 48(sp)
        addi sp, sp, 64
        ret

# h_vm_kernel_map(a0 = root, a1 = levels): identity-maps, as supervisor-only global
# 1 GiB pages with A and D preset: VA 0 (devices: UART, CLINT, test device) RW, and
# VA 0x8000_0000 (RAM: code, harness data, stack, page-table pool) RWX.
        .globl h_vm_kernel_map
h_vm_kernel_map:
        addi sp, sp, -32
        sd ra, 0(sp)
        sd s0, 8(sp)
        sd s1, 16(sp)
        mv s0, a0
        mv s1, a1
        li a1, 0
        li a2, 0
        li a3, (PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D)
        li a4, PAGE_1G
        mv a5, s1
        call h_map
        mv a0, s0
        li a1, 0x80000000
        li a2, 0x80000000
        li a3, (PTE_V | PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D)
        li a4, PAGE_1G
        mv a5, s1
        call h_map
        ld ra, 0(sp)
        ld s0, 8(sp)
        ld s1, 16(sp)
        addi sp, sp, 32
        ret

# h_satp(a0 = root, a1 = SATP_MODE_SV39/SV48/BARE): satp = mode<<60 | ppn; sfence.vma
        .globl h_satp
h_satp:
        slli a1, a1, 60
        srli a0, a0, 12
        or a0, a0, a1
        csrw satp, a0
        sfence.vma
        ret

# ================================================================ strings
        .section .rodata
h_s_pass:       .asciz "PASS "
h_s_fail:       .asciz "FAIL "
h_s_cmp:        .asciz ""
h_s_msg:        .asciz ""
h_s_nested:     .asciz "trap inside the M-mode trap handler\n"
h_s_unexp_m:    .asciz "unexpected exception (taken in M-mode)\n"
h_s_nested_s:   .asciz "trap inside the S-mode trap handler\n"
h_s_unexp_s:    .asciz "unexpected exception (taken in S-mode)\n"
h_s_mcount:     .asciz "number of M-mode traps"
h_s_scount:     .asciz "number of S-mode traps"
h_s_mcause:     .asciz "mcause"
h_s_scause:     .asciz "scause"
h_s_oom:        .asciz "page-table pool exhausted"
        .balign 8
h_pow10:        .dword 10000000000000000000, 1000000000000000000, 100000000000000000
                .dword 10000000000000000, 1000000000000000, 100000000000000, 10000000000000
                .dword 1000000000000, 100000000000, 10000000000, 1000000000, 100000000
                .dword 10000000, 1000000, 100000, 10000, 1000, 100, 10, 1

# ================================================================ data
        .section .bss
        .balign 4096
        .globl h_pt_pool, h_pt_pool_end
h_pt_pool:      .space 64 * 4096
h_pt_pool_end:
        .balign 16
h_stack:        .space 16384
        .globl h_stack_top
h_stack_top:
h_mstack:       .space 4096
h_mframe:       .space 256              # M trap frame: x[i] at 8*i
h_sstack:       .space 4096
h_sframe:       .space 256              # S trap frame: x[i] at 8*i

        .section .data
        .balign 8
        .globl h_boot_a0, h_boot_a1
h_boot_a0:      .dword 0                # a0 at reset (hart id)
h_boot_a1:      .dword 0                # a1 at reset (device-tree address)
        .globl h_trap_ok, h_mtrap_hook, h_strap_hook
h_trap_ok:      .dword 0                # nonzero: exceptions are expected (ALLOW_TRAPS)
h_mtrap_hook:   .dword 0                # optional hook called by the M handler
h_strap_hook:   .dword 0                # optional hook called by the S handler
h_in_mtrap:     .dword 0
h_in_strap:     .dword 0
h_lower_sp:     .dword 0
h_pt_next:      .dword 0
h_sfatal_msg:   .dword 0, 0, 0, 0, 0
        # M trap record (layout used by the handler: keep contiguous)
        .globl h_mcount, h_mcause, h_mepc, h_mtval, h_mstatus, h_mlog
h_mcount:       .dword 0                # traps taken in M since the last clear
h_mcause:       .dword 0
h_mepc:         .dword 0
h_mtval:        .dword 0
h_mstatus:      .dword 0                # mstatus as seen on entry to the handler
                .dword 0
h_mlog:         .dword 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        .globl h_scount, h_scause, h_sepc, h_stval, h_sstatus, h_slog
h_scount:       .dword 0
h_scause:       .dword 0
h_sepc:         .dword 0
h_stval:        .dword 0
h_sstatus:      .dword 0
                .dword 0
h_slog:         .dword 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        # combined log of traps to M and S in the order taken: entry = cause, with
        # H_TLOG_S (bit 62) flipped for traps taken in S.  Cleared by ALLOW_TRAPS/TRAPS_CLEAR.
        .globl h_tcount, h_tlog
h_tcount:       .dword 0
h_tlog:         .dword 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0

        .text
