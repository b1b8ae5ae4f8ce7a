package io.emostream.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes reproducible contact-centre calls for the benchmark: agent and customer take turns,
 * each line 1.5 to 4.5 s long with a short pause between turns, its text drawn from typical
 * support-call sentences. The same {@code seed} gives the same calls, so every scenario of a
 * run scores exactly the same input.
 */
public final class SyntheticCalls {

  private static final String[] AGENT = {
      "thank you for calling how can i help you today",
      "i am sorry to hear that let me look into your account",
      "i can see the second charge on your statement",
      "i have refunded the payment it will show in three days",
      "is there anything else i can help you with",
      "let me transfer you to the right team",
      "could you confirm the last four digits of your card",
      "i understand this has been frustrating for you"};
  private static final String[] CUSTOMER = {
      "i was charged twice this month and nobody answers my emails",
      "this is the third time i am calling about the same problem",
      "oh great thank you so much that really helps",
      "i just want my money back now",
      "okay that sounds fine i will wait for it",
      "why does this keep happening every single month",
      "sure the card ends in four two one seven",
      "no that is all thanks for your help"};

  private SyntheticCalls() {}

  /**
   * {@code calls} calls of {@code utterancesPerCall} lines each, with ids {@code prefix + n}.
   *
   * @throws IllegalArgumentException when either count is below 1
   */
  public static List<SyntheticCall> generate(String prefix, int calls, int utterancesPerCall, long seed) {
    return generate(prefix, calls, utterancesPerCall, seed, InputFormat.PCM16K);
  }

  /** As {@link #generate(String, int, int, long)}, sending audio in {@code format}. */
  public static List<SyntheticCall> generate(String prefix, int calls, int utterancesPerCall, long seed,
                                             InputFormat format) {
    if (calls < 1 || utterancesPerCall < 1) {
      throw new IllegalArgumentException("the benchmark needs at least 1 call of 1 utterance, got " + calls
          + " calls of " + utterancesPerCall + " utterances: raise --calls or --utterances-per-call");
    }
    List<SyntheticCall> out = new ArrayList<>(calls);
    for (int c = 0; c < calls; c++) {
      Random random = new Random(seed * 7919 + c);
      List<SyntheticCall.Line> lines = new ArrayList<>(utterancesPerCall);
      long t = 200 + random.nextInt(400);
      for (int u = 0; u < utterancesPerCall; u++) {
        int channel = u % 2;
        long length = 1_500 + random.nextInt(3_001);
        String[] bank = channel == 0 ? AGENT : CUSTOMER;
        lines.add(new SyntheticCall.Line("u" + (u + 1), channel, t, t + length, bank[random.nextInt(bank.length)]));
        t += length + 200 + random.nextInt(600);
      }
      out.add(new SyntheticCall(prefix + c, lines, seed * 7919 + c, format));
    }
    return out;
  }
}
