package io.emostream.model.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (true class, predicted class) and the metrics emotion recognition reports from them:
 * WA (weighted accuracy = plain accuracy), UA (unweighted accuracy = mean per-class recall, the
 * headline number on imbalanced corpora like IEMOCAP) and macro-F1.
 *
 * <p>Mutable while counting ({@link #add}); not thread-safe.
 */
public final class ConfusionMatrix {

  private final List<String> labels;
  private final long[][] counts;

  public ConfusionMatrix(List<String> labels) {
    this.labels = List.copyOf(labels);
    this.counts = new long[labels.size()][labels.size()];
  }

  /** A matrix from given counts ({@code counts[true][predicted]}), e.g. for tests and reports. */
  public static ConfusionMatrix of(List<String> labels, long[][] counts) {
    ConfusionMatrix m = new ConfusionMatrix(labels);
    if (counts.length != labels.size()) {
      throw new IllegalArgumentException(counts.length + " rows for " + labels.size() + " labels");
    }
    for (int t = 0; t < counts.length; t++) {
      if (counts[t].length != labels.size()) {
        throw new IllegalArgumentException("row " + t + " has " + counts[t].length + " columns for "
            + labels.size() + " labels");
      }
      System.arraycopy(counts[t], 0, m.counts[t], 0, counts[t].length);
    }
    return m;
  }

  /** Counts one example. */
  public void add(int trueIndex, int predictedIndex) {
    counts[trueIndex][predictedIndex]++;
  }

  public List<String> labels() {
    return labels;
  }

  /** The count of examples of class {@code trueIndex} predicted as {@code predictedIndex}. */
  public long count(int trueIndex, int predictedIndex) {
    return counts[trueIndex][predictedIndex];
  }

  /** Number of examples counted. */
  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long c : row) {
        total += c;
      }
    }
    return total;
  }

  /** WA: correct / total (0 when empty). */
  public double weightedAccuracy() {
    long correct = 0;
    for (int i = 0; i < counts.length; i++) {
      correct += counts[i][i];
    }
    long total = total();
    return total == 0 ? 0 : (double) correct / total;
  }

  /** UA: mean recall over the classes that have examples. */
  public double unweightedAccuracy() {
    double sum = 0;
    int present = 0;
    for (ClassMetrics c : perClass()) {
      if (c.support() > 0) {
        sum += c.recall();
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }

  /** Macro-F1: mean F1 over the classes that have examples or predictions. */
  public double macroF1() {
    double sum = 0;
    int present = 0;
    for (int i = 0; i < counts.length; i++) {
      if (rowSum(i) > 0 || columnSum(i) > 0) {
        sum += perClass().get(i).f1();
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }

  /** Precision, recall and F1 per class, in label order. */
  public List<ClassMetrics> perClass() {
    List<ClassMetrics> out = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      long tp = counts[i][i];
      long support = rowSum(i);
      long predicted = columnSum(i);
      double precision = predicted == 0 ? 0 : (double) tp / predicted;
      double recall = support == 0 ? 0 : (double) tp / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      out.add(new ClassMetrics(labels.get(i), support, precision, recall, f1));
    }
    return out;
  }

  private long rowSum(int i) {
    long s = 0;
    for (long c : counts[i]) {
      s += c;
    }
    return s;
  }

  private long columnSum(int j) {
    long s = 0;
    for (long[] row : counts) {
      s += row[j];
    }
    return s;
  }
}
