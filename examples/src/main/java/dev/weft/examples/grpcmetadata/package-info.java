/**
 * An interceptor whose calls all write their trace id into the one metadata map the shared
 * context holds, and its fix that gives each call a child context with its own immutable copy.
 */
package dev.weft.examples.grpcmetadata;
