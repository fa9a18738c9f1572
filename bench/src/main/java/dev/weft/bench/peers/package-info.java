/**
 * Weft against its peers on the same objects: {@link dev.weft.bench.peers.PeerComparison} runs
 * Lincheck's model checker and Weft's linearizability check on each {@link
 * dev.weft.bench.peers.Subject}, each in its own JVM, and prints what each found and how long it
 * took. Lincheck is a dependency of this module only; the shipped modules never see it.
 */
package dev.weft.bench.peers;
