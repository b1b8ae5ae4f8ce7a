package io.emostream.connect.replay;

import io.emostream.connect.Versions;
import io.emostream.schemas.calls.CallRecording;
import io.emostream.schemas.calls.InvalidRecordingException;
import io.emostream.schemas.calls.ReplayRecord;
import io.emostream.schemas.registry.SchemaRegistryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the calls the connector assigned to this task, all of them at once (as concurrent
 * calls of a contact centre), each from its committed offset.
 *
 * <p>{@link #poll()} returns every record whose due time has come, across calls, up to
 * {@code batch.max.records}; when none is due it waits until the next one is, but never more
 * than {@value #MAX_WAIT_MS} ms, so the worker can stop the task promptly.
 *
 * <p>A recording that does not load (bad WAV, bad JSON) is logged with its file and skipped;
 * the other calls go on. A record the registry refuses (an incompatible schema) ends its call
 * with an error log. An unreachable (or refusing) registry is retried: poll throws
 * {@link RetriableException} without losing its place.
 */
public class CallReplaySourceTask extends SourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(CallReplaySourceTask.class);
  static final long MAX_WAIT_MS = 100;
  private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);

  private final LongSupplier nanoClock;
  private final Object lock = new Object();
  private CallReplayConfig config;
  private ReplayRecordEncoder encoder;
  private final List<ReplayCursor> cursors = new ArrayList<>();
  private volatile boolean stopping;

  public CallReplaySourceTask() {
    this(System::nanoTime);
  }

  /** Test seam: a monotonic clock in nanoseconds. */
  CallReplaySourceTask(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  @Override
  public String version() {
    return Versions.current();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new CallReplayConfig(CallReplayConfig.TASK_CONFIG_DEF, props);
    if (encoder == null) {
      encoder = new ReplayRecordEncoder(config, props);
    }
    Map<Map<String, String>, CallRecording> recordings = new HashMap<>();
    for (String callId : config.taskCalls()) {
      try {
        CallRecording recording = CallRecording.load(config.callsDir(), callId);
        recordings.put(partition(callId), recording);
      } catch (InvalidRecordingException e) {
        LOG.error("Skipping recorded call {} in {}: {}", callId, config.callsDir(),
            e.getMessage());
      }
    }
    Map<Map<String, String>, Map<String, Object>> offsets =
        context.offsetStorageReader().offsets(recordings.keySet());
    long now = nanoClock.getAsLong();
    for (var entry : recordings.entrySet()) {
      Map<String, Object> offset = offsets == null ? null : offsets.get(entry.getKey());
      cursors.add(ReplayCursor.resume(entry.getValue(), entry.getKey(), offset, config, now));
      if (offset != null) {
        LOG.info("Resuming recorded call {} at {}", entry.getValue().callId(), offset);
      }
    }
    cursors.sort((a, b) -> a.recording().callId().compareTo(b.recording().callId()));
  }

  /** Test seam: an encoder bound to a given registry client. */
  void useEncoder(ReplayRecordEncoder encoder) {
    this.encoder = encoder;
  }

  /** The source partition of one call: its file, and the prefix it is replayed under. */
  private Map<String, String> partition(String callId) {
    return Map.of(CallReplayConfig.CALLS_DIR_CONFIG, config.callsDir().toAbsolutePath()
            .normalize().toString(),
        "call", callId,
        CallReplayConfig.CALL_ID_PREFIX_CONFIG, config.callIdPrefix());
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    synchronized (lock) {
      if (stopping) {
        return null;
      }
      long now = nanoClock.getAsLong();
      List<SourceRecord> batch = new ArrayList<>();
      long nextDue = Long.MAX_VALUE;
      for (ReplayCursor cursor : cursors) {
        while (batch.size() < config.batchMaxRecords() && cursor.hasNext()) {
          long due = cursor.nextDueNanos();
          if (due > now) {
            nextDue = Math.min(nextDue, due);
            break;
          }
          if (!emit(cursor, batch)) {
            nextDue = Math.min(nextDue, now + RETRY_NANOS);
            break;
          }
          cursor.nextRoundIfDone(now);
        }
      }
      if (!batch.isEmpty()) {
        return batch;
      }
      long waitMs = nextDue == Long.MAX_VALUE ? MAX_WAIT_MS
          : Math.min(MAX_WAIT_MS, TimeUnit.NANOSECONDS.toMillis(nextDue - now) + 1);
      lock.wait(Math.max(1, waitMs));
      return null;
    }
  }

  /**
   * Encodes the cursor's next record into {@code batch}.
   *
   * @return false when the record could not be encoded this time (retried on a later poll)
   */
  private boolean emit(ReplayCursor cursor, List<SourceRecord> batch) {
    ReplayRecord record = cursor.peek();
    try {
      batch.add(encoder.encode(record, cursor.partition(), cursor.offsetAfterPeek(),
          Instant.now()));
      cursor.advance();
      return true;
    } catch (SerializationException e) {
      // final: the registry client already resolves conflicts from concurrent registrations
      LOG.error("Abandoning replay of call {} (recording {}): record {} cannot be serialized: {}",
          cursor.callId(), cursor.recording().jsonFile(), record.stream(), e.getMessage());
      cursor.abandon();
      return true;
    } catch (SchemaRegistryException e) {
      if (!batch.isEmpty()) {
        return false;
      }
      throw new RetriableException("Schema registry failed while replaying call "
          + cursor.callId() + "; will retry: " + e.getMessage(), e);
    }
  }

  @Override
  public void stop() {
    stopping = true;
    synchronized (lock) {
      lock.notifyAll();
      if (encoder != null) {
        encoder.close();
        encoder = null;
      }
      cursors.clear();
    }
  }
}
