package io.emostream.model.corpus;

import java.util.List;

/**
 * How the corpus labels an utterance whose words and voice suggest different emotions.
 *
 * <p><b>The rule:</b> when the voice is strongly aroused (angry or happy prosody) the label is the
 * voice's emotion; otherwise (neutral or sad prosody) it is the words' emotion. So "polite words,
 * furious voice" is angry and a text-only model misses it, while "calm voice, sad words" is sad
 * and an audio-only model misses it. Only a model that fuses both modalities can be right on
 * every item, which is the point of the corpus.
 */
public final class LabelRule {

  /** One line that describes the rule, written into {@code corpus.json}. */
  public static final String DESCRIPTION =
      "label = voiceEmotion if the voice is aroused (angry or happy prosody), else textEmotion;"
          + " congruent items have textEmotion == voiceEmotion == label";

  /**
   * The (text, voice) pairs used for conflicting items: plausible contact-centre situations only
   * (sarcastic thanks, cold anger, polite words in a sad voice), never e.g. sad words in a happy voice.
   */
  private static final List<Conflict> CONFLICTS = List.of(
      new Conflict(Emotion.NEUTRAL, Emotion.ANGRY), // polite question, furious voice
      new Conflict(Emotion.HAPPY, Emotion.ANGRY), // sarcastic "great, thanks a lot"
      new Conflict(Emotion.SAD, Emotion.ANGRY), // loss voiced as outrage
      new Conflict(Emotion.NEUTRAL, Emotion.HAPPY), // plain facts, cheerful voice
      new Conflict(Emotion.ANGRY, Emotion.NEUTRAL), // cold anger: furious words, flat voice
      new Conflict(Emotion.SAD, Emotion.NEUTRAL), // calm voice, sad story
      new Conflict(Emotion.HAPPY, Emotion.SAD), // polite thanks in a sad voice
      new Conflict(Emotion.NEUTRAL, Emotion.SAD)); // plain facts in a tired, low voice

  private LabelRule() {}

  /** The label of an item whose words suggest {@code text} and whose voice suggests {@code voice}. */
  public static Emotion label(Emotion text, Emotion voice) {
    return voice.aroused() ? voice : text;
  }

  /** The conflicting (text, voice) pairs whose label under this rule is {@code label}; never empty. */
  public static List<Conflict> conflictsLabelled(Emotion label) {
    return CONFLICTS.stream().filter(c -> label(c.text(), c.voice()) == label).toList();
  }

  /**
   * A (text, voice) pair in which the two modalities disagree.
   *
   * @param text  the emotion the words express
   * @param voice the emotion the prosody expresses
   */
  public record Conflict(Emotion text, Emotion voice) {}
}
