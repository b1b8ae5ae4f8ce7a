package io.emostream.model.features;

import java.util.Arrays;

/**
 * The log-mel front end: Hann-windowed frames, power spectrum by a radix-2 real FFT, HTK mel
 * filterbank, natural log with a floor, then per-utterance mean/variance normalisation of
 * each bin.
 *
 * <p>Plain Java rather than DJL ops: it runs per utterance before batching (so padding never
 * reaches the statistics), is exact in double precision, and costs well under a millisecond per
 * second of audio. Audio shorter than one window is zero-padded to one frame; the tail that does
 * not fill a whole hop is dropped, like most speech toolkits do. Immutable and thread-safe.
 */
public final class LogMelExtractor {

  private static final double VARIANCE_EPSILON = 1e-5;

  private final FeatureConfig config;
  private final RealFft fft;
  private final double[] window;
  private final MelFilterbank filterbank;
  private final int binsUsed;

  public LogMelExtractor(FeatureConfig config) {
    this.config = config;
    this.fft = new RealFft(config.fftSize());
    this.window = hann(config.windowSamples());
    this.filterbank = new MelFilterbank(config);
    this.binsUsed = filterbank.binsUsed();
  }

  public FeatureConfig config() {
    return config;
  }

  /** The mel filterbank this extractor applies. */
  public MelFilterbank filterbank() {
    return filterbank;
  }

  /** Number of frames {@code samples} audio samples give; at least 1. */
  public int frameCount(int samples) {
    if (samples <= config.windowSamples()) {
      return 1;
    }
    return 1 + (samples - config.windowSamples()) / config.hopSamples();
  }

  /** Normalised log-mel features of {@code audio} (16 kHz samples in [-1, 1]); what the net consumes. */
  public LogMelFeatures extract(float[] audio) {
    LogMelFeatures raw = logMel(audio);
    if (FeatureConfig.FLOORED_CMN.equals(config.normalization())) {
      flooredMeanNormalise(raw, config.dynamicRangeDb());
    } else {
      normalise(raw);
    }
    return raw;
  }

  /** Log-mel energies before normalisation (useful to inspect spectra). */
  public LogMelFeatures logMel(float[] audio) {
    int frames = frameCount(audio.length);
    int bins = config.melBins();
    int n = config.fftSize();
    float[] out = new float[frames * bins];
    double[] frame = new double[n];
    double[] re = new double[n / 2];
    double[] im = new double[n / 2];
    double[] power = new double[n / 2 + 1];
    for (int t = 0; t < frames; t++) {
      int start = t * config.hopSamples();
      Arrays.fill(frame, 0.0);
      int available = Math.min(config.windowSamples(), audio.length - start);
      for (int i = 0; i < available; i++) {
        frame[i] = audio[start + i] * window[i];
      }
      fft.power(frame, power, re, im, binsUsed);
      double[] mel = filterbank.apply(power);
      for (int b = 0; b < bins; b++) {
        out[t * bins + b] = (float) Math.log(Math.max(mel[b], config.logFloor()));
      }
    }
    return new LogMelFeatures(frames, bins, out);
  }

  /** Periodic Hann window (as torch.hann_window), so overlapped frames sum to a constant. */
  static double[] hann(int length) {
    double[] w = new double[length];
    for (int i = 0; i < length; i++) {
      w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
    }
    return w;
  }

  /**
   * Floors every log energy {@code dynamicRangeDb} below the utterance's loudest, removes each
   * bin's mean and divides by a fixed scale. Scaling the audio shifts every log energy by the
   * same constant, which the mean removal cancels; a noise floor below the relative floor and
   * digital silence both land on the floor; a band the channel removed stays flat at the floor
   * instead of having its last bit of noise stretched to unit variance as cmvn would.
   */
  private static void flooredMeanNormalise(LogMelFeatures f, double dynamicRangeDb) {
    float[] v = f.values();
    float max = Float.NEGATIVE_INFINITY;
    for (float x : v) {
      max = Math.max(max, x);
    }
    double range = dynamicRangeDb / 10.0 * Math.log(10.0);
    float floor = (float) (max - range);
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.max(v[i], floor);
    }
    float scale = (float) (4.0 / range);
    for (int b = 0; b < f.bins(); b++) {
      double sum = 0;
      for (int t = 0; t < f.frames(); t++) {
        sum += v[t * f.bins() + b];
      }
      float mean = (float) (sum / f.frames());
      for (int t = 0; t < f.frames(); t++) {
        int i = t * f.bins() + b;
        v[i] = (v[i] - mean) * scale;
      }
    }
  }

  private static void normalise(LogMelFeatures f) {
    float[] v = f.values();
    for (int b = 0; b < f.bins(); b++) {
      double sum = 0;
      for (int t = 0; t < f.frames(); t++) {
        sum += v[t * f.bins() + b];
      }
      double mean = sum / f.frames();
      double sq = 0;
      for (int t = 0; t < f.frames(); t++) {
        double d = v[t * f.bins() + b] - mean;
        sq += d * d;
      }
      double scale = 1.0 / Math.sqrt(sq / f.frames() + VARIANCE_EPSILON);
      for (int t = 0; t < f.frames(); t++) {
        int i = t * f.bins() + b;
        v[i] = (float) ((v[i] - mean) * scale);
      }
    }
  }
}
