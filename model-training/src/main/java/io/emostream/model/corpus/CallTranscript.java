package io.emostream.model.corpus;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The JSON half of a recorded call in the shared recorded-call directory format.
 *
 * @param callId     base name shared with the WAV
 * @param tenant     tenant id
 * @param agentId    agent id
 * @param queue      queue name
 * @param channels   which role each WAV channel carries
 * @param utterances the transcript, with ground-truth labels
 */
@JsonPropertyOrder({"callId", "tenant", "agentId", "queue", "channels", "utterances"})
public record CallTranscript(String callId, String tenant, String agentId, String queue, List<Channel> channels,
    List<Utterance> utterances) {

  /** A WAV channel and the role ({@code AGENT} or {@code CUSTOMER}) speaking on it. */
  public record Channel(int channel, String role) {}

  /**
   * One final transcript segment.
   *
   * @param utteranceId unique within the call
   * @param channel     WAV channel of the speaker
   * @param startMs     start, ms from the start of the WAV
   * @param endMs       end, ms from the start of the WAV
   * @param text        ASR-style transcript
   * @param confidence  ASR confidence in [0, 1]
   * @param label       ground-truth emotion (for demos and evaluation; never sent to Kafka)
   */
  @JsonPropertyOrder({"utteranceId", "channel", "startMs", "endMs", "text", "confidence", "label"})
  public record Utterance(String utteranceId, int channel, long startMs, long endMs, String text, double confidence,
      String label) {}
}
