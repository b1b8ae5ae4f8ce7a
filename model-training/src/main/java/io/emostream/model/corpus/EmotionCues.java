package io.emostream.model.corpus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words that mark each emotion in contact-centre speech. AFINN only says positive or negative;
 * these lists tell angry wording ("ridiculous, unacceptable, furious") from sad wording
 * ("lost, unfortunately, passed away"). Multi-word cues are matched as phrases.
 */
public final class EmotionCues {

  private static final Map<Emotion, Set<String>> CUES = new EnumMap<>(Map.of(
      Emotion.HAPPY, Set.of("thank", "thanks", "great", "wonderful", "fantastic", "brilliant", "excellent",
          "perfect", "perfectly", "lovely", "amazing", "glad", "happy", "pleased", "delighted", "love",
          "appreciate", "helpful", "kind", "pleasure", "enjoy", "best", "grateful", "relieved", "welcome",
          "star", "cheers"),
      Emotion.ANGRY, Set.of("ridiculous", "unacceptable", "outrageous", "furious", "angry", "disgrace",
          "pathetic", "useless", "incompetent", "demand", "sick of", "fed up", "stupid", "worst",
          "infuriating", "excuses", "mess", "wasted", "interrupting"),
      Emotion.SAD, Set.of("lost", "loss", "losing", "passed away", "died", "miss", "alone", "lonely", "sad",
          "sadly", "heartbroken", "unfortunately", "disappointed", "worried", "struggling", "upset",
          "crying", "difficult", "hard", "sorry", "afraid", "tired", "goodbye", "hopeless", "debt", "ill")));

  private EmotionCues() {}

  /** The cue words and phrases of {@code emotion}; empty for neutral. */
  public static Set<String> of(Emotion emotion) {
    return CUES.getOrDefault(emotion, Set.of());
  }

  /** True when {@code sentence} contains a cue of {@code emotion} as a whole word or phrase. */
  public static boolean contains(String sentence, Emotion emotion) {
    String padded = " " + Tokens.transcript(sentence) + " ";
    return of(emotion).stream().anyMatch(cue -> padded.contains(" " + cue + " "));
  }

  /** The emotions whose cues {@code sentence} contains, in declaration order. */
  public static List<Emotion> found(String sentence) {
    return java.util.Arrays.stream(Emotion.values()).filter(e -> contains(sentence, e)).toList();
  }
}
