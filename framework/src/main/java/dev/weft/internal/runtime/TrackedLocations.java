package dev.weft.internal.runtime;

import java.util.Arrays;

/**
 * What the field race detector knows about every memory location of one execution: a field of
 * one object, a static field, or an array element, keyed by its holder (the object, the array, or
 * {@link #STATICS}) and a key (the field id, or {@code -1 - index} for an element). Each location
 * keeps the epoch of its last write and of its last read (FastTrack, Flanagan and Freund, PLDI
 * 2009): one thread and its clock, so that checking an access costs one comparison, not a vector
 * clock. Only reads by several threads that nothing orders need a clock per thread; that set is
 * allocated when a location first becomes read-shared, never on the common path.
 *
 * <p>Locations are found by open addressing with linear probing over parallel arrays: looking one
 * up, and recording an access to it, allocates nothing once the tables have their size.
 */
final class TrackedLocations {
  /** The holder of every static field. */
  static final Object STATICS = new Object();

  /** No access: clocks start at 1, so no thread's epoch is 0. */
  static final long NONE = 0L;
  /** The read epoch of a location read by several threads that nothing orders. */
  private static final long SHARED = -1L;

  /** A race on this location was found (and not reported): it is checked no more. */
  static final int RACY = 1;
  /** The last write followed a read of the same thread at the same line ({@code n++}). */
  static final int READ_MODIFY_WRITE = 2;
  /** The last write followed a read of the same thread at another line ({@code if} then write). */
  static final int WRITE_AFTER_CHECK = 4;

  private Object[] holders = new Object[64];
  private int[] keys = new int[64];
  private long[] writes = new long[64];
  private long[] reads = new long[64];
  private int[] writeSites = new int[64];
  private int[] readSites = new int[64];
  private int[] flags = new int[64];
  /** The thread and site of the first read since the last write (-1: none). */
  private int[] firstReaders = filled(64);
  private int[] firstReadSites = new int[64];
  /** Per slot, while read-shared: each thread's last read clock and site. */
  private SharedReads[] shared = new SharedReads[64];
  /** Per slot, in the traced run only: the remembered last write and last read. */
  private Object[] writeDetails = new Object[64];
  private Object[] readDetails = new Object[64];
  private int count;

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /** Reads of one location by several unordered threads. */
  private static final class SharedReads {
    int[] clocks = new int[4];
    int[] sites = new int[4];
    Object[] details = new Object[4];

    void put(int thread, int clock, int site, Object detail) {
      if (thread >= clocks.length) {
        int n = Math.max(thread + 1, clocks.length * 2);
        clocks = Arrays.copyOf(clocks, n);
        sites = Arrays.copyOf(sites, n);
        details = Arrays.copyOf(details, n);
      }
      clocks[thread] = clock;
      sites[thread] = site;
      details[thread] = detail;
    }
  }

  // ---- the access that conflicts with the one just checked --------------------------------------

  private int conflictThread;
  private boolean conflictWrite;
  private int conflictSite;
  private Object conflictDetail;

  /** The thread of the earlier access that {@link #conflicts} found. */
  int conflictThread() {
    return conflictThread;
  }

  /** Whether that earlier access was a write. */
  boolean conflictWasWrite() {
    return conflictWrite;
  }

  int conflictSite() {
    return conflictSite;
  }

  /** What the traced run remembered of it, or null. */
  Object conflictDetail() {
    return conflictDetail;
  }

  // ---- locations ---------------------------------------------------------------------------------

  /** The slot of the location, created on first use. */
  int slot(Object holder, int key) {
    Object[] h = holders;
    int mask = h.length - 1;
    int i = hash(holder, key) & mask;
    while (true) {
      Object k = h[i];
      if (k == holder && keys[i] == key) return i;
      if (k == null) break;
      i = (i + 1) & mask;
    }
    h[i] = holder;
    keys[i] = key;
    if (++count * 2 > h.length) {
      grow();
      return slot(holder, key);
    }
    return i;
  }

  /** How many locations are known. */
  int size() {
    return count;
  }

  int flags(int slot) {
    return flags[slot];
  }

  void markRacy(int slot) {
    flags[slot] |= RACY;
  }

  boolean isRacy(int slot) {
    return (flags[slot] & RACY) != 0;
  }

  /** What {@link #builtBy} knows: nothing of the object, or whether the thread wrote it. */
  enum Builder { UNSEEN, WROTE_IT, DID_NOT_WRITE_IT }

  /**
   * Whether the last write of some field or element of {@code holder} was {@code thread}'s;
   * {@link Builder#UNSEEN} when no location of {@code holder} is known (its class is not
   * instrumented, or nothing touched it). A scan of every location: asked only when a race is
   * classified, which ends the execution.
   */
  Builder builtBy(Object holder, int thread) {
    Object[] h = holders;
    boolean seen = false;
    for (int i = 0; i < h.length; i++) {
      if (h[i] != holder) continue;
      seen = true;
      if (writes[i] != NONE && threadOf(writes[i]) == thread) return Builder.WROTE_IT;
    }
    return seen ? Builder.DID_NOT_WRITE_IT : Builder.UNSEEN;
  }

  /** Whether no thread but {@code thread} has read or written the location. */
  boolean onlyAccessedBy(int slot, int thread) {
    long w = writes[slot];
    long r = reads[slot];
    return (w == NONE || threadOf(w) == thread) && r != SHARED
        && (r == NONE || threadOf(r) == thread);
  }

  // ---- FastTrack ---------------------------------------------------------------------------------

  /**
   * Whether an access by {@code thread} at {@code clock} adds nothing to what the location knows
   * (FastTrack's same-epoch case): the thread already wrote it in this epoch, or, for a read,
   * already read it. A later conflicting access of another thread still conflicts with that
   * write or read, which has the same epoch. Never for a racy location, which stays a point.
   */
  boolean coveredInEpoch(int slot, int thread, int clock, boolean write) {
    if ((flags[slot] & RACY) != 0) return false;
    long e = epoch(thread, clock);
    return writes[slot] == e || (!write && reads[slot] == e);
  }

  /**
   * Whether an access by {@code thread} (a write if {@code write}) conflicts with an earlier access
   * of another thread that {@code clocks} does not order before it: a write against the last
   * write and the reads since, a read against the last write. The first conflict found is kept
   * ({@link #conflictThread} and the rest).
   */
  boolean conflicts(int slot, int thread, boolean write, VectorClocks clocks) {
    long w = writes[slot];
    if (w != NONE && unordered(w, thread, clocks)) {
      conflict(threadOf(w), true, writeSites[slot], writeDetails[slot]);
      return true;
    }
    if (!write) return false;
    long r = reads[slot];
    if (r == SHARED) {
      SharedReads s = shared[slot];
      for (int t = 0; t < s.clocks.length; t++) {
        int c = s.clocks[t];
        if (c != 0 && t != thread && !clocks.orderedBefore(t, c, thread)) {
          conflict(t, false, s.sites[t], s.details[t]);
          return true;
        }
      }
      return false;
    }
    if (r != NONE && unordered(r, thread, clocks)) {
      conflict(threadOf(r), false, readSites[slot], readDetails[slot]);
      return true;
    }
    return false;
  }

  private void conflict(int thread, boolean write, int site, Object detail) {
    conflictThread = thread;
    conflictWrite = write;
    conflictSite = site;
    conflictDetail = detail;
  }

  /** Records a read by {@code thread} at its clock {@code clock}, at {@code site}. */
  void recordRead(int slot, int thread, int clock, int site, Object detail, VectorClocks clocks) {
    long epoch = epoch(thread, clock);
    long r = reads[slot];
    if (firstReaders[slot] < 0) {
      firstReaders[slot] = thread;
      firstReadSites[slot] = site;
    }
    if (r == SHARED) {
      shared[slot].put(thread, clock, site, detail);
      return;
    }
    if (r == NONE || threadOf(r) == thread || !unordered(r, thread, clocks)) {
      reads[slot] = epoch;
      readSites[slot] = site;
      readDetails[slot] = detail;
      return;
    }
    // A second reader that nothing orders after the first: keep both.
    SharedReads s = shared[slot] == null ? new SharedReads() : shared[slot];
    s.put(threadOf(r), clockOf(r), readSites[slot], readDetails[slot]);
    s.put(thread, clock, site, detail);
    shared[slot] = s;
    reads[slot] = SHARED;
  }

  /**
   * Records a write by {@code thread}; the reads before it are ordered before it (or were
   * reported), so they are forgotten. Notes how the write relates to the thread's own last read:
   * at the same site (a read-modify-write such as {@code n++}), or at another (a check, then an
   * act).
   */
  void recordWrite(int slot, int thread, int clock, int site, Object detail) {
    flags[slot] = (flags[slot] & RACY) | writeFollowingOwnRead(slot, thread, site);
    firstReaders[slot] = -1;
    writes[slot] = epoch(thread, clock);
    writeSites[slot] = site;
    writeDetails[slot] = detail;
    reads[slot] = NONE;
    readDetails[slot] = null;
    if (shared[slot] != null) shared[slot] = null;
  }

  /**
   * How a write by {@code thread} at {@code site} follows the thread's own reads since the last
   * write: {@link #WRITE_AFTER_CHECK} when it first read the location at another site (an
   * {@code if} before the act), {@link #READ_MODIFY_WRITE} when it read it at this site ({@code
   * n++}), else 0.
   */
  int writeFollowingOwnRead(int slot, int thread, int site) {
    if (firstReaders[slot] == thread && firstReadSites[slot] != site) return WRITE_AFTER_CHECK;
    return lastReadSiteOf(slot, thread) == site ? READ_MODIFY_WRITE : 0;
  }

  /** The site of {@code thread}'s read when it is the location's last read, else -1. */
  int lastReadSiteOf(int slot, int thread) {
    long r = reads[slot];
    if (r == SHARED) {
      SharedReads s = shared[slot];
      return thread < s.clocks.length && s.clocks[thread] != 0 ? s.sites[thread] : -1;
    }
    return r != NONE && threadOf(r) == thread ? readSites[slot] : -1;
  }

  private static boolean unordered(long epoch, int thread, VectorClocks clocks) {
    int t = threadOf(epoch);
    return t != thread && !clocks.orderedBefore(t, clockOf(epoch), thread);
  }

  static long epoch(int thread, int clock) {
    return (long) thread << 32 | (clock & 0xFFFFFFFFL);
  }

  static int threadOf(long epoch) {
    return (int) (epoch >>> 32);
  }

  static int clockOf(long epoch) {
    return (int) epoch;
  }

  private void grow() {
    Object[] oldHolders = holders;
    int[] oldKeys = keys;
    long[] oldWrites = writes;
    long[] oldReads = reads;
    int[] oldWriteSites = writeSites;
    int[] oldReadSites = readSites;
    int[] oldFlags = flags;
    int[] oldFirstReaders = firstReaders;
    int[] oldFirstReadSites = firstReadSites;
    SharedReads[] oldShared = shared;
    Object[] oldWriteDetails = writeDetails;
    Object[] oldReadDetails = readDetails;
    int n = oldHolders.length * 2;
    holders = new Object[n];
    keys = new int[n];
    writes = new long[n];
    reads = new long[n];
    writeSites = new int[n];
    readSites = new int[n];
    flags = new int[n];
    firstReaders = filled(n);
    firstReadSites = new int[n];
    shared = new SharedReads[n];
    writeDetails = new Object[n];
    readDetails = new Object[n];
    int mask = n - 1;
    for (int j = 0; j < oldHolders.length; j++) {
      Object k = oldHolders[j];
      if (k == null) continue;
      int i = hash(k, oldKeys[j]) & mask;
      while (holders[i] != null) i = (i + 1) & mask;
      holders[i] = k;
      keys[i] = oldKeys[j];
      writes[i] = oldWrites[j];
      reads[i] = oldReads[j];
      writeSites[i] = oldWriteSites[j];
      readSites[i] = oldReadSites[j];
      flags[i] = oldFlags[j];
      firstReaders[i] = oldFirstReaders[j];
      firstReadSites[i] = oldFirstReadSites[j];
      shared[i] = oldShared[j];
      writeDetails[i] = oldWriteDetails[j];
      readDetails[i] = oldReadDetails[j];
    }
  }

  /** Identity hashes promise nothing about their low bits: mixes them with the key. */
  private static int hash(Object holder, int key) {
    int h = System.identityHashCode(holder) * 31 + key;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
