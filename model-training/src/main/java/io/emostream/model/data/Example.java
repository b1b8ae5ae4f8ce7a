package io.emostream.model.data;

import java.util.Objects;

/**
 * One labelled utterance of a corpus.
 *
 * @param id          unique within the corpus
 * @param split       the part it belongs to (for IEMOCAP: after the fold is applied)
 * @param speaker     speaker id (splits are speaker-independent)
 * @param label       one of {@link EmotionLabels#LABELS}
 * @param text        transcript, or {@code null} when the corpus has none for it
 * @param audio       loads the 16 kHz mono samples, or {@code null} when there is no audio
 * @param valence     rated valence in [-1, 1], or {@code null} to use the class default
 * @param arousal     rated arousal in [0, 1], or {@code null} to use the class default
 * @param conflicting true when the words and the voice carry different emotions (synthetic corpus)
 * @param textLabel   the emotion the words alone carry, or {@code null} when only {@code label} is known
 * @param voiceLabel  the emotion the voice alone carries, or {@code null} when only {@code label} is known
 */
public record Example(String id, Split split, String speaker, String label, String text, AudioSource audio,
    Float valence, Float arousal, boolean conflicting, String textLabel, String voiceLabel) {

  /** An example whose words and voice are not labelled apart. */
  public Example(String id, Split split, String speaker, String label, String text, AudioSource audio,
      Float valence, Float arousal, boolean conflicting) {
    this(id, split, speaker, label, text, audio, valence, arousal, conflicting, null, null);
  }

  public Example {
    textLabel = known(textLabel);
    voiceLabel = known(voiceLabel);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(split, "split");
    if (EmotionLabels.indexOf(label) < 0) {
      throw new IllegalArgumentException("example " + id + " has label '" + label + "'; expected one of "
          + EmotionLabels.LABELS);
    }
    if (audio == null && (text == null || text.isBlank())) {
      throw new IllegalArgumentException("example " + id + " has neither audio nor text");
    }
  }

  private static String known(String label) {
    return label != null && EmotionLabels.indexOf(label) >= 0 ? label : null;
  }

  /** Index of the words' own emotion: {@code textLabel}, else the label. */
  public int textLabelIndex() {
    return EmotionLabels.indexOf(textLabel != null ? textLabel : label);
  }

  /** Index of the voice's own emotion: {@code voiceLabel}, else the label. */
  public int voiceLabelIndex() {
    return EmotionLabels.indexOf(voiceLabel != null ? voiceLabel : label);
  }

  /** Index of the label in {@link EmotionLabels#LABELS}. */
  public int labelIndex() {
    return EmotionLabels.indexOf(label);
  }

  /** The valence target: the rating when there is one, else the class default. */
  public float valenceTarget() {
    return valence != null ? valence : EmotionLabels.valence(labelIndex());
  }

  /** The arousal target: the rating when there is one, else the class default. */
  public float arousalTarget() {
    return arousal != null ? arousal : EmotionLabels.arousal(labelIndex());
  }
}
