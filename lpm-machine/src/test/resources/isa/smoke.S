# smoke: the smallest program - the harness starts, main returns, PASS is printed.
# The first thing to get working: it needs the harness start-up (CSR writes to
# mtvec/stvec/m+sscratch/pmpaddr15/pmpcfg2/mstatus), calls, loads/stores, the UART
# and the test device, and one harness ecall (ENTER_M in h_pass).
        .include "harness.S"
        TEST_NAME "smoke"

main:
        TEST 1
        li a0, 42
        CHECK a0, 42
        ret
