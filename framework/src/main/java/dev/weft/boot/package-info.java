/**
 * The classes instrumented code calls, put on the bootstrap class path so that {@code java.base}
 * sees them: {@link dev.weft.boot.Hooks} (the static entry points the bytecode calls), the hook
 * families it forwards to ({@link dev.weft.boot.HookHandler}), and {@link
 * dev.weft.boot.ExecutionAborted}.
 *
 * <p>Internal to Weft: no compatibility promise. Names and descriptors of {@code Hooks} are
 * referenced by the agent's rewriter ({@code dev.weft.internal.agent.HookMethod}); a test checks
 * that every reference resolves. Every class here must be listed in the agent's boot jar.
 */
package dev.weft.boot;
