/**
 * The migration stream: a header ("LPMM", version) and checksummed frames whose lengths are bounded per
 * type. The same frames make a snapshot file (inactive mobility). Readers treat the stream as hostile.
 */
package dev.lpm.migration.wire;
