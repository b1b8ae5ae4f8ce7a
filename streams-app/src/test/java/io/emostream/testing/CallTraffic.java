package io.emostream.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds sets of scripted two-channel calls for load and fault tests: agent and customer take
 * turns, each line 1.4–2.4 s long with short pauses, so a call of {@code lines} lines carries
 * about {@code 2.2 × lines} seconds of audio per channel.
 */
public final class CallTraffic {

  private static final String[] TEXTS = {
      "thank you for calling how can i help you today",
      "i was charged twice this month and i am not happy about it",
      "i am sorry to hear that let me check your account",
      "this keeps happening and nobody ever calls me back",
      "i can see the second charge and i will refund it now",
      "okay thank you that is a relief",
      "is there anything else i can help you with",
      "no that is all thanks for sorting it out",
      "you are welcome have a lovely day",
      "the app crashed again when i tried to pay",
      "let me raise a ticket with our engineers",
      "great thanks for your help"};

  private CallTraffic() {}

  /**
   * {@code count} calls with ids {@code <idPrefix>0 .. <idPrefix>(count-1)}, each with
   * {@code lines} lines alternating agent (channel 0) and customer (channel 1); the line
   * lengths vary per call so that the calls' transcripts interleave.
   */
  public static List<ScriptedCall> calls(String idPrefix, int count, int lines) {
    List<ScriptedCall> calls = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      ScriptedCall call = new ScriptedCall(idPrefix + c);
      long t = 300;
      for (int i = 0; i < lines; i++) {
        long length = 1_400 + ((c * 7L + i * 3L) % 6) * 200;
        call.say(i % 2, t, t + length, TEXTS[(c + i) % TEXTS.length]);
        t += length + 300;
      }
      calls.add(call);
    }
    return calls;
  }

  /** Total number of lines (final transcripts) of {@code calls}. */
  public static int lineCount(List<ScriptedCall> calls) {
    return calls.stream().mapToInt(c -> c.lines().size()).sum();
  }
}
