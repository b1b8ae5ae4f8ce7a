package io.emostream.scoring;

import io.emostream.audio.SourceAudio;
import io.emostream.avro.CallEvent;
import io.emostream.avro.Utterance;
import io.emostream.common.AssembledFlow;
import io.emostream.common.CallFlow;
import io.emostream.common.LabelMapping;
import io.emostream.deadletters.DeadLetter;
import io.emostream.deadletters.DeadLetterReason;
import io.emostream.deadletters.DeadLetterStage;
import io.emostream.deadletters.DeadLetters;
import io.emostream.model.ModelInfo;
import io.emostream.model.UtteranceInput;
import io.emostream.model.batching.BatchedPrediction;
import io.emostream.model.batching.BatcherClosedException;
import io.emostream.model.batching.QueueFullException;
import io.emostream.scoring.ScoredUtterances.BatchTiming;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores assembled utterances without blocking the stream thread, and forwards them, in
 * arrival order, with the call events that surround them.
 *
 * <p>Each utterance is written to a changelogged pending store and handed to the model at once
 * ({@link AsyncInference}: the JVM's shared batcher, which merges the utterances of every task
 * and thread into full model batches). The stream thread goes on assembling; finished results
 * are collected on the next record or on a {@value #POLL_MS} ms wall-clock punctuation and
 * forwarded in the order their records arrived, so a call's CALL_ENDED, which waits in the same
 * queue, still follows its last score. An entry leaves the pending store only in the transaction
 * that forwards its result (exactly-once): after a crash or a rebalance the task that restores the
 * store submits what it finds there again.
 *
 * <p>In-flight work is bounded: with {@code inference.max-in-flight} entries waiting, the stream
 * thread waits for the oldest result before it takes the next record (back-pressure when the
 * model falls behind); the batcher's queue is bounded as well. An utterance the model fails on
 * (alone: the batcher isolates failing batches) is retried after a doubling backoff without
 * holding the thread, then sent to the dead-letter sink as Avro bytes with headers naming the
 * cause ({@link io.emostream.deadletters.DeadLetterHeaders}, stage {@code scoring}). One bad utterance never
 * stops the stream thread.
 */
public final class EmotionScorer implements Processor<String, AssembledFlow, String, CallFlow> {

  private static final Logger LOG = LoggerFactory.getLogger(EmotionScorer.class);
  private static final long POLL_MS = 10;
  private static final long BACK_PRESSURE_WAIT_MS = 50;
  private static final int MAX_FORWARD_ATTEMPTS = 5;

  private final String storeName;
  private final AsyncInference inference;
  private final ModelInfo info;
  private final LabelMapping labels;
  private final ScoringConfig config;
  private final Serde<Utterance> utteranceSerde;
  private final ScorerChildren children;

  private ProcessorContext<String, CallFlow> context;
  private DeadLetters deadLetters;
  private KeyValueStore<Long, PendingEntry> store;
  private final ArrayDeque<Slot> slots = new ArrayDeque<>();
  private long nextSequence;
  private boolean loaded;

  /** One pending entry between its arrival and the forward of its result. */
  private static final class Slot {
    final long sequence;
    final PendingEntry entry;
    CompletableFuture<BatchedPrediction> future;
    long submittedAtMs;
    long retryAtMs;
    int failures;
    int forwardAttempts;
    ScoreOutcome outcome;

    Slot(long sequence, PendingEntry entry) {
      this.sequence = sequence;
      this.entry = entry;
    }

    boolean resolved() {
      return outcome != null || entry.value() instanceof CallEvent;
    }
  }

  /**
   * @param storeName      the pending store: Long sequence to {@link PendingEntry}
   * @param inference      hands utterances to the (shared) model; the model is not closed here
   * @param info           the model's name, version and labels
   * @param labels         the model's label mapping, checked when the topology was built
   * @param config         retry, in-flight and text settings
   * @param utteranceSerde writes dead-lettered utterances
   * @param children       where results go
   */
  EmotionScorer(String storeName, AsyncInference inference, ModelInfo info, LabelMapping labels,
      ScoringConfig config, Serde<Utterance> utteranceSerde, ScorerChildren children) {
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.inference = Objects.requireNonNull(inference, "inference");
    this.info = Objects.requireNonNull(info, "info");
    this.labels = Objects.requireNonNull(labels, "labels");
    this.config = Objects.requireNonNull(config, "config");
    this.utteranceSerde = Objects.requireNonNull(utteranceSerde, "utteranceSerde");
    this.children = Objects.requireNonNull(children, "children");
  }

  @Override
  public void init(ProcessorContext<String, CallFlow> context) {
    this.context = context;
    this.deadLetters = new DeadLetters(context, children.deadLetterSink(), DeadLetterStage.SCORING);
    this.store = context.getStateStore(storeName);
    this.loaded = false;
    context.schedule(java.time.Duration.ofMillis(POLL_MS), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
  }

  /**
   * Submits what the store holds (entries restored from the changelog) before the first record
   * or punctuation, not in init: that is when restored state is guaranteed to be in place.
   */
  private void loadOnce(long now) {
    if (loaded) {
      return;
    }
    loaded = true;
    long maxSequence = -1;
    try (KeyValueIterator<Long, PendingEntry> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<Long, PendingEntry> kv = all.next();
        maxSequence = Math.max(maxSequence, kv.key);
        Slot slot = new Slot(kv.key, kv.value);
        slots.add(slot);
        if (!slot.resolved()) {
          submit(slot, now);
        }
      }
    }
    nextSequence = maxSequence + 1;
    if (!slots.isEmpty()) {
      LOG.info("Scorer task {} resumes {} pending entries from its store", context.taskId(), slots.size());
    }
  }

  @Override
  public void process(Record<String, AssembledFlow> record) {
    long now = context.currentSystemTimeMs();
    loadOnce(now);
    AssembledFlow flow = Objects.requireNonNull(record.value(),
        () -> "EmotionScorer got a null value for key " + record.key() + " (check the topology wiring)");
    if (flow instanceof AssembledFlow.Spoken spoken) {
      enqueue(record.timestamp(), spoken.utterance(), spoken.source(), now);
    } else if (flow instanceof AssembledFlow.Event e) {
      if (slots.isEmpty()) {
        forwardDownstream(record.withValue(new CallFlow.Event(e.event())));
      } else {
        enqueue(record.timestamp(), e.event(), null, now); // it must follow the scores of the utterances before it
      }
    }
    drain(now);
    awaitRoom();
  }

  private void onWallClock(long now) {
    loadOnce(now);
    drain(now);
  }

  private void enqueue(long recordTimestamp, Object value, SourceAudio source, long now) {
    long sequence = nextSequence++;
    PendingEntry entry = new PendingEntry(recordTimestamp, now, value, source);
    store.put(sequence, entry);
    Slot slot = new Slot(sequence, entry);
    slots.add(slot);
    if (!slot.resolved()) {
      submit(slot, now);
    }
  }

  private void submit(Slot slot, long now) {
    PendingUtterance pending = slot.entry.utterance();
    UtteranceInput input;
    try {
      input = ScoredUtterances.toInput(pending.utterance());
    } catch (RuntimeException e) {
      slot.outcome = new ScoreOutcome.Failed(pending, DeadLetterReason.UNSCORABLE, "Utterance " + describe(pending)
          + " cannot be scored: " + e.getMessage(), e);
      return;
    }
    try {
      slot.future = inference.submit(input);
      slot.submittedAtMs = now;
    } catch (QueueFullException | BatcherClosedException e) {
      // not the utterance's fault: try again later, without counting it as an attempt
      LOG.debug("Model not taking {} now ({}); retrying", describe(pending), e.getMessage());
      slot.retryAtMs = now + config.backoffBefore(1).toMillis();
    }
  }

  /** Collects finished model work, resubmits what is due for a retry, forwards what is ready. */
  private void drain(long now) {
    for (Slot slot : slots) {
      if (slot.resolved()) {
        continue;
      }
      if (slot.future == null && now >= slot.retryAtMs) {
        submit(slot, now);
      }
      if (slot.future != null && slot.future.isDone()) {
        collect(slot, now);
      }
    }
    while (!slots.isEmpty() && slots.peekFirst().resolved()) {
      Slot slot = slots.peekFirst();
      if (++slot.forwardAttempts > MAX_FORWARD_ATTEMPTS) {
        LOG.error("Giving up forwarding {} after {} failed attempts (see the errors logged for each); its entry "
            + "is dropped so the task's other results are not held back", describe(slot), MAX_FORWARD_ATTEMPTS);
      } else {
        // a sink that cannot serialize now (e.g. the registry is briefly unavailable) throws here: the slot
        // stays first and is forwarded again on the next record or punctuation
        forward(slot);
      }
      slots.pollFirst();
      // put(null), not delete: delete returns the old value, so the store would deserialise the
      // whole entry (its audio, resampled again for a compact one) just to throw it away
      store.put(slot.sequence, null);
    }
  }

  private void collect(Slot slot, long now) {
    PendingUtterance pending = slot.entry.utterance();
    CompletableFuture<BatchedPrediction> future = slot.future;
    slot.future = null;
    try {
      BatchedPrediction result = future.join();
      double queueMs = result.queueNanos() / 1e6;
      BatchTiming timing = new BatchTiming(slot.submittedAtMs + Math.round(queueMs), now,
          result.modelNanos() / 1e6, result.batchSize());
      slot.outcome = new ScoreOutcome.Scored(pending, ScoredUtterances.build(
          pending, result.prediction(), labels, info, config.textMode(), timing));
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof BatcherClosedException) {
        slot.retryAtMs = now + config.backoffBefore(1).toMillis();
        return;
      }
      slot.failures++;
      if (slot.failures > config.retries()) {
        String reason = "Model " + info.name() + " " + info.version() + " failed on utterance "
            + describe(pending) + " after " + slot.failures + " attempts: " + cause.getMessage();
        LOG.warn("{}; sending it to the dead-letter topic", reason);
        slot.outcome = new ScoreOutcome.Failed(pending, DeadLetterReason.MODEL_FAILED, reason, cause);
      } else {
        LOG.debug("Model attempt {} failed for {}", slot.failures, describe(pending), cause);
        slot.retryAtMs = now + config.backoffBefore(slot.failures).toMillis();
      }
    }
  }

  /**
   * Back-pressure: while the task holds {@code max-in-flight} entries, waits for the oldest
   * submitted one (the stream thread takes no new record meanwhile, so the input backs up in
   * Kafka instead of in memory).
   */
  private void awaitRoom() {
    while (slots.size() >= config.maxInFlight()) {
      Slot oldest = null;
      for (Slot slot : slots) {
        if (!slot.resolved() && slot.future != null) {
          oldest = slot;
          break;
        }
      }
      if (oldest == null) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BACK_PRESSURE_WAIT_MS)); // retries are due later
      } else {
        try {
          oldest.future.get(BACK_PRESSURE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (ExecutionException | TimeoutException | CancellationException e) {
          // collected (or waited for again) below
        }
      }
      drain(context.currentSystemTimeMs());
    }
  }

  private void forward(Slot slot) {
    Object value = slot.entry.value();
    if (value instanceof CallEvent event) {
      forwardDownstream(new Record<>(event.getCallId(), new CallFlow.Event(event), slot.entry.recordTimestamp()));
    } else if (slot.outcome instanceof ScoreOutcome.Scored scored) {
      Record<String, CallFlow> out = new Record<>(scored.scored().getCallId(),
          new CallFlow.Scored(scored.scored()), scored.pending().recordTimestamp());
      context.forward(out, children.scoredSink());
      forwardDownstream(out);
    } else if (slot.outcome instanceof ScoreOutcome.Failed failed) {
      deadLetter(failed);
    }
  }

  private void forwardDownstream(Record<String, CallFlow> record) {
    for (String child : children.downstream()) {
      context.forward(record, child);
    }
  }

  /** Stops waiting for in-flight work; its entries stay in the store for whoever owns the task next. */
  @Override
  public void close() {
    for (Slot slot : slots) {
      if (slot.future != null) {
        slot.future.cancel(false);
      }
    }
    slots.clear();
  }

  /**
   * Sends the utterance, as Avro bytes, to the dead-letter topic. It has no single source record (it
   * was assembled from many), so topic, partition and offset are left unknown; call and utterance id
   * name it.
   */
  private void deadLetter(ScoreOutcome.Failed failed) {
    Utterance utterance = failed.pending().utterance();
    // Serialized under the pending store's name: the dead-letter topic mixes value types, so
    // registering Utterance under its subject would make unrelated types clash there.
    byte[] bytes = utteranceSerde.serializer().serialize(storeName, utterance);
    DeadLetter letter = DeadLetter.of(failed.reason(), DeadLetterStage.SCORING, failed.detail())
        .withError(failed.cause())
        .withIds(utterance.getCallId(), utterance.getUtteranceId());
    deadLetters.send(new Record<>(utterance.getCallId(), bytes, failed.pending().recordTimestamp()),
        utterance.getCallId(), bytes, letter);
  }

  private static String describe(Slot slot) {
    PendingUtterance pending = slot.entry.utterance();
    return pending == null ? "call event " + ((CallEvent) slot.entry.value()).getType() + " of "
        + ((CallEvent) slot.entry.value()).getCallId() : "utterance " + describe(pending);
  }

  private static String describe(PendingUtterance pending) {
    return pending.utterance().getCallId() + "/" + pending.utterance().getUtteranceId();
  }
}
