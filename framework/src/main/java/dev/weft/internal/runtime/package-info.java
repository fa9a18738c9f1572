/**
 * The controlled runtime: runs one execution of the body with exactly one thread at a time, models
 * what the threads synchronize on, and detects races on collections.
 *
 * <p>Internal to Weft: no compatibility promise. One package, so that the per-thread state of
 * {@code ControlledThread} stays package-private; where to find what:
 *
 * <ul>
 *   <li><b>Running an execution.</b> {@code ExecutionRunner} (T0, the watchdog, unwinding) and
 *       {@code Execution}, the core: the next step of each thread, the choice of the next thread,
 *       the hand-off of the turn, failing and aborting. {@code NextSteps} objects are numbered by
 *       {@code StepObjects}.
 *   <li><b>The hooks.</b> {@code ControlledRuntime} knows which threads are controlled (adoption,
 *       the runtime guard, common-pool workers released and adopted again) and hands each family
 *       of hooks to its handler: {@code ThreadHookHandler}, {@code MonitorHookHandler}, {@code
 *       ParkingHookHandler}, {@code TimeHookHandler}, {@code MemoryHookHandler}, {@code
 *       TaskHookHandler}, {@code CollectionHookHandler}, {@code LockHookHandler}. Threads the
 *       program treats as daemons are {@code DaemonThreads}; whether virtual threads are
 *       scheduled here (JDK 24+) or refused is {@code VirtualThreads}.
 *   <li><b>The models</b>, one per kind of primitive, each with the happens-before edges it makes
 *       ({@code VectorClocks}): {@code Monitors}, {@code Blocking} (join, park, sleep,
 *       interrupt), {@code VirtualClock}, {@code LockBookkeeping} (java.util.concurrent locks
 *       held, lock sets), {@code MemoryAccesses} (volatiles, atomics, library calls), {@code
 *       OutsideUnparks}. What a blocked thread waits for is one {@code Blocker} value: {@code
 *       MonitorEnter}, {@code ObjectWait}, {@code Join}, {@code Park}.
 *   <li><b>Race detection.</b> {@code CollectionRaces}, {@code RaceDetector}, {@code
 *       TrackedCollection}, {@code CollectionAccess}, {@code ViewOwners}, {@code
 *       CollectionOperations}, {@code AnnouncedCall}.
 *   <li><b>Findings and the trace.</b> {@code DeadlockFinding}, {@code ExceptionFinding}, {@code
 *       LostControlFinding}, {@code RaceFinding} turn what the runtime saw into the typed values
 *       of {@code dev.weft.internal.failure}; {@code TraceRecorder} records typed trace events.
 *       None of them writes text: {@code dev.weft.internal.report} renders.
 * </ul>
 */
package dev.weft.internal.runtime;
