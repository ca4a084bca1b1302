/** The host daemon: partitions created from profiles, the control API, and this host's mover service. */
package dev.lpm.host;
