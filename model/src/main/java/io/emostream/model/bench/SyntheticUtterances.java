package io.emostream.model.bench;

import io.emostream.model.UtteranceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic benchmark inputs: speech-like audio (a voiced tone with wandering pitch, syllable
 * envelope and noise) and 15 to 30 words of text. Only their size matters for throughput, but
 * realistic signal statistics avoid special fast paths on all-zero input.
 */
final class SyntheticUtterances {

  private static final int RATE = 16_000;
  private static final String[] WORDS = ("i am calling about my bill again and nobody has fixed the problem yet "
      + "thank you so much that was really helpful the agent was great please cancel my account now "
      + "this is the third time i have waited on hold for an hour it is fine okay sure").split(" ");

  private SyntheticUtterances() {}

  /** {@code count} utterances of {@code seconds} audio each, seeded. */
  static List<UtteranceInput> make(int count, double seconds, long seed) {
    Random random = new Random(seed);
    List<UtteranceInput> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new UtteranceInput("bench-" + i, audio(seconds, random), text(15 + random.nextInt(16), random)));
    }
    return out;
  }

  private static float[] audio(double seconds, Random random) {
    float[] samples = new float[(int) Math.round(seconds * RATE)];
    double phase = 0;
    double pitch = 110 + random.nextDouble() * 120;
    for (int n = 0; n < samples.length; n++) {
      double t = (double) n / RATE;
      phase += 2 * Math.PI * pitch * (1 + 0.05 * Math.sin(2 * Math.PI * 0.7 * t)) / RATE;
      double syllables = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
      samples[n] = (float) (0.3 * syllables * (Math.sin(phase) + 0.4 * Math.sin(2 * phase))
          + 0.01 * random.nextGaussian());
    }
    return samples;
  }

  private static String text(int words, Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }
}
