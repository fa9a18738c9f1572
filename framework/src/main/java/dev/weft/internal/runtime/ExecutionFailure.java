package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.Failure;
import java.util.List;

/**
 * What went wrong in one execution, before a replay token is attached.
 *
 * @param kind the kind of failure
 * @param summary one line: what happened and where
 * @param details the rest of the explanation (threads, stacks), may be empty
 * @param cause the exception behind it, or null
 * @param accesses the two conflicting accesses of a data race, else empty
 */
public record ExecutionFailure(Failure.Kind kind, String summary, String details, Throwable cause,
    List<Access> accesses) {}
