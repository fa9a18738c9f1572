/**
 * Weft's engine behind the API: {@link dev.weft.internal.Explorer} runs explorations and replays
 * (strategy from the options, shrinking, tracing), the text and HTML reports, and the one way
 * the engine builds the API's values ({@link dev.weft.internal.ApiValues}). Depends on the API's
 * value types and never on the {@code Weft} facade. Internal: public only for use across Weft's
 * own packages, with no compatibility promise.
 */
package dev.weft.internal;
