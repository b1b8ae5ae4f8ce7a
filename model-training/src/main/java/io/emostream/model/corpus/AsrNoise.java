package io.emostream.model.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes a transcript look like streaming ASR got it slightly wrong: words dropped, neighbours
 * swapped, words misrecognised as sound-alikes (some of which flip the sentiment, as real ASR
 * errors do: "unacceptable" heard as "an acceptable", "lovely" as "lonely").
 */
public final class AsrNoise {

  private static final Map<String, String> SOUND_ALIKES = Map.ofEntries(
      Map.entry("bill", "build"), Map.entry("bills", "builds"), Map.entry("refund", "re fund"),
      Map.entry("account", "a count"), Map.entry("parcel", "partial"), Map.entry("router", "rooter"),
      Map.entry("charged", "charge"), Map.entry("two", "to"), Map.entry("for", "four"), Map.entry("their", "there"),
      Map.entry("can", "can't"), Map.entry("can't", "can"), Map.entry("week", "weak"), Map.entry("hold", "old"),
      Map.entry("line", "lying"), Map.entry("manager", "manage her"), Map.entry("furious", "fury us"),
      Map.entry("ridiculous", "ridicule us"), Map.entry("unacceptable", "an acceptable"), Map.entry("thanks", "banks"),
      Map.entry("great", "grey"), Map.entry("sorry", "story"), Map.entry("lost", "last"), Map.entry("died", "dyed"),
      Map.entry("passed", "past"), Map.entry("miss", "mrs"), Map.entry("sad", "said"), Map.entry("lovely", "lonely"),
      Map.entry("perfect", "prefect"), Map.entry("wait", "weight"), Map.entry("waiting", "weighting"),
      Map.entry("engineer", "engine ear"), Map.entry("invoice", "in voice"), Map.entry("contract", "contact"),
      Map.entry("address", "a dress"), Map.entry("monday", "mundane"), Map.entry("brilliant", "brilliance"),
      Map.entry("upset", "up set"), Map.entry("worried", "worry"), Map.entry("disgrace", "this grace"));

  private static final String[] FILLERS = {"uh", "um", "the", "a", "and", "i"};

  private AsrNoise() {}

  /** A noisy version of {@code transcript} (lower-case words) with 1 to 3 errors; never empty. */
  public static String corrupt(String transcript, Random random) {
    List<String> words = new ArrayList<>(List.of(transcript.split(" ")));
    int edits = 1 + random.nextInt(Math.min(3, 1 + words.size() / 6));
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(words.size());
      switch (random.nextInt(4)) {
        case 0 -> {
          if (words.size() > 3) {
            words.remove(at);
          }
        }
        case 1 -> {
          if (at + 1 < words.size()) {
            words.set(at, words.set(at + 1, words.get(at)));
          }
        }
        case 2 -> words.add(at, FILLERS[random.nextInt(FILLERS.length)]);
        default -> misrecognise(words, random);
      }
    }
    String out = String.join(" ", words);
    // a draw whose edits were all no-ops must still change something, or asrNoise would lie
    return out.equals(transcript) ? transcript + " " + FILLERS[random.nextInt(FILLERS.length)] : out;
  }

  private static void misrecognise(List<String> words, Random random) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (SOUND_ALIKES.containsKey(words.get(i))) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      words.add(random.nextInt(words.size() + 1), FILLERS[random.nextInt(FILLERS.length)]);
    } else {
      int i = candidates.get(random.nextInt(candidates.size()));
      words.set(i, SOUND_ALIKES.get(words.get(i)));
    }
  }
}
