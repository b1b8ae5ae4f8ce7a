package io.emostream.summaries;

import io.emostream.avro.EmotionLabel;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.common.LabelMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the summary remembers about one call until it ends. Immutable; stored as JSON.
 * Its size is bounded by the config (start/end windows, peaks), not by the call's length.
 *
 * @param startedAt      CALL_STARTED timestamp (epoch ms), or null when not seen
 * @param tenant         tenant, or null
 * @param agentId        agent, or null
 * @param queue          queue, or null
 * @param utteranceCount utterances scored, all roles
 * @param roles          totals per role that spoke
 * @param customerStart  valence of the first customer utterances, oldest first
 * @param customerEnd    valence of the latest customer utterances, oldest first
 * @param peaks          the most negative moments so far (utterances labelled ANGRY or SAD only:
 *                       a HAPPY line with a little anger in it is not a negative moment), most
 *                       negative first
 * @param alertCount     alerts OPENED
 * @param modelName      model of the latest score, or null
 * @param modelVersion   its version, or null
 */
public record CallSummaryState(
    Long startedAt,
    String tenant,
    String agentId,
    String queue,
    long utteranceCount,
    Map<SpeakerRole, RoleTotals> roles,
    List<Double> customerStart,
    List<Double> customerEnd,
    List<Peak> peaks,
    int alertCount,
    String modelName,
    String modelVersion) {

  /** Sums of one role's utterances; {@code labels} counts per {@link EmotionLabel} ordinal. */
  public record RoleTotals(long count, long[] labels, double valenceSum, double arousalSum, long negative) {
    RoleTotals plus(ScoredUtterance u) {
      long[] next = labels == null ? new long[EmotionLabel.values().length] : labels.clone();
      next[u.getLabel().ordinal()]++;
      return new RoleTotals(count + 1, next, valenceSum + u.getValence(), arousalSum + u.getArousal(),
          negative + (LabelMapping.isNegative(u.getLabel()) ? 1 : 0));
    }
  }

  /** One negative moment. */
  public record Peak(String utteranceId, SpeakerRole role, long startMs, EmotionLabel label,
      double valence, double negativity) {}

  private static final Comparator<Peak> MOST_NEGATIVE_FIRST =
      Comparator.comparingDouble(Peak::negativity).reversed().thenComparingLong(Peak::startMs);

  public CallSummaryState {
    roles = roles == null ? Map.of() : Map.copyOf(roles);
    customerStart = customerStart == null ? List.of() : List.copyOf(customerStart);
    customerEnd = customerEnd == null ? List.of() : List.copyOf(customerEnd);
    peaks = peaks == null ? List.of() : List.copyOf(peaks);
  }

  /** A call nothing is known about yet. */
  public static CallSummaryState empty() {
    return new CallSummaryState(null, null, null, null, 0, Map.of(), List.of(), List.of(), List.of(),
        0, null, null);
  }

  /** This state with the call's CALL_STARTED details. */
  public CallSummaryState started(long timestamp, String tenant, String agentId, String queue) {
    return new CallSummaryState(timestamp, tenant, agentId, queue, utteranceCount, roles,
        customerStart, customerEnd, peaks, alertCount, modelName, modelVersion);
  }

  /** This state with one more OPENED alert. */
  public CallSummaryState withAlert() {
    return new CallSummaryState(startedAt, tenant, agentId, queue, utteranceCount, roles,
        customerStart, customerEnd, peaks, alertCount + 1, modelName, modelVersion);
  }

  /** This state with scored utterance {@code u}. */
  public CallSummaryState plus(ScoredUtterance u, SummaryConfig config) {
    Map<SpeakerRole, RoleTotals> nextRoles = new EnumMap<>(SpeakerRole.class);
    nextRoles.putAll(roles);
    nextRoles.merge(u.getRole(), new RoleTotals(0, null, 0, 0, 0).plus(u), (old, one) -> old.plus(u));
    List<Double> start = customerStart;
    List<Double> end = customerEnd;
    if (u.getRole() == SpeakerRole.CUSTOMER) {
      if (start.size() < config.startUtterances()) {
        start = append(start, u.getValence(), Integer.MAX_VALUE);
      }
      end = append(end, u.getValence(), config.endUtterances());
    }
    List<Peak> nextPeaks = new ArrayList<>(peaks);
    double negativity = LabelMapping.negativity(u.getProbabilities());
    if (config.peaks() > 0 && LabelMapping.isNegative(u.getLabel())) {
      nextPeaks.add(new Peak(u.getUtteranceId(), u.getRole(), u.getStartMs(), u.getLabel(),
          u.getValence(), negativity));
      nextPeaks.sort(MOST_NEGATIVE_FIRST);
      while (nextPeaks.size() > config.peaks()) {
        nextPeaks.remove(nextPeaks.size() - 1);
      }
    }
    var context = u.getContext();
    return new CallSummaryState(startedAt,
        tenant != null ? tenant : context.getTenant(),
        agentId != null ? agentId : context.getAgentId(),
        queue != null ? queue : context.getQueue(),
        utteranceCount + 1, nextRoles, start, end, nextPeaks, alertCount,
        u.getModelName(), u.getModelVersion());
  }

  private static List<Double> append(List<Double> list, double value, int max) {
    List<Double> out = new ArrayList<>(list);
    out.add(value);
    while (out.size() > max) {
      out.remove(0);
    }
    return out;
  }
}
