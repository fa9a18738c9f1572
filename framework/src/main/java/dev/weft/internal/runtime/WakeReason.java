package dev.weft.internal.runtime;

/** Why a blocked thread was woken; read by the thread when it resumes. */
enum WakeReason {
  NONE,
  NOTIFIED,
  UNPARKED,
  INTERRUPTED,
  TIMED_OUT
}
