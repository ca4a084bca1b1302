/**
 * Whole-machine state as bytes: every device's saved record in a tree of sections with stable string ids
 * and versions, read back from hostile input with every length and value checked.
 */
package dev.lpm.migration.state;
