package io.emostream.scoring;

import io.emostream.avro.CallContext;
import io.emostream.avro.EmotionProbabilities;
import io.emostream.avro.Modality;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.ScoringTimings;
import io.emostream.avro.Utterance;
import io.emostream.common.LabelMapping;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Converts between the Avro utterance contracts and the model's plain Java types. */
final class ScoredUtterances {

  private ScoredUtterances() {}

  /**
   * The model input for {@code utterance}: s16le audio as floats in [-1, 1] and the text.
   * Throws IllegalArgumentException when it has neither (nothing to score).
   */
  static io.emostream.model.UtteranceInput toInput(Utterance utterance) {
    float[] samples = null;
    ByteBuffer audio = utterance.getAudio();
    if (audio != null && audio.remaining() >= 2) {
      ByteBuffer pcm = audio.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      samples = new float[pcm.remaining() / 2];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = pcm.getShort() / 32768f;
      }
    }
    return new io.emostream.model.UtteranceInput(
        utterance.getCallId() + "/" + utterance.getUtteranceId(), samples, utterance.getText());
  }

  /** The published record for {@code pending} scored as {@code prediction}. */
  static ScoredUtterance build(
      PendingUtterance pending,
      EmotionPrediction prediction,
      LabelMapping labels,
      ModelInfo model,
      TextMode textMode,
      BatchTiming timing) {
    Utterance u = pending.utterance();
    EmotionProbabilities probabilities = labels.probabilities(prediction);
    var label = labels.label(prediction);
    double confidence = switch (label) {
      case NEUTRAL -> probabilities.getNeutral();
      case HAPPY -> probabilities.getHappy();
      case ANGRY -> probabilities.getAngry();
      case SAD -> probabilities.getSad();
    };
    List<Modality> modalities = avro(prediction.modalities());
    CallContext context = u.getContext() != null ? u.getContext() : new CallContext(null, null, null);
    return ScoredUtterance.newBuilder()
        .setCallId(u.getCallId())
        .setUtteranceId(u.getUtteranceId())
        .setChannel(u.getChannel())
        .setRole(u.getRole())
        .setStartMs(u.getStartMs())
        .setEndMs(u.getEndMs())
        .setLabel(label)
        .setProbabilities(probabilities)
        .setValence(clamp(prediction.valence(), -1, 1))
        .setArousal(clamp(prediction.arousal(), 0, 1))
        .setConfidence(confidence)
        .setModalities(modalities)
        .setDrivenBy(avro(prediction.drivenBy()))
        .setAudioCoverage(u.getAudioCoverage())
        .setSource(u.getSource())
        .setText(Redaction.apply(textMode, u.getText()))
        .setModelName(model.name())
        .setModelVersion(model.version())
        .setContext(context)
        .setTimings(ScoringTimings.newBuilder()
            .setTranscriptTimestamp(u.getTranscriptTimestamp())
            .setAssembledAt(u.getAssembledAt())
            .setScoredAt(Instant.ofEpochMilli(timing.scoredAtMs()))
            .setModelMs(timing.modelMs())
            .setQueueMs(Math.max(0, timing.startedAtMs() - pending.enqueuedAtMs()))
            .setBatchSize(timing.batchSize())
            .build())
        .build();
  }

  private static double clamp(double value, double min, double max) {
    return Double.isNaN(value) ? 0.0 : Math.max(min, Math.min(max, value));
  }

  /**
   * When and how a model call ran.
   *
   * @param startedAtMs wall-clock start of the call (end of queueing)
   * @param scoredAtMs  wall-clock time the call returned
   * @param modelMs     duration of the call
   * @param batchSize   utterances in the call
   */
  record BatchTiming(long startedAtMs, long scoredAtMs, double modelMs, int batchSize) {}

  /** The model's modalities as the contract's, in declaration order. */
  private static List<Modality> avro(java.util.Set<io.emostream.model.Modality> used) {
    List<Modality> out = new ArrayList<>();
    for (io.emostream.model.Modality m : io.emostream.model.Modality.values()) {
      if (used.contains(m)) {
        out.add(Modality.valueOf(m.name()));
      }
    }
    return out;
  }
}
