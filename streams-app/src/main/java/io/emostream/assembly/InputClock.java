package io.emostream.assembly;

/**
 * How far this task has read one of its input topics: the newest record timestamp seen on it, and
 * the wall-clock time of its latest record. An ending call is closed only once the task has read
 * its audio and transcripts up to the CALL_ENDED's time, because Kafka Streams may process the
 * sparse events topic ahead of audio that is already on the broker (it takes a partition whose
 * buffer ran dry for caught up when the lag it last fetched was 0, which a paused partition keeps),
 * and under a backlog the wall clock alone would close the call before its last audio is read.
 * (A final transcript still waits {@code assembly.max-wait} alone: holding it for the audio clock
 * too was measured to lengthen real-time latency, see the README's performance section.)
 * A topic that has been quiet for a while counts as read up to any time: nothing is behind.
 *
 * <p>Kept in memory per task: after a restart or a move the clock starts quiet-but-fresh, so an
 * ending call then waits at most one more quiet period.
 */
final class InputClock {

  private long newestTimestamp = Long.MIN_VALUE;
  private long lastWallMs;

  InputClock(long nowWallMs) {
    this.lastWallMs = nowWallMs;
  }

  /** Notes a record of this topic with record timestamp {@code timestamp}, processed at {@code nowWallMs}. */
  void saw(long timestamp, long nowWallMs) {
    newestTimestamp = Math.max(newestTimestamp, timestamp);
    lastWallMs = nowWallMs;
  }

  /**
   * Whether nothing older than {@code timestamp} can still be waiting on this topic: a record at
   * or after it has been read, or no record has come for {@code quietMs}.
   */
  boolean reached(long timestamp, long nowWallMs, long quietMs) {
    return newestTimestamp >= timestamp || nowWallMs - lastWallMs >= quietMs;
  }
}
