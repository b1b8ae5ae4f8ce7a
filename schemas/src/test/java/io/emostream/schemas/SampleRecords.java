package io.emostream.schemas;

import io.emostream.avro.AlertSeverity;
import io.emostream.avro.AlertStatus;
import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallContext;
import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.EmotionPeak;
import io.emostream.avro.EmotionProbabilities;
import io.emostream.avro.EmotionTrend;
import io.emostream.avro.GroupEmotionWindow;
import io.emostream.avro.GroupType;
import io.emostream.avro.LabelCounts;
import io.emostream.avro.Modality;
import io.emostream.avro.RoleSummary;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.ScoringTimings;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import io.emostream.avro.TranscriptWord;
import io.emostream.avro.Utterance;
import io.emostream.avro.UtteranceSource;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * One fully populated, valid instance of every topic record type, for tests here and in other
 * modules (shipped in the test-jar). Timestamps are whole milliseconds, as the contracts store
 * them, so records survive a round trip unchanged.
 */
public final class SampleRecords {
  /** The call every sample belongs to. */
  public static final String CALL_ID = "call-42";
  private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

  private SampleRecords() {}

  /** One of each class in {@link Schemas#TOPIC_VALUE_CLASSES}, in the same order. */
  public static List<SpecificRecord> all() {
    return List.of(audioChunk(), transcriptSegment(), callStarted(), utterance(),
        scoredUtterance(), callEmotionRollup(), groupEmotionWindow(), callEmotionSummary(),
        emotionAlert());
  }

  public static CallContext context() {
    return CallContext.newBuilder().setTenant("acme").setAgentId("agent-7")
        .setQueue("billing").build();
  }

  public static AudioChunk audioChunk() {
    return AudioChunk.newBuilder().setCallId(CALL_ID).setChannel(1).setSequence(3)
        .setStartMs(1_500).setSampleRate(8_000).setEncoding(AudioEncoding.MULAW)
        .setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) 0xff})).build();
  }

  public static TranscriptSegment transcriptSegment() {
    return TranscriptSegment.newBuilder().setCallId(CALL_ID).setUtteranceId("u-1")
        .setChannel(1).setStartMs(1_000).setEndMs(2_400).setText("this is unacceptable")
        .setIsFinal(true).setConfidence(0.91f)
        .setWords(List.of(TranscriptWord.newBuilder().setWord("this").setStartMs(1_000)
            .setEndMs(1_200).setConfidence(0.95f).build()))
        .setLanguage("en-US").build();
  }

  public static CallEvent callStarted() {
    return CallEvent.newBuilder().setCallId(CALL_ID).setType(CallEventType.CALL_STARTED)
        .setTimestamp(T0).setTenant("acme").setAgentId("agent-7").setQueue("billing")
        .setChannels(List.of(
            ChannelRole.newBuilder().setChannel(0).setRole(SpeakerRole.AGENT).build(),
            ChannelRole.newBuilder().setChannel(1).setRole(SpeakerRole.CUSTOMER).build()))
        .setAttributes(Map.of("campaign", "renewals")).build();
  }

  public static Utterance utterance() {
    return Utterance.newBuilder().setCallId(CALL_ID).setUtteranceId("u-1").setChannel(1)
        .setRole(SpeakerRole.CUSTOMER).setStartMs(1_000).setEndMs(2_400)
        .setText("this is unacceptable").setTranscriptConfidence(0.91f)
        .setAudio(ByteBuffer.wrap(new byte[] {0, 1, 0, 2}))
        .setAudioCoverage(AudioCoverage.COMPLETE).setSource(UtteranceSource.TRANSCRIPT)
        .setTranscriptTimestamp(T0.plusMillis(2_500)).setAssembledAt(T0.plusMillis(2_600))
        .build();
  }

  public static EmotionProbabilities probabilities() {
    return EmotionProbabilities.newBuilder().setNeutral(0.1).setHappy(0.05).setAngry(0.8)
        .setSad(0.05).build();
  }

  public static LabelCounts labelCounts() {
    return LabelCounts.newBuilder().setNeutral(3).setHappy(1).setAngry(4).setSad(0).build();
  }

  public static ScoredUtterance scoredUtterance() {
    return ScoredUtterance.newBuilder().setCallId(CALL_ID).setUtteranceId("u-1").setChannel(1)
        .setRole(SpeakerRole.CUSTOMER).setStartMs(1_000).setEndMs(2_400)
        .setLabel(EmotionLabel.ANGRY).setProbabilities(probabilities()).setValence(-0.7)
        .setArousal(0.85).setConfidence(0.8).setModalities(List.of(Modality.AUDIO, Modality.TEXT))
        .setAudioCoverage(AudioCoverage.COMPLETE).setSource(UtteranceSource.TRANSCRIPT)
        .setText("this is unacceptable").setModelName("cross-modal-demo").setModelVersion("1.0.0")
        .setContext(context())
        .setTimings(ScoringTimings.newBuilder().setTranscriptTimestamp(T0.plusMillis(2_500))
            .setAssembledAt(T0.plusMillis(2_600)).setScoredAt(T0.plusMillis(2_650))
            .setModelMs(12.5).setQueueMs(30.0).setBatchSize(8).build())
        .build();
  }

  public static CallEmotionRollup callEmotionRollup() {
    return CallEmotionRollup.newBuilder().setCallId(CALL_ID).setRole(SpeakerRole.CUSTOMER)
        .setContext(context()).setUtteranceCount(8).setLastUtteranceId("u-8")
        .setLastLabel(EmotionLabel.ANGRY).setLastEndMs(40_000).setEwmaValence(-0.4)
        .setEwmaArousal(0.6).setEwmaNegative(0.55).setWindowSize(5).setWindowMeanValence(-0.3)
        .setWindowNegativeShare(0.6).setWindowLabelCounts(labelCounts())
        .setTrend(EmotionTrend.WORSENING).setTrendSlope(-0.08).setUpdatedAt(T0.plusSeconds(41))
        .build();
  }

  public static GroupEmotionWindow groupEmotionWindow() {
    return GroupEmotionWindow.newBuilder().setGroupType(GroupType.AGENT).setGroupId("agent-7")
        .setTenant("acme").setWindowStart(T0).setWindowEnd(T0.plusSeconds(300))
        .setUtteranceCount(40).setCallCount(3).setLabelCounts(labelCounts())
        .setMeanValence(-0.1).setMeanArousal(0.5).setNegativeShare(0.35)
        .setCustomerUtteranceCount(22).setCustomerNegativeShare(0.45)
        .setCustomerMeanValence(-0.2).build();
  }

  public static CallEmotionSummary callEmotionSummary() {
    return CallEmotionSummary.newBuilder().setCallId(CALL_ID).setContext(context())
        .setStartedAt(T0).setEndedAt(T0.plusSeconds(600)).setUtteranceCount(60)
        .setRoles(List.of(RoleSummary.newBuilder().setRole(SpeakerRole.CUSTOMER)
            .setUtteranceCount(30).setLabelCounts(labelCounts()).setMeanValence(-0.2)
            .setMeanArousal(0.6).setNegativeShare(0.5).build()))
        .setCustomerStartValence(-0.6).setCustomerEndValence(0.2).setCustomerShift(0.8)
        .setPeaks(List.of(EmotionPeak.newBuilder().setUtteranceId("u-8")
            .setRole(SpeakerRole.CUSTOMER).setStartMs(38_000).setLabel(EmotionLabel.ANGRY)
            .setValence(-0.9).setNegativity(0.95).build()))
        .setAlertCount(1).setModelName("cross-modal-demo").setModelVersion("1.0.0").build();
  }

  public static EmotionAlert emotionAlert() {
    return EmotionAlert.newBuilder().setAlertId("alert-1").setCallId(CALL_ID)
        .setRole(SpeakerRole.CUSTOMER).setChannel(1).setStatus(AlertStatus.OPENED)
        .setRule("CONSECUTIVE_NEGATIVE").setSeverity(AlertSeverity.CRITICAL)
        .setEvidenceUtteranceIds(List.of("u-6", "u-7", "u-8")).setEwmaNegative(0.7)
        .setConsecutiveNegative(3).setOpenedAt(T0.plusSeconds(40)).setTimestamp(T0.plusSeconds(40))
        .setCallOffsetMs(40_000).setContext(context())
        .setMessage("Customer angry for 3 utterances").build();
  }
}
