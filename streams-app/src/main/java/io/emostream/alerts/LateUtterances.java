package io.emostream.alerts;

import io.emostream.avro.AlertResolution;
import io.emostream.avro.AlertStatus;
import io.emostream.avro.CallContext;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.alerts.AlertState.Evidence;
import io.emostream.alerts.AlertState.OpenEpisode;
import io.emostream.alerts.AlertState.Seen;
import io.emostream.common.LabelMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The alert rules for an utterance that arrives after later ones of the same speaker.
 *
 * <p>The assembler emits an utterance once its audio is complete or its wait is over, so under
 * load a speaker's utterances can reach the alert detector out of call order: in the demo's
 * escalation call the angry lines can arrive after "that's great, thank you". Judged in arrival
 * order, the late angry lines would open an alert after the caller had already calmed down, and
 * it would stay open until the call ends. Instead, a late utterance is put where it belongs in
 * the speaker's recent utterances (call order): if it completes a run of consecutive negative
 * utterances, the alert opens, and if calm utterances already follow that run, it resolves at
 * once as CALMED. The EWMA rule keeps arrival order (it is a smoothing, not a sequence rule).
 */
final class LateUtterances {

  private static final Comparator<Seen> CALL_ORDER = Comparator.comparingLong(Seen::endMs)
      .thenComparing(Seen::utteranceId);

  private LateUtterances() {}

  /** {@code recent} with {@code seen} in call order, keeping the latest {@link AlertState#MAX_EVIDENCE}. */
  static List<Seen> insert(List<Seen> recent, Seen seen) {
    List<Seen> out = new ArrayList<>(recent);
    out.add(seen);
    out.sort(CALL_ORDER);
    while (out.size() > AlertState.MAX_EVIDENCE) {
      out.remove(0);
    }
    return out;
  }

  /** Applies {@code u}, which ended before the latest utterance seen, given its updated EWMA and window. */
  static AlertStateMachine.Step apply(AlertState s, ScoredUtterance u, AlertRules rules, long timestamp,
      double ewma, List<Seen> recent) {
    long now = s.lastEndMs();
    List<Evidence> calm = trailingCalm(recent, rules);
    if (s.open() == null) {
      List<Evidence> run = negativeRunAround(recent, u.getUtteranceId());
      if (now < s.cooldownUntilMs() || run.size() < rules.consecutiveNegative()) {
        return new AlertStateMachine.Step(copy(s, ewma, s.episodes(), s.open(), s.cooldownUntilMs(), recent),
            List.of());
      }
      List<Evidence> proof = run.subList(run.size() - rules.consecutiveNegative(), run.size());
      int episode = s.episodes() + 1;
      CallContext context = u.getContext();
      long openedAtCall = proof.get(proof.size() - 1).endMs();
      OpenEpisode open = new OpenEpisode(u.getCallId() + "-" + u.getRole() + "-" + episode,
          AlertStateMachine.CONSECUTIVE_NEGATIVE, AlertStateMachine.isCritical(proof), timestamp, openedAtCall,
          u.getChannel(), context.getTenant(), context.getAgentId(), context.getQueue());
      EmotionAlert opened = AlertStateMachine.alert(u, open, AlertStatus.OPENED, null, proof, ewma, run.size(),
          timestamp, openedAtCall, AlertStateMachine.openMessage(u.getRole(), open.rule(), proof, rules, openedAtCall));
      if (calmedAfter(calm, openedAtCall, rules)) {
        EmotionAlert resolved = resolved(u, open, calm, ewma, timestamp);
        return new AlertStateMachine.Step(copy(s, ewma, episode, null, now + rules.cooldown().toMillis(), recent),
            List.of(opened, resolved));
      }
      return new AlertStateMachine.Step(copy(s, ewma, episode, open, s.cooldownUntilMs(), recent), List.of(opened));
    }
    if (calmedAfter(calm, s.open().openedAtCallMs(), rules)) {
      EmotionAlert resolved = resolved(u, s.open(), calm, ewma, timestamp);
      return new AlertStateMachine.Step(copy(s, ewma, s.episodes(), null, now + rules.cooldown().toMillis(), recent),
          List.of(resolved));
    }
    return new AlertStateMachine.Step(copy(s, ewma, s.episodes(), s.open(), s.cooldownUntilMs(), recent), List.of());
  }

  private static boolean calmedAfter(List<Evidence> calm, long callMs, AlertRules rules) {
    return rules.calmUtterances() > 0 && calm.size() >= rules.calmUtterances() && calm.get(0).endMs() > callMs;
  }

  private static EmotionAlert resolved(ScoredUtterance u, OpenEpisode open, List<Evidence> calm, double ewma,
      long timestamp) {
    return AlertStateMachine.alert(u, open, AlertStatus.RESOLVED, AlertResolution.CALMED, calm, ewma, 0, timestamp,
        calm.get(calm.size() - 1).endMs(), AlertStateMachine.calmedMessage(u.getRole(), calm));
  }

  /** The run of consecutive negative utterances (call order) that contains {@code utteranceId}. */
  static List<Evidence> negativeRunAround(List<Seen> recent, String utteranceId) {
    List<Evidence> run = new ArrayList<>();
    boolean contains = false;
    for (Seen seen : recent) {
      if (LabelMapping.isNegative(seen.label())) {
        run.add(seen.evidence());
        contains |= seen.utteranceId().equals(utteranceId);
      } else if (seen.holdsRun()) {
        continue;
      } else if (contains) {
        return run;
      } else {
        run.clear();
      }
    }
    return contains ? run : List.of();
  }

  /** The calm utterances at the end of the call so far, oldest first. */
  static List<Evidence> trailingCalm(List<Seen> recent, AlertRules rules) {
    List<Evidence> calm = new ArrayList<>();
    for (int i = recent.size() - 1; i >= 0; i--) {
      Seen seen = recent.get(i);
      if (!AlertStateMachine.isCalm(seen.label(), seen.negativity(), rules)) {
        break;
      }
      calm.add(0, seen.evidence());
    }
    return calm;
  }

  /** {@code s} after one more utterance that changed no run (runs follow the latest utterance). */
  private static AlertState copy(AlertState s, double ewma, int episodes, OpenEpisode open, long cooldownUntil,
      List<Seen> recent) {
    boolean closing = s.open() != null && open == null;
    return new AlertState(s.count() + 1, ewma, closing ? List.of() : s.negativeRun(), closing ? null : s.aboveSinceMs(),
        closing ? List.of() : s.aboveEvidence(), episodes, open, open == null ? null : s.belowSinceMs(),
        open == null ? List.of() : s.belowEvidence(), cooldownUntil, s.lastEndMs(),
        open == null ? List.of() : s.calmRun(), recent);
  }
}
