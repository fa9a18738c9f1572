/**
 * The Java agent: installs the boot hooks, rewrites application classes at load time (monitors,
 * waits, joins, volatile and atomic accesses, locks, calls that may take a JDK method's monitor)
 * and retransforms a few JDK classes with Advice. Also the registries the runtime and the reports
 * read: call sites, classes transformed and classes that run uncontrolled. Internal: no
 * compatibility promise.
 */
package dev.weft.internal.agent;
