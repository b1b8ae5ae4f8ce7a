package io.emostream.model.features;

/**
 * Log-mel front-end settings, as the bundle manifest's {@code features} object holds them.
 *
 * <p>The mel scale is HTK's ({@code 2595 * log10(1 + f / 700)}) with triangular filters of
 * peak 1 (no Slaney area normalisation), spanning {@code fMin}..{@code fMax}.
 *
 * @param sampleRate    input sample rate in Hz (16 000)
 * @param windowSamples analysis window length in samples (400 = 25 ms), Hann-windowed
 * @param hopSamples    frame shift in samples (160 = 10 ms)
 * @param fftSize       FFT length, a power of two at least {@code windowSamples} (512)
 * @param melBins       number of mel filters (80)
 * @param fMin          lowest filter edge in Hz
 * @param fMax          highest filter edge in Hz, at most {@code sampleRate / 2}
 * @param logFloor      mel energies are floored at this value before the natural log
 * @param normalization {@code cmvn} (or absent, as bundles before it were made): each bin's mean
 *                      and variance per utterance; {@code floored-cmn}: energies floored
 *                      {@code dynamicRangeDb} below the utterance's loudest mel energy, each bin's
 *                      mean removed and one fixed scale, so that level, digital silence versus a
 *                      noise floor, and empty bands (telephone audio) do not change the features
 * @param dynamicRangeDb how far below the loudest energy {@code floored-cmn} floors (ignored by cmvn)
 */
public record FeatureConfig(
    int sampleRate,
    int windowSamples,
    int hopSamples,
    int fftSize,
    int melBins,
    double fMin,
    double fMax,
    double logFloor,
    String normalization,
    double dynamicRangeDb) {

  /** Per-bin mean and variance normalisation, what bundles without a {@code normalization} use. */
  public static final String CMVN = "cmvn";
  /** Relative floor, per-bin mean removal, fixed scale: robust to level and channel. */
  public static final String FLOORED_CMN = "floored-cmn";

  /** 16 kHz, 25 ms Hann window, 10 ms hop, 512-point FFT, 80 HTK mel bins over 0..8 kHz, cmvn. */
  public static final FeatureConfig DEFAULT = new FeatureConfig(16_000, 400, 160, 512, 80, 0.0, 8_000.0, 1e-10);

  /**
   * The telephone-band front end: 80 mel bins over 60..3800 Hz (what every channel, wideband or
   * G.711, carries) from a 1024-point FFT, floored 50 dB below the loudest energy, floored-cmn.
   */
  public static final FeatureConfig TELEPHONE_BAND =
      new FeatureConfig(16_000, 400, 160, 1024, 80, 60.0, 3_800.0, 1e-10, FLOORED_CMN, 50.0);

  /** A cmvn config, as bundles written before {@code normalization} existed read. */
  public FeatureConfig(int sampleRate, int windowSamples, int hopSamples, int fftSize, int melBins, double fMin,
      double fMax, double logFloor) {
    this(sampleRate, windowSamples, hopSamples, fftSize, melBins, fMin, fMax, logFloor, CMVN, 0.0);
  }

  public FeatureConfig {
    if (sampleRate <= 0 || windowSamples <= 0 || hopSamples <= 0 || melBins <= 0) {
      throw new IllegalArgumentException("features: sampleRate, windowSamples, hopSamples and melBins must be > 0,"
          + " got " + sampleRate + ", " + windowSamples + ", " + hopSamples + ", " + melBins);
    }
    if (Integer.bitCount(fftSize) != 1 || fftSize < windowSamples) {
      throw new IllegalArgumentException("features.fftSize " + fftSize
          + " must be a power of two >= windowSamples " + windowSamples + " (e.g. 512 for a 400-sample window)");
    }
    if (fMin < 0 || fMax <= fMin || fMax > sampleRate / 2.0) {
      throw new IllegalArgumentException("features: need 0 <= fMin < fMax <= sampleRate/2, got fMin=" + fMin
          + " fMax=" + fMax + " sampleRate=" + sampleRate);
    }
    if (normalization == null) {
      normalization = CMVN;
    }
    if (!CMVN.equals(normalization) && !FLOORED_CMN.equals(normalization)) {
      throw new IllegalArgumentException("features.normalization must be " + CMVN + " or " + FLOORED_CMN + ", got "
          + normalization);
    }
    if (FLOORED_CMN.equals(normalization) && !(dynamicRangeDb > 0)) {
      throw new IllegalArgumentException("features.dynamicRangeDb must be > 0 with " + FLOORED_CMN + ", got "
          + dynamicRangeDb);
    }
    if (!(logFloor > 0)) {
      throw new IllegalArgumentException("features.logFloor must be > 0, got " + logFloor);
    }
  }
}
