/**
 * A Kubernetes-operator-style pod cache in a plain HashMap written by several informers, and its
 * fix under a read-write lock.
 */
package dev.weft.examples.informer;
