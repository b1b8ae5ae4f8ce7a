package io.emostream.model.training;

import io.emostream.model.data.ValenceText;
import io.emostream.model.features.FeatureConfig;
import java.util.List;

/**
 * What the trainer uses beside the corpus: real text known by its valence (to learn from and to
 * calibrate on), the channel augmentation and the audio front end.
 *
 * @param trainText    text-only rows trained on every epoch
 * @param spokenText   rows of {@code trainText} also spoken by a plain synthetic voice (16 kHz), trained
 *                     with their audio: the voice says nothing, the words decide
 * @param devText      text-only rows held out: calibration and the dev report, never trained on
 * @param calmSpeech   real recorded calm speech without transcripts (16 kHz), trained audio-only as neutral
 * @param augmentation renders each training clip through a new random channel every epoch, or {@code null}
 * @param features     the audio front end the bundle will use
 */
public record TrainingMaterial(List<ValenceText> trainText, List<SpokenText> spokenText, List<ValenceText> devText,
    List<float[]> calmSpeech, AudioAugmentation augmentation, FeatureConfig features) {

  /** A sentence with its plain-voice rendering. */
  public record SpokenText(ValenceText text, float[] audio) {}

  /** The corpus alone, clean, with the default front end (how bundles were trained before). */
  public static final TrainingMaterial NONE = new TrainingMaterial(List.of(), List.of(), List.of(), List.of(), null,
      FeatureConfig.DEFAULT);

  public TrainingMaterial {
    trainText = List.copyOf(trainText);
    spokenText = List.copyOf(spokenText);
    devText = List.copyOf(devText);
    calmSpeech = List.copyOf(calmSpeech);
  }
}
