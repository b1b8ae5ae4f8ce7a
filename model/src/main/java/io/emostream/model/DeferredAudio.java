package io.emostream.model;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An utterance's 16 kHz samples that are computed when the model first needs them, not when the
 * utterance is handed over. The pipeline's stream thread is its one serial resource; resampling
 * a telephony utterance to 16 kHz is its largest single cost, and the batcher's preparer threads
 * (which compute features on every core) can do it instead. The length is known up front, so the
 * batcher can sort and size batches without computing the samples.
 *
 * <p>Thread-safe: the samples are computed at most once and then shared; callers must not change
 * the array.
 */
public final class DeferredAudio {

  private final int length;
  private final Supplier<float[]> compute;
  private volatile float[] samples;

  /**
   * @param length  how many 16 kHz samples {@code compute} returns (positive)
   * @param compute computes them; called at most once, on whichever thread first asks
   */
  public DeferredAudio(int length, Supplier<float[]> compute) {
    if (length <= 0) {
      throw new IllegalArgumentException("deferred audio needs a positive length, got " + length);
    }
    this.length = length;
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  /** Number of 16 kHz samples. */
  public int length() {
    return length;
  }

  /** The samples, computed on the first call. */
  public float[] samples() {
    float[] s = samples;
    if (s == null) {
      synchronized (this) {
        s = samples;
        if (s == null) {
          s = compute.get();
          if (s == null || s.length != length) {
            throw new IllegalStateException("deferred audio promised " + length + " samples but computed "
                + (s == null ? "none" : s.length));
          }
          samples = s;
        }
      }
    }
    return s;
  }

  /** Whether {@link #samples} has been computed already. */
  public boolean computed() {
    return samples != null;
  }
}
