package io.emostream.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;

/**
 * Fixed sinusoidal position encodings (Vaswani et al.), added to encoder inputs. No weights, so
 * any length works. The longest table built so far is kept (rows are contiguous, so every shorter
 * length is a prefix of it); it is rebuilt only when a longer sequence or another width arrives.
 */
final class PositionalEncoding {

  private record Table(int width, int length, float[] values) {}

  private static volatile Table cached = new Table(0, 0, new float[0]);

  private PositionalEncoding() {}

  /** {@code x} (B, T, D) plus the encodings of positions 0..T-1. */
  static NDArray add(NDArray x) {
    int t = (int) x.getShape().get(1);
    int d = (int) x.getShape().get(2);
    Table table = cached;
    if (table.width() != d || table.length() < t) {
      table = build(d, Math.max(t, table.width() == d ? 2 * table.length() : t));
      cached = table;
    }
    NDArray pe = x.getManager().create(FloatBuffer.wrap(table.values(), 0, t * d), new Shape(1, t, d));
    return x.add(pe);
  }

  private static Table build(int d, int length) {
    float[] values = new float[length * d];
    for (int pos = 0; pos < length; pos++) {
      for (int i = 0; i < d; i += 2) {
        double angle = pos / Math.pow(10_000.0, (double) i / d);
        values[pos * d + i] = (float) Math.sin(angle);
        if (i + 1 < d) {
          values[pos * d + i + 1] = (float) Math.cos(angle);
        }
      }
    }
    return new Table(d, length, values);
  }
}
