package io.emostream.rollups;

import io.emostream.avro.EmotionLabel;
import io.emostream.avro.GroupEmotionWindow;
import io.emostream.avro.GroupType;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.common.FeatureApi;
import io.emostream.common.LabelMapping;
import io.emostream.common.LabelTally;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Running sums of one agent's or queue's utterances in one window. Immutable; stored as JSON.
 *
 * @param tenant            tenant of the first utterance seen, or null
 * @param utteranceCount    utterances in the window
 * @param callIds           distinct calls (bounded by the calls one group handles per window)
 * @param labels            utterances per label, in {@link EmotionLabel} order
 * @param valenceSum        sum of valence
 * @param arousalSum        sum of arousal
 * @param negativeCount     utterances labelled ANGRY or SAD
 * @param customerCount     customer utterances
 * @param customerNegative  customer utterances labelled ANGRY or SAD
 * @param customerValenceSum sum of customer valence
 */
@FeatureApi
public record GroupAggregate(
    String tenant,
    long utteranceCount,
    Set<String> callIds,
    long[] labels,
    double valenceSum,
    double arousalSum,
    long negativeCount,
    long customerCount,
    long customerNegative,
    double customerValenceSum) {

  public GroupAggregate {
    callIds = callIds == null ? Set.of() : Set.copyOf(callIds);
    labels = labels == null ? new long[EmotionLabel.values().length] : labels.clone();
  }

  /** Nothing seen yet. */
  public static GroupAggregate empty() {
    return new GroupAggregate(null, 0, Set.of(), null, 0, 0, 0, 0, 0, 0);
  }

  /** This aggregate with {@code u} added. */
  public GroupAggregate plus(ScoredUtterance u) {
    boolean negative = LabelMapping.isNegative(u.getLabel());
    boolean customer = u.getRole() == SpeakerRole.CUSTOMER;
    Set<String> calls = new HashSet<>(callIds);
    calls.add(u.getCallId());
    long[] nextLabels = labels.clone();
    nextLabels[u.getLabel().ordinal()]++;
    return new GroupAggregate(
        tenant != null ? tenant : u.getContext().getTenant(),
        utteranceCount + 1,
        calls,
        nextLabels,
        valenceSum + u.getValence(),
        arousalSum + u.getArousal(),
        negativeCount + (negative ? 1 : 0),
        customerCount + (customer ? 1 : 0),
        customerNegative + (customer && negative ? 1 : 0),
        customerValenceSum + (customer ? u.getValence() : 0));
  }

  /** The published window for group {@code groupId} over [start, end). */
  public GroupEmotionWindow toWindow(GroupType type, String groupId, long startMs, long endMs) {
    return GroupEmotionWindow.newBuilder()
        .setGroupType(type)
        .setGroupId(groupId)
        .setTenant(tenant)
        .setWindowStart(Instant.ofEpochMilli(startMs))
        .setWindowEnd(Instant.ofEpochMilli(endMs))
        .setUtteranceCount(utteranceCount)
        .setCallCount(callIds.size())
        .setLabelCounts(LabelTally.fromOrdinals(labels))
        .setMeanValence(ratio(valenceSum, utteranceCount))
        .setMeanArousal(ratio(arousalSum, utteranceCount))
        .setNegativeShare(ratio(negativeCount, utteranceCount))
        .setCustomerUtteranceCount(customerCount)
        .setCustomerNegativeShare(ratio(customerNegative, customerCount))
        .setCustomerMeanValence(ratio(customerValenceSum, customerCount))
        .build();
  }

  private static double ratio(double sum, long count) {
    return count == 0 ? 0.0 : sum / count;
  }
}
