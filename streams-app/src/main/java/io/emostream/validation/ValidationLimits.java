package io.emostream.validation;

import java.util.Set;

/**
 * The semantic limits input records are checked against.
 *
 * @param minSampleRate   lowest accepted audio rate in Hz
 * @param maxSampleRate   highest accepted audio rate in Hz
 * @param maxChunkMs      longest accepted audio chunk
 * @param maxUtteranceMs  longest accepted transcript segment
 * @param maxTextLength   longest accepted transcript text, in characters
 */
public record ValidationLimits(int minSampleRate, int maxSampleRate, long maxChunkMs,
                               long maxUtteranceMs, int maxTextLength) {

  /** Rates the resampler is tuned and tested for (telephony to studio). */
  public static final Set<Integer> SUPPORTED_RATES =
      Set.of(8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000);
}
