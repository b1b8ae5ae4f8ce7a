package io.emostream.scoring;

import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.Utterance;
import io.emostream.model.EmotionModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Scores assembled utterances in micro-batches and forwards them, in order, with the call
 * events that surround them.
 *
 * <p>Input: {@link Utterance}s and {@link CallEvent}s from the assembler, keyed by callId.
 * Utterances wait in a changelogged store keyed by an increasing sequence number, so a crash
 * between the input commit and the model call loses nothing; a batch found in the store at
 * start is scored at the first punctuation. The batch is flushed when {@code maxBatch}
 * utterances wait, when the oldest has waited {@code maxDelay} (wall-clock punctuation), or
 * when a call ends: CALL_ENDED is forwarded only after every utterance before it, so
 * downstream processors see a call's last score before its end.
 *
 * <p>Output: each {@link io.emostream.avro.ScoredUtterance} goes to the scored sink and the
 * downstream processors; call events go to the downstream processors; utterances the model
 * cannot score even alone go to the dead-letter sink as Avro bytes with headers naming the
 * cause ({@link DeadLetterHeaders}). One bad utterance never stops the stream thread.
 */
public final class EmotionScorer implements Processor<String, Object, String, Object> {

  private final String storeName;
  private final EmotionModel model;
  private final LabelMapping labels;
  private final BatchScorer.Sleeper sleeper;
  private final ScoringConfig config;
  private final Serde<Utterance> utteranceSerde;
  private final ScorerChildren children;

  private ProcessorContext<String, Object> context;
  private BatchScorer scorer;
  private KeyValueStore<Long, PendingUtterance> store;
  private long nextSequence;
  private int pendingCount;
  private long oldestEnqueuedAtMs;
  /** A batch restored at start is flushed at once: its age is unknown to this instance. */
  private boolean restoredPending;
  private boolean loaded;

  /**
   * @param storeName      the pending-batch store: Long sequence to {@link PendingUtterance}
   * @param model          the (shared) model; not closed by the scorer
   * @param labels         the model's label mapping, checked when the topology was built
   * @param config         batching, retry and text settings
   * @param utteranceSerde writes dead-lettered utterances
   * @param children       where results go
   * @param sleeper        pauses between retries
   */
  EmotionScorer(String storeName, EmotionModel model, LabelMapping labels, ScoringConfig config,
      Serde<Utterance> utteranceSerde, ScorerChildren children, BatchScorer.Sleeper sleeper) {
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.model = Objects.requireNonNull(model, "model");
    this.labels = Objects.requireNonNull(labels, "labels");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.config = Objects.requireNonNull(config, "config");
    this.utteranceSerde = Objects.requireNonNull(utteranceSerde, "utteranceSerde");
    this.children = Objects.requireNonNull(children, "children");
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.scorer = new BatchScorer(model, labels, config, context::currentSystemTimeMs, sleeper);
    this.loaded = false;
    context.schedule(config.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
  }

  /**
   * Reads what the store holds (a batch restored from the changelog) before the first record
   * or punctuation, not in init: that is when restored state is guaranteed to be in place.
   */
  private void loadOnce() {
    if (loaded) {
      return;
    }
    loaded = true;
    long maxSequence = -1;
    pendingCount = 0;
    oldestEnqueuedAtMs = Long.MAX_VALUE;
    try (KeyValueIterator<Long, PendingUtterance> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<Long, PendingUtterance> entry = all.next();
        maxSequence = Math.max(maxSequence, entry.key);
        oldestEnqueuedAtMs = Math.min(oldestEnqueuedAtMs, entry.value.enqueuedAtMs());
        pendingCount++;
      }
    }
    nextSequence = maxSequence + 1;
    restoredPending = pendingCount > 0;
  }

  @Override
  public void process(Record<String, Object> record) {
    loadOnce();
    Object value = record.value();
    if (value instanceof Utterance utterance) {
      long now = context.currentSystemTimeMs();
      store.put(nextSequence++, new PendingUtterance(record.timestamp(), now, utterance));
      if (pendingCount == 0) {
        oldestEnqueuedAtMs = now;
      }
      pendingCount++;
      if (pendingCount >= config.maxBatch() || config.maxDelay().isZero()) {
        flush();
      }
    } else if (value instanceof CallEvent event) {
      if (event.getType() == CallEventType.CALL_ENDED && pendingCount > 0) {
        flush();
      }
      for (String child : children.downstream()) {
        context.forward(record, child);
      }
    } else {
      throw new IllegalArgumentException("EmotionScorer got a "
          + (value == null ? "null value" : value.getClass().getName()) + " for key " + record.key()
          + "; it accepts Utterance and CallEvent only (check the topology wiring)");
    }
  }

  private void onWallClock(long nowMs) {
    loadOnce();
    if (pendingCount > 0
        && (restoredPending || nowMs - oldestEnqueuedAtMs >= config.maxDelay().toMillis())) {
      flush();
    }
  }

  /** Scores everything pending, in arrival order, in batches of at most maxBatch. */
  private void flush() {
    List<KeyValue<Long, PendingUtterance>> batch = new ArrayList<>(config.maxBatch());
    try (KeyValueIterator<Long, PendingUtterance> all = store.all()) {
      while (all.hasNext()) {
        batch.add(all.next());
        if (batch.size() == config.maxBatch()) {
          scoreAndForward(batch);
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      scoreAndForward(batch);
    }
    pendingCount = 0;
    restoredPending = false;
    oldestEnqueuedAtMs = Long.MAX_VALUE;
  }

  private void scoreAndForward(List<KeyValue<Long, PendingUtterance>> batch) {
    List<PendingUtterance> pending = new ArrayList<>(batch.size());
    for (KeyValue<Long, PendingUtterance> entry : batch) {
      pending.add(entry.value);
    }
    List<ScoreOutcome> outcomes = scorer.score(pending);
    for (int i = 0; i < outcomes.size(); i++) {
      ScoreOutcome outcome = outcomes.get(i);
      if (outcome instanceof ScoreOutcome.Scored scored) {
        Record<String, Object> out = new Record<>(scored.scored().getCallId(),
            (Object) scored.scored(), scored.pending().recordTimestamp());
        context.forward(out, children.scoredSink());
        for (String child : children.downstream()) {
          context.forward(out, child);
        }
      } else if (outcome instanceof ScoreOutcome.Failed failed) {
        deadLetter(failed);
      }
      store.delete(batch.get(i).key);
    }
  }

  private void deadLetter(ScoreOutcome.Failed failed) {
    Utterance utterance = failed.pending().utterance();
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.REASON, utf8(failed.reason()));
    headers.add(DeadLetterHeaders.EXCEPTION, utf8(failed.cause().getClass().getName()));
    headers.add(DeadLetterHeaders.STAGE, utf8("scoring"));
    headers.add(DeadLetterHeaders.CALL_ID, utf8(utterance.getCallId()));
    headers.add(DeadLetterHeaders.UTTERANCE_ID, utf8(utterance.getUtteranceId()));
    headers.add(DeadLetterHeaders.VALUE_TYPE, utf8(Utterance.class.getName()));
    // Serialized under the batch store's name: the dead-letter topic mixes value types, so
    // registering Utterance under its subject would make unrelated types clash there.
    byte[] bytes = utteranceSerde.serializer().serialize(storeName, utterance);
    context.forward(new Record<String, Object>(utterance.getCallId(), bytes,
        failed.pending().recordTimestamp(), headers), children.deadLetterSink());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
