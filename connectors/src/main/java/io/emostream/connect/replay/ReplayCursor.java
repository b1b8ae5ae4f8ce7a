package io.emostream.connect.replay;

import io.emostream.schemas.calls.CallRecording;
import io.emostream.schemas.calls.CallReplayPlan;
import io.emostream.schemas.calls.ReplayRecord;
import io.emostream.schemas.calls.ReplaySettings;
import java.time.Instant;
import java.util.Map;

/**
 * Where one call's replay stands: its plan, the index of the next record, the round (for
 * {@code loop}), and when the plan's time 0 was on the task's monotonic clock. Not thread-safe;
 * owned by one task.
 */
final class ReplayCursor {
  static final String OFFSET_ROUND = "round";
  static final String OFFSET_NEXT = "next";

  private final CallRecording recording;
  private final Map<String, String> partition;
  private final ReplaySettings settings;
  private final String prefix;
  private final boolean loop;
  private final double speed;

  private long round;
  private CallReplayPlan plan;
  private int next;
  /** Monotonic nanos at which the plan's call time 0 falls. */
  private long anchorNanos;

  private ReplayCursor(CallRecording recording, Map<String, String> partition,
      ReplaySettings settings, String prefix, boolean loop, double speed) {
    this.recording = recording;
    this.partition = partition;
    this.settings = settings;
    this.prefix = prefix;
    this.loop = loop;
    this.speed = speed;
  }

  /**
   * A cursor positioned after what {@code offset} says was sent; {@code offset} null starts at
   * the beginning. A resumed call continues at once from its next record (the pause while the
   * task was down is not replayed).
   */
  static ReplayCursor resume(CallRecording recording, Map<String, String> partition,
      Map<String, Object> offset, CallReplayConfig config, long nowNanos) {
    ReplayCursor cursor = new ReplayCursor(recording, partition, config.replaySettings(),
        config.callIdPrefix(), config.loop(), config.replaySpeed());
    long round = offset == null ? 0 : number(offset.get(OFFSET_ROUND));
    long next = offset == null ? 0 : number(offset.get(OFFSET_NEXT));
    cursor.startRound(round, nowNanos);
    cursor.next = (int) Math.min(next, cursor.plan.size());
    if (cursor.next < cursor.plan.size()) {
      cursor.anchorNanos = nowNanos - scaledNanos(cursor.plan.get(cursor.next).dueMs(),
          cursor.speed);
    }
    cursor.nextRoundIfDone(nowNanos);
    return cursor;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  private void startRound(long round, long nowNanos) {
    this.round = round;
    String callId = prefix + (round > 0 ? "r" + round + "-" : "") + recording.callId();
    this.plan = CallReplayPlan.of(recording, callId, settings, Instant.now());
    this.next = 0;
    this.anchorNanos = nowNanos;
  }

  /** With {@code loop}, moves a finished call on to its next round. */
  void nextRoundIfDone(long nowNanos) {
    if (loop && next >= plan.size()) {
      startRound(round + 1, nowNanos);
    }
  }

  boolean hasNext() {
    return next < plan.size();
  }

  /** Monotonic nanos at which the next record is due. */
  long nextDueNanos() {
    return anchorNanos + scaledNanos(plan.get(next).dueMs(), speed);
  }

  ReplayRecord peek() {
    return plan.get(next);
  }

  /** The offset to commit with the record {@link #peek()} returns: it has been sent. */
  Map<String, Object> offsetAfterPeek() {
    return Map.of(OFFSET_ROUND, round, OFFSET_NEXT, (long) next + 1);
  }

  void advance() {
    next++;
  }

  /** Gives up on the rest of this call (its records cannot be sent). */
  void abandon() {
    next = plan.size();
  }

  Map<String, String> partition() {
    return partition;
  }

  CallRecording recording() {
    return recording;
  }

  String callId() {
    return plan.callId();
  }

  private static long scaledNanos(long callMs, double speed) {
    return speed <= 0 ? 0 : (long) (callMs * 1_000_000L / speed);
  }
}
