package io.emostream.demo;

import io.emostream.schemas.calls.CallDirectory;
import io.emostream.schemas.calls.CallRecording;
import io.emostream.schemas.calls.CallReplayPlan;
import io.emostream.schemas.calls.ReplayRecord;
import io.emostream.schemas.calls.ReplaySettings;
import io.emostream.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a directory of recorded calls onto the input topics as a contact-centre platform
 * would publish them: CALL_STARTED, audio chunks and final transcripts as the call goes on,
 * CALL_ENDED at the end, paced by the recording's own clock (scaled by {@code speed}). Calls
 * start a few seconds apart so they overlap like live traffic; with {@code loop} the set is
 * replayed again under new call ids until {@link #close()}.
 */
public final class CallReplayer implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CallReplayer.class);
  private static final long STAGGER_MS = 4_000;

  private final Path directory;
  private final TopicNames topics;
  private final KafkaProducer<String, SpecificRecord> producer;
  private final double speed;
  private final boolean loop;
  private volatile boolean stopped;

  /**
   * @param serializer Avro serializer of the input records (value side, configured)
   * @param speed      1 = real time, 2 = twice as fast
   */
  public CallReplayer(Path directory, TopicNames topics, String bootstrapServers,
                      Serializer<SpecificRecord> serializer, double speed, boolean loop) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("replay speed must be above 0, got " + speed);
    }
    this.directory = Objects.requireNonNull(directory, "directory");
    this.topics = topics;
    this.speed = speed;
    this.loop = loop;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024,
        ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), serializer);
    CallDirectory.callIds(directory);
  }

  /** Replays until done (or forever with {@code loop}) or until closed. */
  @Override
  public void run() {
    int round = 0;
    do {
      replayRound(round++);
    } while (loop && !stopped);
  }

  private void replayRound(int round) {
    List<ReplayRecord> all = new ArrayList<>();
    List<String> ids = CallDirectory.callIds(directory);
    for (int i = 0; i < ids.size(); i++) {
      CallRecording recording = CallRecording.load(directory, ids.get(i));
      String callId = round == 0 ? recording.callId() : recording.callId() + "-r" + round;
      long offset = i * STAGGER_MS;
      for (ReplayRecord r : CallReplayPlan.of(recording, callId, ReplaySettings.defaults(), Instant.now()).records()) {
        all.add(new ReplayRecord(r.dueMs() + offset, r.stream(), r.callId(), r.value()));
      }
    }
    all.sort(Comparator.comparingLong(ReplayRecord::dueMs));
    LOG.info("Replaying {} call(s) from {} ({} records, speed {}x)", ids.size(), directory, all.size(), speed);
    long start = System.nanoTime();
    for (ReplayRecord r : all) {
      if (!waitUntil(start, (long) (r.dueMs() / speed))) {
        return;
      }
      producer.send(new ProducerRecord<>(topicOf(r), r.callId(), r.value()), (meta, e) -> {
        if (e != null) {
          LOG.warn("Could not send a replayed record of call {}: {}", r.callId(), e.getMessage());
        }
      });
    }
    producer.flush();
  }

  private boolean waitUntil(long startNanos, long dueMs) {
    while (!stopped) {
      long waitMs = dueMs - Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
      if (waitMs <= 0) {
        return true;
      }
      producer.flush();
      try {
        Thread.sleep(Math.min(waitMs, 100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private String topicOf(ReplayRecord r) {
    return switch (r.stream()) {
      case AUDIO -> topics.audio();
      case TRANSCRIPTS -> topics.transcripts();
      case EVENTS -> topics.events();
    };
  }

  @Override
  public void close() {
    stopped = true;
    producer.close(Duration.ofSeconds(5));
  }
}
