package io.emostream.alerts;

import io.emostream.avro.AlertResolution;
import io.emostream.avro.AlertSeverity;
import io.emostream.avro.AlertStatus;
import io.emostream.avro.CallContext;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.alerts.AlertState.Evidence;
import io.emostream.alerts.AlertState.OpenEpisode;
import io.emostream.common.LabelMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-role alert logic, free of Kafka so it can be tested on its own.
 *
 * <p>Closed: OPEN when the role's last {@code consecutiveNegative} utterances are all ANGRY or
 * SAD, or when the negative-affect EWMA has stayed at or above the open threshold for the
 * open duration of call time; never during the cooldown after an episode. Open: RESOLVED
 * (the speaker calmed down) once the EWMA has stayed below the (lower) resolve threshold for the
 * resolve duration, or after {@code calmUtterances} consecutive calm utterances (NEUTRAL or
 * HAPPY, and little ANGRY or SAD probability): a caller who is thanked and says "that's great"
 * twice has calmed down even while a slow EWMA still remembers the shouting. Values between
 * the thresholds change nothing, and after a RESOLVED no episode opens during the cooldown,
 * which is what keeps an alert from flapping. At most one episode is open per call and role.
 * A RESOLVED event says why: {@link AlertResolution#CALMED} here, {@link
 * AlertResolution#CALL_ENDED} from {@link #callEnded}. An utterance that arrives after later
 * ones of the same speaker is judged in call order by {@link LateUtterances}.
 */
public final class AlertStateMachine {

  public static final String CONSECUTIVE_NEGATIVE = "CONSECUTIVE_NEGATIVE";
  public static final String NEGATIVE_EWMA = "NEGATIVE_EWMA";

  private AlertStateMachine() {}

  /**
   * The next state and the alerts it emits, in order: none, one, or (for an utterance that arrived
   * late) an OPENED followed by its RESOLVED.
   */
  public record Step(AlertState state, List<EmotionAlert> alerts) {
    public Step {
      alerts = List.copyOf(alerts);
    }

    Step(AlertState state, EmotionAlert alert) {
      this(state, alert == null ? List.of() : List.of(alert));
    }

    /** The first alert, or null when nothing happened. */
    public EmotionAlert alert() {
      return alerts.isEmpty() ? null : alerts.get(0);
    }
  }

  /**
   * Whether {@code u} leaves a negative run as it is: a NEUTRAL or HAPPY label the model is unsure
   * of (under the minimum confidence) that is not calm either. Like an unsure ANGRY or SAD, it is
   * no evidence; only a confident or a calm utterance says the speaker stopped being upset.
   */
  static boolean holdsRun(ScoredUtterance u, double negativity, AlertRules rules) {
    return !LabelMapping.isNegative(u.getLabel()) && u.getConfidence() < rules.minConfidence()
        && negativity >= rules.calmThreshold();
  }

  /** Applies scored utterance {@code u}, whose record has event time {@code timestamp}. */
  public static Step apply(AlertState s, ScoredUtterance u, AlertRules rules, long timestamp) {
    if (LabelMapping.isNegative(u.getLabel()) && u.getConfidence() < rules.minConfidence()) {
      // an unsure ANGRY or SAD is no evidence of distress: it neither opens, extends nor resolves anything
      return new Step(s.seenAt(u.getEndMs()), List.of());
    }
    double negativity = LabelMapping.negativity(u.getProbabilities());
    double alpha = s.count() == 0 ? 1.0 : rules.ewmaAlpha();
    double ewma = alpha * negativity + (1 - alpha) * s.ewmaNegative();
    Evidence evidence = new Evidence(u.getUtteranceId(), u.getLabel(), u.getEndMs());
    boolean holdsRun = holdsRun(u, negativity, rules);
    List<AlertState.Seen> recent = LateUtterances.insert(s.recent(),
        new AlertState.Seen(u.getUtteranceId(), u.getLabel(), negativity, u.getEndMs(), holdsRun));
    if (u.getEndMs() < s.lastEndMs()) {
      return LateUtterances.apply(s, u, rules, timestamp, ewma, recent);
    }
    long now = u.getEndMs();

    List<Evidence> run = LabelMapping.isNegative(u.getLabel()) ? append(s.negativeRun(), evidence)
        : holdsRun ? s.negativeRun() : List.of();
    Long aboveSince = null;
    List<Evidence> above = List.of();
    if (ewma >= rules.ewmaOpenThreshold()) {
      aboveSince = s.aboveSinceMs() != null ? s.aboveSinceMs() : now;
      above = append(s.aboveSinceMs() != null ? s.aboveEvidence() : List.of(), evidence);
    }

    if (s.open() == null) {
      boolean coolingDown = now < s.cooldownUntilMs();
      String rule = null;
      List<Evidence> proof = null;
      if (!coolingDown && run.size() >= rules.consecutiveNegative()) {
        rule = CONSECUTIVE_NEGATIVE;
        proof = run.subList(Math.max(0, run.size() - rules.consecutiveNegative()), run.size());
      } else if (!coolingDown && aboveSince != null
          && now - aboveSince >= rules.ewmaOpenDuration().toMillis()) {
        rule = NEGATIVE_EWMA;
        proof = above;
      }
      if (rule == null) {
        AlertState next = new AlertState(s.count() + 1, ewma, run, aboveSince, above, s.episodes(),
            null, null, List.of(), s.cooldownUntilMs(), now, List.of(), recent);
        return new Step(next, (EmotionAlert) null);
      }
      int episode = s.episodes() + 1;
      boolean critical = isCritical(proof);
      CallContext context = u.getContext();
      OpenEpisode open = new OpenEpisode(u.getCallId() + "-" + u.getRole() + "-" + episode, rule,
          critical, timestamp, now, u.getChannel(), context.getTenant(), context.getAgentId(),
          context.getQueue());
      AlertState next = new AlertState(s.count() + 1, ewma, run, aboveSince, above, episode, open,
          null, List.of(), s.cooldownUntilMs(), now, List.of(), recent);
      return new Step(next, alert(u, open, AlertStatus.OPENED, null, proof, ewma, run.size(),
          timestamp, openMessage(u.getRole(), rule, proof, rules, now)));
    }

    Long belowSince = null;
    List<Evidence> below = List.of();
    if (ewma < rules.ewmaResolveThreshold()) {
      belowSince = s.belowSinceMs() != null ? s.belowSinceMs() : now;
      below = append(s.belowSinceMs() != null ? s.belowEvidence() : List.of(), evidence);
    }
    List<Evidence> calm = isCalm(u, rules) ? append(s.calmRun(), evidence) : List.of();
    boolean ewmaCleared = belowSince != null && now - belowSince >= rules.resolveDuration().toMillis();
    boolean calmedDown = rules.calmUtterances() > 0 && calm.size() >= rules.calmUtterances();
    if (ewmaCleared || calmedDown) {
      AlertState next = new AlertState(s.count() + 1, ewma, List.of(), null, List.of(), s.episodes(),
          null, null, List.of(), now + rules.cooldown().toMillis(), now, List.of(), recent);
      String message = ewmaCleared
          ? label(u.getRole()) + " calmed down: negative-affect EWMA under "
              + rules.ewmaResolveThreshold() + " for " + (now - belowSince) / 1000 + " s"
          : calmedMessage(u.getRole(), calm);
      return new Step(next, alert(u, s.open(), AlertStatus.RESOLVED, AlertResolution.CALMED,
          ewmaCleared ? below : calm, ewma, run.size(), timestamp, message));
    }
    AlertState next = new AlertState(s.count() + 1, ewma, run, aboveSince, above, s.episodes(),
        s.open(), belowSince, below, s.cooldownUntilMs(), now, calm, recent);
    return new Step(next, (EmotionAlert) null);
  }

  /** NEUTRAL or HAPPY with little anger or sadness in the probabilities. */
  private static boolean isCalm(ScoredUtterance u, AlertRules rules) {
    return isCalm(u.getLabel(), LabelMapping.negativity(u.getProbabilities()), rules);
  }

  static boolean isCalm(EmotionLabel label, double negativity, AlertRules rules) {
    return !LabelMapping.isNegative(label) && negativity < rules.calmThreshold();
  }

  static String calmedMessage(SpeakerRole role, List<Evidence> calm) {
    return label(role) + " calmed down: " + calm.size() + " calm utterances in a row "
        + calm.stream().map(e -> e.label().name()).toList();
  }

  /**
   * The RESOLVED event for an alert still open when its call ends, so no alert stays open
   * forever on a supervisor's screen; null when none is open.
   */
  public static EmotionAlert callEnded(AlertState s, String callId, SpeakerRole role, long timestamp) {
    if (s == null || s.open() == null) {
      return null;
    }
    OpenEpisode open = s.open();
    return EmotionAlert.newBuilder()
        .setAlertId(s.open().alertId())
        .setCallId(callId)
        .setRole(role)
        .setChannel(open.channel())
        .setStatus(AlertStatus.RESOLVED)
        .setRule(s.open().rule())
        .setSeverity(s.open().critical() ? AlertSeverity.CRITICAL : AlertSeverity.WARNING)
        .setEvidenceUtteranceIds(List.of())
        .setEwmaNegative(s.ewmaNegative())
        .setConsecutiveNegative(s.negativeRun().size())
        .setOpenedAt(Instant.ofEpochMilli(s.open().openedAt()))
        .setTimestamp(Instant.ofEpochMilli(timestamp))
        .setCallOffsetMs(s.lastEndMs())
        .setContext(new CallContext(open.tenant(), open.agentId(), open.queue()))
        .setMessage("Call ended with the " + label(role).toLowerCase(Locale.ROOT) + " alert still open")
        .setResolution(AlertResolution.CALL_ENDED)
        .build();
  }

  private static EmotionAlert alert(ScoredUtterance u, OpenEpisode open, AlertStatus status,
      AlertResolution resolution, List<Evidence> evidence, double ewma, int consecutive,
      long timestamp, String message) {
    return alert(u, open, status, resolution, evidence, ewma, consecutive, timestamp, u.getEndMs(), message);
  }

  static EmotionAlert alert(ScoredUtterance u, OpenEpisode open, AlertStatus status,
      AlertResolution resolution, List<Evidence> evidence, double ewma, int consecutive,
      long timestamp, long callOffsetMs, String message) {
    return EmotionAlert.newBuilder()
        .setAlertId(open.alertId())
        .setCallId(u.getCallId())
        .setRole(u.getRole())
        .setChannel(u.getChannel())
        .setStatus(status)
        .setRule(open.rule())
        .setSeverity(open.critical() ? AlertSeverity.CRITICAL : AlertSeverity.WARNING)
        .setEvidenceUtteranceIds(evidence.stream().map(Evidence::utteranceId).toList())
        .setEwmaNegative(ewma)
        .setConsecutiveNegative(consecutive)
        .setOpenedAt(Instant.ofEpochMilli(open.openedAt()))
        .setTimestamp(Instant.ofEpochMilli(timestamp))
        .setCallOffsetMs(callOffsetMs)
        .setContext(u.getContext())
        .setMessage(message)
        .setResolution(resolution)
        .build();
  }

  /** CRITICAL when at least half of the evidence is anger rather than sadness or calm. */
  static boolean isCritical(List<Evidence> evidence) {
    long angry = evidence.stream().filter(e -> e.label() == EmotionLabel.ANGRY).count();
    return !evidence.isEmpty() && angry * 2 >= evidence.size();
  }

  static String openMessage(SpeakerRole role, String rule, List<Evidence> proof,
      AlertRules rules, long nowMs) {
    String at = String.format(Locale.ROOT, "%d:%02d", nowMs / 60_000, (nowMs / 1000) % 60);
    if (CONSECUTIVE_NEGATIVE.equals(rule)) {
      return label(role) + " negative for " + proof.size() + " consecutive utterances "
          + proof.stream().map(e -> e.label().name()).toList() + " at " + at + " into the call";
    }
    return label(role) + " negative-affect EWMA at or above " + rules.ewmaOpenThreshold() + " for "
        + rules.ewmaOpenDuration().toSeconds() + " s at " + at + " into the call";
  }

  private static String label(SpeakerRole role) {
    String name = role.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static List<Evidence> append(List<Evidence> list, Evidence e) {
    List<Evidence> out = new ArrayList<>(list);
    out.add(e);
    while (out.size() > AlertState.MAX_EVIDENCE) {
      out.remove(0);
    }
    return out;
  }
}
