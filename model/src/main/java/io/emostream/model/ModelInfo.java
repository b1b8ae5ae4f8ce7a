package io.emostream.model;

import java.util.List;
import java.util.Set;

/**
 * What a loaded model is and what it accepts.
 *
 * @param name              model name from its manifest
 * @param version           model version from its manifest
 * @param architecture      e.g. {@code CrossModalEmotionNet} or {@code torchscript}
 * @param labels            class names in output order (IEMOCAP 4-class by convention)
 * @param sampleRate        audio sample rate the model expects (16 000)
 * @param maxAudioSamples   longest audio it scores; longer audio is cut to this
 * @param maxTokens         longest token sequence it scores; longer text is cut to this
 * @param standalone        the modalities it can score on their own (a missing other modality is fine)
 * @param device            where it runs, e.g. {@code cpu()} or {@code gpu(0)}
 */
public record ModelInfo(
    String name,
    String version,
    String architecture,
    List<String> labels,
    int sampleRate,
    int maxAudioSamples,
    int maxTokens,
    Set<Modality> standalone,
    String device) {

  public ModelInfo {
    labels = List.copyOf(labels);
    standalone = Set.copyOf(standalone);
  }
}
