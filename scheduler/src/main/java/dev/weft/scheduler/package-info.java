/**
 * Weft's scheduling layer, pure Java with no agent code: which thread runs at every scheduling
 * point, schedules as data, replay tokens and schedule shrinking.
 *
 * <p>Start with {@link dev.weft.scheduler.SchedulingStrategy} (the contract the controlled
 * runtime drives) and {@link dev.weft.scheduler.NextSteps} (what the runtime tells a strategy
 * about each thread's next step). The strategies are {@link
 * dev.weft.scheduler.SystematicStrategy}, {@link dev.weft.scheduler.PctStrategy}, {@link
 * dev.weft.scheduler.PosStrategy} and {@link dev.weft.scheduler.RandomWalkStrategy}; {@link
 * dev.weft.scheduler.RecordingStrategy} and {@link dev.weft.scheduler.ReplayStrategy} wrap or
 * replace them to record and replay a {@link dev.weft.scheduler.Schedule}, and {@link
 * dev.weft.scheduler.ScheduleShrinker} simplifies a failing one.
 *
 * <p>The public types serve the framework and tools built on it, not tests written by users: they
 * carry no compatibility promise, except the text format of {@link
 * dev.weft.scheduler.ReplayToken}, which users keep in bug reports. Package-private classes are
 * the strategies' internals.
 */
package dev.weft.scheduler;
