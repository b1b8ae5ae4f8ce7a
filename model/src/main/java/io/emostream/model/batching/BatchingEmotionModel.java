package io.emostream.model.batching;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.ModelInfo;
import io.emostream.model.StagedEmotionModel;
import io.emostream.model.UtteranceInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares one {@link EmotionModel} between many threads by batching their utterances
 * dynamically, like a model server's batch aggregator.
 *
 * <p>Callers {@link #submit} utterances (or call the blocking {@link #predict}); one worker
 * thread cuts a batch when {@code maxBatch} utterances wait or when the oldest has waited
 * {@code maxDelay}, whichever comes first, choosing neighbours of similar length (see
 * {@link BatchPlanner}) and always including the oldest. The queue is bounded in utterances:
 * {@code submit} blocks for room up to {@code submitTimeout}, then throws
 * {@link QueueFullException}. When a model call fails, the batch's utterances are scored one by
 * one, so only an utterance that fails alone fails its caller's future (with the model's
 * exception as the cause); other batches go on.
 *
 * <p>Callers that must not block (the stream threads) use {@link #submitOne} and collect the
 * future later: while the model scores one batch, the queue fills with the next, so under load
 * every model call takes a full batch from all threads and tasks at once. On a GPU the same holds:
 * the next batch is cut the moment the device returns the previous one.
 *
 * <p>A {@link StagedEmotionModel} (the built-in model) is used in two stages: {@code
 * prepareThreads} preparer threads take queued utterances oldest first and compute their features
 * and tokens as they arrive, in parallel, while the worker runs the previous batch through the
 * network; the worker cuts batches from prepared utterances only. Feature work thus never queues
 * behind inference (nor inference behind it), and a device always has its next batch prepared
 * when it returns. An utterance its preparation fails on fails alone. Other models are called with
 * the raw utterances on the worker thread.
 *
 * <p>One instance per JVM is the intent: it owns the wrapped model and closes it in
 * {@link #close()}. Thread-safe.
 */
public final class BatchingEmotionModel implements EmotionModel {

  private static final Logger LOG = LoggerFactory.getLogger(BatchingEmotionModel.class);

  private final EmotionModel model;
  private final StagedEmotionModel<Object> staged; // null: a plain model, called with raw inputs
  private final BatchingConfig config;
  private final BatchingListener listener;
  private final BatchingStats stats;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final Condition preparable = lock.newCondition();
  private final List<PendingUtterance> pending = new ArrayList<>(); // oldest first; guarded by lock
  private final ArrayDeque<PendingUtterance> unprepared = new ArrayDeque<>(); // oldest first; guarded by lock
  private final Thread worker;
  private final List<Thread> preparers = new ArrayList<>();
  private final boolean ownsModel;
  private boolean closing; // guarded by lock
  private volatile int queued;

  /** Batches for {@code model} with {@code config} and no external listener. */
  public BatchingEmotionModel(EmotionModel model, BatchingConfig config) {
    this(model, config, BatchingListener.NONE);
  }

  /**
   * Starts the worker thread.
   *
   * @param model    the model to share; owned (closed) by this batcher from now on
   * @param config   batch size, delay and queue bounds
   * @param listener receives every batch and rejection (e.g. to feed Prometheus); not null
   */
  public BatchingEmotionModel(EmotionModel model, BatchingConfig config, BatchingListener listener) {
    this(model, config, listener, true);
  }

  /**
   * A batcher in front of {@code model} that leaves it open on {@link #close()}: for a caller
   * that owns the model and shares it beyond this batcher's life.
   */
  public static BatchingEmotionModel borrowing(EmotionModel model, BatchingConfig config) {
    return new BatchingEmotionModel(model, config, BatchingListener.NONE, false);
  }

  @SuppressWarnings("unchecked") // the batcher hands run() only what prepare() returned
  private BatchingEmotionModel(EmotionModel model, BatchingConfig config, BatchingListener listener,
                               boolean ownsModel) {
    this.ownsModel = ownsModel;
    this.model = Objects.requireNonNull(model, "model");
    this.staged = model instanceof StagedEmotionModel<?> s ? (StagedEmotionModel<Object>) s : null;
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.stats = new BatchingStats(config.maxBatch());
    this.worker = new Thread(this::runWorker, "emostream-batcher");
    this.worker.setDaemon(true);
    if (staged != null) {
      for (int i = 0; i < config.prepareThreads(); i++) {
        Thread preparer = new Thread(this::runPreparer, "emostream-batcher-prepare-" + i);
        preparer.setDaemon(true);
        preparers.add(preparer);
      }
    }
    this.worker.start();
    preparers.forEach(Thread::start);
  }

  @Override
  public ModelInfo info() {
    return model.info();
  }

  /** The configuration this batcher runs with. */
  public BatchingConfig config() {
    return config;
  }

  /** Counters since start: batches, sizes, queue and model times, padding, failures. */
  public BatchingSnapshot metrics() {
    return stats.snapshot(queued);
  }

  /**
   * Queues {@code utterances} for scoring and returns at once, or after waiting for queue room.
   *
   * @return completes with one prediction per input in input order, or exceptionally with the
   *     model's exception when a batch holding any of them fails
   * @throws QueueFullException when there is no room for all of them within the submit timeout
   * @throws IllegalArgumentException when more utterances are submitted at once than the queue holds
   * @throws ModelException when the batcher is closed, or the caller is interrupted while waiting
   */
  public CompletableFuture<List<EmotionPrediction>> submit(List<UtteranceInput> utterances) {
    Objects.requireNonNull(utterances, "utterances");
    if (utterances.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return enqueue(utterances).future()
        .thenApply(results -> results.stream().map(BatchedPrediction::prediction).toList());
  }

  /**
   * Queues one utterance and returns at once (or after waiting for queue room): the stream
   * thread that submits it goes on assembling while the model works, and collects the result
   * when the future is done. Its batch's size and times come with the prediction.
   *
   * @return completes with the prediction, or exceptionally with the model's exception when the
   *     utterance fails even in a batch of its own (see the class comment)
   * @throws QueueFullException when there is no room within the submit timeout
   * @throws ModelException when the batcher is closed, or the caller is interrupted while waiting
   */
  public CompletableFuture<BatchedPrediction> submitOne(UtteranceInput utterance) {
    Objects.requireNonNull(utterance, "utterance");
    return enqueue(List.of(utterance)).future().thenApply(results -> results.get(0));
  }

  private PendingRequest enqueue(List<UtteranceInput> utterances) {
    int count = utterances.size();
    if (count > config.queueCapacity()) {
      throw new IllegalArgumentException("submit of " + count + " utterances exceeds the queue capacity of "
          + config.queueCapacity() + "; split the list or raise the queue capacity");
    }
    PendingRequest request = new PendingRequest(count);
    lock.lock();
    try {
      awaitRoom(count);
      long now = System.nanoTime();
      for (int i = 0; i < count; i++) {
        PendingUtterance u = new PendingUtterance(request, i, utterances.get(i), now);
        pending.add(u);
        if (staged == null) {
          u.markReady(u.input());
        } else {
          unprepared.add(u);
        }
      }
      queued = pending.size();
      if (staged == null) {
        notEmpty.signal();
      } else {
        preparable.signalAll();
      }
    } finally {
      lock.unlock();
    }
    return request;
  }

  /** Scores {@code batch} through the shared queue and waits for the result. */
  @Override
  public List<EmotionPrediction> predict(List<UtteranceInput> batch) {
    try {
      return submit(batch).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      throw new ModelException("batched prediction failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * Stops taking work, lets the worker score what is queued (for up to the close timeout),
   * fails whatever is still queued after that, stops the worker and closes the model.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closing) {
        return;
      }
      closing = true;
      notEmpty.signalAll();
      notFull.signalAll();
      preparable.signalAll();
    } finally {
      lock.unlock();
    }
    if (!join(config.closeTimeout().toMillis())) {
      List<PendingUtterance> abandoned;
      lock.lock();
      try {
        abandoned = new ArrayList<>(pending);
        pending.clear();
        unprepared.clear();
        queued = 0;
      } finally {
        lock.unlock();
      }
      ModelException closed = new BatcherClosedException("the batching model was closed after "
          + config.closeTimeout() + " before " + abandoned.size() + " queued utterance(s) were scored");
      abandoned.forEach(u -> u.request().fail(closed));
      worker.interrupt();
      join(config.closeTimeout().toMillis());
    }
    preparers.forEach(Thread::interrupt); // idle or abandoned by now: the worker has stopped

    if (ownsModel) {
      model.close();
    }
  }

  private void awaitRoom(int count) {
    long remaining = config.submitTimeout().toNanos();
    try {
      while (!closing && pending.size() + count > config.queueCapacity()) {
        if (remaining <= 0) {
          stats.onRejected(count);
          listener(l -> l.onRejected(count));
          throw new QueueFullException("the model queue stayed full (" + pending.size() + " of "
              + config.queueCapacity() + " utterances) for " + config.submitTimeout().toMillis()
              + " ms, so " + count + " utterance(s) were not queued: the model is slower than the"
              + " input rate; retry later, add instances, or use a faster device");
        }
        remaining = notFull.awaitNanos(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted while waiting for room in the model queue", e);
    }
    if (closing) {
      throw new BatcherClosedException("the batching model is closed; no more utterances are accepted");
    }
  }

  private void runWorker() {
    try {
      List<PendingUtterance> batch;
      while ((batch = nextBatch()) != null) {
        score(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for the size or delay trigger; {@code null} when closing and nothing is left. Only
   * prepared utterances go into a batch: a batch is cut when {@code maxBatch} are prepared, or
   * when the oldest waiting utterance is prepared and has waited {@code maxDelay} (then with every
   * prepared one, up to {@code maxBatch}). Preparers work oldest first, so the oldest is never
   * long behind.
   */
  private List<PendingUtterance> nextBatch() throws InterruptedException {
    long maxDelay = config.maxDelay().toNanos();
    lock.lock();
    try {
      while (true) {
        pending.removeIf(u -> u.request().isDone()); // failed elsewhere or cancelled
        if (pending.isEmpty()) {
          if (closing) {
            return null;
          }
          notEmpty.await();
          continue;
        }
        PendingUtterance oldest = pending.get(0);
        List<PendingUtterance> ready = new ArrayList<>();
        for (PendingUtterance u : pending) {
          if (u.ready()) {
            ready.add(u);
          }
        }
        long wait = oldest.enqueuedNanos() + maxDelay - System.nanoTime();
        if (ready.size() >= config.maxBatch() || (oldest.ready() && (closing || wait <= 0))) {
          List<PendingUtterance> batch = BatchPlanner.take(ready, config.maxBatch());
          Set<PendingUtterance> taken = Collections.newSetFromMap(new IdentityHashMap<>());
          taken.addAll(batch);
          pending.removeIf(taken::contains);
          queued = pending.size();
          notFull.signalAll();
          return batch;
        }
        if (oldest.ready() && wait > 0) {
          notEmpty.awaitNanos(wait);
        } else {
          notEmpty.await(); // a preparer signals when it finishes one
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * A preparer: takes the oldest unprepared utterance, prepares it outside the lock (in parallel
   * with the other preparers and with the worker's model run), and marks it ready for a batch.
   * Stops when the batcher closes and nothing is left to prepare, or when interrupted.
   */
  private void runPreparer() {
    while (true) {
      PendingUtterance u;
      lock.lock();
      try {
        while (unprepared.isEmpty()) {
          if (closing) {
            return;
          }
          preparable.await();
        }
        u = unprepared.poll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      Object prepared = null;
      Throwable failure = null;
      if (!u.request().isDone()) {
        try {
          prepared = staged.prepare(u.input());
        } catch (Throwable t) { // belongs to this utterance's caller, never to the preparer
          failure = t;
          LOG.warn("model could not prepare utterance {}: {}", u.input().id(), t.toString());
        }
      }
      if (failure != null) {
        u.request().fail(failure); // the worker drops it with the other done requests
      }
      lock.lock();
      try {
        u.markReady(prepared);
        notEmpty.signal();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Scores a batch; when it fails and holds more than one utterance, scores each of them alone,
   * so that one poison utterance fails only its own caller and not the neighbours it was
   * batched with (callers cannot isolate it: they never see who shared their batch).
   */
  private void score(List<PendingUtterance> batch) {
    Throwable failure = scoreOnce(batch);
    if (failure == null || batch.size() == 1) {
      if (failure != null) {
        batch.get(0).request().fail(failure);
      }
      return;
    }
    LOG.warn("model batch of {} utterances failed ({}); scoring them one by one", batch.size(), failure.toString());
    for (PendingUtterance u : batch) {
      Throwable alone = scoreOnce(List.of(u));
      if (alone != null) {
        u.request().fail(alone);
      }
    }
  }

  /** One model call; completes the batch's slots and returns null, or returns why it failed. */
  private Throwable scoreOnce(List<PendingUtterance> batch) {
    List<UtteranceInput> inputs = new ArrayList<>(batch.size());
    List<Object> prepared = new ArrayList<>(batch.size());
    long start = System.nanoTime();
    long maxQueue = 0;
    long sumQueue = 0;
    for (PendingUtterance u : batch) {
      inputs.add(u.input());
      prepared.add(u.prepared());
      long waited = start - u.enqueuedNanos();
      maxQueue = Math.max(maxQueue, waited);
      sumQueue += waited;
    }
    List<EmotionPrediction> predictions = null;
    Throwable failure = null;
    try {
      predictions = staged != null ? staged.run(prepared) : model.predict(inputs);
      if (predictions == null || predictions.size() != inputs.size()) {
        throw new ModelException("model " + model.info().name() + " returned "
            + (predictions == null ? "null" : predictions.size() + " predictions") + " for "
            + inputs.size() + " utterances");
      }
    } catch (Throwable t) { // any failure belongs to this batch's callers, never to the worker
      failure = t;
      LOG.warn("model batch of {} utterances failed (first id {}): {}",
          batch.size(), inputs.get(0).id(), t.toString());
    }
    long modelNanos = System.nanoTime() - start;
    // Metrics first, so a caller that sees its result also sees its batch counted.
    BatchEvent event = new BatchEvent(batch.size(), maxQueue, sumQueue / batch.size(),
        modelNanos, Padding.audio(inputs), Padding.text(inputs), failure);
    stats.onBatch(event);
    listener(l -> l.onBatch(event));
    if (failure == null) {
      for (int i = 0; i < batch.size(); i++) {
        PendingUtterance u = batch.get(i);
        u.request().complete(u.index(), new BatchedPrediction(predictions.get(i), batch.size(),
            start - u.enqueuedNanos(), modelNanos));
      }
    }
    return failure;
  }

  private void listener(java.util.function.Consumer<BatchingListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn("batching listener {} threw; ignored", listener, e);
    }
  }

  private boolean join(long millis) {
    try {
      worker.join(Math.max(1, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !worker.isAlive();
  }

  /** Share of a padded batch that is padding, per modality. */
  static final class Padding {
    private Padding() {}

    static double audio(List<UtteranceInput> batch) {
      return ratio(batch.stream().mapToInt(u -> u.audio() == null ? 0 : u.audio().length).toArray());
    }

    static double text(List<UtteranceInput> batch) {
      return ratio(batch.stream().mapToInt(u -> u.text() == null ? 0 : u.text().length()).toArray());
    }

    private static double ratio(int[] lengths) {
      long max = 0;
      long sum = 0;
      for (int length : lengths) {
        max = Math.max(max, length);
        sum += length;
      }
      return max == 0 ? 0 : 1.0 - (double) sum / (max * lengths.length);
    }
  }
}
