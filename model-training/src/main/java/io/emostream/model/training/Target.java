package io.emostream.model.training;

import io.emostream.model.data.EmotionLabels;
import io.emostream.model.data.Example;
import io.emostream.model.data.ValenceText;
import io.emostream.model.text.cues.TextCues;

/**
 * What one training row should produce. Class targets are masks over the labels: the loss asks
 * for the probability mass inside the mask, so a one-hot mask is ordinary cross-entropy and a
 * wider mask says only "one of these" (a review sentence known to be negative is angry or sad,
 * or, when its wording is mild, neutral).
 *
 * @param label      mask for the result (the mixed heads, or the only head)
 * @param audio      mask for the audio head, or {@code null} when the row says nothing about the voice
 * @param text       mask for the text head, or {@code null} when the row says nothing about the words
 * @param valence    valence target, NaN when unknown
 * @param arousal    arousal target, NaN when unknown
 * @param labelIndex the single true class, -1 when only a mask is known
 */
record Target(float[] label, float[] audio, float[] text, float valence, float arousal, int labelIndex) {

  private static final int NEUTRAL = EmotionLabels.indexOf("neutral");
  private static final int HAPPY = EmotionLabels.indexOf("happy");
  private static final int ANGRY = EmotionLabels.indexOf("angry");
  private static final int SAD = EmotionLabels.indexOf("sad");
  /** Teacher compound beyond which a real sentence's wording is strong enough to rule out neutral. */
  static final float STRONG = 0.6f;

  /** A corpus example: its label, and the voice's and the words' own emotions for the two heads. */
  static Target of(Example e) {
    return new Target(oneHot(e.labelIndex()), oneHot(e.voiceLabelIndex()), oneHot(e.textLabelIndex()),
        e.valenceTarget(), e.arousalTarget(), e.labelIndex());
  }

  /** A sentence known only by its valence sign, with the teacher's cues to judge its strength. */
  static Target of(ValenceText t, TextCues cues) {
    float strength = Math.abs(cues.compound());
    float[] mask = new float[EmotionLabels.LABELS.size()];
    if (t.polarity() == 0) {
      mask[NEUTRAL] = 1f;
    } else {
      if (t.polarity() > 0) {
        mask[HAPPY] = 1f;
      } else {
        mask[ANGRY] = 1f;
        mask[SAD] = 1f;
      }
      if (strength < STRONG || cues.compound() * t.polarity() <= 0) {
        mask[NEUTRAL] = 1f;
      }
    }
    float valence = t.polarity() * Math.max(0.3f, Math.min(0.8f, strength));
    return new Target(mask, null, mask, valence, Float.NaN, t.polarity() == 0 ? NEUTRAL : -1);
  }

  /**
   * A sentence known by its valence, spoken by a plain synthetic voice: the words decide the
   * result and the valence (a flat voice carries no emotion, which is the corpus's own rule). The
   * voice head is told nothing: telling it "a plain voice is neutral" taught it that the corpus's
   * own synthetic voices are neutral too (audio-only UA fell to 42 %). So the gate and the joint
   * head learn to let the words through when the voice is flat, and the voice keeps its reading.
   */
  static Target spoken(ValenceText t, TextCues cues) {
    Target words = of(t, cues);
    return new Target(words.label(), null, words.text(), words.valence(), 0.3f, words.labelIndex());
  }

  /** Real calm speech without words: the voice and the result are neutral, the words unknown. */
  static Target calmVoice() {
    return new Target(oneHot(NEUTRAL), oneHot(NEUTRAL), null, 0f, 0.3f, NEUTRAL);
  }

  private static float[] oneHot(int index) {
    float[] m = new float[EmotionLabels.LABELS.size()];
    m[index] = 1f;
    return m;
  }
}
