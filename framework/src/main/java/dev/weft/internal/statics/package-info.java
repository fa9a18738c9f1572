/**
 * The reset of static state between executions: every execution starts from the static fields of
 * the application's classes as they were before the first one, so that a lazy singleton built by
 * execution 1 does not turn execution 2 into another program. {@code StaticBaselines} is told by
 * the agent when an application class with non-final static fields finished initializing; {@code
 * ClassStatics} keeps one class's fields and their baseline values.
 *
 * <p>Internal to Weft: no compatibility promise.
 */
package dev.weft.internal.statics;
