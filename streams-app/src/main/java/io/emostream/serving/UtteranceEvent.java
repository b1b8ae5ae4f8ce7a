package io.emostream.serving;

import io.emostream.avro.CallContext;
import io.emostream.avro.EmotionProbabilities;
import io.emostream.avro.Modality;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.ScoringTimings;
import java.time.Instant;
import java.util.List;

/**
 * A scored utterance as the event stream sends it ({@code event: utterance}): every field of
 * {@link ScoredUtterance} flattened to plain JSON (times as epoch ms). Scored utterances carry
 * no audio, so none is sent.
 */
public record UtteranceEvent(String callId, String utteranceId, int channel, String role, long startMs, long endMs,
    String label, Probabilities probabilities, double valence, double arousal, double confidence,
    List<String> modalities, String audioCoverage, String source, String text, String modelName,
    String modelVersion, String tenant, String agentId, String queue, Timings timings) {

  /** Class probabilities. */
  public record Probabilities(double neutral, double happy, double angry, double sad) {}

  /**
   * Where the time went.
   *
   * @param transcriptTimestamp epoch ms of the transcript record, or null for VAD utterances
   * @param assembledAt         epoch ms the utterance was assembled
   * @param scoredAt            epoch ms it was scored
   * @param modelMs             model time of its batch
   * @param queueMs             time it waited for its batch
   * @param batchSize           utterances in its batch
   */
  public record Timings(Long transcriptTimestamp, long assembledAt, long scoredAt, double modelMs, double queueMs,
      int batchSize) {}

  /** The event for {@code u}. */
  public static UtteranceEvent of(ScoredUtterance u) {
    EmotionProbabilities p = u.getProbabilities();
    CallContext c = u.getContext();
    ScoringTimings t = u.getTimings();
    Instant transcript = t.getTranscriptTimestamp();
    return new UtteranceEvent(u.getCallId(), u.getUtteranceId(), u.getChannel(), u.getRole().name(), u.getStartMs(),
        u.getEndMs(), u.getLabel().name(), new Probabilities(p.getNeutral(), p.getHappy(), p.getAngry(), p.getSad()),
        u.getValence(), u.getArousal(), u.getConfidence(), u.getModalities().stream().map(Modality::name).toList(),
        u.getAudioCoverage().name(), u.getSource().name(), u.getText(), u.getModelName(), u.getModelVersion(),
        c == null ? null : c.getTenant(), c == null ? null : c.getAgentId(), c == null ? null : c.getQueue(),
        new Timings(transcript == null ? null : transcript.toEpochMilli(), t.getAssembledAt().toEpochMilli(),
            t.getScoredAt().toEpochMilli(), t.getModelMs(), t.getQueueMs(), t.getBatchSize()));
  }
}
